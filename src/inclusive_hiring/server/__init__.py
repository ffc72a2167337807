"""``ih serve``: a local web page and JSON API over one warm lint engine (docs/serve.md).

Starlette and uvicorn are imported only by :mod:`.app` and :mod:`.run`, so importing this package
costs nothing until the command runs.
"""
