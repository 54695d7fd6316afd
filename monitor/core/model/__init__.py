"""The record model: JSON schemas, vocabularies, the rules a body must follow, titles and labels,
the body diagram's geometry, and the legal proceedings' status chain. No database access."""
