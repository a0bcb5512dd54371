"""Verdicts: one per claim, with its evidence, and the result of a whole check.

The JSON shape (``CheckResult.to_json``) is documented in docs/claims.md and
guarded by a test; add fields, never rename or remove them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

__all__ = ["JSON_FIELDS", "VERDICTS", "Check", "CheckResult", "ClaimVerdict"]

VERDICTS = ("supported", "contradicted", "unverifiable")
"""Every verdict, from the most to the least settled."""

JSON_FIELDS = (
    "text",
    "start",
    "end",
    "value",
    "kind",
    "fiscal_year",
    "verdict",
    "metric",
    "expected",
    "reason",
    "breakdown",
    "breakdown_value",
    "qualifier",
    "interval",
    "checks",
)
"""The keys of every claim object in the JSON output, in order."""


@dataclass(frozen=True)
class Check:
    """One piece of evidence: from the figures or from the text itself."""

    source: str  # figures | text
    rule: str
    verdict: str
    reason: str
    expected: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "rule": self.rule,
            "verdict": self.verdict,
            "reason": self.reason,
            "expected": _finite(self.expected),
        }


@dataclass(frozen=True)
class ClaimVerdict:
    """A claim (offsets into the text as given) and its verdict."""

    text: str
    start: int
    end: int
    value: float
    kind: str
    fiscal_year: int | None
    verdict: str
    metric: str | None
    expected: float | None
    reason: str
    breakdown: str = ""
    breakdown_value: str = ""
    qualifier: str = ""
    low: float = 0.0
    high: float = 0.0
    low_inclusive: bool = True
    high_inclusive: bool = True
    checks: tuple[Check, ...] = ()

    @property
    def interval_text(self) -> str:
        left = "[" if self.low_inclusive else "("
        right = "]" if self.high_inclusive else ")"
        if self.low == self.high:
            return f"[{self.low:g}]"
        return f"{left}{self.low:g}, {self.high:g}{right}"

    def to_dict(self) -> dict[str, Any]:
        """The claim as a JSON-ready dict with the keys of `JSON_FIELDS`."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "kind": self.kind,
            "fiscal_year": self.fiscal_year,
            "verdict": self.verdict,
            "metric": self.metric,
            "expected": _finite(self.expected),
            "reason": self.reason,
            "breakdown": self.breakdown,
            "breakdown_value": self.breakdown_value,
            "qualifier": self.qualifier,
            "interval": {
                "low": _finite(self.low),
                "high": _finite(self.high),
                "low_inclusive": self.low_inclusive,
                "high_inclusive": self.high_inclusive,
            },
            "checks": [c.to_dict() for c in self.checks],
        }


@dataclass(frozen=True)
class CheckResult:
    """Every claim of a text with its verdict, in text order."""

    claims: list[ClaimVerdict] = field(default_factory=list)

    def by_verdict(self, verdict: str) -> list[ClaimVerdict]:
        return [c for c in self.claims if c.verdict == verdict]

    @property
    def contradicted(self) -> list[ClaimVerdict]:
        return self.by_verdict("contradicted")

    @property
    def supported(self) -> list[ClaimVerdict]:
        return self.by_verdict("supported")

    @property
    def unverifiable(self) -> list[ClaimVerdict]:
        return self.by_verdict("unverifiable")

    @property
    def ok(self) -> bool:
        """True when nothing is contradicted."""
        return not self.contradicted

    def summary(self) -> dict[str, int]:
        return {verdict: len(self.by_verdict(verdict)) for verdict in VERDICTS}

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.summary(), "claims": [c.to_dict() for c in self.claims]}

    def to_json(self) -> str:
        """A JSON list with one object per claim, each on a line of its own, documented in
        docs/claims.md. (Written object by object: ``json.dumps`` with ``indent`` leaves its C
        encoder for a Python one several times slower, a second on a megabyte of prose.)"""
        if not self.claims:
            return "[]"
        lines = (json.dumps(c.to_dict(), ensure_ascii=False) for c in self.claims)
        return "[\n" + ",\n".join(lines) + "\n]"


def _finite(value: float | None) -> float | None:
    if value is None or math.isnan(value):
        return None
    if math.isinf(value):
        return None
    return value
