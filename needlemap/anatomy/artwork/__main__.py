"""Regenerate the atlas SVG files: ``python -m needlemap.anatomy.artwork [--check] [VIEW …]``.

Each SVG gets its compiled geometry beside it (``<view>.geometry.json``), which the app loads
instead of parsing the SVG. ``--check`` writes nothing and exits 1 if a committed file differs
from what the code draws.
"""

from __future__ import annotations

import argparse
import sys

from needlemap.anatomy.artwork.registry import generate_all, views_dir
from needlemap.anatomy.view_geometry import compile_view, compiled_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m needlemap.anatomy.artwork")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("views", nargs="*", help="only these views (default: all)")
    args = parser.parse_args(argv)
    stale = []
    for view_id, text in generate_all(args.views or None).items():
        target = views_dir() / f"{view_id}.svg"
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            if args.check:
                stale.append(view_id)
                continue
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
        # the geometry the app loads, compiled from the SVG just as it stands
        compiled = compiled_path(target)
        fresh = compile_view(target, view_id)
        if compiled.exists() and compiled.read_text(encoding="utf-8") == fresh:
            continue
        if args.check:
            stale.append(f"{view_id} (compiled geometry)")
        else:
            compiled.write_text(fresh, encoding="utf-8")
            print(f"wrote {compiled}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run python -m needlemap.anatomy.artwork",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
