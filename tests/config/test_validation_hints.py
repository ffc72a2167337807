"""One "did you mean" helper (inclusive_hiring.validation) behind the config, the word-list catalog,
jurisdictions and kit specs, with their messages as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from inclusive_hiring.catalog import jurisdictions
from inclusive_hiring.catalog import wordlists as catalog
from inclusive_hiring.config import load_config
from inclusive_hiring.kits.library import default_library
from inclusive_hiring.kits.spec import spec_from_text
from inclusive_hiring.validation import closest, did_you_mean, hint
from inclusive_hiring.yamlio import DataError, load_yaml


def test_closest_and_the_hint_wording():
    assert closest("acept", ["accept", "prefer"]) == "accept"
    assert closest(12, ["12x", "abc"]) == "12x"  # any value is compared as text
    assert closest("zzz", ["accept"]) is None
    assert closest("IH5l0", ["IH510"], cutoff=0.9) is None
    assert did_you_mean("acept", ("accept", "prefer")) == " (did you mean 'accept'?)"
    assert did_you_mean("zzz", ["accept"]) == ""
    assert did_you_mean("zzz", ["accept"], otherwise=" (allowed: accept)") == " (allowed: accept)"
    assert hint("x") == " (did you mean 'x'?)" and hint(None, otherwise="!") == "!"


def test_the_config_uses_it(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".ih.yaml").write_text("rules:\n  IH801: {severity: eror}\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_config(start=tmp_path)
    assert info.value.detail == ("rules.IH801.severity: unknown severity 'eror' (did you mean 'error'?); "
                                 "use error, warning or info")


def test_the_catalog_uses_it():
    raw = load_yaml("id: IH999\nnmae: x\n", "list.yml")
    with pytest.raises(DataError) as info:
        catalog._check_keys(raw, {"id", "name"}, Path("list.yml"), "rule")
    assert str(info.value) == "list.yml:2: unknown rule key 'nmae' (did you mean 'name'?)"


def test_jurisdictions_use_it():
    raw = load_yaml("code: US-CO\nnmae: Colorado\n", "j.yml")
    with pytest.raises(DataError) as info:
        jurisdictions._keys(raw, ("code", "name"), ("code",), Path("j.yml"), "a jurisdiction")
    assert str(info.value) == "j.yml:2: unknown key 'nmae' in a jurisdiction (did you mean 'name'?)"


@pytest.mark.parametrize(("text", "message"), [
    ("role: Dev\nlevel: senior\ncompetencies: [communication]\npanle: [A]\n",
     "kit.yml:4: unknown spec key 'panle' (did you mean 'panel'?)"),
    ("role: Dev\nlevel: senior\ncompetencies: [communication]\nzzzz: 1\n",
     "kit.yml:4: unknown spec key 'zzzz' (allowed: role, level, competencies, organization, interview_minutes, "
     "questions_per_competency, panel, stages, accommodations_contact, decision)"),
])
def test_kit_specs_use_it(text, message):
    with pytest.raises(DataError) as info:
        spec_from_text(text, "kit.yml", default_library())
    assert str(info.value) == message
