"""The embedded font of every PDF: Noto Sans, which covers Latin-extended, Greek and Cyrillic.

The standard PDF fonts cover Latin-1 only; a patient called Łukasiewicz, Σοφία or Дмитрий must
print correctly, as selectable, searchable text.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from needlemap.resources import resource_path

FAMILY = "NotoSans"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    f"{FAMILY}",
    f"{FAMILY}-Bold",
    f"{FAMILY}-Italic",
    f"{FAMILY}-BoldItalic",
)


@cache
def register_fonts() -> str:
    """Register the family once per process; returns the regular face's name."""
    for name, file in (
        (REGULAR, "NotoSans-Regular.ttf"),
        (BOLD, "NotoSans-Bold.ttf"),
        (ITALIC, "NotoSans-Italic.ttf"),
        (BOLD_ITALIC, "NotoSans-BoldItalic.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    return REGULAR
