"""Run a core function on a worker thread; turn its progress callback into Qt signals.

The core function gets ``progress`` and ``cancel`` keyword arguments. Workers never touch
widgets; threads are never terminated — cancel is cooperative (a threading.Event the core checks
between chunks).
"""

from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot


class Worker(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()
    # (worker, result, exception): lets a receiver running several jobs tell whose result it is
    # (sender() is unreliable once the worker is deleted).
    outcome = Signal(object, object, object)

    def __init__(self, func: Callable, *args, **kwargs):
        super().__init__()
        self._func, self._args, self._kwargs = func, args, kwargs
        self.cancel_event = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            result = self._func(*self._args, progress=self._report, cancel=self.cancel_event, **self._kwargs)
        except BaseException as exc:  # delivered to the UI thread, which decides what to show
            self.outcome.emit(self, None, exc)
            self.failed.emit(exc)
        else:
            self.outcome.emit(self, result, None)
            self.succeeded.emit(result)
        finally:
            self.finished.emit()

    def _report(self, done: int, total: int, label: str) -> None:
        self.progress.emit(int(done), int(total), str(label))

    def cancel(self) -> None:
        self.cancel_event.set()


def start(worker: Worker, parent: QObject) -> QThread:
    """Move ``worker`` to a new thread owned by ``parent`` and start it; cleaned up when done."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    # Queued, so run() starts inside the thread's event loop and finished → quit() can end it.
    thread.started.connect(worker.run, Qt.QueuedConnection)
    # Direct: quit() is thread-safe, and the GUI thread may be waiting on this thread right now.
    worker.finished.connect(thread.quit, Qt.DirectConnection)
    thread.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    worker._thread = thread  # keep both alive until the thread ends
    thread.start()
    return thread
