"""What a consistency rule says about one claim (`yearbook.claims.consistency`)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Finding"]


@dataclass(frozen=True)
class Finding:
    """What one rule says about one claim."""

    claim: int
    verdict: str  # supported | contradicted
    rule: str
    reason: str
    expected: float | None = None
