"""The spaCy pipeline: ``spacy.blank("en")`` plus a lower-case lookup lemmatizer. Built once, lazily.

Nothing here touches the network: the tokenizer ships with spaCy and the lemma table with the
spacy-lookups-data package.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class Lemmatizer:
    """Sets ``LEMMA`` from the English lookup table, keyed on the lower-cased token.

    spaCy's own lookup lemmatizer keys on the exact text, so "Salesmen" would stay "Salesmen"; the
    linter needs case-insensitive lemmas. Results are cached per lower-case hash.
    """

    def __init__(self, nlp: Language) -> None:
        from spacy.lookups import load_lookups

        self._table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        self._strings = nlp.vocab.strings
        self._cache: dict[int, int] = {}

    def lemma(self, lower: str) -> str:
        return self._table.get(lower, lower)

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, LOWER

        if not len(doc):
            return doc
        lowers = doc.to_array([LOWER]).tolist()
        cache = self._cache
        out = []
        for h in lowers:
            value = cache.get(h)
            if value is None:
                text = self._strings[h]
                value = self._strings.add(self._table.get(text, text))
                cache[h] = value
            out.append(value)
        doc.from_array([LEMMA], numpy.asarray(out, dtype="uint64").reshape(-1, 1))
        return doc


class Pipeline:
    """Tokenizer plus lemmatizer; ``make(text)`` returns a lemmatized Doc."""

    def __init__(self) -> None:
        from spacy.lang.en import English

        self.nlp = English()
        self.lemmatizer = Lemmatizer(self.nlp)

    @property
    def vocab(self):  # type: ignore[no-untyped-def]
        return self.nlp.vocab

    def make(self, text: str) -> Doc:
        return self.lemmatizer(self.nlp.make_doc(text))

    def make_many(self, texts: Iterable[str]) -> list[Doc]:
        return [self.lemmatizer(doc) for doc in self.nlp.tokenizer.pipe(texts)]


@functools.cache
def get_pipeline() -> Pipeline:
    return Pipeline()
