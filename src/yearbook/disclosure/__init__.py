"""Disclosure control: no published number singles anyone out.

The parts, in the order a build uses them:

* `policy` — the report's disclosure policy (``disclosure:`` in report.yaml);
* `protect` — primary and complementary suppression of a linear table, proven
  by linear programming (every suppressed cell keeps a feasible range wider
  than one value);
* `apply` — the policy applied once to the figures table;
* `identifiers` — identifying columns never reach a published output;
* `audit` — re-reads every published artefact of a build and reports leaks.

This package module imports only the light parts, so the report and metric
layers can use the policy and the identifier checks without import cycles.
"""

from __future__ import annotations

from yearbook.disclosure.policy import DisclosurePolicy
from yearbook.tables.identifiers import (
    DisclosureError,
    check_no_identifiers,
    check_publishable,
    identifying_columns,
    refuse_identifying_breakdown,
)

__all__ = [
    "DisclosureError",
    "DisclosurePolicy",
    "check_no_identifiers",
    "check_publishable",
    "identifying_columns",
    "refuse_identifying_breakdown",
]
