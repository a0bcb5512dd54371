"""`yearbook check`: read the files, run the checker, write one of three outputs.

A file is text (plain, Markdown or HTML) or a PDF, told by its first bytes; a PDF's text is
read as prose (`yearbook.pdftext.pdf_prose`) in the worker, within the check's time budget.

Exit codes: 0 when nothing is contradicted, 1 when something is, 2 on usage
errors and on inputs past a limit (a file larger than ``--max-bytes``, more
numbers than `MAX_NUMBERS`, a check longer than ``--timeout``), raised as
`UserError` and turned into exit 2 by the CLI edge. The check runs in a worker
process killed at the deadline (`yearbook.claims.budget`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from yearbook.claims import CheckResult, render_html, render_table
from yearbook.claims.budget import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Worker
from yearbook.claims.context import report_context
from yearbook.claims.remote import is_url
from yearbook.claims.sources import Source, load_crosswalk, load_sources
from yearbook.errors import UserError
from yearbook.figures import Figures
from yearbook.inputs import decode_error, read_limited, regular_file
from yearbook.pdftext import is_pdf, pdf_prose

__all__ = ["CROSSWALK", "DEFAULT_MAX_PDF_BYTES", "OUTPUTS", "CheckRun", "run_check"]

OUTPUTS = ("table", "json", "html")
"""Output formats of `yearbook check`."""

DEFAULT_MAX_PDF_BYTES = 50_000_000
"""The largest PDF `yearbook check` reads unless told otherwise (``--max-bytes``)."""

CROSSWALK = Path("reference") / "official_crosswalk.csv"
"""Where a report folder keeps its crosswalk from published names to metric ids."""


@dataclass(frozen=True)
class CheckRun:
    """The rendered output and the exit code of one `yearbook check`."""

    output: str
    exit_code: int
    result: CheckResult


_HINT = "give the text to check: .txt, .md, .html or .pdf"


def _read(path: Path, max_bytes: int | None) -> str | bytes:
    """The file's text; a PDF's bytes, whose text the check's worker reads (within its
    time budget). With no ``max_bytes``, a PDF may be as large as `DEFAULT_MAX_PDF_BYTES`
    (its pages' images and fonts weigh more than its text), any other file
    `DEFAULT_MAX_BYTES`."""
    if max_bytes is None:
        max_bytes = DEFAULT_MAX_BYTES
        if regular_file(path, _HINT) > max_bytes:  # past the text limit: a PDF may be larger
            with path.open("rb") as handle:
                if is_pdf(handle.read(1024)):
                    max_bytes = DEFAULT_MAX_PDF_BYTES
    data = read_limited(path, max_bytes, _HINT)
    if is_pdf(data):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UserError(
            f"{path.name}: {decode_error(data, 'utf-8', err)}",
            hint="save the text as UTF-8 and try again",
        ) from None


def _figures(paths: tuple[Source, ...], report_dir: Path) -> Figures | None:
    if not paths:
        return None
    walk = report_dir / CROSSWALK
    return load_sources(paths, load_crosswalk(walk) if walk.is_file() else None)


@dataclass(frozen=True)
class _Job:
    text: str | bytes
    name: str
    fmt: str
    report_dir: Path
    figures: tuple[Source, ...]
    output: str
    fiscal_year: int | None
    published: dt.date | None = None


def published_date(value: str | None) -> dt.date | None:
    """A ``--date`` as given (``YYYY-MM-DD``), or a one-line error that says how to write it."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(
            f"--date {value!r} is not a date", hint="give the day the text came out as YYYY-MM-DD"
        ) from None


def run_check(
    file: Path,
    *,
    report_dir: Path,
    figures: Source | Sequence[Source] | None = None,
    output: str = "table",
    fiscal_year: int | None = None,
    published: dt.date | None = None,
    max_bytes: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> CheckRun:
    """Check one file; the caller prints ``output`` and exits with ``exit_code``."""
    if output not in OUTPUTS:
        raise UserError(
            f"unknown output format {output!r}", hint=f"use one of {', '.join(OUTPUTS)}"
        )
    if (max_bytes is not None and max_bytes <= 0) or timeout <= 0:
        raise UserError("--max-bytes and --timeout must be positive")
    text = _read(file, max_bytes)
    if isinstance(text, bytes):
        fmt = "text"  # a PDF's text has no markup
    else:
        fmt = "html" if file.suffix.lower() in (".html", ".htm") else "auto"
    sources = (figures,) if isinstance(figures, Path | str) else tuple(figures or ())
    job = _Job(text, file.name, fmt, report_dir, sources, output, fiscal_year, published)
    return Worker(_run_job, (job,), timeout=timeout).wait()


def _run_job(job: _Job) -> CheckRun:
    builds = [Path(source) for source in job.figures if not is_url(source)]
    context = report_context(job.report_dir, builds)
    figures = _figures(job.figures, job.report_dir)
    text = pdf_prose(job.text, job.name) if isinstance(job.text, bytes) else job.text
    result = context.check(
        text, figures, fiscal_year=job.fiscal_year, fmt=job.fmt, published=job.published
    )
    if job.output == "json":
        rendered = result.to_json()
    elif job.output == "html":
        rendered = render_html(text, result, title=f"Claims checked: {job.name}")
    else:
        rendered = render_table(result)
    return CheckRun(rendered, 1 if result.contradicted else 0, result)
