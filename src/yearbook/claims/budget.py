"""A check within a budget: the input's size, how many numbers it holds, and time.

The checker is linear in its input, but a large enough input still takes long:
`yearbook check` and ``POST /api/check`` refuse text above a size, text holding
more numbers than `MAX_NUMBERS`, and run the check in a `Worker` process that
is killed at its deadline, or as soon as the one waiting for it goes away, so
no input keeps a core busy after its answer is no longer wanted.

>>> worker = Worker(pow, (2, 10), timeout=30.0)
>>> worker.wait()
1024
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from yearbook.claims.text import count_numbers
from yearbook.errors import InternalError, LimitError, YearbookError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "MAX_NUMBERS",
    "CheckTimeout",
    "TooManyNumbers",
    "Worker",
    "check_numbers",
]

DEFAULT_MAX_BYTES = 2_000_000
"""The largest file `yearbook check` reads unless told otherwise (``--max-bytes``)."""

DEFAULT_TIMEOUT = 30.0
"""Seconds a check may take unless told otherwise (``--timeout``)."""

MAX_NUMBERS = 15_000
"""The most numbers a checked text may hold (a long annual report holds a few thousand)."""

T = TypeVar("T")


class CheckTimeout(LimitError):
    """The check ran past its time budget and was stopped."""


class TooManyNumbers(LimitError):
    """The text holds more numbers than `MAX_NUMBERS`."""


def check_numbers(text: str) -> None:
    """Refuse a text with more than `MAX_NUMBERS` numbers (counting stops past the limit)."""
    if count_numbers(text, MAX_NUMBERS + 1) > MAX_NUMBERS:
        raise TooManyNumbers(
            f"the text holds more than {MAX_NUMBERS:,} numbers, the most one check reads",
            hint="check it in parts, a chapter at a time",
        )


def _run(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        conn.send(("ok", fn(*args)))
    except YearbookError as err:
        conn.send(("error", err))
    except Exception as err:  # the edge of the worker: report, never hang the caller
        conn.send(("error", InternalError(f"{type(err).__name__}: {err}")))
    finally:
        conn.close()


class Worker(Generic[T]):
    """``fn(*args)`` in its own process, with a deadline ``timeout`` seconds from now.

    `wait` blocks until the answer or the deadline; `ready` and `result` let an
    event loop poll instead. `stop` kills the process (idempotent).
    """

    def __init__(
        self,
        fn: Callable[..., T],
        args: tuple[Any, ...],
        *,
        timeout: float,
        context: str = "fork",
    ) -> None:
        ctx: Any = multiprocessing.get_context(context)
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self._conn: Connection
        self._conn, child = ctx.Pipe(duplex=False)
        self._process: BaseProcess = ctx.Process(target=_run, args=(child, fn, args), daemon=True)
        self._process.start()
        child.close()

    def ready(self, wait: float = 0.0) -> bool:
        """Whether the answer (or the worker's end) has arrived, waiting up to ``wait`` s."""
        return self._conn.poll(max(0.0, min(wait, self.deadline - time.monotonic())))

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def result(self) -> T:
        """The answer once `ready`: the value, or the error the check raised."""
        try:
            status, value = self._conn.recv()
        except EOFError:
            self._process.join(1.0)  # it is ending: its exit code says why
            raise self._ended() from None
        finally:
            self.stop()
        if status == "error":
            raise value
        answer: T = value
        return answer

    def wait(self) -> T:
        """Block until the answer; `CheckTimeout` (and the worker killed) at the deadline."""
        if self.ready(self.timeout):
            return self.result()
        self.stop()
        raise self.timeout_error()

    def timeout_error(self) -> CheckTimeout:
        return CheckTimeout(
            f"the check took longer than its time limit of {self.timeout:g} s and was stopped",
            hint="check a shorter text, or allow more time (--timeout)",
        )

    def _ended(self) -> YearbookError:
        """Why the worker ended with no answer: stopped by a limit the system sets on its
        processor time (or killed from outside, as an out-of-memory killer does), or a bug."""
        code = self._process.exitcode
        if code is not None and -code in (signal.SIGXCPU, signal.SIGKILL):
            return LimitError(
                "the check was stopped by the system, past the processor time or memory it "
                "allows this process",
                hint="check a shorter text, a chapter at a time, or raise the system's limit",
            )
        return InternalError("the check stopped without an answer")

    def stop(self) -> None:
        """Kill the worker if it still runs, and reap it."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._conn.close()
