"""The ``needlemap`` command line: parse, call services, print; the GUI when no subcommand.

Every failure a person can cause or meet (bad input, a locked or damaged database, a missing
file) ends with a non-zero exit and one line on stderr, never a traceback. A bug also prints one
line, and its traceback goes to the log file.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from needlemap.cli.parser import UsageError, build_parser
from needlemap.config import DatabaseLocation, resolve_database
from needlemap.domain.errors import NeedleMapError
from needlemap.logs import configure_logging

log = logging.getLogger(__name__)

GuiLauncher = Callable[[DatabaseLocation], int]


@dataclass(frozen=True)
class QtTools:
    """What the command line may ask of Qt, handed in by the entry point (the CLI imports no Qt)."""

    render_atlas: Callable[[Path, list[str] | None], list[Path]]


EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def main(
    argv: Sequence[str] | None = None,
    *,
    launch_gui: GuiLauncher | None = None,
    qt_tools: QtTools | None = None,
) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except UsageError as exc:
        _say(f"needlemap: {exc} (try: needlemap --help)")
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version exit through argparse
        return int(exc.code or 0)
    log_file = configure_logging()
    try:
        location = resolve_database(getattr(args, "db", None))
        if args.command in (None, "gui"):
            if launch_gui is None:
                _say("needlemap: the GUI is not available from this entry point")
                return EXIT_ERROR
            return launch_gui(location)
        args.qt_tools = qt_tools
        return _handler(args.handler)(args, location)
    except NeedleMapError as exc:
        _say(f"needlemap: error: {exc.message}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say("needlemap: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        log.exception("unexpected error in command %s", args.command)
        where = f"; details in {log_file}" if log_file else ""
        _say(f"needlemap: internal error: {type(exc).__name__}: {exc}{where}")
        return EXIT_ERROR


def _handler(name: str) -> Callable[..., int]:
    module_name, function = name.split(":")
    module = importlib.import_module(f"needlemap.cli.{module_name}")
    handler: Callable[..., int] = getattr(module, function)
    return handler


def _say(line: str) -> None:
    print(" ".join(line.split()), file=sys.stderr)
