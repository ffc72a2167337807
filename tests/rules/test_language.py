"""IH820: a document that does not read as English gets one info finding, and the checks that
read English prose (statements, reading grade) do not report what ih could not read."""

from __future__ import annotations

from inclusive_hiring import lint_text
from inclusive_hiring.rules.language import english_share

PORTUGUESE = (
    "Padaria no centro do Porto procura pasteleiro com experiência em massa folhada e bolos de festa. "
    "Horário das cinco da manhã à uma da tarde, folga ao domingo e segunda. Oferecemos contrato sem "
    "termo, subsídio de alimentação e formação em decoração. Valorizamos pontualidade, higiene e gosto "
    "pelo trabalho em equipa. Candidaturas por correio eletrónico com currículo e referências."
)
ENGLISH = (
    "We are hiring a pastry cook for our bakery in the city centre. You will bake bread and make cakes "
    "for celebrations from 5am to 1pm, with Sundays and Mondays off. We offer a permanent contract, "
    "meal allowance and training in decoration, and we value punctuality and hygiene. Send your CV and "
    "two references by e-mail and tell us about the best cake you have made."
)


def _ids(text: str) -> set[str]:
    return {f.rule_id for f in lint_text(text, kind="posting").findings}


def test_a_portuguese_posting_is_not_read_as_english():
    result = lint_text(PORTUGUESE, kind="posting")
    ids = {f.rule_id for f in result.findings}
    assert "IH820" in ids
    assert not ids & {"IH750", "IH751", "IH801", "IH802"}
    assert result.metrics["reading_grade"] is None


def test_an_english_posting_keeps_its_statement_checks():
    ids = _ids(ENGLISH)
    assert "IH820" not in ids
    assert {"IH750", "IH751"} <= ids


def test_english_words_in_a_foreign_posting_are_still_checked():
    # the span rules run on every document: an English jargon title in it is still flagged
    ids = _ids(PORTUGUESE + " Procuramos um verdadeiro rockstar da pastelaria.")
    assert "IH820" in ids
    assert any(rule.startswith("IH5") for rule in ids)


def test_english_share_counts_function_words():
    assert english_share([], ["the"]) == 0.0
    assert english_share(["the", "cat", "and", "the", "dog"], ["the", "and"]) == 0.6
    assert english_share(["o", "gato", "e", "o", "cão"], ["the", "and"]) == 0.0
