"""Hostile and unusual inputs, replayed through the real commands with resource limits.

Each input is built here, written to a temporary folder and given to ``yearbook
check`` or ``yearbook ingest`` in a subprocess whose CPU time and writable memory
are capped (`resource.setrlimit`). A clean outcome is a documented exit code
(0, 1 = contradicted, 2 = the input was refused) with at most an error line and
its hint on stderr: never a traceback, a crash or a process killed by a limit.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import resource
import signal
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pypdfium2
import pytest

from tests.conftest import Demo
from tests.test_api import assert_error, server_process, serving
from yearbook.claims.budget import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Worker
from yearbook.errors import LimitError

MB = 1 << 20
CHECK_MEMORY = 500 * MB
"""The acceptance bound of `yearbook check` on a megabyte of the worst inputs, as a hard
limit on each process's writable memory (RLIMIT_DATA: heap and anonymous mappings; the
address space, RLIMIT_AS, is no measure: the libraries reserve about 800 MB of it they
never touch), and as the peak resident size of the command and its worker."""
CHECK_CPU_SECONDS = 5
"""The acceptance bound of the same, per process (the check runs in a worker process), on the
machine it was set on, where the claim benchmark's 25,000-word document checked in
`REFERENCE_CHECK_SECONDS`."""
REFERENCE_CHECK_SECONDS = 1.17
"""Seconds the claim benchmark's long document took to check where `CHECK_CPU_SECONDS` was
set (`make bench-claims`, docs/benchmarks.md)."""


@pytest.fixture(scope="module")
def cpu_seconds() -> int:
    """`CHECK_CPU_SECONDS` on this machine: scaled by how much longer the same document takes
    to check here (never below it), so the bound keeps its meaning, a linear check with no
    unbounded work, on a slower processor."""
    from benchmarks.claims import _checker, long_document

    check_text, document = _checker(), long_document()
    check_text(document[:2000])  # the first check loads the checker's libraries
    start = time.process_time()
    check_text(document)
    spent = time.process_time() - start
    return math.ceil(CHECK_CPU_SECONDS * max(1.0, spent / REFERENCE_CHECK_SECONDS))


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str
    peak_rss: int
    """Bytes: the largest resident size of the process or any process it waited for."""


_LAUNCHER = """
import os, resource, sys
memory, cpu, report = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    os.execv(sys.executable, [sys.executable, "-m", "yearbook.cli", *sys.argv[4:]])
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as f:
    f.write(str(usage.ru_maxrss))
if os.WIFSIGNALED(status):
    os.kill(os.getpid(), os.WTERMSIG(status))
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Runs `yearbook` as the child of a small Python process, which reaps it with `os.wait4` and
reports its peak resident size. A child forked from the test process itself would carry the
test process's resident size into its own peak (the kernel takes it from the memory it
replaces at exec), which grows with every test run before it."""


def run_yearbook(args: list[str], *, memory: int, cpu: int, cwd: Path) -> Outcome:
    """`yearbook ARGS` in a subprocess under the limits (its CPU time includes imports), and
    its own peak resident size, with that of the processes it waited for."""
    out, err, report = cwd / ".stdout", cwd / ".stderr", cwd / ".peak"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(memory), str(cpu), str(report), *args],
            cwd=cwd,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,
            env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
        )
        # CPU is limited; sleeping is not: the whole session goes at ten times the CPU bound
        watchdog = threading.Timer(10 * cpu, os.killpg, (proc.pid, signal.SIGKILL))
        watchdog.start()
        try:
            proc.wait()
        finally:
            watchdog.cancel()
    text = {p: p.read_text(errors="replace") for p in (out, err)}
    peak = int(report.read_text()) * 1024 if report.is_file() else 0
    return Outcome(proc.returncode, text[out], text[err], peak)


def assert_clean(outcome: Outcome, codes: tuple[int, ...], needle: str = "") -> None:
    """A documented exit code, no traceback, a short message when refused, and at most
    `CHECK_MEMORY` resident."""
    assert outcome.code in codes, (outcome.code, outcome.stderr[-2000:])
    assert outcome.peak_rss <= CHECK_MEMORY, outcome.peak_rss
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


# The inputs of under 20,000 characters are replayed through the API below as well.
CHECK_INPUTS: dict[str, tuple[str, tuple[int, ...], str]] = {
    # name: (text, allowed exit codes, what a refusal must say)
    "1 followed by 309 zeros": ("ERO made 1" + "0" * 309 + " arrests in FY 2023.", (0,), ""),
    "19,000 nines": ("9" * 19_000, (0,), ""),
    "9,000 numbers between no-break spaces": ("\u00a0".join(["12"] * 9_000), (0, 1), ""),
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
            "Officers continued to focus on the removal of public safety threats, such as "
            "convicted criminal noncitizens and gang members, and on border security. "
        ),
        (0, 1),
        "",
    ),
}


@pytest.mark.parametrize("name", list(CHECK_INPUTS))
def test_check_survives(name: str, tmp_path: Path, cpu_seconds: int) -> None:
    text, codes, needle = CHECK_INPUTS[name]
    path = tmp_path / "input.txt"
    path.write_text(text, encoding="utf-8")
    outcome = run_yearbook(
        ["check", str(path), "--format", "json"],
        memory=CHECK_MEMORY,
        cpu=cpu_seconds,
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


def test_check_a_broken_or_textless_pdf(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + os.urandom(200_000))
    outcome = run_yearbook(
        ["check", str(broken)], memory=CHECK_MEMORY, cpu=CHECK_CPU_SECONDS, cwd=tmp_path
    )
    assert_clean(outcome, (2,), "cannot read the PDF broken.pdf")
    blank = pypdfium2.PdfDocument.new()
    for _ in range(50):
        blank.new_page(612, 792)
    scan = tmp_path / "scan.txt"  # a PDF by its bytes, whatever its name
    blank.save(str(scan))
    outcome = run_yearbook(
        ["check", str(scan)], memory=CHECK_MEMORY, cpu=CHECK_CPU_SECONDS, cwd=tmp_path
    )
    assert_clean(outcome, (2,), "holds no text")


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


def test_cli_defaults_are_the_documented_ones(tmp_path: Path) -> None:
    from yearbook.claims.command import DEFAULT_MAX_PDF_BYTES, run_check
    from yearbook.cli import check_cmd
    from yearbook.errors import LimitError

    defaults = check_cmd.__defaults__ or ()
    assert DEFAULT_TIMEOUT in defaults
    assert None in defaults  # --max-bytes: by the file's kind, below
    text = tmp_path / "long.txt"
    text.write_bytes(b"x" * (DEFAULT_MAX_BYTES + 1))
    with pytest.raises(LimitError, match=f"limit of {DEFAULT_MAX_BYTES:,} bytes"):
        run_check(text, report_dir=tmp_path)
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * (DEFAULT_MAX_PDF_BYTES + 1))
    with pytest.raises(LimitError, match=f"limit of {DEFAULT_MAX_PDF_BYTES:,} bytes"):
        run_check(pdf, report_dir=tmp_path)


def _not_a_file(kind: str, tmp_path: Path) -> Path:
    if kind == "directory":
        return tmp_path
    if kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
        return path
    return Path("/dev/zero")


# ---------------------------------------------------------------- ingest

INGEST_MEMORY = 2048 * MB
"""Writable memory for an ingest; the inputs here needed 6.8 GB and more before they
were bounded."""
INGEST_CPU_SECONDS = 20
ARRESTS = (
    "Apprehension Date,Apprehension Method,Apprehension Criminality,TOA Current Duty AOR,"
    "Citizenship Country,Gender,Birth Date,Birth Year,Anonymized Identifier"
)
ROW = (
    '2023-03-01,Located,1 Convicted Criminal,"Atlanta Area{sep}of Responsibility",{country},'
    'Male,"b(6), b(7)c",1990,c65403e032fc0fce7256b84d5233eba7757c0dbf'
)


def _ingest(path: Path, tmp_path: Path, *extra: str) -> Outcome:
    return run_yearbook(
        ["ingest", str(path), "--into", str(tmp_path / "warehouse"), *extra],
        memory=INGEST_MEMORY,
        cpu=INGEST_CPU_SECONDS,
        cwd=tmp_path,
    )


CSV_INPUTS: dict[str, tuple[bytes, tuple[str, ...], int, str]] = {
    # name: (file bytes, options, exit code, what the output must say)
    "quoted line breaks, CRLF": (
        "\r\n".join([ARRESTS, ROW.format(sep="\r\n", country="MEXICO"), ""]).encode(),
        (),
        0,
        "arrests",
    ),
    "a CR in a quoted field": (
        "\r\n".join([ARRESTS, ROW.format(sep="\r", country="MEXICO"), ""]).encode(),
        (),
        0,
        "arrests",
    ),
    "doubled quotes and a byte-order mark": (
        ("\ufeff" + ARRESTS + "\n" + ROW.format(sep=' ""x"" ', country="MEXICO") + "\n").encode(),
        (),
        0,
        "arrests",
    ),
    "Windows-1252 named": (
        (ARRESTS + "\r\n" + ROW.format(sep=" ", country="MÉXICO’") + "\r\n").encode("cp1252"),
        ("--encoding", "cp1252"),
        0,
        "arrests",
    ),
    "Windows-1252 not named": (
        (ARRESTS + "\r\n" + ROW.format(sep=" ", country="MÉXICO") + "\r\n").encode("cp1252"),
        (),
        2,
        "(line 2) is not valid utf-8",
    ),
    "UTF-16": (
        (ARRESTS + "\r\n" + ROW.format(sep="\n", country="MÉXICO") + "\r\n").encode("utf-16"),
        (),
        0,
        "arrests",
    ),
    "an unknown encoding": (ARRESTS.encode(), ("--encoding", "klingon"), 2, "klingon"),
    "a 1,000,000-column header": (
        (",".join(f"c{i}" for i in range(1_000_000)) + "\n1,2\n").encode(),
        (),
        2,
        "16,384 columns",
    ),
    "a 5 MB cell": (
        (ARRESTS + "\n" + ROW.format(sep="x" * 5_000_000, country="MEXICO") + "\n").encode(),
        (),
        2,
        "line 2 is longer than the limit of 2,097,152 bytes",
    ),
    "a password file": (b"root:$6$secret:19000:0:99999:7:::\ndaemon:*:19000\n", (), 2, "layout"),
}


@pytest.mark.parametrize("name", list(CSV_INPUTS))
def test_ingest_csv(name: str, tmp_path: Path) -> None:
    data, options, code, needle = CSV_INPUTS[name]
    path = tmp_path / "records.csv"
    path.write_bytes(data)
    outcome = _ingest(path, tmp_path, *options)
    _assert_ingest(outcome, code, needle)
    assert "secret" not in outcome.stderr + outcome.stdout
    assert "MÉXICO" not in outcome.stderr


def _assert_ingest(outcome: Outcome, code: int, needle: str) -> None:
    """Ingest draws progress bars on stderr; a refusal is its last error line and hint."""
    assert outcome.code == code, outcome.stderr[-2000:]
    assert "Traceback" not in outcome.stderr + outcome.stdout
    if code == 2:
        tail = outcome.stderr.strip().splitlines()
        errors = [line for line in tail if line.startswith("error: ")]
        assert len(errors) == 1, outcome.stderr[-2000:]
        assert tail.index(errors[0]) >= len(tail) - 2, outcome.stderr[-2000:]
        assert needle in outcome.stderr, outcome.stderr[-2000:]
    else:
        assert needle in outcome.stdout, outcome.stdout


@pytest.mark.parametrize("kind", ["directory", "fifo", "device"])
def test_ingest_not_a_file(kind: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _assert_ingest(_ingest(_not_a_file(kind, folder), tmp_path), 2, "not a file")


# -- hostile workbooks, written byte by byte: a zip of raw deflate streams


def _deflated(head: bytes, unit: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of head + unit * times + tail, built from one compressed unit
    (after a full flush the compressor starts afresh, so the unit compresses the same)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(unit) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    crc = _crc_repeat(crc, unit, times)
    crc = zlib.crc32(tail, crc)
    return start + block * times + end, crc, len(head) + len(unit) * times + len(tail)


def _crc_repeat(crc: int, unit: bytes, times: int) -> int:
    """CRC-32 after ``unit`` is fed ``times`` more times, by doubling (zlib's crc32_combine)."""
    piece, length = zlib.crc32(unit), len(unit)
    while times:
        if times & 1:
            crc = _crc_combine(crc, piece, length)
        piece, length, times = _crc_combine(piece, piece, length), 2 * length, times >> 1
    return crc


def _gf2_times(matrix: list[int], vector: int) -> int:
    out, row = 0, 0
    while vector:
        if vector & 1:
            out ^= matrix[row]
        vector, row = vector >> 1, row + 1
    return out


def _crc_combine(crc1: int, crc2: int, length2: int) -> int:
    """The CRC-32 of A + B from those of A and B and B's length."""
    odd = [0xEDB88320] + [1 << n for n in range(31)]  # one zero bit
    even = [_gf2_times(odd, odd[n]) for n in range(32)]  # two
    odd = [_gf2_times(even, even[n]) for n in range(32)]  # four
    while length2:
        even = [_gf2_times(odd, odd[n]) for n in range(32)]
        if length2 & 1:
            crc1 = _gf2_times(even, crc1)
        length2 >>= 1
        if not length2:
            break
        odd = [_gf2_times(even, even[n]) for n in range(32)]
        if length2 & 1:
            crc1 = _gf2_times(odd, crc1)
        length2 >>= 1
    return crc1 ^ crc2


def _zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip of (name, raw deflate data, CRC-32, uncompressed size) members."""
    entries, offset = [], 0
    with path.open("wb") as out:
        for name, data, crc, size in members:
            raw = name.encode()
            sizes = (crc, len(data), size, len(raw))
            header = struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, *sizes, 0)
            out.write(header + raw + data)
            tail = (0, 0, 0, 0, 0, offset)  # extra, comment, disk, attributes, where
            entry = struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, *sizes, *tail)
            entries.append(entry + raw)
            offset += len(header) + len(raw) + len(data)
        directory = b"".join(entries)
        count = len(members)
        end = (b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
        out.write(directory + struct.pack("<4s4H2IH", *end))
    return path


_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_PARTS = {
    "[Content_Types].xml": (
        f'<Types xmlns="{_TYPES}"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_BOOK_TYPE}"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEET_TYPE}"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
        f'Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook {_NS} xmlns:r="{_OFFICE}"><sheets>'
        '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PACKAGE}">'
        f'<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}
_HEADER_ROW = "".join(
    f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{name}</t></is></c>'
    for i, name in enumerate(ARRESTS.split(","))
)


def workbook(
    path: Path, rows: str = "", unit: bytes = b"", times: int = 0, shared: str = ""
) -> Path:
    """A one-sheet workbook: the arrests header row, ``rows``, then ``unit`` x ``times``."""
    members = []
    for name, xml in _PARTS.items():
        members.append(_member(name, xml.encode()))
    members.append(_member("xl/sharedStrings.xml", f"<sst {_NS}>{shared}</sst>".encode()))
    head = f'<worksheet {_NS}><sheetData><row r="1">{_HEADER_ROW}</row>{rows}'.encode()
    sheet = _deflated(head, unit, times, b"</sheetData></worksheet>")
    members.append(("xl/worksheets/sheet1.xml", *sheet))
    return _zip(path, members)


def _member(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    return (name, *_deflated(data, b"", 0, b""))


XLSX_INPUTS: dict[str, tuple[dict[str, object], int, str]] = {
    # name: (workbook arguments, exit code, what the output must say)
    "a header cell at column ZZZZZZZ": (
        {"rows": '<row r="2"><c r="ZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>'},
        2,
        "ZZZZZZZ2",
    ),
    "a value at XFD1048576, inside the grid": (
        {"rows": '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'},
        2,
        "100,000,000 cells",
    ),
    "a zip bomb: one 1 GB cell": (
        {
            "rows": '<row r="2"><c r="A2" t="inlineStr"><is><t>',
            "unit": b"0" * MB,
            "times": 1024,
        },
        2,
        "32,767 characters",
    ),
    "2 GB of empty rows": (
        {"unit": b'<row r="2"><c r="A2"/></row>' * 4096, "times": 18_000},
        2,
        "1,048,576 rows",
    ),
    "a shared string index out of range": (
        {
            "rows": '<row r="2"><c r="A2" t="s"><v>99</v></c></row>',
            "shared": "<si><t>one</t></si>",
        },
        2,
        "shared strings",
    ),
    "broken XML": ({"rows": '<row r="2"><c r="A2" t="inlineStr"><is><t>x</row>'}, 2, "xml"),
}


def test_hostile_workbook_builder_is_a_real_workbook(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "ok.xlsx",
        rows='<row r="2"><c r="A2" t="inlineStr"><is><t>2023-03-01</t></is></c></row>',
    )
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
    _assert_ingest(_ingest(path, tmp_path), 0, "arrests")


@pytest.mark.parametrize("name", list(XLSX_INPUTS))
def test_ingest_hostile_workbook(name: str, tmp_path: Path) -> None:
    arguments, code, needle = XLSX_INPUTS[name]
    path = workbook(tmp_path / "records.xlsx", **arguments)  # type: ignore[arg-type]
    assert path.stat().st_size < 8 * MB
    _assert_ingest(_ingest(path, tmp_path), code, needle)


# ---------------------------------------------------------------- POST /api/check

API_INPUTS = {
    "1 followed by 309 zeros": "ERO made 1" + "0" * 309 + " arrests in FY 2023.",
    "19,000 nines": "9" * 19_000,
    "1, 1, 1 x 6,600": ", ".join(["1"] * 6_600),
    "numbers between no-break spaces": "\u00a0".join(["12"] * 6_600),
    "1,2 x 6,600": "1,2" * 6_600,
    "one number per line x 4,000": "\n".join(str(n) for n in range(4_000)),
    "19,999 [": "[" * 19_999,
    "[a]( x 4,900": "[a](" * 4_900,
    "<script> x 2,400 in HTML": "<html><body><p>ERO made 5 arrests.</p>" + "<script>" * 2_400,
}


@pytest.fixture(scope="module")
def check_api(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`yearbook serve` on the demo build with the default check budget."""
    log = tmp_path_factory.mktemp("check-api") / "server.log"
    with serving(demo.result.out, log) as url:
        yield url


def test_api_check_answers_every_hostile_input(check_api: str) -> None:
    for name, text in API_INPUTS.items():
        response = httpx.post(f"{check_api}/api/check", json={"text": text}, timeout=60)
        assert response.status_code == 200, (name, response.text[:500])
        body = response.json()
        assert body["count"] == len(body["claims"]), name


def test_api_check_past_its_budget_is_503_and_stopped(demo: Demo, tmp_path: Path) -> None:
    with server_process(demo.result.out, tmp_path / "server.log", "--check-timeout", "0.05") as (
        url,
        proc,
    ):
        text = API_INPUTS["1, 1, 1 x 6,600"]
        response = httpx.post(f"{url}/api/check", json={"text": text}, timeout=60)
        assert_error(response, 503, "check_timeout")
        assert "0.05 s" in response.json()["error"]["message"]
        assert _children(proc.pid) == []  # the worker was killed, not left running


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    found: list[int] = []
    for task in tasks.iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def test_api_check_worker_stops_when_the_client_goes(demo: Demo) -> None:
    """The app driven over ASGI by a client that disconnects once its body is sent."""
    import multiprocessing

    from yearbook.api.app import create_app

    app = create_app(demo.result.out, check_timeout=60.0)
    body = json.dumps({"text": API_INPUTS["1, 1, 1 x 6,600"]}).encode()
    sent: list[dict[str, object]] = []
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict[str, object]:
        if messages:
            return messages.pop(0)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/check",
        "raw_path": b"/api/check",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 499
    assert multiprocessing.active_children() == []


def _spin_past_a_cpu_limit() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (1, 2))
    while True:
        pass


def test_a_check_stopped_by_the_systems_cpu_limit_is_a_limit_not_a_bug() -> None:
    worker = Worker(_spin_past_a_cpu_limit, (), timeout=30.0)
    with pytest.raises(LimitError, match="stopped by the system") as caught:
        worker.wait()
    assert caught.value.hint
