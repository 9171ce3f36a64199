"""Running the extractor under a time limit: in a child process, or with an alarm.

A thread cannot be stopped, so extraction that must be stoppable runs in a child
process (`Sandbox`): one long-lived process per web process, started on first use
(it loads the gazetteers once), killed when a report overruns its time limit (or
dies, e.g. out of memory) and started afresh for the next report. In the main
thread of a process that may not start children (a Celery prefork worker is
daemonic), `alarm_limit` stops the extractor with SIGALRM instead.

This module imports no Django: the child process runs it without settings.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from multiprocessing.connection import Connection
from typing import Any

# Seconds a fresh child may take to import the extractor and load its gazetteers.
STARTUP_SECONDS = 120.0
_WARM_UP = "The minister met his counterpart in Paris on Monday."


class ExtractionStopped(Exception):
    """The extractor did not finish one report: the message says why, for the admin."""


class ExtractorError(Exception):
    """The extractor raised, in the child: the message is the child's "Type: message"."""


class ExtractionTimeout(ExtractionStopped):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"Extraction stopped after {seconds:g} s, the time limit per report "
            "(EXTRACTION_TIME_LIMIT); the rest of the batch goes on."
        )


def _serve(connection: Connection) -> None:
    """The child: extract each (text, published) received, send back the Document or an error."""
    from extraction import extract

    extract(_WARM_UP, None)
    connection.send(("ready", None))
    while True:
        try:
            text, published = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        try:
            reply: tuple[str, Any] = ("ok", extract(text, published))
        except Exception as exc:  # the report's failure, reported to the parent
            reply = ("error", f"{type(exc).__name__}: {exc}")
        connection.send(reply)


class Sandbox:
    """A child process that extracts one report at a time and is killed when it overruns."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: Any = None
        self._connection: Connection | None = None

    def extract(self, text: str, published: date | None, *, seconds: float) -> Any:
        """The extractor's Document for the text, or ExtractionStopped past `seconds`."""
        with self._lock:
            connection = self._ready()
            try:
                connection.send((text, published))
                if not connection.poll(seconds):
                    self.close()
                    raise ExtractionTimeout(seconds)
                status, value = connection.recv()
            except (EOFError, OSError) as exc:
                self.close()
                raise ExtractionStopped(
                    "Extraction stopped: the extraction process ended unexpectedly "
                    "(out of memory?); the rest of the batch goes on."
                ) from exc
        if status == "error":
            raise ExtractorError(value)
        return value

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs (for tests and logs)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def close(self) -> None:
        """Stop the child (it is started again on the next extraction)."""
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if connection is not None:
            connection.close()
        if process is not None:
            process.kill()
            process.join(5)

    def _ready(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._connection:
            return self._connection
        self.close()
        context = multiprocessing.get_context("spawn")  # never fork a threaded web process
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), name="extraction", daemon=True)
        process.start()
        child.close()
        self._process, self._connection = process, parent
        try:
            started = parent.poll(STARTUP_SECONDS) and parent.recv()[0] == "ready"
        except (EOFError, OSError):
            started = False
        if not started:
            self.close()
            raise ExtractionStopped("Extraction stopped: the extraction process did not start.")
        return parent


@contextmanager
def alarm_limit(seconds: float) -> Iterator[None]:
    """Raise ExtractionTimeout in the block after `seconds` (main thread only, else no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    armed = [True]

    def overrun(signum: int, frame: Any) -> None:
        if armed[0]:
            raise ExtractionTimeout(seconds)

    previous: Callable | int | None = signal.signal(signal.SIGALRM, overrun)
    # raised again every half second until the block ends: an exception raised inside a
    # finalizer (which may run at any moment) is swallowed by the interpreter
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        while True:  # disarm even if the alarm goes off once more meanwhile
            try:
                armed[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except ExtractionTimeout:
                continue
