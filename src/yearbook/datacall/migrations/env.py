"""Alembic environment: runs the data call's migrations on the connection it is given."""

from __future__ import annotations

from alembic import context

from yearbook.datacall.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
