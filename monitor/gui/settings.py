"""The desktop app's own settings: lock timeout, language, recent vaults.

Kept as a small JSON file in the platform's config directory (``$MONITOR_SETTINGS`` overrides
the path), written atomically with mode 0600. It never holds record content or passphrases —
only preferences and, if the user allows it, the paths of recently opened vaults.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

from ..core.fs import atomic_writer, ensure_private_dir
from ..core.paths import APP_NAME

MAX_RECENT = 8


def default_path() -> Path:
    override = os.environ.get("MONITOR_SETTINGS")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


@dataclass
class Settings:
    lock_minutes: int = 5  # lock after this many minutes without input
    lock_on_minimise: bool = False
    clipboard_seconds: int = 30  # clear what Monitor copied after this long
    language: str = ""  # "" = the system's language; else en, ru or kk
    remember_recent: bool = True
    recent: list[str] = field(default_factory=list)
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        path = Path(path) if path is not None else default_path()
        settings = cls(path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return settings  # missing or unreadable: defaults
        if not isinstance(data, dict):
            return settings
        for f in fields(cls):
            if f.name == "path" or f.name not in data:
                continue
            value = data[f.name]
            default = getattr(settings, f.name)
            if isinstance(default, bool) is isinstance(value, bool) and isinstance(value, type(default)):
                setattr(settings, f.name, value)
        settings.lock_minutes = min(max(int(settings.lock_minutes), 1), 240)
        settings.clipboard_seconds = min(max(int(settings.clipboard_seconds), 5), 600)
        if settings.language not in ("", "en", "ru", "kk"):
            settings.language = ""
        settings.recent = [str(p) for p in settings.recent if isinstance(p, str)][:MAX_RECENT]
        return settings

    def save(self) -> None:
        if self.path is None:
            return
        data = {k: v for k, v in asdict(self).items() if k != "path"}
        if not self.remember_recent:
            data["recent"] = []
        ensure_private_dir(self.path.parent)
        with atomic_writer(self.path) as out:
            out.write(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))

    def add_recent(self, vault: Path) -> None:
        if not self.remember_recent:
            self.recent = []
            return
        text = str(Path(vault).expanduser().absolute())
        self.recent = [text] + [p for p in self.recent if p != text][: MAX_RECENT - 1]

    def forget(self, vault: Path) -> bool:
        """Drop ``vault`` from the recent list (also when it was listed by another spelling of its
        path, e.g. through a symbolic link to its folder). True if it was listed."""
        target = Path(vault).expanduser().absolute()
        same = {str(target), os.path.realpath(target)}
        kept = [p for p in self.recent if p not in same and os.path.realpath(p) not in same]
        changed = kept != self.recent
        self.recent = kept
        return changed

    @property
    def idle_ms(self) -> int:
        return self.lock_minutes * 60 * 1000
