"""The issue's floors, measured on the labelled synthetic CVs (tests/redact/cvs/).

- dev (tuned on: every held-out set once studied, and CVs written for the long tail): at least
  99% of the identifiers of every kind removed and 99% of the skill and experience phrases kept,
  as .txt and .pdf (the .docx and .md paths share the detectors and are measured on every split
  by bench/redact_eval.py). A regression guard, stricter than the issue's 95%.
- studied (held-out v8: its classes of misses were worked on in round 9, not all fixed): a
  regression guard at just under its round-9 figures (91.8% of identifiers as .txt, 90.5% as .pdf;
  skill phrases kept 97.4% / 96.3%).
- held-out (written before the last change, never tuned on): the issue's 95% floors. They were
  NOT met on the last set's first run (held-out v9, written blind: 82.5% of identifiers, thirteen
  kinds below 95%; docs/redact.md has every round), so that test is a strict xfail:
  it fails the suite the day the floor is met on a new set, so the mark gets removed. The parts
  of the floor met on held-out CVs (skill phrases kept, photos gone) are asserted without a mark.
  Between a set's move into dev and the next set's arrival there is no held-out set and these
  tests skip.
"""

from __future__ import annotations

import pytest
from redact_corpus import FORMATS, Evaluation, evaluate, load

FLOOR = 0.95
DEV_FLOOR = 0.99


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    cache: dict[tuple[str, str], Evaluation] = {}

    def get(split: str, fmt: str) -> Evaluation:
        if (split, fmt) not in cache:
            cache[(split, fmt)] = evaluate(split, fmt, tmp_path_factory.mktemp(f"{split}-{fmt}"))
        return cache[(split, fmt)]

    return get


def _below(result: Evaluation, floor: float = FLOOR) -> dict[str, float]:
    return {kind: round(result.recall(kind), 3) for kind in sorted(result.total) if result.recall(kind) < floor}


@pytest.mark.parametrize("fmt", ["txt", "pdf"])
def test_dev_set_meets_the_floors(measured, fmt):
    result = measured("dev", fmt)
    assert sum(result.total.values()) > 1000
    assert _below(result, DEV_FLOOR) == {}, result.misses
    assert result.keep_share >= DEV_FLOOR, result.drops
    assert result.photos_left == 0


#: round 9's figures on the studied set, less a point: (identifiers removed, skill phrases kept)
STUDIED_GUARD = {"txt": (0.91, 0.965), "pdf": (0.895, 0.955)}


@pytest.mark.parametrize("fmt", ["txt", "pdf"])
def test_studied_set_holds_its_round_9_figures(measured, fmt):
    result = measured("studied", fmt)
    if not result.total:
        pytest.skip("no studied set installed")
    removed = sum(result.found.values()) / sum(result.total.values())
    floor, keep = STUDIED_GUARD[fmt]
    assert removed >= floor, result.misses
    assert result.keep_share >= keep, result.drops
    assert result.photos_left == 0


def _heldout_cvs() -> int:
    count = len(load("heldout"))
    if not count:
        pytest.skip("no held-out set installed (tests/redact/cvs/heldout/ is absent or empty: the last "
                    "one was moved into dev)")
    return count


@pytest.mark.parametrize("fmt", FORMATS)
def test_heldout_keeps_skill_phrases_and_drops_photos(measured, fmt):
    cvs = _heldout_cvs()
    result = measured("heldout", fmt)
    assert result.keep_total >= 5 * cvs
    assert result.keep_share >= FLOOR, result.drops
    assert result.photos_left == 0
    if fmt == "docx":
        assert result.total["PHOTO"] == cvs and result.found["PHOTO"] == cvs


@pytest.mark.xfail(strict=True, reason="not met on untuned CVs: 82.5% of identifiers on held-out v9's first "
                                       "run, thirteen kinds below 95% (docs/redact.md)")
@pytest.mark.parametrize("fmt", FORMATS)
def test_heldout_removes_95_percent_of_every_kind(measured, fmt):
    _heldout_cvs()
    result = measured("heldout", fmt)
    assert _below(result) == {}
