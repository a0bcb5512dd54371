"""The warehouse's manifest and lock: which Parquet files are the warehouse, and who may write.

A warehouse is exactly the files its manifest names::

    WAREHOUSE/
      manifest.json                     {"generation": 7, "tables": {...}, "retired": [...]}
      .lock                             held (flock) by the one process writing
      arrests/fiscal_year=2023/part-g7-0.parquet

A change writes new partition files beside the old ones under new names, fsyncs
them, and then replaces ``manifest.json`` in one ``rename``: readers see the old
warehouse or the new one, never a mix, and a process killed at any moment leaves
the previous manifest — and every file it names — in place. Files a commit stops
naming are *retired*: kept for one more generation (a reader that opened the
warehouse just before still finds them) and removed by the commit after. Files no
manifest names (left by a killed writer) are removed by the next writer.

A warehouse written before manifests existed has none: its files are found by
listing the folders, and the first change adopts them into a manifest.

``YEARBOOK_KILL_AT`` (comma-separated checkpoint names, ``name@N`` for the N-th
time a checkpoint is reached) makes the process SIGKILL itself there — how the
tests kill writers at exact points.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import signal
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from yearbook.errors import WarehouseError

__all__ = [
    "LOCK_FILE",
    "MANIFEST",
    "Manifest",
    "WarehouseBusy",
    "checkpoint",
    "commit",
    "current",
    "fsync_dir",
    "fsync_file",
    "locked",
    "remove_leftovers",
]

MANIFEST = "manifest.json"
LOCK_FILE = ".lock"
PARTITION_KEY = "fiscal_year"
KILL_ENV = "YEARBOOK_KILL_AT"
_TMP_SUFFIX = ".tmp"
_reached: dict[str, int] = {}


class WarehouseBusy(WarehouseError):
    """Another process holds the warehouse's write lock."""


def checkpoint(name: str) -> None:
    """A named point of a write; ``YEARBOOK_KILL_AT`` may make the process die here."""
    wanted = os.environ.get(KILL_ENV)
    if not wanted:
        return
    _reached[name] = _reached.get(name, 0) + 1
    for item in wanted.split(","):
        point, _, nth = item.strip().partition("@")
        if point == name and _reached[name] == int(nth or 1):
            os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class Manifest:
    """The files of each table and fiscal year, as paths relative to the warehouse root."""

    generation: int = 0
    tables: Mapping[str, Mapping[int, tuple[str, ...]]] = field(default_factory=dict)
    retired: tuple[str, ...] = ()
    stored: bool = False
    """Whether it was read from ``manifest.json`` (False: found by listing folders)."""

    def names(self) -> set[str]:
        """Every file the manifest names as part of the warehouse."""
        return {f for years in self.tables.values() for files in years.values() for f in files}

    def to_json(self) -> str:
        tables = {
            name: {str(year): list(files) for year, files in sorted(years.items())}
            for name, years in sorted(self.tables.items())
            if years
        }
        body = {"format": 1, "generation": self.generation, "tables": tables}
        return json.dumps(body | {"retired": sorted(self.retired)}, indent=1) + "\n"


def _parse(root: Path, text: str) -> Manifest:
    try:
        body = json.loads(text)
        tables = {
            str(name): {int(year): tuple(str(f) for f in files) for year, files in years.items()}
            for name, years in body["tables"].items()
        }
        return Manifest(int(body["generation"]), tables, tuple(body.get("retired", ())), True)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise WarehouseError(
            f"the warehouse manifest {root / MANIFEST} is unreadable ({exc})",
            hint="restore it from a backup, or delete the warehouse and ingest again",
        ) from None


def _scan(root: Path, tables: Iterable[str]) -> Manifest:
    """A warehouse without a manifest: its files, found by listing its folders."""
    found: dict[str, dict[int, tuple[str, ...]]] = {}
    for name in tables:
        for folder in sorted((root / name).glob(f"{PARTITION_KEY}=*")):
            files = sorted(f.relative_to(root).as_posix() for f in folder.glob("*.parquet"))
            if files:
                found.setdefault(name, {})[int(folder.name.split("=", 1)[1])] = tuple(files)
    return Manifest(0, found)


def current(root: Path, tables: Iterable[str]) -> Manifest:
    """The warehouse as it is now: its manifest, or its folders when it has none."""
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return _scan(root, tables)
    return _parse(root, text)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (new names, renames) durable."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # some filesystems cannot fsync a folder
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def commit(root: Path, manifest: Manifest, previous: Manifest) -> None:
    """Make `manifest` the warehouse in one rename; then drop what no reader can need."""
    path = root / MANIFEST
    temporary = path.with_name(f"{MANIFEST}.{os.getpid()}{_TMP_SUFFIX}")
    temporary.write_text(manifest.to_json(), encoding="utf-8")
    fsync_file(temporary)
    checkpoint("warehouse.manifest-written")
    os.replace(temporary, path)
    fsync_dir(root)
    checkpoint("warehouse.committed")
    keep = manifest.names() | set(manifest.retired)
    for name in set(previous.retired) - keep:
        _unlink(root / name)
    checkpoint("warehouse.cleaned")


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)
    with suppress(OSError):
        path.parent.rmdir()  # the fiscal-year folder, once empty


def remove_leftovers(root: Path, manifest: Manifest, tables: Iterable[str]) -> int:
    """Remove files of killed writers: data files and manifests no manifest names.

    Only under the write lock, and only for a warehouse that has a manifest (in
    one without, every file in the folders is part of it).
    """
    if not manifest.stored:
        return 0
    for stale in root.glob(f"{MANIFEST}.*{_TMP_SUFFIX}"):
        stale.unlink(missing_ok=True)
    keep = manifest.names() | set(manifest.retired)
    removed = 0
    for name in tables:
        for path in (root / name).glob(f"{PARTITION_KEY}=*/*.parquet"):
            if path.relative_to(root).as_posix() not in keep:
                _unlink(path)
                removed += 1
    return removed


@contextmanager
def locked(root: Path, wait: float) -> Iterator[None]:
    """Hold the warehouse's write lock, waiting up to `wait` seconds for another writer."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise WarehouseError(
            f"cannot write to the warehouse at {root} ({exc.strerror})",
            hint="choose a folder you can write to",
        ) from None
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"another ingest is writing to the warehouse at {root} "
                        f"(waited {wait:g} s); nothing was written",
                        hint="run again when it has finished, or wait longer with --wait SECONDS",
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
