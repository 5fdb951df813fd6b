"""The handout and the clinical record, read back as a reader would: text, fonts, pages, metadata,
and a vector body diagram whose markers sit exactly where the atlas puts the points."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from needlemap.domain.point import PointSettings
from needlemap.domain.vocabulary import Technique
from needlemap.report import render_pdf
from needlemap.services import Clinic
from tests.support.charting import consent
from tests.support.charting import mark as chart

MARKER_RGB = (13 / 255, 71 / 255, 161 / 255)


@pytest.fixture
def treated(clinic: Clinic) -> int:
    clinic.settings.update(
        clinic_name="Physio Praxis Müller",
        phone="+49 30 1234567",
        address="Hauptstraße 12\n10115 Berlin",
    )
    practitioner = clinic.practitioners.add("Jürgen Ødegaard", "Physiotherapist", "PT-77")
    patient = clinic.patients.create(
        given_names="Σοφία",
        family_name="Łukasiewicz-Дмитриева",
        birth_date="1980-02-29",
        identifiers=[("Clinic no.", "0042")],
    )
    clinic.patients.record_screening(patient.id, findings={"diabetes": (True, "type 2")})
    session = clinic.sessions.start(
        patient.id, practitioner_id=practitioner.id, nprs_before=7, position="prone"
    )
    clinic.sessions.record_consent(
        session.id,
        method="written",
        obtained_by_id=practitioner.id,
        text_version="DN consent 1",
        risks_discussed=["soreness", "pneumothorax"],
    )
    settings = PointSettings(
        needle_diameter_mm=0.25,
        needle_length_mm=40,
        depth_mm=18,
        insertions=5,
        ltr_count=3,
        familiar_pain=True,
    )
    for muscle, side in (
        ("trapezius_upper", "right"),
        ("rhomboid_major", "left"),
        ("infraspinatus", "right"),
        ("gluteus_medius", "left"),
    ):
        chart(clinic, session.id, muscle, side, settings=settings)
    clinic.sessions.update(
        session.id, nprs_after=3, needles_inserted=4, needles_removed=4, notes="Responded well."
    )
    clinic.sessions.record_outcome(
        session.id, instrument="ndi", value=32, timing="pre", version="NDI 1991"
    )
    clinic.sessions.record_adverse_event(
        session.id, type="bruising", severity="mild", action_taken="Reassured"
    )
    clinic.sessions.sign(session.id, practitioner_id=practitioner.id)
    clinic.sessions.amend(
        session.id,
        author_id=practitioner.id,
        reason="Late detail",
        summary="Patient reported mild soreness next day",
    )
    return session.id


def _pdf(clinic: Clinic, session_id: int, kind: str) -> bytes:
    return render_pdf(kind, clinic.sessions.record(session_id), clinic.atlas, clinic.settings.get())


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_handout_text_is_real_plain_language_text(clinic: Clinic, treated: int) -> None:
    data = _pdf(clinic, treated, "handout")
    reader = PdfReader(io.BytesIO(data))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(_text(data).split())
    for expected in (
        "Σοφία Łukasiewicz-Дмитриева",
        "Jürgen Ødegaard",
        "Physio Praxis Müller",
        "7 out of 10",
        "3 out of 10",
        "24 to 72 hours",
        "bruise",
        f"Page 1 of {len(reader.pages)}",
    ):
        assert expected in text, expected
    for muscle_id in ("trapezius_upper", "rhomboid_major"):
        plain = clinic.atlas.muscle(muscle_id).patient_name
        assert plain in text
    # thoracic needling earns the breathlessness warning; no spine-area needling, no spine flag
    assert "short of breath" in text
    assert "near the spine" not in text
    # the patient's copy carries no internal ids or codes
    for internal in ("trapezius_upper", "Session 1", "UBERON", "TrP1", "Clinic no."):
        assert internal not in text
    assert reader.metadata.title.startswith("Your dry-needling treatment")
    assert reader.metadata.author == "Physio Praxis Müller"


def test_names_use_an_embedded_unicode_font(clinic: Clinic, treated: int) -> None:
    data = _pdf(clinic, treated, "handout")
    reader = PdfReader(io.BytesIO(data))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            if descriptor is None:
                for descendant in font.get_object().get("/DescendantFonts", []):
                    descriptor = descendant.get_object()["/FontDescriptor"]
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("NotoSans" in name for name in fonts)


def _markers(page: pdfplumber.page.Page) -> list[tuple[float, float]]:
    centres = []
    for curve in page.curves:
        colour = curve.get("non_stroking_color")
        if (
            colour
            and len(colour) == 3
            and all(abs(a - b) < 0.01 for a, b in zip(colour, MARKER_RGB, strict=True))
        ):
            centres.append(((curve["x0"] + curve["x1"]) / 2, (curve["top"] + curve["bottom"]) / 2))
    return centres


def test_handout_diagram_is_vector_with_markers_where_the_atlas_puts_them(
    clinic: Clinic, treated: int
) -> None:
    data = _pdf(clinic, treated, "handout")
    record = clinic.sessions.record(treated)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        assert len(page.curves) > 300  # the figure is drawn as curves, not pasted as a picture
        assert not page.images
        found = sorted(_markers(page))
    posterior = [p for p in record.points if p.location.view == "posterior"]
    assert len(found) == len(record.points) == len(posterior) == 4
    # the page holds the view at some offset and scale: fit both from two markers, test all
    atlas_xy = sorted((p.location.x, p.location.y) for p in posterior)
    (ax0, ay0), (ax1, _) = atlas_xy[0], atlas_xy[-1]
    (px0, py0), (px1, _) = found[0], found[-1]
    scale = (px1 - px0) / (ax1 - ax0)
    for (ax, ay), (px, py) in zip(atlas_xy, found, strict=True):
        assert px == pytest.approx(px0 + (ax - ax0) * scale, abs=0.6)
        assert py == pytest.approx(py0 + (ay - ay0) * scale, abs=0.6)  # pdfplumber's y runs down


def test_clinical_record_holds_everything(clinic: Clinic, treated: int) -> None:
    data = _pdf(clinic, treated, "record")
    text = _text(data).replace("\n", " ")
    for expected in (
        "Dry-needling clinical record",
        "Clinic no. 0042",
        "29 Feb 1980",
        "Diabetes",
        "type 2",
        "Written",
        "DN consent 1",
        "pneumothorax",
        "Upper trapezius",
        "Rhomboid major",
        "0.25×40",
        "18 mm",
        "Pistoning",
        "Neck Disability Index",
        "32",
        "Bruising",
        "mild",
        "Reassured",
        "4 / 4",
        "Responded well.",
        "Signed by Jürgen Ødegaard",
        "Late detail",
        "Patient reported mild soreness next day",
        "Safety prompts answered",
        "Danger zone acknowledged",
        "Discussed with the patient",
    ):
        assert expected in text, expected
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    assert reader.metadata.title.startswith("Dry-needling record: Σοφία")


def test_front_and_back_handout_fits_one_sheet(clinic: Clinic) -> None:
    patient = clinic.patients.create(family_name="Twoviews", birth_date="1981-03-04")
    session = clinic.sessions.start(patient.id, nprs_before=6)
    consent(clinic, session.id)
    for muscle, side in (
        ("deltoid_anterior", "right"),
        ("pectoralis_major_sternal", "left"),
        ("trapezius_upper", "right"),
        ("infraspinatus", "left"),
    ):
        chart(clinic, session.id, muscle, side)
    data = _pdf(clinic, session.id, "handout")
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    text = " ".join(_text(data).split())
    assert "Front" in text and "Back" in text and "When to get help" in text


def test_clinical_record_gives_the_electrical_dose(clinic: Clinic) -> None:
    patient = clinic.patients.create(family_name="Volt", birth_date="1975-06-01")
    session = clinic.sessions.start(patient.id, nprs_before=5)
    consent(clinic, session.id)
    chart(
        clinic,
        session.id,
        "gluteus_medius",
        "left",
        settings=PointSettings(
            technique=Technique.ELECTRICAL,
            edn_frequency_hz=2,
            edn_pulse_width_us=250,
            edn_intensity_ma=4.5,
            edn_duration_min=15,
        ),
    )
    chart(clinic, session.id, "gluteus_medius", "right", settings=PointSettings())
    text = " ".join(_text(_pdf(clinic, session.id, "record")).split())
    assert "stimulation 2 Hz, 250 µs, 4.5 mA, 15 min" in text
    assert text.count("stimulation") == 1  # the dry point carries no dose
    assert "Technique" in text and "Familiar" in text  # headers not broken mid-word


def test_page_size_follows_the_clinic_setting(clinic: Clinic, treated: int) -> None:
    a4 = PdfReader(io.BytesIO(_pdf(clinic, treated, "handout"))).pages[0].mediabox
    clinic.settings.update(page_size="Letter")
    letter = PdfReader(io.BytesIO(_pdf(clinic, treated, "handout"))).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_red_flags_follow_what_was_treated(clinic: Clinic) -> None:
    patient = clinic.patients.create(family_name="Calf", birth_date="1970-01-01")
    session = clinic.sessions.start(patient.id)
    consent(clinic, session.id)
    chart(clinic, session.id, "gastrocnemius_medial", "left")
    text = _text(_pdf(clinic, session.id, "handout"))
    assert "short of breath" not in text and "near the spine" not in text
    assert "infection" in text
    chart(clinic, session.id, "multifidi_thoracolumbar", "left")
    assert "near the spine" in _text(_pdf(clinic, session.id, "handout"))


def test_clinic_can_edit_the_texts(clinic: Clinic, treated: int) -> None:
    clinic.settings.update(aftercare="Drink a glass of water.\nWalk for ten minutes.")
    text = _text(_pdf(clinic, treated, "handout"))
    assert "Drink a glass of water." in text and "Walk for ten minutes." in text
    assert "24 to 72 hours" not in text


def test_cli_exports_one_file_or_a_folder(
    clinic: Clinic, treated: int, tmp_path: Path, db_path: Path
) -> None:
    from needlemap.cli import main

    single = tmp_path / "one.pdf"
    assert main(["export", str(treated), "--db", str(db_path), "--out", str(single)]) == 0
    assert "Σοφία" in _text(single.read_bytes())
    assert oct(single.stat().st_mode & 0o777) == "0o600"
    patient = clinic.sessions.get(treated).patient_id
    other = clinic.sessions.start(patient)
    folder = tmp_path / "batch"
    assert (
        main(
            [
                "export",
                str(treated),
                str(other.id),
                "--db",
                str(db_path),
                "--out",
                str(folder),
                "--kind",
                "record",
            ]
        )
        == 0
    )
    written = sorted(folder.glob("*.pdf"))
    assert len(written) == 2
    assert all("clinical-record" in p.name for p in written)
    assert main(["export", "9999", "--db", str(db_path), "--out", str(tmp_path / "x.pdf")]) == 1
