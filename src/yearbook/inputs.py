"""Input files as the commands receive them: checked to be files, read within a size.

A path that is not a regular file is named for what it is (a directory, a
FIFO, a device), never read; text that does not decode is reported by the
byte offset and line where it stops, never by echoing its content.

>>> decode_error(b"ok\\nbad \\xe9 byte", "utf-8")
'byte 7 (line 2) is not valid utf-8'
"""

from __future__ import annotations

import stat
from pathlib import Path

from yearbook.errors import LimitError, UserError

__all__ = ["decode_error", "file_kind_name", "read_limited", "regular_file"]

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind_name(path: Path) -> str | None:
    """What the path is when it is not a regular file ("a directory", ...); None for a file.

    >>> file_kind_name(Path("/"))
    'a directory'
    """
    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def regular_file(path: Path, hint: str, error: type[UserError] = UserError) -> int:
    """The size of a regular file; a clear ``error`` for anything else (nothing is read)."""
    try:
        kind = file_kind_name(path)
        size = path.stat().st_size
    except FileNotFoundError:
        raise error(f"no such file: {path}", hint=hint) from None
    except OSError as err:
        raise error(f"cannot open {path}: {err.strerror}", hint=hint) from None
    if kind is not None:
        raise error(f"{path} is {kind}, not a file", hint=hint)
    return size


def read_limited(path: Path, max_bytes: int, hint: str) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (`LimitError` when larger)."""
    size = regular_file(path, hint)
    if size > max_bytes:
        raise _too_large(path, size, max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:
        raise UserError(f"cannot read {path}: {err.strerror}", hint=hint) from None
    if len(data) > max_bytes:  # it grew while we looked
        raise _too_large(path, len(data), max_bytes)
    return data


def _too_large(path: Path, size: int, max_bytes: int) -> LimitError:
    return LimitError(
        f"{path.name} is {size:,} bytes, more than the limit of {max_bytes:,} bytes",
        hint="split the text, or raise the limit with --max-bytes",
    )


def decode_error(data: bytes, encoding: str, err: UnicodeDecodeError | None = None) -> str:
    """Where ``data`` stops being valid in ``encoding``: its byte offset and line."""
    if err is None:
        try:
            data.decode(encoding)
        except UnicodeDecodeError as found:
            err = found
        else:
            return f"the text is valid {encoding}"
    offset = err.start
    line = data.count(b"\n", 0, offset) + 1
    return f"byte {offset:,} (line {line:,}) is not valid {encoding}"
