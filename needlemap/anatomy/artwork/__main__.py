"""Regenerate the atlas SVG files: ``python -m needlemap.anatomy.artwork [--check] [VIEW …]``.

``--check`` writes nothing and exits 1 if a committed file differs from what the code draws.
"""

from __future__ import annotations

import argparse
import sys

from needlemap.anatomy.artwork.registry import generate_all, views_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m needlemap.anatomy.artwork")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("views", nargs="*", help="only these views (default: all)")
    args = parser.parse_args(argv)
    stale = []
    for view_id, text in generate_all(args.views or None).items():
        target = views_dir() / f"{view_id}.svg"
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(view_id)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run python -m needlemap.anatomy.artwork",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
