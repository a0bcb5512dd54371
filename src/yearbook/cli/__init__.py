"""The `yearbook` command line. Errors are caught here, at the edge, one clear line each.

The commands that serve or check a build live in ``serving``, what the modules share
(consoles, default folders) in ``common``; every command is registered on ``app`` here,
in the order ``yearbook --help`` lists them.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from yearbook import __version__
from yearbook.cli.common import DEFAULT_DEMO_DIR, console, default_report, out
from yearbook.cli.serving import audit, check_cmd, preview, serve
from yearbook.errors import InternalError, UserError, YearbookError

__all__ = ["app", "check_cmd", "main"]

app = typer.Typer(
    name="yearbook",
    help="Build an agency's annual statistical report from record-level data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _default_pack() -> Path:
    """The pack the flagship report names (read from its report.yaml alone)."""
    from yearbook.packs import pack_folder
    from yearbook.yamlio import safe_load

    report = default_report()
    spec = safe_load((report / "report.yaml").read_text(encoding="utf-8")) or {}
    return pack_folder(report, str(spec.get("pack", "")))


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
    from yearbook.ingest import load_real_data
    from yearbook.report import load_report
    from yearbook.warehouse import Warehouse

    started = time.perf_counter()
    report = load_report(report_dir or default_report())
    warehouse = Warehouse(out_dir / "warehouse", report.pack.tables)
    with console.status("generating synthetic records") as status:
        write_demo = report.pack.generator_function()
        rows = write_demo(warehouse, report.folder, seed=seed)
        _progress("generated " + ", ".join(f"{n:,} {t}" for t, n in rows.items()))
        status.update("loading the real files beside the checkout")
        real = load_real_data(report.folder, warehouse, report.pack)
        if real is not None:
            _progress("loaded " + ", ".join(f"{f.loaded:,} rows of {f.file}" for f in real.files))
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
    engine: Annotated[
        str, typer.Option(help="Where the SQL runs: duckdb (embedded) or spark.")
    ] = "duckdb",
    setting: Annotated[
        list[str] | None,
        typer.Option(
            "--setting",
            help="Engine setting KEY=VALUE, repeatable: memory_limit=3GB, threads=2 (duckdb); "
            "spark.master=spark://host:7077 or any Spark setting (spark).",
        ),
    ] = None,
    incremental: Annotated[
        bool,
        typer.Option(help="Reuse the figures of the last build into --out whose inputs held."),
    ] = False,
    datacall: Annotated[
        str | None,
        typer.Option(
            "--datacall",
            help="Take the fiscal year's submissions from this data-call database "
            "(its approved answers) instead of those the warehouse holds.",
        ),
    ] = None,
    profile: Annotated[
        bool,
        typer.Option(help="Record each phase's wall time in the build's build.json (profile)."),
    ] = False,
) -> None:
    """Build a report from a warehouse into an output folder (each phase's time is printed)."""
    from yearbook.backends import parse_settings
    from yearbook.build import build
    from yearbook.report import load_report
    from yearbook.warehouse import Warehouse

    started = time.perf_counter()
    report = load_report(report_dir)
    if datacall is not None:
        _load_approved(report, Warehouse(warehouse_dir, report.pack.tables), datacall)
    result = build(
        report,
        Warehouse(warehouse_dir),
        out_dir,
        progress=_progress,
        engine=engine,
        settings=parse_settings(setting or []),
        incremental=incremental,
        profile=profile,
    )
    took = time.perf_counter() - started
    out.print(f"[bold green]Built[/bold green] {len(result.figures):,} figures in {took:.1f} s.")
    out.print(f"Report page: {result.page}")


def _load_approved(report: Any, warehouse: Any, db: str) -> None:
    """Replace the fiscal year's submissions in the warehouse by the call's approved answers."""
    from yearbook.datacall import load_approved

    rows = load_approved(report, warehouse, db)
    _progress(f"took {rows:,} approved submission rows from the data call")


app.command()(preview)


@app.command()
def explain(
    metric: Annotated[str, typer.Argument(help="Metric id, as `yearbook metrics` lists it.")],
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
    if fig.bound != "exact":
        out.print(f"bound: {fig.bound} (some records are lower bounds or estimates)")
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
def validate(
    folder: Annotated[
        Path,
        typer.Argument(help="A report folder (report.yaml, metrics/, ...) or a pack folder."),
    ],
) -> None:
    """Check a report and its pack, or a pack alone; list every problem with file and line
    (exit 1 if there is any)."""
    from yearbook.validation import validate_pack, validate_report

    is_pack = (folder / "pack.yaml").is_file()
    problems = validate_pack(folder) if is_pack else validate_report(folder)
    for problem in problems:
        out.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        console.print(f"[bold red]{count}[/bold red] in {folder}")
        raise typer.Exit(1)
    out.print(f"{folder}: no problems")


@app.command("init-pack")
def init_pack_cmd(
    name: Annotated[str, typer.Argument(help="The new pack's name (lower case), e.g. cbp.")],
    parent: Annotated[Path, typer.Option("--dir", help="Folder to create it in.")] = Path("packs"),
) -> None:
    """Create a new pack with a commented example table and layout (docs/packs.md)."""
    from yearbook.scaffold import init_pack
    from yearbook.validation import validate_pack

    folder = init_pack(name, parent)
    problems = validate_pack(folder)
    if problems:
        raise InternalError(f"the new pack has problems: {problems[0]}")
    out.print(f"Created {folder}: edit tables/cases.yaml and layouts/cases_2024.yaml.")


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


app.command()(serve)


@app.command("diff")
def diff_cmd(
    old: Annotated[Path, typer.Argument(help="The earlier build folder.")],
    new: Annotated[Path, typer.Argument(help="The later build folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """What changed between two builds: figures added, removed, revised; sentences."""
    import json

    from yearbook.publish.diff import diff_builds, print_diff

    result = diff_builds(old, new)
    if as_json:
        print(json.dumps(result.to_dict(), indent=2))
    else:
        print_diff(result, out)


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Record files: .xlsx, .csv(.gz), .parquet.")],
    into: Annotated[Path, typer.Option("--into", help="Warehouse folder to load into.")],
    release: Annotated[
        str | None, typer.Option(help="Name of the release the files belong to.")
    ] = None,
    layouts: Annotated[
        Path | None, typer.Option(help="A folder of extra mapping files (*.yaml).")
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Let a file replace more rows than it brings (see docs/ingest.md).",
        ),
    ] = False,
    wait: Annotated[
        float,
        typer.Option(
            "--wait",
            min=0,
            help="Seconds to wait for another ingest into the same warehouse to finish.",
        ),
    ] = 60.0,
    pack_dir: Annotated[
        Path | None,
        typer.Option(
            "--pack",
            help="The pack whose tables and layouts read the files "
            "(default: the flagship report's pack).",
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Text encoding of CSV files that are not UTF-8 or UTF-16 (e.g. cp1252).",
        ),
    ] = None,
) -> None:
    """Load an agency's record files into a warehouse: detect layouts, quarantine, flag
    duplicates. The tables and layouts are the pack's (docs/packs.md)."""
    from yearbook.ingest.console import run_ingest, summary_table
    from yearbook.packs import load_pack
    from yearbook.warehouse import Warehouse

    pack = load_pack(pack_dir or _default_pack())
    result = run_ingest(
        paths,
        Warehouse(into, pack.tables),
        pack,
        release=release,
        layouts_dir=layouts,
        console=console,
        replace=replace,
        wait=wait,
        encoding=encoding,
    )
    out.print(summary_table(result))


@app.command("published")
def published_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Published statistics workbooks (.xlsx).")],
    into: Annotated[Path, typer.Option("--into", help="Warehouse folder to load into.")],
    pack: Annotated[
        Path, typer.Option("--pack", help="The agency's pack (its published/*.yaml mappings).")
    ],
) -> None:
    """Find the tables in published workbooks and load the figures a pack maps."""
    from yearbook.ingest.published import load_published
    from yearbook.warehouse import Warehouse

    loaded = load_published(paths, pack, Warehouse(into))
    for line in loaded.lines():
        out.print(line, markup=False, highlight=False)
    for problem in loaded.problems:
        out.print(f"not placed: {problem}", markup=False, highlight=False, soft_wrap=True)


@app.command("reconcile")
def reconcile_cmd(
    build_dir: Annotated[
        Path, typer.Argument(help="A build's output folder (the --out of build).")
    ],
) -> None:
    """Print the published and computed table; exit 1 when a figure expected equal differs."""
    from collections import Counter

    from yearbook.reconcile import check_build

    lines = check_build(build_dir)

    def num(value: float | None, sign: str = "") -> str:
        return "" if value is None else f"{value:{sign},.1f}".removesuffix(".0")

    width = max((len(line.published_id) for line in lines), default=10)
    out.print(
        f"{'published figure':<{width}}  {'FY':>4}  {'computed':>12}  {'published':>12}  "
        f"{'difference':>11}  status",
        markup=False,
        highlight=False,
    )
    reasons: dict[str, str] = {}
    for line in lines:
        status = line.status
        if line.reason:
            tag = reasons.setdefault(line.reason, f"[{len(reasons) + 1}]")
            status += f" {tag}"
        out.print(
            f"{line.published_id:<{width}}  {line.fiscal_year:>4}  {num(line.computed):>12}  "
            f"{num(line.published):>12}  {num(line.difference, '+'):>11}  {status}",
            markup=False,
            highlight=False,
            style="bold red" if line.failed else None,
            soft_wrap=True,
        )
    for reason, tag in reasons.items():
        out.print(f"{tag} {reason}", markup=False, highlight=False, soft_wrap=True)
    failed = [line for line in lines if line.failed]
    counts = Counter(line.status for line in lines)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    out.print(f"{len(lines)} figures: {summary}", markup=False, highlight=False)
    if failed:
        out.print(f"{len(failed)} figure(s) expected equal differ", markup=False, highlight=False)
        raise typer.Exit(1)


app.command()(audit)


app.command("check")(check_cmd)


def _datacall_commands() -> None:
    from yearbook.datacall.commands import app as datacall_app

    app.add_typer(datacall_app, name="datacall")


_datacall_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning yearbook errors into one clear line."""
    try:
        code = app(args=argv, standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except UserError as err:
        console.print(
            Text("error: ", style="bold red") + Text(str(err)), highlight=False, soft_wrap=True
        )
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
        from typer._click.exceptions import ClickException

        if isinstance(exc, click.ClickException | ClickException):
            exc.show()
            sys.exit(2)
        raise
