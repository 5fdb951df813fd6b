"""SQLAlchemy 2.x typed models: the tables of the clinical record.

Only the store sees these classes; services and front ends get frozen domain records built by
``store.mapping``. Every schema change here needs an Alembic migration in ``migrations/versions``
(a test compares the two). Nothing is SQLite-only: the same models run on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, hands back aware UTC: the same on SQLite (no time zones) and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use domain.clock")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PractitionerRow(Base):
    __tablename__ = "practitioners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    profession: Mapped[str] = mapped_column(String(100), default="")
    registration: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PatientRow(Base):
    __tablename__ = "patients"
    id: Mapped[int] = mapped_column(primary_key=True)
    given_names: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200))
    # Case- and accent-folded "family given": what type-ahead search scans and lists sort by.
    name_key: Mapped[str] = mapped_column(String(500), index=True)
    birth_date: Mapped[date] = mapped_column(Date, index=True)
    sex: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    identifiers: Mapped[list[PatientIdentifierRow]] = relationship(
        back_populates="patient",
        cascade="all, delete-orphan",
        order_by="PatientIdentifierRow.id",
        lazy="selectin",
    )


class PatientIdentifierRow(Base):
    __tablename__ = "patient_identifiers"
    __table_args__ = (UniqueConstraint("system", "value", name="uq_patient_identifiers_system"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    system: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(String(100), index=True)

    patient: Mapped[PatientRow] = relationship(back_populates="identifiers")


class ScreeningRow(Base):
    __tablename__ = "screenings"
    __table_args__ = (Index("ix_screenings_patient_day", "patient_id", "screened_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    screened_on: Mapped[date] = mapped_column(Date)
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("practitioners.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    findings: Mapped[list[ScreeningFindingRow]] = relationship(
        cascade="all, delete-orphan", order_by="ScreeningFindingRow.id", lazy="selectin"
    )


class ScreeningFindingRow(Base):
    __tablename__ = "screening_findings"
    __table_args__ = (UniqueConstraint("screening_id", "code", name="uq_screening_findings_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    screening_id: Mapped[int] = mapped_column(
        ForeignKey("screenings.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(64))
    present: Mapped[bool] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    limbs: Mapped[str] = mapped_column(String(100), default="")  # comma-separated Limb values


class SessionRow(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        Index("ix_sessions_patient_started", "patient_id", "started_at"),
        CheckConstraint("nprs_before IS NULL OR nprs_before BETWEEN 0 AND 10", name="nprs_before"),
        CheckConstraint("nprs_after IS NULL OR nprs_after BETWEEN 0 AND 10", name="nprs_after"),
        CheckConstraint("status IN ('draft', 'signed')", name="status"),
        CheckConstraint("needles_inserted IS NULL OR needles_inserted >= 0", name="inserted"),
        CheckConstraint("needles_removed IS NULL OR needles_removed >= 0", name="removed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("practitioners.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    position: Mapped[str | None] = mapped_column(String(32))
    nprs_before: Mapped[int | None] = mapped_column(Integer)
    nprs_after: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("practitioners.id"))
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    needles_inserted: Mapped[int | None] = mapped_column(Integer)
    needles_removed: Mapped[int | None] = mapped_column(Integer)
    needle_count_note: Mapped[str] = mapped_column(Text, default="")
    next_appointment: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    consent: Mapped[ConsentRow | None] = relationship(
        cascade="all, delete-orphan", uselist=False, lazy="selectin"
    )
    amendments: Mapped[list[AmendmentRow]] = relationship(
        cascade="all, delete-orphan", order_by="AmendmentRow.id", lazy="selectin"
    )


class ConsentRow(Base):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )
    method: Mapped[str] = mapped_column(String(16))
    obtained_by_id: Mapped[int | None] = mapped_column(ForeignKey("practitioners.id"))
    obtained_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text_version: Mapped[str] = mapped_column(String(100))
    risks_discussed: Mapped[str] = mapped_column(Text, default="")  # newline-separated
    copy_offered: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class AmendmentRow(Base):
    __tablename__ = "amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("practitioners.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")


class NeedledPointRow(Base):
    __tablename__ = "needled_points"
    __table_args__ = (
        UniqueConstraint("session_id", "seq", name="uq_needled_points_session_seq"),
        Index("ix_needled_points_muscle", "muscle_id", "side"),
        # Review searches ("every session that needled this muscle"): answered from the index
        # alone, without reading each point's row; see tests/benchmarks/test_history_*.
        Index("ix_needled_points_muscle_session", "muscle_id", "session_id"),
        CheckConstraint("side IN ('left', 'right', 'midline')", name="side"),
        CheckConstraint("layer IN ('superficial', 'intermediate', 'deep')", name="layer"),
        CheckConstraint(
            "depth_mm IS NULL OR needle_length_mm IS NULL OR depth_mm <= needle_length_mm",
            name="depth_within_needle",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    muscle_id: Mapped[str] = mapped_column(String(64))
    side: Mapped[str] = mapped_column(String(8))
    view: Mapped[str] = mapped_column(String(32))
    layer: Mapped[str] = mapped_column(String(16))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    atlas_version: Mapped[str] = mapped_column(String(32))
    trigger_point: Mapped[str | None] = mapped_column(String(64))
    technique: Mapped[str] = mapped_column(String(32))
    needle_diameter_mm: Mapped[float | None] = mapped_column(Float)
    needle_length_mm: Mapped[float | None] = mapped_column(Float)
    depth_mm: Mapped[float | None] = mapped_column(Float)
    insertions: Mapped[int | None] = mapped_column(Integer)
    retention_s: Mapped[int | None] = mapped_column(Integer)
    ltr_count: Mapped[int | None] = mapped_column(Integer)
    familiar_pain: Mapped[bool | None] = mapped_column(Boolean)
    referred_pain: Mapped[bool | None] = mapped_column(Boolean)
    referred_to: Mapped[str] = mapped_column(String(500), default="")
    patient_response: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str] = mapped_column(Text, default="")
    edn_frequency_hz: Mapped[float | None] = mapped_column(Float)
    edn_pulse_width_us: Mapped[float | None] = mapped_column(Float)
    edn_intensity_ma: Mapped[float | None] = mapped_column(Float)
    edn_duration_min: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OutcomeRow(Base):
    __tablename__ = "outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    instrument: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(32), default="")
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(32), default="")
    timing: Mapped[str] = mapped_column(String(16))
    body_site: Mapped[str] = mapped_column(String(200), default="")
    side: Mapped[str | None] = mapped_column(String(8))
    notes: Mapped[str] = mapped_column(Text, default="")
    measured_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AdverseEventRow(Base):
    __tablename__ = "adverse_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    point_id: Mapped[int | None] = mapped_column(
        ForeignKey("needled_points.id", ondelete="SET NULL")
    )
    type: Mapped[str] = mapped_column(String(32), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[str] = mapped_column(String(32))
    scheme: Mapped[str] = mapped_column(String(16))
    onset_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration: Mapped[str] = mapped_column(String(200), default="")
    action_taken: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("practitioners.id"))


class ClinicSettingRow(Base):
    """One clinic-wide setting (see ``domain.clinic_settings``), shared by every workstation."""

    __tablename__ = "clinic_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SafetyEventRow(Base):
    """A safety prompt answered: an override (with its reason) or an acknowledgement."""

    __tablename__ = "safety_events"
    __table_args__ = (Index("ix_safety_events_session_kind", "session_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    point_id: Mapped[int | None] = mapped_column(
        ForeignKey("needled_points.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(200))
    message: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("practitioners.id"))
    acknowledged_at: Mapped[datetime] = mapped_column(UTCDateTime)
