"""Canonical tables declared in YAML: a pack's ``tables/`` folder.

One file per table, plus ``_shared.yaml`` for what several tables share::

    # tables/_shared.yaml
    columns:
      party_id: {type: string, description: Anonymised identifier., identifying: true}
    values:
      status:                       # a closed value set; labels are for readers
        - {value: open, label: Open case}
        - {value: closed, label: Closed case}

    # tables/cases.yaml
    name: cases
    office: INV
    description: Cases opened, one row per case.
    date_column: opened_on
    key: [file_no]
    partitioning: fiscal_year       # the only one: by the fiscal year of date_column
    columns:
      - {name: file_no, type: string, description: Identifier., required: true}
      - {name: opened_on, type: date, description: Day opened., required: true}
      - {name: status, type: string, description: Where it stands., values: status}
      - use: party_id               # a column of _shared.yaml
    duplicate_rules:                # settings of de-duplication rules that take one
      arrest_episode_24h: {sorts_last: {column: method, value: Reprocessed}}
      stint_same_day: {same: [site, opened_on]}

Every problem of every file is collected with its line (`yearbook.problems`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yearbook.problems import Lines, Problems, located
from yearbook.tables import TYPES, Column, RuleSetting, SortsLast, TableSchema

__all__ = ["SHARED_FILE", "load_tables", "table_from_data", "table_to_data"]

SHARED_FILE = "_shared.yaml"
_TABLE_KEYS = {
    "name",
    "office",
    "description",
    "date_column",
    "key",
    "partitioning",
    "columns",
    "duplicate_rules",
}
_REQUIRED_TABLE_KEYS = ("name", "office", "description", "date_column", "columns")
_COLUMN_KEYS = {"name", "type", "description", "required", "identifying", "values"}
_RULE_SETTINGS = {"arrest_episode_24h": "sorts_last", "stint_same_day": "same"}
"""The de-duplication rules a table sets, and the setting each takes."""


class _Shared:
    def __init__(self) -> None:
        self.columns: dict[str, Any] = {}
        self.column_lines: dict[str, tuple[Lines, tuple[str | int, ...]]] = {}
        self.values: dict[str, Any] = {}


def load_tables(folder: Path, problems: Problems) -> dict[str, TableSchema]:
    """Every table declared in `folder`, by name; problems are added, not raised."""
    shared = _load_shared(folder / SHARED_FILE, problems)
    tables: dict[str, TableSchema] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        data, lines = located(path, problems)
        if data is None:
            continue
        table = table_from_data(data, lines, problems, shared)
        if table is None:
            continue
        if table.name in tables:
            problems.at(lines, ("name",), f"table {table.name!r} is declared twice")
            continue
        tables[table.name] = table
    return tables


def _load_shared(path: Path, problems: Problems) -> _Shared:
    shared = _Shared()
    if not path.is_file():
        return shared
    data, lines = located(path, problems)
    if data is None:
        return shared
    if not isinstance(data, dict):
        problems.at(lines, (), "must be a mapping with 'columns' and 'values'")
        return shared
    for key in set(data) - {"columns", "values"}:
        problems.at(lines, (key,), f"unknown section {key!r} (known: columns, values)")
    for name, spec in (data.get("columns") or {}).items():
        shared.columns[str(name)] = {"name": str(name), **(spec or {})}
        shared.column_lines[str(name)] = (lines, ("columns", str(name)))
    shared.values = dict(data.get("values") or {})
    return shared


def table_from_data(
    data: Any, lines: Lines, problems: Problems, shared: _Shared | None = None
) -> TableSchema | None:
    """A table from its declaration's data, or None (with problems added) if it has errors."""
    shared = shared or _Shared()
    before = len(problems)
    if not isinstance(data, dict):
        problems.at(lines, (), "a table declaration must be a mapping (name, columns, ...)")
        return None
    for key in sorted(set(data) - _TABLE_KEYS):
        problems.at(
            lines, (key,), f"unknown field {key!r} (known: {', '.join(sorted(_TABLE_KEYS))})"
        )
    for key in _REQUIRED_TABLE_KEYS:
        if key not in data:
            problems.at(lines, (), f"table declaration needs {key!r}")
    if len(problems) > before:
        return None
    name = str(data["name"])
    columns = _columns(data["columns"], lines, problems, shared)
    names = [c.name for c in columns]
    for i, col in enumerate(names):
        if col in names[:i]:
            problems.at(lines, ("columns", i), f"table {name!r}: column {col!r} is declared twice")
    if data["date_column"] not in names:
        problems.at(
            lines,
            ("date_column",),
            f"table {name!r}: date column {data['date_column']!r} is not one of its columns",
        )
    elif columns[names.index(data["date_column"])].type_name != "date":
        problems.at(
            lines,
            ("date_column",),
            f"table {name!r}: date column {data['date_column']!r} is not of type date",
        )
    key = tuple(str(k) for k in data.get("key") or ())
    for i, part in enumerate(key):
        if part not in names:
            problems.at(
                lines, ("key", i), f"table {name!r}: key column {part!r} is not one of its columns"
            )
    partitioning = str(data.get("partitioning", "fiscal_year"))
    if partitioning != "fiscal_year":
        problems.at(
            lines, ("partitioning",), f"unknown partitioning {partitioning!r} (known: fiscal_year)"
        )
    rules = _duplicate_rules(data.get("duplicate_rules") or {}, names, lines, problems)
    if len(problems) > before:
        return None
    return TableSchema(
        name=name,
        office=str(data["office"]),
        description=str(data["description"]).strip(),
        date_column=str(data["date_column"]),
        columns=tuple(columns),
        key=key,
        partitioning=partitioning,
        duplicate_rules=rules,
    )


def _columns(specs: Any, lines: Lines, problems: Problems, shared: _Shared) -> list[Column]:
    if not isinstance(specs, list):
        problems.at(lines, ("columns",), "'columns' must be a list")
        return []
    out: list[Column] = []
    for i, spec in enumerate(specs):
        where: tuple[str | int, ...] = ("columns", i)
        if isinstance(spec, dict) and set(spec) == {"use"}:
            used = shared.columns.get(str(spec["use"]))
            if used is None:
                problems.at(
                    lines, (*where, "use"), f"no shared column {spec['use']!r} in {SHARED_FILE}"
                )
                continue
            spec = used
        column = _column(spec, lines, where, problems, shared)
        if column is not None:
            out.append(column)
    return out


def _column(
    spec: Any,
    lines: Lines,
    where: tuple[str | int, ...],
    problems: Problems,
    shared: _Shared,
) -> Column | None:
    if not isinstance(spec, dict):
        problems.at(lines, where, "a column must be a mapping (name, type, description, ...)")
        return None
    before = len(problems)
    for key in sorted(set(spec) - _COLUMN_KEYS):
        problems.at(lines, (*where, key), f"unknown column field {key!r}")
    for key in ("name", "type", "description"):
        if key not in spec:
            problems.at(lines, where, f"column needs {key!r}")
    kind = spec.get("type")
    if kind is not None and kind not in TYPES:
        problems.at(lines, (*where, "type"), f"unknown type {kind!r} (known: {', '.join(TYPES)})")
    values, labels = _values(spec.get("values"), lines, (*where, "values"), problems, shared)
    if len(problems) > before:
        return None
    return Column(
        name=str(spec["name"]),
        type=TYPES[str(kind)],
        description=str(spec["description"]).strip(),
        required=bool(spec.get("required", False)),
        identifying=bool(spec.get("identifying", False)),
        values=values,
        labels=labels,
    )


def _values(
    spec: Any,
    lines: Lines,
    where: tuple[str | int, ...],
    problems: Problems,
    shared: _Shared,
) -> tuple[tuple[str, ...], dict[str, str]]:
    if spec is None:
        return (), {}
    if isinstance(spec, str):
        if spec not in shared.values:
            problems.at(lines, where, f"no value set {spec!r} in {SHARED_FILE}")
            return (), {}
        spec = shared.values[spec]
    if not isinstance(spec, list):
        problems.at(lines, where, "'values' must be a list or the name of a shared value set")
        return (), {}
    values: list[str] = []
    labels: dict[str, str] = {}
    for item in spec:
        if isinstance(item, dict):
            if "value" not in item:
                problems.at(lines, where, "each value with a label is {value: ..., label: ...}")
                continue
            values.append(str(item["value"]))
            if item.get("label"):
                labels[str(item["value"])] = str(item["label"])
        else:
            values.append(str(item))
    return tuple(values), labels


def _duplicate_rules(
    spec: Any, names: list[str], lines: Lines, problems: Problems
) -> dict[str, RuleSetting]:
    rules: dict[str, RuleSetting] = {}
    if not isinstance(spec, dict):
        problems.at(lines, ("duplicate_rules",), "'duplicate_rules' must be a mapping")
        return rules
    for rule, setting in spec.items():
        where = ("duplicate_rules", str(rule))
        if rule not in _RULE_SETTINGS:
            known = ", ".join(_RULE_SETTINGS)
            problems.at(lines, where, f"rule {rule!r} takes no setting (these do: {known})")
            continue
        wanted = _RULE_SETTINGS[rule]
        if not isinstance(setting, dict) or set(setting) != {wanted}:
            problems.at(lines, where, f"rule {rule!r} is set with {{{wanted}: ...}}")
            continue
        value = setting[wanted]
        if wanted == "sorts_last":
            if not isinstance(value, dict) or set(value) != {"column", "value"}:
                problems.at(lines, where, "sorts_last is {column: ..., value: ...}")
                continue
            columns = [str(value["column"])]
        else:
            if not isinstance(value, list) or not value:
                problems.at(lines, where, "same is a list of columns")
                continue
            columns = [str(c) for c in value]
        unknown = [c for c in columns if c not in names]
        if unknown:
            problems.at(lines, where, f"{wanted} names no column of the table: {unknown[0]!r}")
            continue
        if wanted == "sorts_last":
            rules[str(rule)] = RuleSetting(sorts_last=SortsLast(columns[0], str(value["value"])))
        else:
            rules[str(rule)] = RuleSetting(same=tuple(columns))
    return rules


def table_to_data(table: TableSchema) -> dict[str, Any]:
    """A table's declaration as plain data (shared columns and value sets written out)."""
    data: dict[str, Any] = {
        "name": table.name,
        "office": table.office,
        "description": table.description,
        "date_column": table.date_column,
        "key": list(table.key),
        "partitioning": table.partitioning,
        "columns": [_column_data(c) for c in table.columns],
    }
    if table.duplicate_rules:
        data["duplicate_rules"] = {
            rule: (
                {"sorts_last": {"column": s.sorts_last.column, "value": s.sorts_last.value}}
                if s.sorts_last is not None
                else {"same": list(s.same)}
            )
            for rule, s in table.duplicate_rules.items()
        }
    return data


def _column_data(col: Column) -> dict[str, Any]:
    data: dict[str, Any] = {"name": col.name, "type": col.type_name, "description": col.description}
    if col.required:
        data["required"] = True
    if col.identifying:
        data["identifying"] = True
    if col.values:
        data["values"] = [
            {"value": v, "label": col.labels[v]} if v in col.labels else v for v in col.values
        ]
    return data
