"""Outputs made once: a content-addressed cache of rendered charts and PDFs.

A chart's SVG depends only on its Vega-Lite spec (which carries its data) and on the
renderer's version; a PDF only on the HTML it is laid out from and the charts that
HTML shows. Each is stored under the SHA-256 of those inputs, so an unchanged chart
is never rendered twice and an unchanged PDF never laid out twice::

    .OUT.yearbook-cache/           beside the build's output (`yearbook.incremental`)
      charts/<sha256>.svg
      pdf/<sha256>.pdf

A build takes what it finds and renders the rest: charts in a process pool sized to
the cores (vl-convert renders one chart at a time per process). Nothing depends on
timestamps; an entry is written aside and renamed into place, so a build killed
mid-write leaves no half entry. Each folder keeps its newest `KEEP` entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

__all__ = ["KEEP", "OutputCache", "chart_key", "digest", "render_charts"]

KEEP = 2000
"""Entries kept in each cache folder (the least recently used go first)."""

IN_PROCESS = 3
"""Up to this many charts to render are rendered here rather than in the pool."""


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of some parts, kept apart from each other.

    >>> digest("a", "b") == digest("a", "b") != digest("ab")
    True
    """
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _renderer_version() -> str:
    import vl_convert

    return f"vl-convert {getattr(vl_convert, '__version__', '?')}"


def chart_key(spec: dict[str, Any]) -> str:
    """A chart's cache key: its spec, data included, and the renderer's version."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return digest(_renderer_version(), text)


class OutputCache:
    """Files stored under their key in one folder per kind (``charts``, ``pdf``)."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        """None: nothing is kept (every output is made afresh)."""

    def path(self, kind: str, key: str, suffix: str) -> Path | None:
        """The stored file of ``key``, if there is one."""
        if self.root is None:
            return None
        path = self.root / kind / f"{key}{suffix}"
        if not path.is_file():
            return None
        os.utime(path)  # recently used: kept longest
        return path

    def store(self, kind: str, key: str, suffix: str, data: bytes) -> None:
        """Keep ``data`` under ``key`` (written aside, renamed into place)."""
        if self.root is None:
            return
        folder = self.root / kind
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, folder / f"{key}{suffix}")

    def copy_to(self, kind: str, key: str, suffix: str, target: Path) -> bool:
        """Put the stored file of ``key`` at ``target`` (a hard link where possible)."""
        found = self.path(kind, key, suffix)
        if found is None:
            return False
        try:
            os.link(found, target)
        except OSError:
            shutil.copyfile(found, target)
        return True

    def prune(self, kind: str, keep: int = KEEP) -> None:
        """Remove all but the ``keep`` most recently used entries of ``kind``."""
        if self.root is None or not (self.root / kind).is_dir():
            return
        entries = sorted(
            (p for p in (self.root / kind).iterdir() if p.is_file()),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in entries[keep:]:
            old.unlink(missing_ok=True)


def _render_one(spec: dict[str, Any]) -> str:
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(spec)
    return svg


def render_charts(
    specs: Sequence[dict[str, Any]],
    cache: OutputCache,
    pool: Callable[[], Executor] | None = None,
) -> list[str]:
    """Every spec as SVG: from the cache when there, else rendered (in ``pool`` when
    more than `IN_PROCESS` are missing) and stored."""
    keys = [chart_key(spec) for spec in specs]
    svgs: dict[str, str] = {}
    for key in keys:
        found = cache.path("charts", key, ".svg")
        if found is not None:
            svgs[key] = found.read_text(encoding="utf-8")
    missing = {k: s for k, s in zip(keys, specs, strict=True) if k not in svgs}
    for key, svg in zip(missing, _render(list(missing.values()), pool), strict=True):
        svgs[key] = svg
        cache.store("charts", key, ".svg", svg.encode("utf-8"))
    cache.prune("charts")
    return [svgs[k] for k in keys]


def _render(specs: list[dict[str, Any]], pool: Callable[[], Executor] | None) -> Iterable[str]:
    if pool is None or len(specs) <= IN_PROCESS:
        return [_render_one(spec) for spec in specs]
    executor = pool()
    chunk = max(1, len(specs) // (4 * (os.cpu_count() or 1)))
    return list(executor.map(_render_one, specs, chunksize=chunk))
