"""The pages the main window shows: lists, the case file, a record, its history, attachments and
the conflict review."""
