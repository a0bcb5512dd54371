"""What the command line's modules share: its consoles and its default folders."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from yearbook.errors import UserError

__all__ = ["DEFAULT_DEMO_DIR", "console", "default_report", "out", "say_now"]

console = Console(stderr=True)
"""Progress, warnings and errors."""
out = Console()
"""What a command prints as its result."""

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


def say_now(message: str) -> None:
    console.print(message, markup=False, highlight=False, soft_wrap=True)
