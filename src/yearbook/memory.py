"""Keep freed memory for reuse while the generator runs.

The generator allocates and frees arrays of tens to hundreds of megabytes for
every year, and two defaults make each new array pay for fresh pages:

* glibc's malloc serves blocks that large with new `mmap` pages and unmaps
  them on `free`, so every array faults in every page it touches;
* numpy asks the kernel for transparent huge pages on large arrays, and
  where the kernel compacts memory for such requests (``defrag`` set to
  ``madvise``, as on Debian) a fault can stall while it does.

Together they cost the generator a quarter to a third of its time on a
two-core machine. Inside `retained_heap`, large blocks come from the heap and
freed memory stays there, and numpy does not ask for huge pages, so the next
year's arrays reuse pages that are already mapped. On leaving, the usual
settings are restored and unused memory is returned to the system.

The allocator is tuned through `mallopt`, which glibc documents for this
purpose; on other C libraries only numpy's setting changes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from numpy._core import multiarray

__all__ = ["retained_heap"]

# mallopt parameters and glibc's defaults for them (see mallopt(3)).
_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_MAX = -1, -2, -4
_DEFAULTS = {_M_TRIM_THRESHOLD: 128 * 1024, _M_TOP_PAD: 128 * 1024, _M_MMAP_MAX: 65536}
_RETAINED = {_M_TRIM_THRESHOLD: 2**31 - 1, _M_TOP_PAD: 64 * 1024 * 1024, _M_MMAP_MAX: 0}

_lock = threading.Lock()
_depth = 0
_hugepages = True
"""numpy's huge-page setting on entering the outermost block."""


def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
        needed = ("gnu_get_libc_version", "mallopt", "malloc_trim")  # the first: glibc only
        if not all(hasattr(libc, symbol) for symbol in needed):
            return None
    except OSError:
        return None
    return libc


_LIBC = _glibc()


def _set_hugepages(enabled: bool) -> bool:
    """Turn numpy's huge-page requests on or off; returns the previous setting."""
    setter = getattr(multiarray, "_set_madvise_hugepage", None)
    return bool(setter(enabled)) if setter is not None else enabled


@contextmanager
def retained_heap() -> Iterator[None]:
    """Within the block, freed large blocks stay mapped for reuse (nests; thread-safe)."""
    global _depth, _hugepages
    with _lock:
        if _depth == 0:
            _hugepages = _set_hugepages(False)
            if _LIBC is not None:
                for parameter, value in _RETAINED.items():
                    _LIBC.mallopt(parameter, value)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                _set_hugepages(_hugepages)
                if _LIBC is not None:
                    for parameter, value in _DEFAULTS.items():
                        _LIBC.mallopt(parameter, value)
                    _LIBC.malloc_trim(0)
