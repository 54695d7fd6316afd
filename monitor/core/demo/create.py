"""``monitor demo``: a new vault filled with fictional, deterministic demo data.

The data comes from :mod:`monitor.core.demo.data` (pure generation, no database). This module
streams it into a vault in batches, with progress and cancel. The vault is built under a
temporary name and appears at its path only when complete.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Callable

from . import data as demo_data
from ..errors import Cancelled
from ..keys.keyslot import KdfCost
from ..store.vault import Vault

BATCH = 2000


def fill(vault: Vault, *, cases: int, seed: int, progress: Callable | None = None, cancel=None) -> Counter:
    """Write the demo data set into an open vault; return the count of records per type."""
    counts: Counter = Counter()
    batch: list[dict] = []
    expected = cases * 13 + 30  # rough size of the data set (measured: ~12.9 records a case), for the progress bar only

    def flush() -> None:
        if batch:
            vault.put_many(batch, action="demo")
            counts.update(r["type"] for r in batch)
            batch.clear()
            if progress:
                done = sum(counts.values())
                progress(min(done, expected - 1), expected, "demo data")

    for kind, item in demo_data.generate(cases=cases, seed=seed):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if kind == "blob":
            vault.store_blob(io.BytesIO(item))  # only records after it name it
        else:
            batch.append(item)
            if len(batch) >= BATCH:
                flush()
    flush()
    if progress:
        progress(expected, expected, "demo data")
    return counts


def create_demo_vault(path: Path | str, passphrase: str, *, cases: int = 50, seed: int = 1,
                      profile: str = "demo", kdf: KdfCost | None = None, kdf_iter: int | None = None,
                      progress: Callable | None = None, cancel=None) -> Counter:
    counts: Counter = Counter()

    def populate(vault: Vault) -> None:
        # Vault.create runs this on the temporary file without per-commit fsyncs (see there).
        counts.update(fill(vault, cases=cases, seed=seed, progress=progress, cancel=cancel))

    Vault.create(path, passphrase, profile=profile, kdf=kdf, kdf_iter=kdf_iter, populate=populate).close()
    return counts
