"""The text encoding of a CSV file: detected from its first bytes or given, and made UTF-8.

UTF-8 (with or without a byte-order mark) is read as it is. UTF-16 is known by
its byte-order mark, or by the zero bytes of ASCII text written in it. Any
other encoding (Windows-1252, what Excel on Windows writes, or Latin-1) is
given with ``yearbook ingest --encoding``; such a file is re-encoded as UTF-8
a megabyte at a time before it is read. When the bytes do not decode, the
error names the byte offset and the line, never the file's content.

>>> detect(b"\\xff\\xfeA\\x00,\\x00", None)
'utf-16'
>>> detect(b"A\\x00,\\x00B\\x00", None)
'utf-16-le'
>>> detect(b"Date,Count", "Windows-1252")
'cp1252'
"""

from __future__ import annotations

import codecs
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from yearbook.ingest.layouts import IngestError

__all__ = ["detect", "invalid_at", "long_line", "to_utf8"]

_CHUNK = 1 << 20


def detect(head: bytes, given: str | None) -> str:
    """The encoding to read: the one given (checked to exist), else what the head shows."""
    if given:
        try:
            return codecs.lookup(given).name
        except LookupError:
            raise IngestError(
                f"unknown encoding {given!r}",
                hint="give one Python knows, such as utf-8, cp1252 (Windows), latin-1 or utf-16",
            ) from None
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        odd_zeros = sample[1::2].count(0)
        return "utf-16-le" if odd_zeros >= sample[0::2].count(0) else "utf-16-be"
    return "utf-8"


def _open(path: Path) -> IO[bytes]:
    with path.open("rb") as handle:
        gzipped = handle.read(2) == b"\x1f\x8b"
    if gzipped:
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _chunks(path: Path) -> Iterator[bytes]:
    with _open(path) as handle:
        while chunk := handle.read(_CHUNK):
            yield chunk


def _decode_error(path: Path, encoding: str, offset: int, line: int) -> IngestError:
    hint = (
        "if the file was saved by Excel on Windows, give --encoding cp1252"
        if encoding.startswith("utf-8")
        else "give the file's encoding with --encoding, or save it as UTF-8"
    )
    return IngestError(
        f"{path.name}: byte {offset:,} (line {line:,}) is not valid {encoding}", hint=hint
    )


def _decoded(path: Path, encoding: str) -> Iterator[str]:
    """The (decompressed) file's text, a chunk at a time; an error naming where it fails."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    done, lines = 0, 1
    for chunk in _chunks(path):
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as err:
            raise _located(path, encoding, chunk, err, done, lines) from None
        yield text
        done += len(chunk)
        lines += text.count("\n")
    try:
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _decode_error(path, encoding, done, lines) from None


def _located(
    path: Path, encoding: str, chunk: bytes, err: UnicodeDecodeError, done: int, lines: int
) -> IngestError:
    held = len(err.object) - len(chunk)  # bytes the decoder kept from the chunk before
    start = max(0, err.start - held)
    before = chunk[:start].decode(encoding, errors="replace")
    return _decode_error(path, encoding, done + start, lines + before.count("\n"))


def invalid_at(path: Path, encoding: str = "utf-8") -> IngestError | None:
    """The error naming where the (decompressed) file stops being valid text, if it does."""
    try:
        for _ in _decoded(path, encoding):
            pass
    except IngestError as err:
        return err
    return None


def long_line(path: Path, limit: int) -> IngestError | None:
    """The error naming the first (decompressed) line longer than ``limit`` bytes, if any."""
    run, lines = 0, 1
    for chunk in _chunks(path):
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            if run + end - start > limit:
                return _too_long(path, lines, limit)
            run, start, lines = 0, end + 1, lines + 1
        run += len(chunk) - start
        if run > limit:
            return _too_long(path, lines, limit)
    return None


def _too_long(path: Path, line: int, limit: int) -> IngestError:
    return IngestError(
        f"{path.name}: line {line:,} is longer than the limit of {limit:,} bytes",
        hint="a record is never that long: check the file is the release you meant",
    )


def to_utf8(path: Path, encoding: str, target: Path) -> None:
    """Write the (decompressed) file re-encoded as UTF-8 to ``target``, streaming."""
    with target.open("w", encoding="utf-8", newline="") as out:
        for text in _decoded(path, encoding):
            out.write(text)
