"""Hostile and unusual inputs, replayed through the real commands with resource limits.

Each input is built here, written to a temporary folder and given to ``yearbook
check`` or ``yearbook ingest`` in a subprocess whose CPU time and address space
are capped (`resource.setrlimit`). A clean outcome is a documented exit code
(0, 1 = contradicted, 2 = the input was refused) with at most an error line and
its hint on stderr: never a traceback, a crash or a process killed by a limit.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from yearbook.claims.budget import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT

MB = 1 << 20
CHECK_MEMORY = 500 * MB
"""The acceptance bound of `yearbook check` on a megabyte of the worst inputs."""
CHECK_CPU_SECONDS = 5
"""The acceptance bound of the same, per process (the check runs in a worker process)."""


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def _limits(memory: int, cpu: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))

    return apply


def run_yearbook(args: list[str], *, memory: int, cpu: int, cwd: Path) -> Outcome:
    """`yearbook ARGS` in a subprocess under the limits (its CPU time includes imports)."""
    done = subprocess.run(
        [sys.executable, "-m", "yearbook.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        errors="replace",
        preexec_fn=_limits(memory, cpu),
        timeout=10 * cpu,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_clean(outcome: Outcome, codes: tuple[int, ...], needle: str = "") -> None:
    """A documented exit code, no traceback, and a short message when refused."""
    assert outcome.code in codes, (outcome.code, outcome.stderr[-2000:])
    assert "Traceback" not in outcome.stderr + outcome.stdout
    if outcome.code == 2:
        lines = outcome.stderr.strip().splitlines()
        assert 1 <= len(lines) <= 2, outcome.stderr  # the error and its hint
        assert lines[0].startswith("error: "), outcome.stderr
        assert needle in outcome.stderr, outcome.stderr


# ---------------------------------------------------------------- the claim checker

_MEGABYTE = 1_000_000


def _fill(unit: str, size: int = _MEGABYTE) -> str:
    return unit * (size // len(unit))


CHECK_INPUTS: dict[str, tuple[str, tuple[int, ...], str]] = {
    # name: (text, allowed exit codes, what a refusal must say)
    "1 followed by 309 zeros": ("ERO made 1" + "0" * 309 + " arrests in FY 2023.", (0,), ""),
    "19,000 nines": ("9" * 19_000, (0,), ""),
    "1, 1, 1 x 6,600": (", ".join(["1"] * 6_600), (0, 1), ""),
    "9,000 numbers between no-break spaces": ("\u00a0".join(["12"] * 9_000), (0, 1), ""),
    "1,2 x 6,600": ("1,2" * 6_600, (0, 1), ""),
    "one number per line x 4,000": ("\n".join(str(n) for n in range(4_000)), (0, 1), ""),
    "19,999 [": ("[" * 19_999, (0,), ""),
    "[a]( x 20,000": ("[a](" * 20_000, (0,), ""),
    "a word number of 10**400": ("two " + "hundred " * 200 + "arrests", (0,), ""),
    "1 MB of 1, 1, 1": (_fill("1, "), (2,), "numbers"),
    "1 MB of no-break-space numbers": (_fill("12\u00a0"), (2,), "numbers"),
    "1 MB of one number per line": (_fill("12345\n"), (2,), "numbers"),
    "1 MB of nines": ("9" * _MEGABYTE, (0,), ""),
    "1 MB of [": ("[" * _MEGABYTE, (0,), ""),
    "1 MB of <": ("<p>" + "<" * _MEGABYTE, (0,), ""),
    "1 MB of prose": (
        _fill(
            "In FY 2023 Enforcement and Removal Operations made 91,497 administrative arrests "
            "of noncitizens with criminal histories, against 85,343 in FY 2022: a 7.2% increase "
            "on the year before, as officers worked with local partners across the country, "
            "and removed 142,580 noncitizens to more than 180 countries around the world, "
            "working with foreign governments to arrange travel documents and flights. "
        ),
        (0, 1),
        "",
    ),
}


@pytest.mark.parametrize("name", list(CHECK_INPUTS))
def test_check_survives(name: str, tmp_path: Path) -> None:
    text, codes, needle = CHECK_INPUTS[name]
    path = tmp_path / "input.txt"
    path.write_text(text, encoding="utf-8")
    outcome = run_yearbook(
        ["check", str(path), "--format", "json"],
        memory=CHECK_MEMORY,
        cpu=CHECK_CPU_SECONDS,
        cwd=tmp_path,
    )
    assert_clean(outcome, codes, needle)


def test_check_script_tags_in_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><p>ERO made 170,590 arrests.</p>" + "<script>" * 5_000 + "</body></html>",
        encoding="utf-8",
    )
    outcome = run_yearbook(
        ["check", str(path), "--format", "json"],
        memory=CHECK_MEMORY,
        cpu=CHECK_CPU_SECONDS,
        cwd=tmp_path,
    )
    assert_clean(outcome, (0,))
    assert '"170,590"' in outcome.stdout


def test_check_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_text("ERO made 170,590 arrests. " * 100, encoding="utf-8")
    outcome = run_yearbook(
        ["check", str(path), "--max-bytes", "1000"],
        memory=CHECK_MEMORY,
        cpu=CHECK_CPU_SECONDS,
        cwd=tmp_path,
    )
    assert_clean(outcome, (2,), "more than the limit of 1,000 bytes")


def test_check_timeout_stops_the_worker(tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_text(", ".join(["1"] * 15_000), encoding="utf-8")
    outcome = run_yearbook(
        ["check", str(path), "--timeout", "0.05"],
        memory=CHECK_MEMORY,
        cpu=CHECK_CPU_SECONDS,
        cwd=tmp_path,
    )
    assert_clean(outcome, (2,), "time limit of 0.05 s")


@pytest.mark.parametrize("kind", ["directory", "fifo", "device"])
def test_check_not_a_file(kind: str, tmp_path: Path) -> None:
    path = _not_a_file(kind, tmp_path)
    outcome = run_yearbook(
        ["check", str(path)], memory=CHECK_MEMORY, cpu=CHECK_CPU_SECONDS, cwd=tmp_path
    )
    assert_clean(outcome, (2,), "not a file")


def test_check_not_utf8_names_byte_and_line(tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes("ERO made 5 arrests.\nCafé secret".encode("cp1252"))
    outcome = run_yearbook(
        ["check", str(path)], memory=CHECK_MEMORY, cpu=CHECK_CPU_SECONDS, cwd=tmp_path
    )
    assert_clean(outcome, (2,), "byte 23 (line 2)")
    assert "secret" not in outcome.stderr


def test_cli_defaults_are_the_documented_ones() -> None:
    from yearbook.cli import check_cmd

    defaults = check_cmd.__defaults__ or ()
    assert DEFAULT_MAX_BYTES in defaults
    assert DEFAULT_TIMEOUT in defaults


def _not_a_file(kind: str, tmp_path: Path) -> Path:
    if kind == "directory":
        return tmp_path
    if kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
        return path
    return Path("/dev/zero")
