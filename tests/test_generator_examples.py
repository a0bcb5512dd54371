"""The examples in the ICE pack generator's docstrings run, as the engine's doctests do."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["foia", "segments", "xlsx"])
def test_generator_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"ice_generator.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
