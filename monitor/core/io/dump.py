"""The plaintext dump: every live record as JSON lines, each type after the types it names."""


import json
from typing import TYPE_CHECKING, Iterator


from ..model import registry, schema
from ..errors import MonitorError
from ..messages import Message
from ..model.schema import RECORD_TYPES
from ..text import one_line

if TYPE_CHECKING:
    from ..store.vault import Vault


# --- dump ----------------------------------------------------------------------------------------

DUMP_ORDER = registry.dump_order(schema.type_dependencies())  # each type after the types it refers to (computed from the schemas)


def dump_records(vault: "Vault", record_type: str | None = None, *, page: int = 2000) -> Iterator[dict]:
    """Every live record, grouped by type in a stable order (the bodies, exactly as stored)."""
    if record_type is not None and record_type not in RECORD_TYPES:
        raise MonitorError(Message("record_type_unknown", type=one_line(record_type, 30)))
    for t in DUMP_ORDER if record_type is None else (record_type,):
        # bounded memory, linear time: the keys sorted once, the bodies read a page at a time by key
        for info in vault.records(t, order="created", batch=page):
            yield info.body


def dump_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
