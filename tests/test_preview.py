"""`yearbook preview`: the report rebuilt after each edit, only as far as the edit reaches.

A template edit re-renders its own section and rewrites the page; a metric edit
recomputes that metric's figures and nothing else; a mistake (an unknown metric, a
template syntax error, a claim the self-check contradicts) is kept with its file
and line while the page stays as it was. Then, in a real browser against the real
command: the page follows an edit without a reload, shows a broken template's
file and line over the last good page, and drops that when the template is fixed.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Demo, copy_report
from yearbook.api.preview import Previewer

pytestmark = pytest.mark.slow

MARKER = "Preview edits reach the page."


@pytest.fixture(scope="module")
def previewer(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Previewer:
    folder = copy_report(tmp_path_factory.mktemp("preview"))
    shown = Previewer(folder, demo.warehouse, folder.parent.parent / "out")
    shown.refresh()
    assert shown.mistakes == ()
    return shown


def _edit(path: Path, old: str, new: str) -> str:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return text


def _page(previewer: Previewer) -> str:
    return (previewer.out / "index.html").read_text()


def test_a_template_edit_renders_only_its_section(previewer: Previewer) -> None:
    template = previewer.report_dir / "templates" / "ero.md.j2"
    others = {name: body for name, (_, body) in previewer._memo.items() if name != "ero.md.j2"}
    computed = previewer.phases.seconds["compute figures"]
    original = _edit(template, "### Arrests", f"{MARKER}\n\n### Arrests")
    try:
        previewer.refresh([template])
        assert previewer.mistakes == ()
        assert MARKER in _page(previewer)
        assert previewer.phases.seconds["compute figures"] == computed  # no figure recomputed
        for name, body in others.items():
            assert previewer._memo[name][1] is body, name  # not rendered again
    finally:
        template.write_text(original)
        previewer.refresh([template])
    assert MARKER not in _page(previewer)


def test_a_metric_edit_recomputes_only_that_metric(previewer: Previewer) -> None:
    metrics = previewer.report_dir / "metrics" / "ero.yaml"
    old = "label: removals of known or suspected gang members"
    original = _edit(metrics, old, "label: removals of gang members, known or suspected")
    try:
        previewer.refresh([metrics])
        assert previewer.mistakes == ()
        assert previewer.delta is not None
        assert {m for m, _ in previewer.delta.recomputed} == {"ero.removals_gang"}
        assert len(previewer.delta.reused) > 100
        assert "Removals of gang members, known or suspected" in _page(previewer)
    finally:
        metrics.write_text(original)
        previewer.refresh([metrics])


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ('count("ero.removals_kst")', 'count("ero.no_such_metric")', "unknown metric"),
        ("### Arrests", "{% if %}\n### Arrests", "Expected an expression"),
        (
            "### Arrests",
            "Preview counted 100 in FY 2022 and 200 in FY 2023, an increase of 5%.\n\n### Arrests",
            "the self-check contradicts 'an increase of 5%'",
        ),
    ],
    ids=["unknown metric", "syntax error", "contradicted claim"],
)
def test_a_mistake_keeps_the_page_and_names_file_and_line(
    previewer: Previewer, old: str, new: str, said: str
) -> None:
    template = previewer.report_dir / "templates" / "ero.md.j2"
    before = _page(previewer)
    line = 1 + template.read_text().split(old)[0].count("\n")
    original = _edit(template, old, new)
    try:
        previewer.refresh([template])
        (mistake,) = previewer.mistakes
        assert mistake.file == str(template)
        assert mistake.line == line
        assert said in mistake.message
        assert _page(previewer) == before
    finally:
        template.write_text(original)
        previewer.refresh([template])
    assert previewer.mistakes == ()


# -- the real command in a real browser ------------------------------------------------
@pytest.fixture(scope="module")
def served(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`yearbook preview` on a copy of the report; yields its URL and the report folder."""
    folder = copy_report(tmp_path_factory.mktemp("served"))
    command = [
        sys.executable, "-m", "yearbook.cli", "preview", str(folder),
        "--warehouse", str(demo.warehouse.root), "--port", "0",
    ]  # fmt: skip
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    try:
        seen, deadline = "", time.monotonic() + 300
        while time.monotonic() < deadline and "preview at " not in seen:
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            seen += line
        found = re.search(r"preview at (http://\S+/)", seen)
        assert found, seen[-2000:]
        yield found.group(1), folder
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_the_page_follows_edits_and_shows_mistakes_in_the_browser(
    served: tuple[str, Path], browser: Any
) -> None:
    url, folder = served
    template = folder / "templates" / "ero.md.j2"
    original = template.read_text()
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def failed(response: Any) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            errors.append(f"{response.status} {response.url}")  # the site has no icon

    page.on("response", failed)
    page.goto(url, wait_until="load")
    main = page.locator("main")
    assert MARKER not in main.inner_text()
    try:
        template.write_text(original.replace("### Arrests", f"{MARKER}\n\n### Arrests", 1))
        page.wait_for_function(
            "text => document.querySelector('main').innerText.includes(text)",
            arg=MARKER,
            timeout=30_000,
        )
        broken = original.replace("### Arrests", f"{MARKER}\n\n{{% if %}}\n### Arrests", 1)
        line = 1 + broken.split("{% if %}")[0].count("\n")
        template.write_text(broken)
        overlay = page.locator("#yearbook-preview-overlay")
        overlay.wait_for(state="visible", timeout=30_000)
        assert f"ero.md.j2:{line}" in overlay.inner_text()
        assert MARKER in main.inner_text()  # the last good page stays underneath
        template.write_text(original)
        overlay.wait_for(state="detached", timeout=30_000)
        page.wait_for_function(
            "text => !document.querySelector('main').innerText.includes(text)",
            arg=MARKER,
            timeout=30_000,
        )
    finally:
        template.write_text(original)
        page.close()
    assert errors == []


def test_a_taken_port_is_one_clear_line(demo: Demo, tmp_path: Path) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        command = [
            sys.executable, "-m", "yearbook.cli", "preview", str(copy_report(tmp_path)),
            "--warehouse", str(demo.warehouse.root), "--port", str(port),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert f"error: cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
