"""Full-text search: the FTS5 index (index) and the word stems it is built from (stemming)."""
