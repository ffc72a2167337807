"""Currencies a posting may state pay in, and how a pay range is written.

Only currencies whose figures ``ih lint`` recognises as pay (a ``$``, ``£`` or ``€`` sign) are
offered, so that a generated range always counts as a range with both ends (IH701, IH702).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    code: str
    symbol: str
    #: written after the upper figure where the sign alone is ambiguous ("$58,000 CAD")
    suffix: str
    name: str


CURRENCIES: dict[str, Currency] = {c.code: c for c in (
    Currency("USD", "$", "", "US dollars"),
    Currency("CAD", "$", " CAD", "Canadian dollars"),
    Currency("AUD", "$", " AUD", "Australian dollars"),
    Currency("NZD", "$", " NZD", "New Zealand dollars"),
    Currency("GBP", "£", "", "pounds sterling"),
    Currency("EUR", "€", "", "euros"),
)}
#: a symbol given instead of a code
SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR"}
#: period -> how it is written after the figures
PERIODS = {"year": "a year", "month": "a month", "hour": "an hour"}


def currency_for(value: str) -> Currency | None:
    """The currency for a code ("usd", "GBP") or symbol ("£"), or None."""
    text = value.strip()
    code = SYMBOLS.get(text, text.upper())
    return CURRENCIES.get(code)


def amount(value: float, cents: bool = False) -> str:
    """85000 -> "85,000"; 12.6 -> "12.60" (cents where there are any, or when ``cents``)."""
    if float(value).is_integer() and not cents:
        return f"{int(value):,}"
    return f"{value:,.2f}"


def pay_range(currency: Currency, low: float, high: float, period: str) -> str:
    """"$85,000 to $105,000 a year"; one figure when both ends are the same."""
    unit = PERIODS[period]
    cents = not (float(low).is_integer() and float(high).is_integer())
    sign, suffix = currency.symbol, currency.suffix
    if low == high:
        return f"{sign}{amount(low, cents)}{suffix} {unit}"
    return f"{sign}{amount(low, cents)} to {sign}{amount(high, cents)}{suffix} {unit}"
