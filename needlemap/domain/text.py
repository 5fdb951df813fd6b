"""Text normalisation shared by search and storage."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Łukasiewicz" and "lukasiewicz" meet, "Σοφία" ~ "σοφια".

    Letters that Unicode does not decompose (ł, ø, đ) are mapped by hand, as a receptionist
    typing on an English keyboard would write them.
    """
    compatible = unicodedata.normalize("NFKD", text).casefold().translate(_UNDECOMPOSED)
    decomposed = unicodedata.normalize("NFKD", compatible)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
