"""The commands that serve or check what a build published: ``preview``, ``serve``,
``audit`` and ``check``. Registered on the ``yearbook`` app, in its help's order, by
``yearbook.cli``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from yearbook.cli.common import default_report, out, say_now

__all__ = ["audit", "check_cmd", "preview", "serve"]


def preview(
    report_dir: Annotated[
        Path, typer.Argument(help="Report folder (report.yaml, metrics/, templates/).")
    ],
    warehouse_dir: Annotated[Path, typer.Option("--warehouse", help="Warehouse folder.")],
    port: Annotated[int, typer.Option(help="Port to listen on (0 picks a free one).")] = 8000,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Folder the preview is written into (default: a temporary one)."
        ),
    ] = None,
) -> None:
    """Serve the report locally and rebuild it on every edit of its folder or its pack.

    A template edit re-renders its section, a metric edit recomputes that metric's
    figures; the page reloads itself, and a mistake is shown over the last good page.
    """
    import tempfile

    from yearbook.api.preview import Previewer
    from yearbook.api.preview_server import serve_preview
    from yearbook.warehouse import Warehouse

    with tempfile.TemporaryDirectory(prefix="yearbook-preview-") as scratch:
        out_path = out_dir or Path(scratch) / "site"
        previewer = Previewer(report_dir, Warehouse(warehouse_dir), out_path)
        serve_preview(previewer, host, port, say=say_now)


def serve(
    site: Annotated[Path, typer.Argument(help="A build's output folder (the --out of build).")],
    port: Annotated[int, typer.Option(help="Port to listen on (0 picks a free one).")] = 8000,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    workers: Annotated[
        int, typer.Option(min=1, help="Server processes sharing the port (one per core).")
    ] = 1,
    read_timeout: Annotated[
        float,
        typer.Option(min=0.1, help="Seconds a client may take to send headers, and again body."),
    ] = 10.0,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = False,
    check_timeout: Annotated[
        float,
        typer.Option(min=0.01, help="Seconds a POST /api/check may take (503 past it)."),
    ] = 10.0,
) -> None:
    """Serve the report site and its read-only JSON API (/api/..., schema at /docs).

    A later build into the same folder is served from its first request on, by
    every worker.
    """
    from yearbook.api.server import serve as run_server

    run_server(
        site,
        host,
        port,
        workers,
        timeout=read_timeout,
        access_log=access_log,
        check_timeout=check_timeout,
    )


def audit(
    build_dir: Annotated[
        Path, typer.Argument(help="A build's output folder (the --out of build).")
    ],
    api: Annotated[
        bool, typer.Option("--api/--no-api", help="Also start the API and read its responses.")
    ] = True,
) -> None:
    """Re-read every published artefact of a build and report disclosure leaks (exit 1)."""
    from yearbook.api import create_app
    from yearbook.disclosure.audit import audit_build
    from yearbook.disclosure.serving import serve_api

    if api:
        with serve_api(create_app(build_dir)) as client:
            findings, read = audit_build(build_dir, client)
    else:
        findings, read = audit_build(build_dir)
    for finding in findings:
        out.print(finding.line(), markup=False, highlight=False, soft_wrap=True)
    verdict = f"{len(findings)} finding(s)" if findings else "no findings"
    out.print(f"audited {len(read)} artefacts: {verdict}", markup=False, highlight=False)
    if findings:
        raise typer.Exit(1)


def check_cmd(
    file: Annotated[
        Path, typer.Argument(help="The prose to check: plain text, Markdown, HTML or PDF.")
    ],
    figures: Annotated[
        list[str] | None,
        typer.Option(
            help="A build or bundle folder, a CSV of published figures "
            "(metric,fiscal_year,value), or the http(s) URL of a running `yearbook serve`; "
            "give it several times to check against their union."
        ),
    ] = None,
    output: Annotated[str, typer.Option("--format", help="table, json or html.")] = "table",
    fy: Annotated[
        int | None, typer.Option("--fy", help="Fiscal year of claims that name none.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The date the text came out, YYYY-MM-DD: claims it dates by no year "
            '("last year", "in the year to September") are tried as of the last fiscal year '
            "ended by then.",
        ),
    ] = None,
    report_dir: Annotated[Path | None, typer.Option("--report", help="Report folder.")] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes",
            help="Largest file to read, in bytes (exit 2 above); by default 2,000,000, "
            "or 50,000,000 for a PDF.",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds the check may take (exit 2 past it).")
    ] = 30.0,
) -> None:
    """Check every number in a text against the figures and against the text itself."""
    from yearbook.claims.command import published_date, run_check

    run = run_check(
        file,
        report_dir=report_dir or default_report(),
        figures=figures,
        output=output,
        fiscal_year=fy,
        published=published_date(date),
        max_bytes=max_bytes,
        timeout=timeout,
    )
    print(run.output)
    raise typer.Exit(run.exit_code)
