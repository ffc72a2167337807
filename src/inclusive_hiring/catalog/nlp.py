"""The spaCy pipeline: ``spacy.blank("en")`` plus a lower-case lookup lemmatizer. Built once, lazily.

Nothing here touches the network: the tokenizer ships with spaCy and the lemma table with the
spacy-lookups-data package.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _cli_stand_ins() -> dict[str, ModuleType]:
    """Empty stand-ins for ``spacy.cli`` and ``spacy.cli.info``, whose ``info`` imports the real one."""
    import types

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, as far as the import system asks
    cli_info = types.ModuleType("spacy.cli.info")
    cli_info.info = info  # type: ignore[attr-defined]
    return {"spacy.cli": cli, "spacy.cli.info": cli_info}


def import_spacy() -> ModuleType:
    """``import spacy``, without loading ``spacy.cli``.

    spaCy's ``__init__`` imports its command-line package only to offer ``spacy.info``, and that
    package imports weasel, httpx, requests, jinja2 and more: about 0.2 s, a third of spaCy's
    import, that linting never uses. Stand-ins for the two modules stay in ``sys.modules`` while
    spaCy is imported and are removed right after, so a later ``import spacy.cli`` gets the
    real package, and ``spacy.info`` imports the real function when it is called.

    If a spaCy release asks the stand-ins for anything more, the import fails with ImportError
    or AttributeError; spaCy is then imported the plain way, which only costs the 0.2 s.
    """
    import sys

    if "spacy" in sys.modules or "spacy.cli" in sys.modules or "spacy.cli.info" in sys.modules:
        import spacy

        return spacy
    stand_ins = _cli_stand_ins()
    sys.modules.update(stand_ins)
    try:
        import spacy
    except (ImportError, AttributeError):
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        import spacy  # the modules spaCy did import are reused; the failed ones are imported again
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


class Lemmatizer:
    """Sets ``LEMMA`` from a lookup table keyed on the lower-cased token.

    spaCy's own lookup lemmatizer keys on the exact text, so "Salesmen" would stay "Salesmen"; the
    linter needs case-insensitive lemmas. The table is the slice of spacy-lookups-data's English
    table that the word lists can match (see ``index.py``); any other word is its own lemma.
    Results are cached per lower-case hash.
    """

    def __init__(self, nlp: Language, table: Mapping[str, str]) -> None:
        self._table = table
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

    def __init__(self, lemma_table: Mapping[str, str]) -> None:
        import_spacy()
        from spacy.lang.en import English

        self.nlp = English()
        self.lemmatizer = Lemmatizer(self.nlp, lemma_table)

    @property
    def vocab(self):  # type: ignore[no-untyped-def]
        return self.nlp.vocab

    def make(self, text: str) -> Doc:
        return self.lemmatizer(self.nlp.make_doc(text))

    def make_many(self, texts: Iterable[str]) -> list[Doc]:
        return [self.lemmatizer(doc) for doc in self.nlp.tokenizer.pipe(texts)]
