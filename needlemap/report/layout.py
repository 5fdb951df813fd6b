"""What both documents share: page size, styles, the clinic header, numbered pages, metadata."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Table, TableStyle

from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.report.fonts import BOLD, REGULAR, register_fonts

INK = HexColor("#1f2933")
MUTED = HexColor("#5f6b76")
RULE = HexColor("#c9d1d9")
ACCENT = HexColor("#0d47a1")
WARN_BG = HexColor("#fdecea")
WARN_EDGE = HexColor("#c62828")
MARGIN = 16 * mm

# Compressed streams are written as binary, not re-encoded as ASCII85: files a fifth smaller,
# and the encoding was a third of the time it took to make a handout.
rl_config.useA85 = 0


def page_size(settings: ClinicSettings) -> tuple[float, float]:
    return LETTER if settings.page_size == "Letter" else A4


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=10, leading=13.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=17, leading=21, spaceAfter=2
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=9,
            spaceAfter=4,
            textColor=ACCENT,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=BOLD, fontSize=8.5, leading=10.5
        ),
        "clinic": ParagraphStyle(
            "clinic", parent=base, fontSize=9, leading=12, alignment=TA_RIGHT, textColor=MUTED
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=10, bulletIndent=0, spaceAfter=3
        ),
        "warning": ParagraphStyle("warning", parent=base, fontName=BOLD, spaceAfter=3),
    }


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clinic_header(settings: ClinicSettings, width: float) -> Flowable:
    """Logo on the left, the clinic's name and contact details on the right."""
    s = styles()
    lines = [
        f"<font name='{BOLD}' size='11' color='#1f2933'>{escape(settings.clinic_name)}</font>"
        if settings.clinic_name
        else ""
    ]
    lines += [escape(line) for line in settings.address.splitlines() if line.strip()]
    contact = "  ·  ".join(v for v in (settings.phone, settings.email) if v)
    if contact:
        lines.append(escape(contact))
    text = Paragraph("<br/>".join(line for line in lines if line), s["clinic"])
    logo: Flowable | str = ""
    if settings.logo_png_base64:
        logo = Image(
            io.BytesIO(base64.b64decode(settings.logo_png_base64)),
            width=28 * mm,
            height=14 * mm,
            kind="proportional",
        )
    table = Table([[logo, text]], colWidths=[width * 0.35, width * 0.65])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ]
        )
    )
    return table


def grid(rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header: bool = True) -> Table:
    table = Table(list(rows), colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [("LINEBELOW", (0, 0), (-1, 0), 0.8, INK)]
    table.setStyle(TableStyle(commands))
    return table


def _numbered_canvas(footer: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds each page until the end so that the footer can say "Page 2 of 3"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(REGULAR, 8)
                self.setFillColor(MUTED)
                width = self._pagesize[0]
                self.drawString(MARGIN, 10 * mm, footer)
                self.drawRightString(width - MARGIN, 10 * mm, f"Page {self._pageNumber} of {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    story: list[Flowable],
    settings: ClinicSettings,
    *,
    title: str,
    author: str,
    subject: str,
    footer: str,
) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    document = _document(buffer, settings, title=title, author=author, subject=subject)
    document.build(story, canvasmaker=_numbered_canvas(footer))
    return buffer.getvalue()


class _MeasuringCanvas(Canvas):
    """Pages laid out to be counted, not kept: diagrams skip their drawing on it."""

    measuring = True


def page_count(story: list[Flowable], settings: ClinicSettings) -> int:
    """How many pages the story takes, laid out as :func:`build_pdf` would but without drawing
    the diagrams: cheap enough to try a tighter layout before the real build."""
    register_fonts()
    document = _document(io.BytesIO(), settings, title="", author="", subject="")
    document.build(story, canvasmaker=_MeasuringCanvas)
    return int(document.page)


def _document(
    buffer: io.BytesIO, settings: ClinicSettings, *, title: str, author: str, subject: str
) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer,
        pagesize=page_size(settings),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=author,
        subject=subject,
        creator="NeedleMap",
        producer="NeedleMap (reportlab)",
    )


def content_width(settings: ClinicSettings) -> float:
    return page_size(settings)[0] - 2 * MARGIN
