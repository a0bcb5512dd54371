"""The data call: offices answer the report's requests, reviewers approve, builds read them.

``yearbook datacall serve REPORT`` runs the web application (``app``) on a
database (``store``: SQLite beside the report by default, PostgreSQL by URL);
``add-user`` creates accounts; ``export`` writes the approved answers in the
report's ``submissions.csv`` format, which ``yearbook build --datacall`` reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yearbook.datacall.service import (
        DataCall,
        Store,
        add_user,
        approved_csv,
        approved_table,
        create_app,
        database_url,
        load_approved,
        open_datacall,
        serve,
    )

__all__ = [
    "DataCall",
    "Store",
    "add_user",
    "approved_csv",
    "approved_table",
    "create_app",
    "database_url",
    "load_approved",
    "open_datacall",
    "serve",
]


def __getattr__(name: str) -> object:
    """The services load on first use, so ``yearbook`` commands that never touch the
    data call do not import its web and database stack."""
    if name in __all__:
        from yearbook.datacall import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
