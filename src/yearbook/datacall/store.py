"""The one owner of the data call's database: engine, migrations, sessions.

SQLite (a file) by default, PostgreSQL through psycopg 3 when the URL says so.
The schema is created and upgraded by the Alembic migrations shipped in
``yearbook/datacall/migrations``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from yearbook.errors import UserError

__all__ = ["Store", "database_url"]

MIGRATIONS = Path(__file__).parent / "migrations"


def database_url(db: str | None, report_folder: Path) -> str:
    """The SQLAlchemy URL of ``--db``: a file beside the report folder when not given.

    >>> database_url("postgresql://u@h/db", Path("r"))
    'postgresql+psycopg://u@h/db'
    >>> database_url(None, Path("reports/annual-2023"))
    'sqlite:///reports/annual-2023.datacall.sqlite'
    """
    if not db:
        return f"sqlite:///{report_folder.parent / (report_folder.name + '.datacall.sqlite')}"
    for plain in ("postgresql://", "postgres://"):
        if db.startswith(plain):
            return "postgresql+psycopg://" + db[len(plain) :]
    if "://" not in db:
        return f"sqlite:///{db}"
    return db


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


class Store:
    """The data call's database: migrated on open, one short transaction per unit of work."""

    def __init__(self, url: str) -> None:
        try:
            self.engine: Engine = create_engine(url, pool_pre_ping=True)
        except (ArgumentError, ImportError) as exc:
            raise UserError(
                f"cannot use the data-call database {url!r}: {exc}",
                hint="give --db sqlite:///FILE or --db postgresql://USER@HOST/DB",
            ) from None
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        """Bring the schema up to the newest migration."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except OperationalError as exc:
            raise UserError(
                "cannot open the data-call database: " + " ".join(str(exc.orig).split()),
                hint="check the --db URL and that the database server is running",
            ) from None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on an error."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
