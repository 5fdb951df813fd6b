"""safety events and electrical needling

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "safety_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("point_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("acknowledged_by_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"],
            ["practitioners.id"],
            name=op.f("fk_safety_events_acknowledged_by_id_practitioners"),
        ),
        sa.ForeignKeyConstraint(
            ["point_id"],
            ["needled_points.id"],
            name=op.f("fk_safety_events_point_id_needled_points"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_safety_events_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_events")),
    )
    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.create_index("ix_safety_events_session_kind", ["session_id", "kind"], unique=False)

    with op.batch_alter_table("needled_points", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edn_frequency_hz", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("edn_pulse_width_us", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("edn_intensity_ma", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("edn_duration_min", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("needled_points", schema=None) as batch_op:
        batch_op.drop_column("edn_duration_min")
        batch_op.drop_column("edn_intensity_ma")
        batch_op.drop_column("edn_pulse_width_us")
        batch_op.drop_column("edn_frequency_hz")

    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.drop_index("ix_safety_events_session_kind")

    op.drop_table("safety_events")
