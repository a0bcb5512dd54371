"""Audit checks on pages: HTML tables and prose links, Markdown, chart marks, PDF text."""

from __future__ import annotations

import re
from pathlib import Path

from yearbook.disclosure.context import AuditContext, Finding, Key, name
from yearbook.disclosure.readers import HtmlLink, HtmlRow, parse_html, parse_number
from yearbook.figures import Figure
from yearbook.rules import unit_kind

__all__ = ["audit_html", "audit_markdown", "audit_svg", "audit_text", "stated"]

_FIGURE_LINK = re.compile(r"figures/([^/#?\"')]+)\.html#([\w-]+)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_CHANGE = re.compile(r"[+−]\s?\$?\d|\d\s?pp\b|increase|decrease", re.I)
_FEWER = re.compile(r"\b(fewer|less) than\b", re.I)


def audit_html(text: str, artefact: str, ctx: AuditContext, metric: str = "") -> list[Finding]:
    """Figure-page rows (by anchor), other table rows (by label) and prose links."""
    rows, links = parse_html(text)
    found: list[Finding] = []
    for row in rows:
        key = ctx.anchors.get((metric, row.id)) if metric and row.id else None
        target = _FIGURE_LINK.search(row.href)
        if key is None and target:
            key = ctx.anchors.get((target.group(1), target.group(2)))
        if key is not None:
            found += _anchored_row(key, row, artefact, ctx)
        elif row.label or row.cells:
            label = row.label or row.cells[0]
            rest = row.cells if row.label else row.cells[1:]
            found += _labelled_line(label, " ".join(rest), artefact, ctx)
    for link in links:
        found += _link(link, artefact, ctx)
    return found


def _anchored_row(key: Key, row: HtmlRow, artefact: str, ctx: AuditContext) -> list[Finding]:
    fig = ctx.figures[key]
    shown = parse_number(row.cells[0], words=False) if row.cells else None
    rest = " ".join(row.cells[1:])
    prior = (key[0], key[1] - 1, key[2], key[3])
    out: list[Finding] = []
    if fig.suppressed and shown is not None:
        out.append(Finding(artefact, "suppressed shown", name(key), f"row shows {row.cells[0]!r}"))
    elif why := ctx.forbidden(key[0], shown):
        out.append(Finding(artefact, "small value", name(key), why))
    if ctx.withheld(prior) and parse_number(rest, words=False) is not None:
        out.append(Finding(artefact, "recoverable", name(prior), f"next year's row shows {rest!r}"))
    elif fig.suppressed and _CHANGE.search(rest):
        out.append(Finding(artefact, "recoverable", name(key), f"its change shown: {rest!r}"))
    return out


def _labels(ctx: AuditContext) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for (_, fy, breakdown, value), fig in ctx.figures.items():
        if breakdown and fy == ctx.fiscal_year:
            out.setdefault(value.lower(), []).append(fig)
    return out


def _labelled_line(label: str, rest: str, artefact: str, ctx: AuditContext) -> list[Finding]:
    """A table row or text line led by a category of the report's year."""
    figs = _labels(ctx).get(label.strip().lower())
    shown = parse_number(rest, words=False)
    if not figs or shown is None:
        return []
    key = (figs[0].metric, figs[0].fiscal_year, figs[0].breakdown, figs[0].breakdown_value)
    if all(f.suppressed for f in figs):
        return [Finding(artefact, "suppressed shown", name(key), f"{label} {rest}".strip())]
    counts = all(f.metric in ctx.counts and not f.suppressed for f in figs)
    if counts and shown % 1 == 0 and (why := ctx.forbidden(figs[0].metric, shown)):
        return [Finding(artefact, "small value", name(key), why)]
    return []


def _link(link: HtmlLink, artefact: str, ctx: AuditContext) -> list[Finding]:
    match = _FIGURE_LINK.search(link.href)
    key = ctx.anchors.get((match.group(1), match.group(2))) if match else None
    return [] if key is None else stated(key, link.text, artefact, ctx)


def stated(key: Key, text: str, artefact: str, ctx: AuditContext) -> list[Finding]:
    """A number stated in prose about one figure."""
    fig, shown = ctx.figures.get(key), parse_number(text)
    if fig is None or _FEWER.search(text) or shown is None:
        return []
    if fig.suppressed:
        return [Finding(artefact, "suppressed shown", name(key), f"prose says {text!r}")]
    if _CHANGE.search(text) and fig.yoy_change is None:
        return [Finding(artefact, "recoverable", name(key), f"change stated: {text!r}")]
    if "%" in text or unit_kind(fig.unit) == "percent":
        return []
    if why := ctx.forbidden(key[0], shown):
        return [Finding(artefact, "small value", name(key), f"prose says {text!r}: {why}")]
    return []


def audit_markdown(text: str, artefact: str, ctx: AuditContext) -> list[Finding]:
    found: list[Finding] = []
    for label, href in _MD_LINK.findall(text):
        found += _link(HtmlLink(href, label), artefact, ctx)
    return found


_ARIA = re.compile(r'aria-label="([^"]*)"')
_SCALED = re.compile(r"^(-?[\d,]*\.?\d+)\s*([kKMB]?)$")
_SCALE = {"": 1.0, "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9}


def _chart_number(text: str) -> float | None:
    """A chart label's number: ``62.464k`` -> 62464.0, ``4`` -> 4.0."""
    found = _SCALED.match(text.strip())
    if not found:
        return None
    return round(float(found.group(1).replace(",", "")) * _SCALE[found.group(2)], 6)


def audit_svg(text: str, artefact: str, ctx: AuditContext) -> list[Finding]:
    """A chart (``charts/<metric>-<breakdown|years>.svg``): each mark's accessible label."""
    metric, _, shape = Path(artefact).stem.rpartition("-")
    found: list[Finding] = []
    for label in _ARIA.findall(text):
        fields = dict(part.split(": ", 1) for part in label.split("; ") if ": " in part)
        numbers = [n for n in map(_chart_number, fields.values()) if n is not None]
        if not numbers:
            continue
        if shape == "years" and fields.get("year", "").startswith("FY "):
            key: Key = (metric, int(fields["year"][3:]), "", "")
        elif "category" in fields:
            key = (metric, ctx.fiscal_year, shape, fields["category"])
        else:
            continue
        found += _shown(key, numbers[0], f"chart mark {label!r}", artefact, ctx)
    return found


def _shown(key: Key, value: float, seen: str, artefact: str, ctx: AuditContext) -> list[Finding]:
    """A number shown for one figure."""
    fig = ctx.figures.get(key)
    if fig is None:
        return []
    if fig.suppressed:
        return [Finding(artefact, "suppressed shown", name(key), seen)]
    if why := ctx.forbidden(key[0], value):
        return [Finding(artefact, "small value", name(key), why)]
    return []


def audit_text(text: str, artefact: str, ctx: AuditContext) -> list[Finding]:
    """Lines of laid-out text (a PDF's): table rows, a category label then a column gap."""
    labels = sorted(_labels(ctx), key=len, reverse=True)
    found: list[Finding] = []
    for raw in text.splitlines():
        line = raw.strip()
        lower = line.lower()
        for label in labels:
            rest = line[len(label) :]
            if lower.startswith(label) and rest.startswith("  "):
                found += _labelled_line(line[: len(label)], rest, artefact, ctx)
                break
    return found
