"""Failed sign-ins per account name and per client address, for throttling.

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("blocked_until", sa.DateTime),
        sa.Column("last_failure", sa.DateTime, nullable=False),
    )
    op.create_index("ix_sign_in_failures_last_failure", "sign_in_failures", ["last_failure"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_failures_last_failure", "sign_in_failures")
    op.drop_table("sign_in_failures")
