"""Problems found while loading declarations, all collected before any is reported.

Loading a pack or a report does not stop at the first mistake: every problem is
gathered with the file and line it is on, then reported together, like a
compiler's error list::

    reports/x/report.yaml:41: section 'inv': panel names unknown metric 'inv.cses'
    reports/x/metrics/inv.yaml:12: metric 'inv.cases': unknown table 'case'

Lines come from PyYAML's node marks (`located`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from yearbook.errors import DeclarationError

__all__ = ["Lines", "Problem", "Problems", "ValidationFailed", "located"]

Key = tuple[str | int, ...]

_COMPOSER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One problem: where it is and what is wrong."""

    file: Path
    line: int
    """1-based; 0 when the problem is about the file as a whole."""
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        return f"{where}: {self.message}"


class ValidationFailed(DeclarationError):
    """Declarations with problems: every one of them, with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        body = "\n".join(str(p) for p in problems)
        super().__init__(
            f"{count} found:\n{body}",
            hint="fix each one where it is; `yearbook validate REPORT` lists them again",
        )


@dataclass
class Lines:
    """The line of each mapping key and list item of one YAML file."""

    file: Path
    at: dict[Key, int] = field(default_factory=dict)

    def line(self, *path: str | int) -> int:
        """The line of the deepest part of `path` that the file has (1 for the file itself)."""
        key: Key = tuple(path)
        while key:
            if key in self.at:
                return self.at[key]
            key = key[:-1]
        return 1


def located(path: Path, problems: Problems) -> tuple[Any, Lines]:
    """The plain data of a YAML file and the line of each of its keys and items.

    A file that cannot be read or parsed adds a problem and gives ``None``.
    """
    lines = Lines(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        problems.add(path, 0, f"cannot be read: {err.strerror or err}")
        return None, lines
    loader = _COMPOSER(text)
    try:  # one parse: the node tree gives the lines, and the data is built from it
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problems.add(path, line, f"is not valid YAML: {getattr(err, 'problem', err)}")
        return None, lines
    finally:
        loader.dispose()
    if node is not None:
        _walk(node, (), lines.at)
    return data, lines


def _walk(node: yaml.Node, key: Key, at: dict[Key, int]) -> None:
    at.setdefault(key, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                child = (*key, str(k.value))
                at[child] = k.start_mark.line + 1
                _walk(v, child, at)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            at[(*key, i)] = item.start_mark.line + 1
            _walk(item, (*key, i), at)


class Problems:
    """A list of problems being collected."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def add(self, file: Path, line: int, message: str) -> None:
        self.found.append(Problem(file, line, message))

    def at(self, lines: Lines, path: tuple[str | int, ...], message: str) -> None:
        self.add(lines.file, lines.line(*path), message)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.found)

    def __len__(self) -> int:
        return len(self.found)

    def raise_if_any(self) -> None:
        if self.found:
            raise ValidationFailed(sorted(self.found, key=lambda p: (str(p.file), p.line)))
