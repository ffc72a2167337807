"""Optional spaCy NER: PERSON entities from a model the user installed, loaded by path only.

Nothing is downloaded: ``spacy.load`` gets a :class:`~pathlib.Path`, so a package name is never
resolved or fetched. Without ``--ner-model`` no model is used at all.
"""

from __future__ import annotations

from pathlib import Path

from . import RedactError
from .engine import PersonFinder

PERSON_LABELS = frozenset({"PERSON", "PER"})


def load_person_finder(path: Path) -> PersonFinder:
    if not path.is_dir() or not (path / "config.cfg").is_file():
        raise RedactError(f"{path}: not a spaCy model folder (no config.cfg); give the path of a model "
                          "you installed, e.g. .../site-packages/en_core_web_sm/en_core_web_sm-3.8.0")
    import spacy

    try:
        nlp = spacy.load(path)
    except Exception as exc:  # spaCy raises many kinds (config, version, missing files)
        message = " ".join(str(exc).split())[:160]
        raise RedactError(f"{path}: cannot load the spaCy model ({type(exc).__name__}: {message})") from None
    if "ner" not in nlp.pipe_names and "entity_ruler" not in nlp.pipe_names:
        raise RedactError(f"{path}: the spaCy model has no 'ner' or 'entity_ruler' component")

    def persons(text: str) -> list[str]:
        return sorted({ent.text for ent in nlp(text).ents if ent.label_ in PERSON_LABELS})

    return persons
