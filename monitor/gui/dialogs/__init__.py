"""Dialogs: unlock, vault care, settings, sync (identity, contacts, export, import, inbox) and the
report preview."""
