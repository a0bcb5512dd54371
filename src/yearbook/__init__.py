"""yearbook: an agency's annual statistical report, built from records.

The flow runs one way: records -> warehouse -> figures -> report text ->
published outputs. The figures table is the contract between the stages.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
