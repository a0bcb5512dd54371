"""Render prose templates: every number comes from a figure, through the style rules.

Templates are Jinja, written in words, and never contain a number. They name
figures through these functions (each returns Markdown: the styled number
linked to its figure page)::

    {{ count("ero.admin_arrests") }}                    170,590
    {{ count("ero.removals_gang") }}                    3,406
    {{ count("ero.removals_hrv", small="fewer than") }} fewer than ten (when suppressed)
    {{ count("ero.charges_total", breakdown="charge_category", value="homicide") }}
    {{ pct("ero.arrests_criminal_history_share", fy=prior, digits=1) }}   32.5%
    {{ change("ero.removals_gang") }}                   an increase of 27.7%
    {{ average("ero.charges_per_person") }}             four
    {{ money("hsi.currency_seized_usd", above="over") }} over $949 million
    {{ updown("ero.admin_arrests", up="up from") }}     a word from the sign of the change
    {{ raw("ero.admin_arrests") }}                      the value, for conditions

``fy`` is the report's fiscal year and ``prior`` the one before; ``year(x)``
writes ``FY 2023``. A template that names an unknown metric, or a figure that
does not exist or is suppressed, fails the build with the template, the line
and the metric.

Suppressed figures (see `yearbook.disclosure`) have no value. The only way to
name one is the "fewer than N" form of ``count``: ``small="fewer than"`` (or
"less than", ...) writes the words followed by the disclosure threshold N
("fewer than ten"), and is allowed on headline figures only: a headline is
withheld only when it is itself below N, whereas a breakdown cell may be
withheld to protect another one and be larger. When the figure is published
the same call writes its value as usual. A change (``change``, ``updown``)
computed from a suppressed figure of either year is suppressed too, and naming
it fails the build.

Templates are autoescaped for Markdown: a value that is not our own markup (a
submitted list item, a breakdown value, any variable) is written with its
Markdown punctuation escaped and on one line, so it reads as the text it is and
never becomes a link, an image or a heading. The figure functions return
`markupsafe.Markup`: the style module's numbers, and the links to figure pages
built here around escaped text. The Markdown becomes HTML in one place,
`yearbook.publish.site.markdown_to_html`, with raw HTML off and links checked.

Text the data supplies (`Supplied`: the items of a submitted list, which are
breakdown values) is a name, not a figure: wherever a template writes it, on
its own or through a filter that escapes it (``join``), it is fenced, and
`Renderer.render_prose` returns the Markdown with the spans of it
(`yearbook.narrative.prose.Prose`), so the build's self-check does not read
"Title 42" or "3 offices" in a submitted item as a claim. Every other number
is read: those the figure functions write, and any the template writes itself.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2 import nodes
from markupsafe import Markup

from yearbook.calendar import label as fy_label
from yearbook.errors import TemplateError, UserError
from yearbook.figures import Figure, Figures
from yearbook.figures.meta import MetricMeta
from yearbook.narrative import style
from yearbook.narrative.prose import CLOSE, OPEN, Prose, strip_links, unmarked

__all__ = [
    "FIGURE_FUNCTIONS",
    "Prose",
    "Renderer",
    "Supplied",
    "figure_anchor",
    "figure_href",
    "markdown_escape",
    "strip_links",
    "supplied_text",
]

FIGURE_FUNCTIONS = (
    "count",
    "money",
    "pct",
    "change",
    "average",
    "raw",
    "updown",
    "items",
    "launched",
)
"""Template functions whose first argument is a metric id."""


def figure_anchor(fiscal_year: int, breakdown: str = "", value: str = "") -> str:
    anchor = f"fy{fiscal_year}"
    if breakdown:
        slug = "".join(c if c.isalnum() else "-" for c in value.lower()).strip("-")
        anchor += f"-{breakdown}-{slug}"
    return anchor


def figure_href(metric: str, fiscal_year: int, breakdown: str = "", value: str = "") -> str:
    """Where a number in the prose links to: its figure page, at the right row."""
    return f"figures/{metric}.html#{figure_anchor(fiscal_year, breakdown, value)}"


_SPECIAL = re.compile(r"([\\`*_\[\]()<>|~#])")
"""Markdown punctuation a value escapes: parentheses too, or a template's "[note]" written just
before a value that opens with one would make a link of the two."""
_BREAK = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")
_LEADING = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def markdown_escape(value: object) -> Markup:
    r"""A value as Markdown text: punctuation that would be markup escaped, on one line.

    >>> print(markdown_escape("ICE <b>[x](javascript:alert(1))</b>"))
    ICE \<b\>\[x\]\(javascript:alert\(1\)\)\</b\>
    >>> print(markdown_escape("- not a list\n# nor a heading"))
    \- not a list \# nor a heading
    >>> strip_links(markdown_escape("a [b] <c>"))
    'a [b] <c>'
    """
    if isinstance(value, Markup):
        return value
    if isinstance(value, int | float):
        return Markup(value)
    text = _BREAK.sub(" ", str(value))
    return Markup(_LEADING.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", text)))


class Supplied(str):
    """Text the data supplied (a submitted item, a breakdown value), not the template.

    Written escaped (`markdown_escape`) and fenced as supplied (`yearbook.narrative.prose`),
    also when Jinja escapes it (``|join``, ``~``), so the self-check does not read its digits
    as claims.

    >>> Supplied("Title 42 [unit]").__html__() == OPEN + r"Title 42 \\[unit\\]" + CLOSE
    True
    """

    __slots__ = ()

    def __html__(self) -> Markup:
        return Markup(OPEN + markdown_escape(unmarked(str(self))) + CLOSE)


def supplied_text(value: object) -> Markup:
    """A value as a template writes it (the environment's ``finalize``): `Supplied` text
    fenced, everything else as `markdown_escape` writes it."""
    if isinstance(value, Supplied):
        return value.__html__()
    return markdown_escape(value)


@dataclass(frozen=True)
class _Where:
    template: str
    line: int | None


class Renderer:
    """Renders a report's templates against one figures table."""

    def __init__(
        self,
        template_dir: Path,
        metrics: Mapping[str, MetricMeta],
        figures: Figures,
        fiscal_year: int,
        *,
        links: bool = True,
        fewer_than: int = 10,
    ) -> None:
        self.metrics = metrics
        self.fewer_than = fewer_than
        """The N of the "fewer than N" form: the disclosure policy's threshold."""
        self.figures = figures
        self.fiscal_year = fiscal_year
        self.links = links
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(template_dir),
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            finalize=supplied_text,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        funcs: dict[str, Callable[..., Any]] = {
            "count": self._count,
            "money": self._money,
            "pct": self._pct,
            "change": self._change,
            "average": self._average,
            "raw": self._raw,
            "updown": self._updown,
            "items": self._items,
            "launched": self._launched,
        }
        self.env.globals.update(funcs)
        self.env.globals.update(
            fy=fiscal_year,
            prior=fiscal_year - 1,
            year=fy_label,
            number_words=style.number_words,
        )

    # -- checks ---------------------------------------------------------------
    def check(self, name: str) -> None:
        """Fail on any figure function naming an unknown metric, before rendering."""
        source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
        try:
            tree = self.env.parse(source, name, filename)
        except jinja2.TemplateSyntaxError as err:
            raise TemplateError(f"template {name}, line {err.lineno}: {err.message}") from None
        for call in tree.find_all(nodes.Call):
            if not isinstance(call.node, nodes.Name) or call.node.name not in FIGURE_FUNCTIONS:
                continue
            if call.args and isinstance(call.args[0], nodes.Const):
                metric = call.args[0].value
                if metric not in self.metrics:
                    raise TemplateError(
                        f"template {name}, line {call.lineno}: unknown metric {metric!r}",
                        hint="declare it in the report's metrics/*.yaml or fix the id",
                    )

    def render(self, name: str) -> str:
        """The Markdown of template ``name``."""
        return self.render_prose(name).markdown

    def render_prose(self, name: str) -> Prose:
        """The Markdown of template ``name`` and the spans of it variables supplied as text."""
        self.check(name)
        template = self.env.get_template(name)
        try:
            return Prose.from_marked(template.render())
        except UserError as err:
            where = _template_line(name, sys.exc_info()[2])
            line = f", line {where.line}" if where.line else ""
            raise TemplateError(f"template {name}{line}: {err.message}", hint=err.hint) from None

    # -- figure functions -----------------------------------------------------
    def _figure(self, metric: str, fy: int | None, breakdown: str, value: str) -> Figure:
        if metric not in self.metrics:
            raise UserError(f"unknown metric {metric!r}", hint="declare it or fix the id")
        fig = self.figures.get(metric, fy or self.fiscal_year, breakdown, value)
        if fig.suppressed or fig.value is None:
            raise UserError(
                f"the figure {metric} FY{fig.fiscal_year} is suppressed by the disclosure policy",
                hint="write it in the 'fewer than' form or drop it from the prose",
            )
        return fig

    def _changed(self, metric: str, fy: int | None, breakdown: str, value: str) -> Figure:
        """A figure whose change on the prior year is named: both years must be published."""
        year = fy or self.fiscal_year
        for when in (year, year - 1):
            other = self.figures.find(metric, when, breakdown, value)
            if other is not None and other.suppressed:
                raise UserError(
                    f"the change of {metric} FY{year} on FY{year - 1} is suppressed: it is "
                    f"computed from the FY{when} figure, which the disclosure policy withholds",
                    hint="drop the change from the prose",
                )
        return self._figure(metric, fy, breakdown, value)

    def _withheld(
        self, metric: str, fy: int | None, breakdown: str, value: str, words: str
    ) -> str | None:
        """The "fewer than N" text of a suppressed headline figure (None when published)."""
        if metric not in self.metrics:
            raise UserError(f"unknown metric {metric!r}", hint="declare it or fix the id")
        fig = self.figures.get(metric, fy or self.fiscal_year, breakdown, value)
        if not fig.suppressed:
            return None
        if breakdown:
            raise UserError(
                f"the figure {metric} FY{fig.fiscal_year} {breakdown}={value!r} is suppressed, "
                "and a breakdown cell may be withheld to protect another, so it has no "
                "'fewer than' form",
                hint="leave suppressed breakdown cells to the tables",
            )
        words_below = self._display(metric).words_below
        bound = style.count(self.fewer_than, words_below=words_below).text
        return self._link(f"{markdown_escape(words)} {bound}", fig)

    def _link(self, text: str, fig: Figure) -> Markup:
        """Our own markup: ``text`` (Markdown already) linked to its figure's page."""
        if not self.links:
            return Markup(text)
        href = figure_href(fig.metric, fig.fiscal_year, fig.breakdown, fig.breakdown_value)
        return Markup(f"[{text}]({href})")

    def _display(self, metric: str) -> Any:
        return self.metrics[metric].display

    def _count(
        self,
        metric: str,
        fy: int | None = None,
        breakdown: str = "",
        value: str = "",
        small: str = "",
        **kw: Any,
    ) -> str:
        if small:
            withheld = self._withheld(metric, fy, breakdown, value, small)
            if withheld is not None:
                return withheld
        fig = self._figure(metric, fy, breakdown, value)
        kw.setdefault("words_below", self._display(metric).words_below)
        if self._display(metric).round_to:
            kw.setdefault("round_to", self._display(metric).round_to)
        if fig.bound == "approximate":
            kw.setdefault("approx", True)
        if fig.bound == "lower":
            kw.setdefault("at_least", True)
        return self._link(style.count(_num(fig), **kw).text, fig)

    def _money(
        self, metric: str, fy: int | None = None, breakdown: str = "", value: str = "", **kw: Any
    ) -> str:
        fig = self._figure(metric, fy, breakdown, value)
        if fig.bound == "approximate":
            kw.setdefault("approx", True)
        if fig.bound == "lower":
            kw.setdefault("at_least", True)
        return self._link(style.money(_num(fig), **kw).text, fig)

    def _pct(self, metric: str, fy: int | None = None, digits: int | None = None, **kw: Any) -> str:
        fig = self._figure(metric, fy, kw.pop("breakdown", ""), kw.pop("value", ""))
        d = self._display(metric).digits if digits is None else digits
        return self._link(style.percent(_num(fig), digits=d).text, fig)

    def _change(
        self, metric: str, fy: int | None = None, digits: int = 1, form: str = "of", **kw: Any
    ) -> str:
        fig = self._changed(metric, fy, kw.pop("breakdown", ""), kw.pop("value", ""))
        if fig.yoy_change_pct is None:
            raise UserError(f"{metric} FY{fig.fiscal_year} has no prior year to compare with")
        return self._link(style.change(fig.yoy_change_pct, digits=digits, form=form).text, fig)

    def _average(self, metric: str, fy: int | None = None, digits: int | None = None) -> str:
        fig = self._figure(metric, fy, "", "")
        d = self._display(metric).digits if digits is None else digits
        return self._link(style.average(_num(fig), digits=d).text, fig)

    def _updown(
        self,
        metric: str,
        fy: int | None = None,
        up: str = "up",
        down: str = "down",
        same: str = "unchanged",
    ) -> str:
        """A direction word chosen from the sign of the year-over-year change."""
        fig = self._changed(metric, fy, "", "")
        if fig.yoy_change is None:
            raise UserError(f"{metric} FY{fig.fiscal_year} has no prior year to compare with")
        word = up if fig.yoy_change > 0 else down if fig.yoy_change < 0 else same
        return Markup(word)  # the template's own words

    def _items(
        self, metric: str, fy: int | None = None, breakdown: str = "item", links: bool = True
    ) -> list[Supplied] | list[Markup]:
        """The items of a submitted list (its ``item`` breakdown) in the order they were
        submitted (alphabetical where the figures give no order), each linked to its
        figure (``links=False``: the bare names, e.g. as lookup keys).

        The list's length is the headline figure, so prose that announces "four
        goals" and then lists them states the same figure twice.
        """
        self._figure(metric, fy, "", "")
        cells = self.figures.breakdown(metric, fy or self.fiscal_year, breakdown)
        listed = [f for f in cells if f.value]
        listed.sort(key=lambda f: (f.position is None, f.position or 0, f.breakdown_value))
        if not links:
            return [Supplied(f.breakdown_value) for f in listed]  # escaped when written
        return [self._link(Supplied(f.breakdown_value).__html__(), f) for f in listed]

    def _launched(self, metric: str, fy: int | None = None) -> str:
        """The month of a one-off event ("May 2023"), from the figure's ``month`` breakdown."""
        fig = self._figure(metric, fy, "", "")
        months = [f for f in self.figures.breakdown(metric, fig.fiscal_year, "month") if f.value]
        if len(months) != 1:
            raise UserError(
                f"{metric} FY{fig.fiscal_year} happened in {len(months)} months, not one",
                hint="name a metric that counts a single event, with a 'month' breakdown",
            )
        return self._link(markdown_escape(style.month_label(months[0].breakdown_value)), months[0])

    def _raw(
        self, metric: str, fy: int | None = None, breakdown: str = "", value: str = ""
    ) -> float:
        return _num(self._figure(metric, fy, breakdown, value))


def _num(fig: Figure) -> float:
    assert fig.value is not None
    return fig.value


def _template_line(name: str, tb: TracebackType | None) -> _Where:
    """The template line being rendered when an error was raised, from the traceback."""
    line = None
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith(name) or code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return _Where(name, line)
