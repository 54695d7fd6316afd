"""Data files shipped with Monitor (installed as the package ``monitor.resources``).

Nothing here is code; use :mod:`monitor.core.resources` to find files.
"""
