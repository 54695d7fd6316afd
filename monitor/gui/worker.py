"""Run a core function on a worker thread; turn its progress callback into Qt signals.

The core function gets ``progress`` and ``cancel`` keyword arguments. Workers never touch
widgets; threads are never terminated — cancel is cooperative (a threading.Event the core checks
between chunks).
"""

from __future__ import annotations

import atexit
import ctypes
import sys
import threading
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, Signal, Slot


def _keep_singletons_alive() -> None:
    """Make ``None``, ``True`` and ``False`` immortal, as Python 3.12 does.

    PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without taking a reference to it
    (and a failed ``disconnect()`` returns ``False`` the same way): every emit takes one reference
    from ``True``. After enough progress signals the count reaches zero and the interpreter aborts
    with ``Fatal Python error: bool_dealloc`` / ``none_dealloc``, usually at exit, when the final
    garbage collection drops the last references (issue 17 §5; ``tests/test_shutdown.py``). These
    three objects are never freed anyway, so adding 2**40 references costs nothing and holds on
    any PySide6 version. CPython before 3.12 only: from 3.12 on they are immortal already.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


def _delete_widgets_before_pyside_exit() -> None:
    """Delete the remaining top-level widgets before PySide's own clean-up at exit.

    A widget that connected a lambda capturing ``self`` keeps itself alive through that
    connection (a cycle Python's collector cannot see), so it survives until PySide deletes every
    Python-owned Qt object at exit. Deleting one there can drop the last reference to another that
    PySide is about to delete too: a double delete ("QObject: shared QObject was deleted
    directly", then heap corruption). Deleting the top-level widgets here first, while Python is
    fully alive, avoids that. atexit runs handlers last-registered-first, so this runs before
    PySide's handler, registered when QtCore was imported.
    """
    app = QCoreApplication.instance()
    if app is None:
        return
    try:
        import shiboken6
        from PySide6.QtWidgets import QApplication

        widgets = QApplication.topLevelWidgets() if isinstance(app, QApplication) else []
        for widget in widgets:
            if shiboken6.isValid(widget):
                shiboken6.delete(widget)
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    except RuntimeError:  # an object already gone: nothing left to delete
        pass


# The UI thread waits for the GIL whenever a worker runs Python: a thread that wants the GIL asks the
# running one to drop it after the switch interval (5 ms by default), and on a loaded machine each
# such hand-over also waits for the OS to schedule the threads. A Qt timer tick or a paint takes
# several hand-overs, so the interval multiplies. Measured with bench_ui's probe (a 5 ms UI timer)
# while a plain Python thread spins, 8 interleaved pairs of 2 s at load 11 on 2 cores: the longest
# gap 82 -> 53 ms (median of the pairs), the mean gap 36 -> 10 ms. A worker alone, with nobody
# waiting for the GIL, never switches and loses nothing.
UI_SWITCH_INTERVAL = 0.001

_keep_singletons_alive()
atexit.register(_delete_widgets_before_pyside_exit)
sys.setswitchinterval(min(sys.getswitchinterval(), UI_SWITCH_INTERVAL))


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
