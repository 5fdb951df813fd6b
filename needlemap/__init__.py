"""NeedleMap: chart dry-needling sessions on a muscle-level body atlas.

The package is layered (see README, "Architecture"): ``anatomy`` and ``domain`` are pure Python,
``store`` is the only SQL, ``services`` are the use cases, ``report`` draws PDFs, ``cli`` and
``ui`` are the two front ends.
"""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("needlemap")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
