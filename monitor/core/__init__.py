"""The whole of Monitor without Qt: vault, records, revisions, audit, search, attachments.

Nothing under this package may import PySide6; ``tests/test_architecture.py`` enforces it.
"""
