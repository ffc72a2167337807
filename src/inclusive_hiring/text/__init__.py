"""Text helpers shared by the linter, the rules and the kits: words, sentences, syllables, headings
and front matter. Each module is small and imports nothing else of the package."""
