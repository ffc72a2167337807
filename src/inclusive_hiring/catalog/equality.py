"""Equality law by legal system (``data/equality-law.yml``): which statute a finding cites."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..text.search import StartsAfter, trie_pattern
from ..yamlio import DataError, LineDict, load_yaml_file

#: how much a signal counts, by kind, unless the data file says otherwise
DEFAULT_WEIGHTS = {"currency": 3, "place": 2, "shared_currency": 1}


@dataclass(frozen=True)
class LegalSystem:
    code: str
    name: str
    law: str
    source: str
    #: configured ``jurisdictions:`` codes (prefixes) that select it
    jurisdictions: tuple[str, ...]
    currency: tuple[str, ...]
    places: tuple[str, ...]
    #: family -> what the law says
    notes: dict[str, str]


@dataclass(frozen=True)
class Signals:
    """Every system's signals as two regexes (one scan of the text each), and which systems each
    token shows."""

    currency: re.Pattern[str]
    places: re.Pattern[str]
    owners: dict[tuple[str, str], tuple[str, ...]]
    #: (kind, the same search, faster: ``text/search.py``, ``StartsAfter``)
    scans: tuple[tuple[str, StartsAfter], ...] = ()
    #: (kind, token) -> how much it counts (``weights`` in the data file)
    weights: dict[tuple[str, str], int] = dataclasses.field(default_factory=dict)

    def tokens(self, text: str) -> list[tuple[str, str]]:
        """(kind, token) of each match of ``currency`` (its sign), then of ``places``."""
        return [(kind, m.group("sign") if kind == "currency" else m.group())
                for kind, scan in self.scans for m in scan.finditer(text)]


def build_signals(systems: dict[str, LegalSystem], weights: dict[str, int] | None = None,
                  shared_currency: tuple[str, ...] = ()) -> Signals:
    """``weights`` by kind (``place``, ``currency``, ``shared_currency``: a sign several countries
    write, such as "$" or "€", counts less than one only one country uses, such as "£")."""
    weights = weights or DEFAULT_WEIGHTS
    owners: dict[tuple[str, str], list[str]] = {}
    for system in systems.values():
        for token in system.currency:
            owners.setdefault(("currency", token), []).append(system.code)
        for token in system.places:
            owners.setdefault(("place", token), []).append(system.code)
    signs = sorted((t for k, t in owners if k == "currency"), key=len, reverse=True)
    places = sorted((t for k, t in owners if k == "place"), key=len, reverse=True)
    # A currency counts before a figure ("£30,000", "CAD 50,000", "Rs. 15,000"); a place as a
    # whole word, case-sensitive ("Leeds", "UK").
    # Alternations factored into tries (``text/search.py``): a flat one of 150 places is tried
    # name by name at every offset.
    currency_body = r"(?P<sign>" + trie_pattern(signs) + r")\.?\s?\d"
    place_body = r"(?:" + trie_pattern(places) + r")(?![\w-])"
    scans = (("currency", StartsAfter(currency_body, r"[\w.]")), ("place", StartsAfter(place_body, r"[\w-]")))
    # a currency two systems share ("€": Ireland and the EU) counts as a shared one too
    weight = {(kind, token): weights["shared_currency" if kind == "currency" and (
        token in shared_currency or len(systems_of) > 1) else kind] for (kind, token), systems_of in owners.items()}
    return Signals(re.compile(r"(?<![\w.])" + currency_body), re.compile(r"(?<![\w-])" + place_body),
                   {k: tuple(v) for k, v in owners.items()}, scans, weight)


@dataclass(frozen=True)
class EqualityLaw:
    systems: dict[str, LegalSystem]
    #: rule id or finding category -> family
    families: dict[str, str]
    #: tokens that name US law in a message
    us_law: tuple[str, ...]
    #: how much each kind of signal counts, and the currency signs several countries write
    weights: dict[str, int] = dataclasses.field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    shared_currency: tuple[str, ...] = ()

    @functools.cached_property
    def signals(self) -> Signals:
        """Every system's currencies and places, compiled for one scan of a text each."""
        return build_signals(self.systems, self.weights, self.shared_currency)

    @functools.cached_property
    def us_law_regex(self) -> re.Pattern[str]:
        tokens = "|".join(re.escape(t) for t in sorted(self.us_law, key=len, reverse=True))
        return re.compile(rf"(?<![\w.])(?:{tokens})(?![\w])")


def _strings(raw: Any, path: Path, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise DataError(path, getattr(raw, "line", None), f"{where} must be a list of strings")
    return tuple(raw)


def load_equality_law(path: Path | None = None) -> EqualityLaw:
    """Load and validate the data file; raise :class:`DataError` (file:line) on a problem."""
    from ..resources import data_dir

    path = path or data_dir() / "equality-law.yml"
    raw = load_yaml_file(path)
    if not isinstance(raw, LineDict) or not isinstance(raw.get("systems"), LineDict):
        raise DataError(path, None, "expected 'systems:' (a mapping of legal systems)")
    families = raw.get("families") or {}
    if not isinstance(families, dict) or not all(isinstance(v, str) for v in families.values()):
        raise DataError(path, raw.line_of("families"), "'families' must map categories to family names")
    known = set(families.values())
    systems: dict[str, LegalSystem] = {}
    for code, entry in raw["systems"].items():
        if not isinstance(entry, LineDict):
            raise DataError(path, raw["systems"].line_of(code), f"system {code}: expected a mapping")
        for key in ("name", "law", "source"):
            if not isinstance(entry.get(key), str):
                raise DataError(path, entry.line, f"system {code}: '{key}' must be a string")
        notes = entry.get("notes") or {}
        unknown = sorted(set(notes) - known)
        if unknown:
            raise DataError(path, entry.line_of("notes"), f"system {code}: unknown family '{unknown[0]}'")
        signals = entry.get("signals") or {}
        systems[str(code)] = LegalSystem(
            code=str(code), name=" ".join(entry["name"].split()), law=" ".join(entry["law"].split()),
            source=" ".join(entry["source"].split()),
            jurisdictions=_strings(entry.get("jurisdictions"), path, f"{code}.jurisdictions"),
            currency=_strings(signals.get("currency"), path, f"{code}.signals.currency"),
            places=_strings(signals.get("places"), path, f"{code}.signals.places"),
            notes={str(k): " ".join(str(v).split()) for k, v in notes.items()})
    if "US" not in systems:
        raise DataError(path, None, "the US system is required (the word lists cite US law)")
    weights = raw.get("weights") or {}
    if (not isinstance(weights, dict) or set(weights) - set(DEFAULT_WEIGHTS)
            or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in weights.values())):
        raise DataError(path, raw.line_of("weights"),
                        f"'weights' maps {', '.join(DEFAULT_WEIGHTS)} to positive whole numbers")
    return EqualityLaw(systems=systems, families={str(k): str(v) for k, v in families.items()},
                       us_law=_strings(raw.get("us_law"), path, "us_law"),
                       weights={**DEFAULT_WEIGHTS, **{str(k): int(v) for k, v in weights.items()}},
                       shared_currency=_strings(raw.get("shared_currency"), path, "shared_currency"))


@functools.cache
def default_equality_law() -> EqualityLaw:
    return load_equality_law()
