"""Metrics as declarations: validated, then compiled to SQL for an engine.

* `declarations` - the schema of a metric declaration and the YAML loader;
* `sql`          - the pieces of a metric's SQL as sqlglot trees, rendered per dialect;
* `compiler`     - declarations to SQL (per figure, and a fused plan per table).

Running a plan into the figures table is the next layer's job (`yearbook.figures.compute`).
"""

from yearbook.metrics.declarations import MetricDecl, load_metrics

__all__ = ["MetricDecl", "load_metrics"]
