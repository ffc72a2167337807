"""Geometry for the report's inline SVG charts: plain numbers the templates draw, no JavaScript."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

BAR_HEIGHT = 22
BAR_GAP = 6


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    css: str = ""


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    label_width: int = 0
    title: str = ""


def horizontal(items: Sequence[tuple[str, int, str]], width: int = 560, label_width: int = 190,
               title: str = "") -> Chart:
    """One bar per (label, value, css class), longest = full width; values written at bar ends."""
    top = max((v for _, v, _ in items), default=0) or 1
    room = width - label_width - 60
    bars = tuple(Bar(label, value, label_width, i * (BAR_HEIGHT + BAR_GAP),
                     round(room * value / top, 1), BAR_HEIGHT, css)
                 for i, (label, value, css) in enumerate(items))
    height = max(len(items) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT)
    return Chart(width, height, bars, label_width, title)


def histogram(items: Sequence[tuple[str, int]], width: int = 560, height: int = 180,
              title: str = "") -> Chart:
    """Vertical bars over labelled bins; the plot leaves 40px at the bottom for labels, 20 at top."""
    top = max((v for _, v in items), default=0) or 1
    slot = width / max(len(items), 1)
    plot = height - 60
    bars = tuple(Bar(label, value, round(i * slot + slot * 0.12, 1),
                     round(20 + plot - plot * value / top, 1), round(slot * 0.76, 1),
                     round(plot * value / top, 1)) for i, (label, value) in enumerate(items))
    return Chart(width, height, bars, 0, title)
