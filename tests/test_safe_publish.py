"""Safe publishing: a build is swapped in whole or not at all.

Builds are killed with SIGKILL at named steps (``YEARBOOK_PAUSE_AT`` makes a
build wait there); the previous output stays whole and servable, and the next
build succeeds and clears what the killed one left.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPORT_DIR, Demo
from yearbook.build import build
from yearbook.errors import InternalError
from yearbook.figures import read_figures
from yearbook.publish.release import (
    KEEP,
    check_release,
    promote,
    releases_dir,
    start_release,
)

BIN = Path(sys.executable).parent


def _tree(folder: Path) -> dict[str, str]:
    """Every file under a folder and the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.blake2b(p.read_bytes(), digest_size=12).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _assert_servable(out: Path, figures: int) -> None:
    assert (out / "index.html").read_text().rstrip().endswith("</html>")
    assert len(read_figures(out)) == figures
    assert (out / "build.json").is_file()


def _killed_build(demo: Demo, out: Path, step: str) -> None:
    """Start `yearbook build`, wait until it reaches ``step``, SIGKILL it.

    ``step`` is a pause point (the build waits there) or a progress message
    (the build is killed while it runs on).
    """
    env = {**os.environ, "YEARBOOK_PAUSE_AT": step, "YEARBOOK_PAUSE_SECONDS": "120"}
    marker = step if " " in step else f"paused at {step}"
    command = [
        str(BIN / "yearbook"), "build", str(REPORT_DIR),
        "--warehouse", str(demo.warehouse.root), "--out", str(out), "--incremental",
    ]  # fmt: skip
    proc = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    try:
        deadline = time.monotonic() + 120
        seen = ""
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            seen += line
            if marker in line or (not line and proc.poll() is not None):
                break
        assert marker in seen, seen[-2000:]
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def published(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A first, complete build to protect."""
    out = tmp_path_factory.mktemp("safe") / "site"
    build(demo.report, demo.warehouse, out)
    return out


@pytest.mark.parametrize("step", ["rendering the report", "site", "bundle", "swap"])
def test_a_build_killed_at_a_step_leaves_the_previous_output_whole(
    demo: Demo, published: Path, step: str
) -> None:
    before_target = published.resolve()
    before = _tree(published)
    _killed_build(demo, published, step)
    assert published.resolve() == before_target
    assert _tree(published) == before
    _assert_servable(published, len(demo.result.figures))


def test_the_next_build_succeeds_and_clears_leftovers(demo: Demo, published: Path) -> None:
    _killed_build(demo, published, "pdf")
    releases = releases_dir(published)
    assert any(p.name.startswith("tmp-") for p in releases.iterdir())
    old_target = published.resolve()
    result = build(demo.report, demo.warehouse, published, incremental=True)
    assert result.out == published
    assert published.resolve() != old_target
    _assert_servable(published, len(demo.result.figures))
    names = [p.name for p in releases.iterdir()]
    assert not any(n.startswith("tmp-") for n in names)
    assert len(names) <= KEEP


def test_an_older_plain_folder_becomes_the_first_release(demo: Demo, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>an older build</p>")
    staging = start_release(out)
    assert out.is_symlink()
    assert (out / "index.html").read_text() == "<p>an older build</p>"
    assert staging.parent == releases_dir(out)


def test_an_incomplete_folder_is_never_swapped_in(tmp_path: Path) -> None:
    out = tmp_path / "site"
    staging = start_release(out)
    (staging / "index.html").write_text("<html></html>")
    with pytest.raises(InternalError, match="incomplete"):
        promote(staging, out)
    assert not out.exists()
    with pytest.raises(InternalError, match="figures.parquet"):
        check_release(staging)
