"""Where a build's time goes: wall time per phase, told as each phase ends.

>>> told = []
>>> phases = Phases(told.append)
>>> with phases("render"):
...     pass
>>> told[0].startswith("render: ") and told[0].endswith(" s")
True
>>> [row["phase"] for row in phases.table()]
['render']
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["Phases"]


class Phases:
    """Wall seconds per named phase, in the order the phases first ran."""

    def __init__(self, say: Callable[[str], None] | None = None) -> None:
        self.say = say or (lambda _msg: None)
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - started)

    def add(self, name: str, seconds: float, note: str = "") -> None:
        """Count ``seconds`` to ``name`` (e.g. a phase another process ran) and tell it."""
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        self.say(f"{name}: {seconds:.2f} s{note}")

    def table(self) -> list[dict[str, float | str]]:
        """The phases and their seconds, as ``build.json`` records them under ``profile``."""
        return [{"phase": name, "seconds": round(s, 3)} for name, s in self.seconds.items()]
