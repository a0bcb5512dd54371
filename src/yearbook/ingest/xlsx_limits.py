"""A workbook checked against its limits by what is really in it, before any reader loads it.

A reader sizes a sheet from its cell references and keeps every cell in
memory: one cell at column ``ZZZZZZZ``, a megabyte that inflates to a 1 GB
cell, or a few megabytes that inflate to two billion empty rows exhaust any
machine. So every worksheet and the shared strings are inflated here first,
a megabyte at a time, from the zip's raw bytes (the sizes the zip declares are
not trusted), and the file is refused, with the limit named, when it holds

* more uncompressed bytes than `Limits.uncompressed`, or more than a member declares;
* a cell reference past Excel's grid (column XFD, row 1,048,576);
* more rows than `Limits.rows`;
* a cell longer than `Limits.cell_chars` characters (Excel's own bound);
* cells with values spanning more than `Limits.cells` cells (rows times columns): a
  reader keeps the whole span, so one value at ``A1`` and one at ``XFD1048576``
  would need 17 billion. Only value cells past column ``CQ`` (95) can make the span
  that large; when one is found, the sheet's last row is read in a second pass.

Memory stays at a few megabytes whatever the file holds.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from yearbook.ingest.layouts import IngestError

__all__ = ["LIMITS", "Limits", "check_workbook"]


@dataclass(frozen=True)
class Limits:
    """What one workbook may hold."""

    rows: int = 1_048_576
    cell_chars: int = 32_767
    uncompressed: int = 4 << 30
    cells: int = 100_000_000
    """Rows times columns spanned by the cells that hold values (a reader keeps them all)."""


LIMITS = Limits()
"""The limits `yearbook ingest` applies: Excel's own, and 4 GiB uncompressed."""

_CHUNK = 1 << 20
_CARRY = 64
_LOCAL = struct.Struct("<4s5H3I2H")
_SCANNED = re.compile(r"xl/(worksheets/[^/]+|sharedStrings)\.xml", re.I)
_LT = ord("<")
_COLUMNS = 16_384  # XFD
# the only references that can be past column XFD or row 1,048,576: three letters from X,
# four letters, or seven digits (spelled out: the regular expression engine is fastest so)
_MAYBE_FAR = re.compile(
    rb'r="(?:[X-Z][A-Z][A-Z]|[A-Z][A-Z][A-Z][A-Z]|\d{7}|[A-Z]\d{7}|[A-Z][A-Z]\d{7}|'
    rb"[A-Z][A-Z][A-Z]\d{7})"
)
# a cell holding a value (not self-closing) past column CQ: only these make a span too large
_WIDE_VALUE = re.compile(rb'<c r="(C[R-Z]|[D-Z][A-Z]|[A-Z]{3,})\d+"(?:[^>]*[^/>])?>')
_ROW_NUMBER = re.compile(rb'<row r="(\d+)"')
_REF = re.compile(rb'r="([A-Z]*)(\d*)"')


def _column(letters: bytes) -> int:
    index = 0
    for char in letters:
        index = index * 26 + char - 64
    return index


def _refuse(path: Path, what: str, limit: str) -> IngestError:
    return IngestError(
        f"{path.name}: {what}, past the limit of {limit}",
        hint="check the file is the release you meant; a valid workbook stays within this limit",
    )


def _inflate(handle: BinaryIO, info: zipfile.ZipInfo, path: Path) -> Iterator[bytes]:
    """The member's uncompressed bytes from its raw data, in chunks of at most `_CHUNK`."""
    handle.seek(info.header_offset)
    head = handle.read(_LOCAL.size)
    if len(head) < _LOCAL.size or head[:4] != b"PK\x03\x04":
        raise _broken(path, info.filename)
    *_, name_len, extra_len = _LOCAL.unpack(head)
    handle.seek(info.header_offset + _LOCAL.size + name_len + extra_len)
    if info.compress_type == zipfile.ZIP_STORED:
        yield from _stored(handle, info.compress_size)
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise IngestError(
            f"{path.name}: {info.filename} is compressed in a way workbooks are not",
            hint="save the file again from a spreadsheet program",
        )
    yield from _deflated(handle, info.compress_size, path, info.filename)


def _stored(handle: BinaryIO, size: int) -> Iterator[bytes]:
    while size > 0 and (chunk := handle.read(min(size, _CHUNK))):
        size -= len(chunk)
        yield chunk


def _deflated(handle: BinaryIO, size: int, path: Path, name: str) -> Iterator[bytes]:
    inflater = zlib.decompressobj(-15)
    try:
        for raw in _stored(handle, size):
            data = inflater.decompress(raw, _CHUNK)
            while data:
                yield data
                data = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
    except zlib.error:
        raise _broken(path, name) from None


def _broken(path: Path, name: str) -> IngestError:
    return IngestError(
        f"{path.name}: not a readable workbook ({name} is damaged)",
        hint="check the file is a complete .xlsx file",
    )


@dataclass
class _Scan:
    """What one member holds so far (carried across chunks)."""

    path: Path
    limits: Limits
    size: int = 0
    rows: int = 0
    text_run: int = 0
    tail: bytes = b""
    widest: int = 0
    """The last column holding a value, when past column CQ (0 otherwise)."""

    def feed(self, chunk: bytes) -> None:
        self.size += len(chunk)
        window = self.tail + chunk
        self.rows += window.count(b"<row") - self.tail.count(b"<row")
        if self.rows > self.limits.rows:
            raise _refuse(self.path, "a sheet holds more rows", f"{self.limits.rows:,} rows")
        self._references(window)
        for letters in set(_WIDE_VALUE.findall(window)):
            self.widest = max(self.widest, _column(letters))
        self._text(chunk)
        self.tail = window[-_CARRY:]

    def _references(self, window: bytes) -> None:
        """References past Excel's grid, found with array operations over the whole chunk."""
        for candidate in _MAYBE_FAR.finditer(window):
            ref = _REF.match(window, candidate.start())
            if ref is None:
                continue
            letters, digits = ref.groups()
            if _column(letters) > _COLUMNS or (digits and int(digits) > self.limits.rows):
                self._far(window, candidate.start())

    def _far(self, window: bytes, at: int) -> None:
        ref = _REF.match(window, at)
        name = (ref.group(1) + ref.group(2))[:20].decode() if ref else "?"
        raise _refuse(self.path, f"a cell or row is placed at {name}", "Excel's grid, XFD1048576")

    def _text(self, chunk: bytes) -> None:
        """The longest run of bytes between two tags (a cell's text is one such run)."""
        marks = np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == _LT)
        if len(marks) == 0:
            self.text_run += len(chunk)
        else:
            inner = int(np.diff(marks).max()) - 1 if len(marks) > 1 else 0
            self.text_run = max(self.text_run + int(marks[0]), inner)
            self._check_run()
            self.text_run = len(chunk) - int(marks[-1]) - 1
        self._check_run()

    def _check_run(self) -> None:
        # a character is at most 6 bytes of XML (an entity such as &quot;), so a run of
        # more than 6 bytes per allowed character surely holds too many characters
        if self.text_run > 6 * self.limits.cell_chars:
            raise _refuse(
                self.path, "a cell holds more characters", f"{self.limits.cell_chars:,} characters"
            )


def check_workbook(path: Path, limits: Limits = LIMITS) -> None:
    """Refuse a workbook past any limit (an `IngestError` naming it); read nothing else."""
    try:
        with path.open("rb") as handle, zipfile.ZipFile(handle) as zf:
            members = [i for i in zf.infolist() if _SCANNED.fullmatch(i.filename)]
            declared = sum(i.file_size for i in zf.infolist())
            if declared > limits.uncompressed:
                raise _refuse(path, f"it declares {declared:,} bytes uncompressed", _size(limits))
            total = 0
            for info in members:
                total = _scan_member(handle, info, path, limits, total)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, struct.error):
        raise IngestError(
            f"{path.name}: not a readable workbook", hint="check the file is a complete .xlsx file"
        ) from None


def _scan_member(
    handle: BinaryIO, info: zipfile.ZipInfo, path: Path, limits: Limits, total: int
) -> int:
    scan = _Scan(path, limits)
    for chunk in _inflate(handle, info, path):
        scan.feed(chunk)
        if scan.size > info.file_size:
            raise IngestError(
                f"{path.name}: {info.filename} holds more than the {info.file_size:,} bytes "
                "it declares",
                hint="the file is damaged or built to exhaust memory; do not load it",
            )
        if total + scan.size > limits.uncompressed:
            raise _refuse(path, "it inflates to more bytes", _size(limits))
    if scan.widest:
        last = _last_row(handle, info, path)
        if last * scan.widest > limits.cells:
            span = f"its values span {last:,} rows by {scan.widest:,} columns"
            raise _refuse(path, span, f"{limits.cells:,} cells")
    return total + scan.size


def _last_row(handle: BinaryIO, info: zipfile.ZipInfo, path: Path) -> int:
    """The highest row number of a worksheet (a second pass, for wide sheets only)."""
    last, tail = 0, b""
    for chunk in _inflate(handle, info, path):
        window = tail + chunk
        numbers = _ROW_NUMBER.findall(window)
        if numbers:
            last = max(last, max(map(int, numbers)))
        tail = window[-_CARRY:]
    return last


def _size(limits: Limits) -> str:
    return f"{limits.uncompressed:,} bytes uncompressed"
