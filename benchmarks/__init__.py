"""Benchmarks. Their data comes from the ICE pack's generator, loaded by its path as
the package ``ice_generator`` (see tests/__init__.py)."""

from pathlib import Path

from yearbook.packs import load_pack

load_pack(Path(__file__).resolve().parents[1] / "packs" / "ice").generator_module()
