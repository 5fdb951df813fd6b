"""A needled point: where on the body map, on which muscle and side, and how it was needled."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from needlemap.domain.vocabulary import Layer, PatientResponse, Side, Technique


@dataclass(frozen=True, slots=True)
class PointSettings:
    """The needling parameters of one point; the next point starts from the previous one's."""

    technique: Technique = Technique.DEEP_FAST_IN_OUT
    needle_diameter_mm: float | None = None
    needle_length_mm: float | None = None
    depth_mm: float | None = None
    insertions: int | None = None
    retention_s: int | None = None
    ltr_count: int | None = None
    familiar_pain: bool | None = None
    referred_pain: bool | None = None
    referred_to: str = ""
    patient_response: PatientResponse | None = None
    notes: str = ""
    # electrical dry needling, per point
    edn_frequency_hz: float | None = None
    edn_pulse_width_us: float | None = None
    edn_intensity_ma: float | None = None
    edn_duration_min: float | None = None

    @property
    def electrical(self) -> bool:
        return self.technique is Technique.ELECTRICAL

    def carried_forward(self) -> PointSettings:
        """What a new point inherits: the needle, technique and stimulation, not the responses."""
        return PointSettings(
            technique=self.technique,
            needle_diameter_mm=self.needle_diameter_mm,
            needle_length_mm=self.needle_length_mm,
            depth_mm=self.depth_mm,
            insertions=self.insertions,
            retention_s=self.retention_s,
            edn_frequency_hz=self.edn_frequency_hz,
            edn_pulse_width_us=self.edn_pulse_width_us,
            edn_intensity_ma=self.edn_intensity_ma,
            edn_duration_min=self.edn_duration_min,
        )


@dataclass(frozen=True, slots=True)
class BodyLocation:
    """Where a mark sits: in a view's coordinates, on one muscle and the patient's side."""

    muscle_id: str
    side: Side
    view: str
    layer: Layer
    x: float
    y: float
    atlas_version: str
    trigger_point: str | None = None


@dataclass(frozen=True, slots=True)
class NeedledPoint:
    id: int
    session_id: int
    seq: int
    location: BodyLocation
    settings: PointSettings = field(default_factory=PointSettings)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def muscle_id(self) -> str:
        return self.location.muscle_id

    @property
    def side(self) -> Side:
        return self.location.side

    def with_settings(self, settings: PointSettings) -> NeedledPoint:
        return replace(self, settings=settings)
