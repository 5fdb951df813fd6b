"""Entry point of ``needlemap`` and ``python -m needlemap``.

The command line knows nothing of Qt; this module hands it a way to start the GUI, so that the
layers stay apart and a command such as ``needlemap patients`` never imports PySide6.
"""

from __future__ import annotations

import sys

from needlemap.cli import main as cli_main
from needlemap.config import DatabaseLocation


def _launch_gui(location: DatabaseLocation) -> int:
    from needlemap.app import run  # noqa: PLC0415 - Qt is loaded only for the GUI

    return run(location)


def main() -> int:
    return cli_main(launch_gui=_launch_gui)


if __name__ == "__main__":
    sys.exit(main())
