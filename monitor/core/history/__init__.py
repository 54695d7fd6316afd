"""Revisions and their history: a revision's form and hash (revisions), the gate every revision
passes before it is stored (gate), the current view rebuilt from the revision graph (graph), and
the field-by-field merge of concurrent versions (merge)."""
