"""The PySide6 face of Monitor. Built on :mod:`monitor.core`; nothing here holds product logic."""

# Guards against PySide6 crashes at interpreter exit (see monitor.gui.worker); every GUI import passes here.
from . import worker as _worker  # noqa: F401
