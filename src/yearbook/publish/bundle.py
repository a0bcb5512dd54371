"""The open-data bundle: every figure and every metric's metadata, as CSV and JSON.

::

    OUT/data/
      figures.csv  figures.json     the figures table (suppressed values empty)
      metrics.csv  metrics.json     label, definition, unit, SQL, source tables
      datapackage.json              a Frictionless data package describing both
      yearbook-fy2023.zip           all of the above in one archive

`assemble_tables` is the one place the bundle's tables are put together, so
checks on what may be published run there.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from yearbook import __version__
from yearbook.disclosure import check_publishable
from yearbook.figures import FIGURES_SCHEMA, Figures
from yearbook.figures.meta import METRICS_FIELDS, SYNONYM_SEPARATOR, metric_meta, source_tables
from yearbook.publish.labels import value_labels
from yearbook.report import Report
from yearbook.spreadsheet import neutralise

__all__ = [
    "METRICS_FIELDS",
    "SYNONYM_SEPARATOR",
    "assemble_tables",
    "datapackage",
    "metric_metadata",
    "source_tables",
    "write_bundle",
]

_TYPES = {"string": "string", "int32": "integer", "double": "number"}

_FIGURE_DESCRIPTIONS = {
    "metric": "The metric id.",
    "fiscal_year": "Fiscal year (1 October to 30 September, named for the year it ends).",
    "breakdown": "The breakdown name; empty for the headline figure.",
    "breakdown_value": "The category within the breakdown; empty for the headline figure.",
    "breakdown_label": "The category as readers see it (the pack's label for a code).",
    "value": "The value; empty when suppressed.",
    "unit": "The unit of the value.",
    "status": "published or suppressed.",
    "bound": "exact, lower (the records give a lower bound) or approximate.",
    "position": "Place in its list when the source gives an order (1 = first); else empty.",
    "prior_value": "The same figure one fiscal year earlier.",
    "yoy_change": "value minus prior_value.",
    "yoy_change_pct": "100 x (value - prior_value) / prior_value.",
    "sql": "The SQL that computed the figure.",
    "fingerprint": "Checksum of the inputs: partitions read, declaration, code version.",
}


def metric_metadata(report: Report, figures: Figures) -> list[dict[str, Any]]:
    """One record per metric: the metric-metadata contract in its flat published form
    (`yearbook.figures.meta.METRICS_FIELDS`), with the SQL of its headline figure."""
    metas = metric_meta(report.metrics)
    rows = []
    for meta in metas.values():
        fig = figures.find(meta.id, report.spec.fiscal_year)
        rows.append(meta.record(metas, sql=fig.sql if fig else ""))
    return rows


def assemble_tables(report: Report, figures: Figures) -> dict[str, pa.Table]:
    """The bundle's tables, by resource name: ``figures`` and ``metrics``."""
    metrics = pa.Table.from_pylist(
        metric_metadata(report, figures),
        schema=pa.schema([(name, pa.string()) for name, _, _ in METRICS_FIELDS]),
    )
    tables = {"figures": _labelled(report, figures), "metrics": metrics}
    for name, table in tables.items():
        check_publishable(table, f"the bundle's {name} table", report.spec.disclosure.identifying)
    return tables


def _labelled(report: Report, figures: Figures) -> pa.Table:
    """The figures table with each category's label beside its code."""
    table = figures.table.select(FIGURES_SCHEMA.names)
    labels = value_labels(metric_meta(report.metrics), report.pack.tables)
    columns = [table.column(c).to_pylist() for c in ("metric", "breakdown", "breakdown_value")]
    shown = [labels(m, b, v) if b else "" for m, b, v in zip(*columns, strict=True)]
    at = table.schema.get_field_index("breakdown_value") + 1
    return table.add_column(at, pa.field("breakdown_label", pa.string()), pa.array(shown))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _csv_text(table: pa.Table) -> str:
    """The table as CSV, its formula-leading text cells neutralised (`yearbook.spreadsheet`)."""
    table = neutralise(table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in table.to_pylist():
        writer.writerow([_cell(row[name]) for name in table.column_names])
    return buffer.getvalue()


def _schema(table: pa.Table, descriptions: Mapping[str, str]) -> dict[str, Any]:
    fields = [
        {
            "name": field.name,
            "type": _TYPES.get(str(field.type), "string"),
            "description": descriptions.get(field.name, ""),
        }
        for field in table.schema
    ]
    return {"fields": fields, "missingValues": [""]}


_COMPARED_FIELDS: dict[str, str] = {
    "published_id": "The published figure's id (with /breakdown=category for a breakdown).",
    "metric": "The computed metric set beside it.",
    "fiscal_year": "The fiscal year.",
    "breakdown": "The breakdown, empty for a headline figure.",
    "breakdown_value": "The category within the breakdown.",
    "computed": "The value computed from the records; empty when not computable.",
    "published": "The value the agency published.",
    "difference": "computed - published.",
    "status": "equal, differs, or not computable from this release.",
    "expected": "What the report's team expected.",
    "reason": "The reason for a difference, or why it cannot be computed.",
    "source": "Where the published value was published (URL, or workbook#Sheet!cell).",
    "tolerance": "Largest difference still counted as equal.",
    "field": "What was compared: the figure's value, or its change in percent (change_pct).",
}


def _published_and_computed(build: Path) -> pa.Table | None:
    """The reconciliation lines of a build (`yearbook.reconcile`), when it has any."""
    path = build / "reconcile.json"
    if not path.is_file():
        return None
    rows = json.loads(path.read_text(encoding="utf-8"))
    types = {"fiscal_year": pa.int32(), "computed": pa.float64(), "published": pa.float64()}
    types |= {"difference": pa.float64(), "tolerance": pa.float64()}
    schema = pa.schema([(name, types.get(name, pa.string())) for name in _COMPARED_FIELDS])
    return pa.Table.from_pylist(rows, schema=schema)


def datapackage(report: Report, tables: Mapping[str, pa.Table]) -> dict[str, Any]:
    """The Frictionless descriptor of the bundle."""
    metric_docs = {name: text for name, _, text in METRICS_FIELDS}
    docs = {
        "figures": _FIGURE_DESCRIPTIONS,
        "metrics": metric_docs,
        "published_and_computed": _COMPARED_FIELDS,
    }
    titles = {
        "figures": "Figures",
        "metrics": "Metrics",
        "published_and_computed": "Published and computed",
    }
    resources: list[dict[str, Any]] = []
    for name, table in tables.items():
        resources.append(
            {
                "name": name,
                "title": titles.get(name, name.capitalize()),
                "path": f"{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(table, docs.get(name, {})),
            }
        )
    return {
        "name": report.spec.id,
        "title": report.spec.title,
        "description": report.spec.summary or report.spec.title,
        "version": __version__,
        "licenses": [{"name": "CC0-1.0", "title": "Public domain dedication"}],
        "resources": resources,
    }


def write_bundle(report: Report, figures: Figures, folder: Path, archive: str) -> Path:
    """Write the bundle's files into ``folder`` and zip them as ``folder/archive``."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = assemble_tables(report, figures)
    compared = _published_and_computed(folder.parent)
    if compared is not None:
        tables["published_and_computed"] = compared
    files: dict[str, str] = {}
    for name, table in tables.items():
        files[f"{name}.csv"] = _csv_text(table)
        files[f"{name}.json"] = json.dumps(table.to_pylist(), indent=1, ensure_ascii=False) + "\n"
    files["datapackage.json"] = json.dumps(datapackage(report, tables), indent=2) + "\n"
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / archive
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return path
