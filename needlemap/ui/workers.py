"""Run slow work off the GUI thread and hand the result back on it.

The database is opened per thread by SQLAlchemy's pool, so a service call may run in a worker.
While it runs, the caller shows that it is busy; the interface never freezes without feedback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, work: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._with_progress = with_progress

    def run(self) -> None:
        try:
            args = (self._relay.progress.emit,) if self._with_progress else ()
            result = self._work(*args)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self._relay.failed.emit(exc)
            return
        self._relay.done.emit(result)


_KEEP: set[_Relay] = set()


def run_in_background(
    work: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    parent: QObject | None = None,
) -> _Relay:
    """Run ``work()`` (or ``work(report)`` when ``on_progress`` is given) in the thread pool."""
    relay = _Relay(parent)
    _KEEP.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _KEEP.discard(relay)
        callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    if on_progress is not None:
        relay.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Task(work, relay, on_progress is not None))
    return relay
