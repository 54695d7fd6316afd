"""The PySide6 face of Monitor. Built on :mod:`monitor.core`; nothing here holds product logic."""
