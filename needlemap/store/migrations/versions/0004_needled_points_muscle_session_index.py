"""index needled points by muscle and session

The review searches ("every session that needled this muscle", a muscle's history) find a
muscle's sessions from this index alone instead of reading every point row of the muscle.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_needled_points_muscle_session",
        "needled_points",
        ["muscle_id", "session_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_needled_points_muscle_session", table_name="needled_points")
