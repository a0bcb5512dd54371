"""Safe publishing: a build is written aside and swapped in whole, atomically.

The output path ``OUT`` is a symbolic link to one complete release folder::

    OUT -> .OUT.releases/20261128T021500-1234
    .OUT.releases/
      20261128T021500-1234/     the published build
      20261127T180000-998/      the one before (kept, so a reader mid-page is safe)
      tmp-20261128T021700-1240/ a build in progress (or killed: removed next time)

A build writes everything into a ``tmp-`` folder, checks it, renames it to its
final name and then replaces the link in one ``rename``. A build killed at any
moment leaves ``OUT`` pointing at the previous release, whole; the next build
clears the leftovers. ``YEARBOOK_PAUSE_AT`` (comma-separated step names) makes a
build stop at those steps for ``YEARBOOK_PAUSE_SECONDS`` — how the tests kill
builds at known points.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from yearbook.errors import InternalError, UserError

__all__ = [
    "KEEP",
    "REQUIRED",
    "ReleaseError",
    "check_release",
    "pause_point",
    "promote",
    "releases_dir",
    "start_release",
]

KEEP = 2
"""Complete releases kept: the published one and the one before."""

REQUIRED = ("index.html", "figures.parquet", "figures.csv", "report.md", "build.json")
"""Files every release must hold before it is swapped in."""

_TMP = "tmp-"


class ReleaseError(UserError):
    """The output folder cannot be published safely."""


def releases_dir(out: Path) -> Path:
    """Where the releases of ``out`` live: a hidden sibling folder."""
    out = Path(os.path.abspath(out))
    return out.parent / f".{out.name}.releases"


def _stamp() -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    return f"{now}-{os.getpid()}"


def _pid_alive(name: str) -> bool:
    """Whether the build that made a ``tmp-`` folder may still be running elsewhere."""
    try:
        pid = int(name.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return False  # an earlier build of this process that failed
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _clear_leftovers(folder: Path) -> None:
    """Remove folders of builds that were killed before they finished."""
    for path in folder.glob(f"{_TMP}*"):
        if not _pid_alive(path.name):
            shutil.rmtree(path, ignore_errors=True)


def _adopt_plain_folder(out: Path, folder: Path) -> None:
    """An ``out`` that is a real folder (an older build) becomes the first release.

    This one step is two renames, not one: between them ``out`` is briefly absent.
    """
    if out.is_symlink() or not out.exists():
        return
    if not out.is_dir():
        raise ReleaseError(
            f"{out} exists and is not a folder",
            hint="choose another --out or remove the file",
        )
    target = folder / f"{_stamp()}-adopted"
    os.replace(out, target)
    _link(out, target)


def start_release(out: Path) -> Path:
    """A fresh, empty folder for a new build of ``out``."""
    folder = releases_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    _adopt_plain_folder(Path(os.path.abspath(out)), folder)
    _clear_leftovers(folder)
    staging = folder / f"{_TMP}{_stamp()}"
    staging.mkdir()
    return staging


def check_release(staging: Path, required: Iterable[str] = REQUIRED) -> None:
    """Refuse to publish a folder that lacks any required file or has an empty one."""
    missing = [name for name in required if not (staging / name).is_file()]
    empty = [
        name for name in required if name not in missing and (staging / name).stat().st_size == 0
    ]
    if missing or empty:
        raise InternalError(
            f"the build in {staging} is incomplete: missing {missing}, empty {empty}"
        )


def _link(out: Path, target: Path) -> None:
    """Point ``out`` at ``target`` in one atomic rename of a new link."""
    tmp_link = out.parent / f".{out.name}.link-{os.getpid()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(os.path.relpath(target, out.parent), tmp_link)
    os.replace(tmp_link, out)


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as fh:
                os.fsync(fh.fileno())


def promote(staging: Path, out: Path) -> Path:
    """Check ``staging``, make it a release and swap ``out`` to it. Returns the release."""
    out = Path(os.path.abspath(out))
    check_release(staging)
    _fsync_tree(staging)
    final = staging.with_name(staging.name.removeprefix(_TMP))
    os.replace(staging, final)
    pause_point("swap")
    _link(out, final)
    _prune(final.parent, keep=final)
    return final


def _prune(folder: Path, keep: Path) -> None:
    current = {keep.name}
    done = sorted(
        (p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(_TMP)),
        key=lambda p: p.name,
    )
    old = [p for p in done if p.name not in current][: max(0, len(done) - KEEP)]
    for path in old:
        shutil.rmtree(path, ignore_errors=True)


def pause_point(step: str) -> None:
    """Stop here for a while when ``YEARBOOK_PAUSE_AT`` names this step (for tests)."""
    wanted = os.environ.get("YEARBOOK_PAUSE_AT", "")
    if step not in {s.strip() for s in wanted.split(",") if s.strip()}:
        return
    print(f"yearbook: paused at {step}", file=sys.stderr, flush=True)
    time.sleep(float(os.environ.get("YEARBOOK_PAUSE_SECONDS", "60")))
