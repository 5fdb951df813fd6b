"""NeedleMap: chart dry-needling sessions on a muscle-level body atlas.

The package is layered (see README, "Architecture"): ``anatomy`` and ``domain`` are pure Python,
``store`` is the only SQL, ``services`` are the use cases, ``report`` draws PDFs, ``cli`` and
``ui`` are the two front ends.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["__version__"]


@cache
def _version() -> str:
    from importlib import metadata  # noqa: PLC0415 - slow to import; asked for rarely

    try:
        return metadata.version("needlemap")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> Any:
    """``needlemap.__version__`` is read from the installed metadata when first asked for."""
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
