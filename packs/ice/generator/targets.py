"""Calibration targets: the figures a synthetic generator must reproduce exactly.

A report's ``targets.yaml`` lists one entry per figure and fiscal year::

    targets:
      - {key: arrests.total, fy: 2023, value: 170590, source: seed}
      - {key: removals.kst, fy: 2022, value: 56, source: implied, note: "..."}

Keys are dotted, ``<subject>.<measure>``. Every generator reads the keys it
knows and ignores the rest, so one file can hold targets for several offices.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from yearbook.errors import UserError
from yearbook.yamlio import safe_load

__all__ = ["Target", "Targets", "TargetsError", "load_targets", "parse_targets"]


class TargetsError(UserError):
    """A targets file is missing, malformed, or lacks a figure a generator needs."""


@dataclass(frozen=True)
class Target:
    """One calibration figure: the value `key` must take in `fiscal_year`."""

    key: str
    fiscal_year: int
    value: int
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Targets:
    """Every calibration figure of a report, looked up by key and fiscal year."""

    entries: tuple[Target, ...]
    _index: dict[tuple[str, int], Target] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, int], Target] = {}
        for entry in self.entries:
            slot = (entry.key, entry.fiscal_year)
            if slot in index:
                raise TargetsError(
                    f"target {entry.key!r} for FY{entry.fiscal_year} is given twice",
                    hint="keep one entry per key and fiscal year",
                )
            index[slot] = entry
        object.__setattr__(self, "_index", index)

    def __iter__(self) -> Iterator[Target]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, slot: object) -> bool:
        return slot in self._index

    @property
    def years(self) -> list[int]:
        """Every fiscal year that has at least one target, ascending."""
        return sorted({entry.fiscal_year for entry in self.entries})

    def keys(self, prefix: str = "") -> list[str]:
        """The distinct keys starting with `prefix`, sorted."""
        return sorted({e.key for e in self.entries if e.key.startswith(prefix)})

    def years_with(self, key: str) -> list[int]:
        """The fiscal years for which `key` has a target, ascending."""
        return sorted(e.fiscal_year for e in self.entries if e.key == key)

    def find(self, key: str, fiscal_year: int) -> int | None:
        """The value of `key` in `fiscal_year`, or None when there is no target."""
        entry = self._index.get((key, fiscal_year))
        return None if entry is None else entry.value

    def get(self, key: str, fiscal_year: int, default: int | None = None) -> int:
        """The value of `key` in `fiscal_year`; `default` (or an error) when absent."""
        value = self.find(key, fiscal_year)
        if value is not None:
            return value
        if default is not None:
            return default
        raise TargetsError(
            f"no target {key!r} for FY{fiscal_year}",
            hint=f"add `- {{key: {key}, fy: {fiscal_year}, value: ...}}` to targets.yaml",
        )

    def entry(self, key: str, fiscal_year: int) -> Target:
        """The full entry (with its source and note) of `key` in `fiscal_year`."""
        self.get(key, fiscal_year)
        return self._index[(key, fiscal_year)]

    def for_year(self, fiscal_year: int, prefix: str = "") -> dict[str, int]:
        """Every target of one fiscal year whose key starts with `prefix`, by key."""
        return {
            e.key: e.value
            for e in self.entries
            if e.fiscal_year == fiscal_year and e.key.startswith(prefix)
        }


def load_targets(path: Path) -> Targets:
    """Read a ``targets.yaml`` file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise TargetsError(f"cannot read targets file {path}: {exc.strerror}") from None
    try:
        document = safe_load(text)
    except yaml.YAMLError as exc:
        raise TargetsError(f"{path} is not valid YAML: {exc}") from None
    return parse_targets(document, origin=str(path))


def parse_targets(document: object, *, origin: str = "targets") -> Targets:
    """Build `Targets` from parsed YAML: a ``targets:`` list, or the bare list."""
    if isinstance(document, Mapping):
        document = document.get("targets")
    if not isinstance(document, list):
        raise TargetsError(
            f"{origin} has no list of targets",
            hint="write `targets:` followed by entries like `- {key: ..., fy: ..., value: ...}`",
        )
    return Targets(tuple(_parse_entries(document, origin)))


def _parse_entries(items: Iterable[object], origin: str) -> Iterator[Target]:
    for number, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            raise TargetsError(f"{origin}: target #{number} is not a mapping")
        yield _parse_entry(item, f"{origin}: target #{number}")


def _parse_entry(item: Mapping[Any, Any], where: str) -> Target:
    key = item.get("key")
    if not isinstance(key, str) or not key:
        raise TargetsError(f"{where} has no `key`")
    year = _whole(item.get("fy"), f"{where} ({key}): `fy`")
    value = _whole(item.get("value"), f"{where} ({key}): `value`")
    if value < 0:
        raise TargetsError(f"{where} ({key}): `value` is negative")
    source = item.get("source")
    note = item.get("note")
    return Target(
        key=key,
        fiscal_year=year,
        value=value,
        source=None if source is None else str(source),
        note=None if note is None else str(note),
    )


def _whole(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TargetsError(f"{what} must be a whole number, not {value!r}")
    return value
