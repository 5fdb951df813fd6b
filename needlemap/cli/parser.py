"""The argument grammar of ``needlemap``.

Handlers are named ``"module:function"`` in the sibling modules and imported only when their
command runs, so ``needlemap patients`` does not pay for the PDF or demo code.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

import needlemap


class UsageError(Exception):
    """A command line that does not parse; reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def at_least_one(text: str) -> int:
    value = positive_int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


class _Version(argparse.Action):
    """Reads the installed version only when asked: the metadata lookup slows every start."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(f"NeedleMap {needlemap.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    db_option = _Parser(add_help=False)
    db_option.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH|URL",
        help="database file or SQLAlchemy URL (default: $NEEDLEMAP_DB, else the per-user data "
        "folder)",
    )
    parser = _Parser(
        prog="needlemap",
        description="Chart dry-needling sessions on a muscle-level body atlas.",
        parents=[db_option],
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(title="commands", dest="command", parser_class=_Parser)

    commands.add_parser("gui", parents=[db_option], help="start the application (the default)")

    atlas = commands.add_parser("atlas", parents=[db_option], help="the muscle atlas")
    atlas.add_argument("--json", action="store_true", help="print the atlas as JSON")
    atlas.add_argument("--render", metavar="DIR", help="write one PNG per view into DIR")
    atlas.add_argument(
        "--view",
        action="append",
        metavar="VIEW",
        dest="views",
        help="with --render: only this view (repeatable)",
    )
    atlas.set_defaults(handler="atlas_command:run")

    demo = commands.add_parser("demo", parents=[db_option], help="build a synthetic clinic")
    demo.add_argument("--patients", type=at_least_one, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument(
        "--until",
        metavar="YYYY-MM-DD",
        help="last day of the generated history (default: today); same seed and day, same data",
    )
    demo.set_defaults(handler="demo_command:run")

    patients = commands.add_parser("patients", parents=[db_option], help="list patients")
    patients.add_argument(
        "--search", default="", metavar="TEXT", help="name words, a birth date or an identifier"
    )
    patients.add_argument("--limit", type=at_least_one, default=None, metavar="N")
    patients.add_argument("--json", action="store_true")
    patients.set_defaults(handler="records:list_patients")

    sessions = commands.add_parser("sessions", parents=[db_option], help="a patient's sessions")
    sessions.add_argument("--patient", type=positive_int, required=True, metavar="ID")
    sessions.add_argument("--json", action="store_true")
    sessions.set_defaults(handler="records:list_sessions")

    export = commands.add_parser(
        "export", parents=[db_option], help="PDF handouts or clinical records of sessions"
    )
    export.add_argument("sessions", nargs="+", type=at_least_one, metavar="SESSION_ID")
    export.add_argument(
        "--out",
        required=True,
        metavar="FILE_OR_DIR",
        help="a .pdf file for one session, or a folder",
    )
    export.add_argument(
        "--kind",
        choices=("handout", "record"),
        default="handout",
        help="handout: for the patient; record: the full clinical record",
    )
    export.set_defaults(handler="export_command:run")

    progress = commands.add_parser(
        "progress", parents=[db_option], help="a patient's progress report as a PDF"
    )
    progress.add_argument("patient", type=at_least_one, metavar="PATIENT_ID")
    progress.add_argument("--out", required=True, metavar="FILE", help="the .pdf file to write")
    progress.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", help="first day of the period (included)"
    )
    progress.add_argument(
        "--to", dest="end", metavar="YYYY-MM-DD", help="last day of the period (included)"
    )
    progress.set_defaults(handler="progress_command:run")

    backup = commands.add_parser("backup", parents=[db_option], help="copy the database safely")
    backup.add_argument("--out", required=True, metavar="FILE")
    backup.set_defaults(handler="admin:backup")

    restore = commands.add_parser(
        "restore", parents=[db_option], help="replace the database with a backup"
    )
    restore.add_argument("backup_file", metavar="FILE")
    restore.set_defaults(handler="admin:restore")

    db = commands.add_parser("db", parents=[db_option], help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", parser_class=_Parser, required=True)
    upgrade = db_commands.add_parser(
        "upgrade", parents=[db_option], help="bring the schema up to date"
    )
    upgrade.set_defaults(handler="admin:upgrade")
    check = db_commands.add_parser(
        "check", parents=[db_option], help="integrity, references and schema revision"
    )
    check.set_defaults(handler="admin:check")
    return parser
