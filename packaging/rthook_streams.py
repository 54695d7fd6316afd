# PyInstaller runtime hook: runs in the frozen app before monitor/__main__.py.
# A windowed executable (monitor-gui.exe on Windows, Monitor.app started from Finder) has no
# stdout/stderr: sys.stdout is None, and the command line's first print would raise. Point the
# missing streams at the null device so messages are dropped instead; nothing is written to disk.
import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))
