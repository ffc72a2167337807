"""The lint pipeline (docs/architecture.md): prepare the text, select the enabled rules, run them
into hits, then one policy step turns hits into findings (metadata, severity, ``accept:``,
suppressions). :class:`~inclusive_hiring.lint.linter.Linter` is the entry point."""
