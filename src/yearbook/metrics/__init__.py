"""Metrics as declarations: validated, compiled to SQL, then executed on a backend.

* `declarations` - the schema of a metric declaration and the YAML loader;
* `compiler`     - declarations to SQL (per figure, and a fused plan per table);
* `engine`       - runs a plan through a `Database` into the figures table.
"""

from yearbook.metrics.declarations import MetricDecl, load_metrics

__all__ = ["MetricDecl", "load_metrics"]
