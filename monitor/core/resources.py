"""The one place that finds Monitor's data files (schemas, vocabularies, fonts, icons).

``resources/`` at the top of the checkout installs as the package ``monitor.resources``; in a
checkout that was not installed it is found next to the package.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources as _ilr
from pathlib import Path
from typing import Any


@cache
def root() -> Path:
    try:
        return Path(str(_ilr.files("monitor.resources")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "resources"


def path(*parts: str) -> Path:
    return root().joinpath(*parts)


def load_json(*parts: str) -> Any:
    with path(*parts).open("r", encoding="utf-8") as handle:
        return json.load(handle)
