"""Showing a check: a plain table for the terminal and an HTML page.

In the HTML every claim is a focusable ``<mark>`` whose verdict shows three
ways, so colour is never the only signal: a colour, a border style (solid,
dashed, dotted) and a symbol with a visually hidden word. Its evidence is a
tooltip that opens on hover and on keyboard focus, tied to the mark with
``aria-describedby``.
"""

from __future__ import annotations

import html

from yearbook.claims.result import CheckResult, ClaimVerdict

__all__ = ["render_html", "render_table"]

_SYMBOL = {"supported": "✓", "contradicted": "✗", "unverifiable": "?"}

_CSS = """
body { font: 16px/1.6 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; }
.claims-text { white-space: pre-wrap; }
.claims-legend { display: flex; gap: 1.5rem; flex-wrap: wrap; padding: 0; list-style: none; }
mark.claim { position: relative; color: inherit; padding: 0 .15em; border-bottom: 3px solid;
             border-radius: 2px; }
mark.claim:focus { outline: 3px solid #1a4480; outline-offset: 2px; }
mark.claim-supported { background: #e7f4e4; border-color: #00703c; border-bottom-style: solid; }
mark.claim-contradicted { background: #fde0db; border-color: #b50909; border-bottom-style: double; }
mark.claim-unverifiable { background: #f0f0f0; border-color: #565c65; border-bottom-style: dotted; }
.claim-symbol { font-weight: 700; margin-left: .1em; }
.claim-evidence { display: none; position: absolute; left: 0; top: 100%; z-index: 10; width: 22rem;
                  max-width: 80vw; background: #fff; color: #1b1b1b; border: 1px solid #565c65;
                  padding: .5rem .75rem; font-size: .875rem; line-height: 1.4; white-space: normal;
                  box-shadow: 0 2px 6px rgba(0,0,0,.2); }
mark.claim:hover .claim-evidence, mark.claim:focus .claim-evidence,
mark.claim:focus-within .claim-evidence { display: block; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
                   clip: rect(0 0 0 0); white-space: nowrap; }
"""


def render_html(text: str, result: CheckResult, *, title: str = "Claims checked") -> str:
    """A whole HTML page: the text with each claim highlighted by verdict.

    >>> from yearbook.claims import check
    >>> page = render_html("ERO removed 139 people.", check("ERO removed 139 people."))
    >>> 'tabindex="0"' in page and 'role="tooltip"' in page
    True
    """
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<main><h1>{html.escape(title)}</h1>",
        _summary(result),
        _legend(),
        f'<div class="claims-text">{_marked(text, result)}</div>',
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _summary(result: CheckResult) -> str:
    counts = result.summary()
    words = ", ".join(f"{n} {verdict}" for verdict, n in counts.items())
    return f"<p>{len(result.claims)} claims: {words}.</p>"


def _legend() -> str:
    items = "".join(
        f'<li><mark class="claim claim-{v}">{v}<span class="claim-symbol" aria-hidden="true">'
        f"{_SYMBOL[v]}</span></mark></li>"
        for v in _SYMBOL
    )
    return f'<ul class="claims-legend" aria-label="Legend">{items}</ul>'


def _marked(text: str, result: CheckResult) -> str:
    out: list[str] = []
    pos = 0
    for n, claim in enumerate(sorted(result.claims, key=lambda c: c.start)):
        if claim.start < pos:
            continue
        out.append(html.escape(text[pos : claim.start]))
        out.append(_mark(n, text[claim.start : claim.end], claim))
        pos = claim.end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _mark(n: int, shown: str, claim: ClaimVerdict) -> str:
    tip = f"claim-{n}-evidence"
    evidence = [f"<strong>{claim.verdict.capitalize()}</strong>: {html.escape(claim.reason)}"]
    if claim.metric:
        evidence.append(f"<br>Metric: <code>{html.escape(claim.metric)}</code>")
    if claim.fiscal_year:
        evidence.append(f"<br>Fiscal year: {claim.fiscal_year}")
    evidence.append(f"<br>The text means: {html.escape(claim.interval_text)}")
    return (
        f'<mark class="claim claim-{claim.verdict}" tabindex="0" aria-describedby="{tip}">'
        f"{html.escape(shown)}"
        f'<span class="claim-symbol" aria-hidden="true">{_SYMBOL[claim.verdict]}</span>'
        f'<span class="visually-hidden"> ({claim.verdict})</span>'
        f'<span class="claim-evidence" role="tooltip" id="{tip}">{"".join(evidence)}</span>'
        "</mark>"
    )


def render_table(result: CheckResult) -> str:
    """One line per claim: verdict, fiscal year, kind, text, metric and reason."""
    lines = []
    for claim in result.claims:
        year = f"FY{claim.fiscal_year}" if claim.fiscal_year else "FY?"
        metric = claim.metric or "-"
        lines.append(
            f"{_SYMBOL[claim.verdict]} {claim.verdict:<12} {year:<7} {claim.kind:<10} "
            f"{claim.text!r:<28} {metric:<36} {claim.reason}"
        )
    counts = ", ".join(f"{n} {v}" for v, n in result.summary().items())
    lines.append(f"{len(result.claims)} claims: {counts}")
    return "\n".join(lines)
