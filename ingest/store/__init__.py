"""Store: the schema, row ids, the rows of a file, writes, the archive file."""
