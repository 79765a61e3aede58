"""The Datasette side: plugin, article page, templates, serving options."""
