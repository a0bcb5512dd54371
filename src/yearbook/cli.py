"""The `yearbook` command line. Errors are caught here, at the edge, one clear line each."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from yearbook import __version__
from yearbook.errors import InternalError, UserError, YearbookError

__all__ = ["app", "main"]

app = typer.Typer(
    name="yearbook",
    help="Build an agency's annual statistical report from record-level data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DEMO_DIR = Path("yearbook-demo")


def default_report() -> Path:
    """The flagship report folder of a source checkout."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "reports" / "ice-fy2023"
        if (candidate / "report.yaml").is_file():
            return candidate
    raise UserError(
        "the flagship report folder reports/ice-fy2023 was not found",
        hint="pass --report PATH to a report folder",
    )


def _progress(message: str) -> None:
    console.print(f"[dim]·[/dim] {message}")


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(__version__)
        raise typer.Exit()


@app.command()
def demo(
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for the demo warehouse and site.")
    ] = DEFAULT_DEMO_DIR,
    report_dir: Annotated[Path | None, typer.Option("--report", help="Report folder.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the synthetic data.")] = 2023,
) -> None:
    """Generate the demo data, load it, compute every figure and write the report."""
    from yearbook.build import build
    from yearbook.report import load_report
    from yearbook.synth import write_demo
    from yearbook.warehouse import Warehouse

    started = time.perf_counter()
    report = load_report(report_dir or default_report())
    warehouse = Warehouse(out_dir / "warehouse")
    with console.status("generating synthetic records") as status:
        rows = write_demo(warehouse, report.folder, seed=seed)
        _progress("generated " + ", ".join(f"{n:,} {t}" for t, n in rows.items()))
        status.update("building the report")
        result = build(report, warehouse, out_dir / "site", progress=_progress)
    took = time.perf_counter() - started
    out.print(f"[bold green]Built[/bold green] {len(result.figures):,} figures in {took:.1f} s.")
    out.print(f"Report page: {result.page}")
    out.print(f"Figures:     {result.out / 'figures.csv'}")


@app.command("build")
def build_cmd(
    report_dir: Annotated[
        Path, typer.Argument(help="Report folder (report.yaml, metrics/, templates/).")
    ],
    warehouse_dir: Annotated[Path, typer.Option("--warehouse", help="Warehouse folder.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder.")],
) -> None:
    """Build a report from a warehouse into an output folder."""
    from yearbook.build import build
    from yearbook.report import load_report
    from yearbook.warehouse import Warehouse

    report = load_report(report_dir)
    result = build(report, Warehouse(warehouse_dir), out_dir, progress=_progress)
    out.print(f"[bold green]Built[/bold green] {len(result.figures):,} figures.")
    out.print(f"Report page: {result.page}")


@app.command()
def explain(
    metric: Annotated[str, typer.Argument(help="Metric id, e.g. ero.admin_arrests.")],
    fy: Annotated[int, typer.Option("--fy", help="Fiscal year.")],
    build_dir: Annotated[Path, typer.Option("--build", help="A build folder.")] = DEFAULT_DEMO_DIR
    / "site",
    breakdown: Annotated[str, typer.Option(help="Breakdown name.")] = "",
    value: Annotated[str, typer.Option(help="Category within the breakdown.")] = "",
) -> None:
    """Print a figure's value and the SQL that produced it."""
    from yearbook.calendar import label
    from yearbook.figures import read_figures

    figures = read_figures(build_dir)
    fig = figures.get(metric, fy, breakdown, value)
    shown = (
        "suppressed"
        if fig.value is None
        else (f"{fig.value:,.0f}" if float(fig.value).is_integer() else f"{fig.value:,.4g}")
    )
    title = f"{metric} {label(fy)}" + (f" {breakdown}={value}" if breakdown else "")
    out.print(f"[bold]{title}[/bold]: {shown} {fig.unit}")
    if fig.yoy_change_pct is not None:
        out.print(f"change on {label(fy - 1)}: {fig.yoy_change_pct:+.1f}%")
    out.print(f"input fingerprint: {fig.fingerprint}")
    out.print("SQL:")
    out.print(fig.sql, markup=False, highlight=False)


@app.command("metrics")
def metrics_cmd(
    report_dir: Annotated[Path | None, typer.Option("--report", help="Report folder.")] = None,
) -> None:
    """List the report's declared metrics."""
    from yearbook.report import load_report

    report = load_report(report_dir or default_report())
    table = Table("id", "label", "unit", "measure")
    for decl in report.metrics.values():
        table.add_row(decl.id, decl.label, decl.unit, decl.measure)
    out.print(table)


@app.command()
def docs(
    out_dir: Annotated[Path, typer.Option("--out", help="Docs folder.")] = Path("docs"),
    report_dir: Annotated[Path | None, typer.Option("--report", help="Report folder.")] = None,
) -> None:
    """Regenerate the reference pages: canonical tables and metrics."""
    from yearbook.docs import write_reference
    from yearbook.report import load_report

    for path in write_reference(load_report(report_dir or default_report()), out_dir):
        out.print(f"wrote {path}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning yearbook errors into one clear line."""
    try:
        app(args=argv, standalone_mode=False)
    except UserError as err:
        console.print(f"[bold red]error:[/bold red] {err}", highlight=False, markup=False)
        sys.exit(2)
    except InternalError as err:
        console.print(f"internal error (a bug in yearbook): {err}", markup=False)
        sys.exit(3)
    except YearbookError as err:
        console.print(f"error: {err}", markup=False)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        console.print("aborted")
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive as ClickException
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(2)
        raise


if __name__ == "__main__":
    main()
