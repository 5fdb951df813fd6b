"""Where the shipped resources (atlas, catalogue, fonts, icons) are on disk.

In a wheel they live inside the package as ``needlemap/_resources`` (hatch force-include); in a
source checkout or an editable install they are the repository's top-level ``resources/``. Both
are real directories, so callers get a plain :class:`~pathlib.Path`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


class ResourcesMissingError(RuntimeError):
    """The installation is broken: neither resource location exists."""


@cache
def resources_dir() -> Path:
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / "_resources", package_dir.parent / "resources"):
        if (candidate / "anatomy").is_dir():
            return candidate
    raise ResourcesMissingError(
        f"NeedleMap's resources were not found next to {package_dir}; reinstall the package."
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
