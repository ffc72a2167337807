"""The located field checks shared by the posting spec and the kit spec."""

from __future__ import annotations

import pytest

from inclusive_hiring.fieldcheck import FieldChecker
from inclusive_hiring.yamlio import DataError, load_yaml


def _spec(text: str):  # type: ignore[no-untyped-def]
    return load_yaml(text, "spec.yml")


def test_unknown_key_names_line_and_close_match() -> None:
    spec = _spec("title: Nurse\nlocaton: Leeds\n")
    with pytest.raises(DataError) as caught:
        FieldChecker("spec.yml").keys(spec, ("title", "location"), "posting")
    assert str(caught.value) == "spec.yml:2: unknown posting key 'locaton' (did you mean 'location'?)"


def test_whole_number_bounds_and_absence() -> None:
    spec = _spec("minutes: 500\nlevel: two\n")
    check = FieldChecker("spec.yml")
    assert check.whole_number(spec, "missing", 1, 10) is None
    with pytest.raises(DataError, match=r"spec.yml:1: 'minutes' must be between 15 and 240 minutes, not 500"):
        check.whole_number(spec, "minutes", 15, 240, unit=" minutes")
    with pytest.raises(DataError, match=r"spec.yml:2: 'level' must be a whole number, not 'two'"):
        check.whole_number(spec, "level", 1, 5)


def test_bounded_refuses_empty_and_long_text() -> None:
    check = FieldChecker("spec.yml")
    assert check.bounded("Nurse", 3, "'title'", 10) == "Nurse"
    with pytest.raises(DataError, match=r"spec\.yml:3: 'title' must not be empty"):
        check.bounded("", 3, "'title'", 10)
    with pytest.raises(DataError, match=r"'title' is too long \(11 characters; at most 10\)"):
        check.bounded("Head nurses", 3, "'title'", 10)
