"""Timestamps in a narrative that point into the interview's recording: ``[12:34]`` or ``[1:02:03]``.

``[mm:ss]``: minutes (any number) and seconds (00–59); ``[h:mm:ss]``: hours, then minutes and
seconds of two digits (00–59). Anything else in brackets is left alone.
"""

from __future__ import annotations

import re

_MARK = re.compile(r"\[(?:(\d{1,3}):([0-5]\d):([0-5]\d)|(\d{1,4}):([0-5]\d))\]")


def find(text: str) -> list[tuple[int, int, float]]:
    """(start, end, seconds) of each timestamp in ``text`` (end exclusive, brackets included)."""
    out = []
    for m in _MARK.finditer(text or ""):
        if m.group(1) is not None:
            seconds = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        else:
            seconds = int(m.group(4)) * 60 + int(m.group(5))
        out.append((m.start(), m.end(), float(seconds)))
    return out


def format(seconds: float) -> str:
    """``12:34`` below an hour, ``1:02:03`` from an hour on (whole seconds, rounded down)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
