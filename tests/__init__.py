"""The test suite.

The ICE pack's demo-data generator is pack code, loaded by its path through the
pack (`yearbook.packs.Pack.generator_module`) as the package ``ice_generator``;
loading it here lets every test module import it by that name.
"""

from pathlib import Path

from yearbook.packs import load_pack

load_pack(Path(__file__).resolve().parents[1] / "packs" / "ice").generator_module()
