"""Parse: text into the Document model (pages, articles, sections, captions)."""
