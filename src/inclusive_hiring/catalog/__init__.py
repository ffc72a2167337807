"""The shipped knowledge: word lists and rules (``wordlists.py``), the jurisdictions' laws
(``jurisdictions.py``), their compiled index and cache (``index.py``), spaCy and the matchers that
find entries in text (``nlp.py``, ``matching.py``), and the rule docs made from them (``ruledocs.py``)."""
