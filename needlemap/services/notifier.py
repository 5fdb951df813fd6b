"""Change notifications from services to whoever listens (the GUI's Qt adapter).

Services never call into a front end; they publish what changed after it is committed, and the
GUI re-emits that as Qt signals. Listeners run synchronously, in the caller's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Change:
    """``kind`` is past tense: point_marked, point_updated, session_signed, patient_added, …"""

    kind: str
    patient_id: int | None = None
    session_id: int | None = None
    point_id: int | None = None


Listener = Callable[[Change], None]


class Notifier:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
