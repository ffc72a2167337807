"""Writing job postings: ``ih new posting`` turns a short spec (or answers to questions) into an
inclusive posting, as Markdown or a Word document.

Import the submodules you need; this package imports nothing heavy so that ``ih --help`` stays
instant (Jinja and python-docx are loaded only by :mod:`.render` and :mod:`.docx`).

- :mod:`.spec`: the posting spec, validated with file:line messages
- :mod:`.law`: what the configured ``jurisdictions:`` ask a posting to say
- :mod:`.pay`: currencies and how a pay range is written
- :mod:`.prompts`: the questions asked when there is no spec
- :mod:`.render`: Jinja templates (``templates/posting/``) to Markdown
- :mod:`.docx`: Markdown of the posting to a Word document with heading styles
- :mod:`.output`: atomic writes that never overwrite without ``--force``
"""

from __future__ import annotations


class PostingError(Exception):
    """Bad input for a posting (options, output path, template); ``str()`` is one line."""
