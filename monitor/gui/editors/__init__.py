"""Editors: the schema-driven record form, the interview and examination editors, sealing and
drafts, and the body diagram."""
