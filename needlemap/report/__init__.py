"""PDF documents drawn with reportlab from domain records and the atlas geometry."""

from __future__ import annotations

from needlemap.anatomy import Atlas
from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.domain.record import SessionRecord

KINDS = ("handout", "record")


def render_pdf(kind: str, record: SessionRecord, atlas: Atlas, settings: ClinicSettings) -> bytes:
    """The patient handout or the clinical record of one session, as PDF bytes."""
    if kind == "handout":
        from needlemap.report.handout import build_handout  # noqa: PLC0415 - load on demand

        return build_handout(record, atlas, settings)
    if kind == "record":
        from needlemap.report.clinical_record import build_clinical_record  # noqa: PLC0415

        return build_clinical_record(record, atlas, settings)
    raise ValueError(f"unknown document kind {kind!r}; choose from {', '.join(KINDS)}")
