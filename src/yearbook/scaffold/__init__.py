"""`yearbook init-pack NAME`: a new pack with a commented example table that loads.

The files are templates kept beside this module (``pack/``); ``{name}`` in them
is the pack's name. The example declares one table and one release layout that
fills it, so the new pack validates as it is and shows every field a table
declaration has.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from yearbook.errors import UserError

__all__ = ["init_pack"]

_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


def init_pack(name: str, parent: Path) -> Path:
    """Write a new pack ``parent/name``; returns its folder."""
    if not _NAME.match(name):
        raise UserError(
            f"{name!r} is not a pack name",
            hint="use lower-case letters, digits, '-' and '_', starting with a letter",
        )
    folder = parent / name
    if folder.exists():
        raise UserError(f"{folder} already exists", hint="choose another name or --dir")
    template = resources.files("yearbook.scaffold").joinpath("pack")
    for rel in _TEMPLATE_FILES:
        text = template.joinpath(*rel.split("/")).read_text(encoding="utf-8")
        target = folder / rel.removesuffix(".tmpl")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.replace("{name}", name), encoding="utf-8")
    return folder


_TEMPLATE_FILES = (
    "pack.yaml.tmpl",
    "vocabulary.yaml.tmpl",
    "tables/_shared.yaml.tmpl",
    "tables/cases.yaml.tmpl",
    "layouts/cases_2024.yaml.tmpl",
    "reference/README.md.tmpl",
)
