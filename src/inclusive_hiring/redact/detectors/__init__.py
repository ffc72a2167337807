"""One module per kind of identifier; each ``find(text, lexicon)`` returns :class:`~..spans.Span` s.

The engine runs them all on the whole text and resolves overlaps (:func:`..spans.resolve`).
"""
