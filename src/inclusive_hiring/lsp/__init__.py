"""``ih lsp``: the language server for editors (docs/editors.md). pygls loads only when it runs."""
