"""`python -m finishing SITE_DIR [--serving]`, from the project root."""

import argparse
import sys
from pathlib import Path

from . import FinishingError, load_project, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m finishing", description=__doc__)
    parser.add_argument("site", type=Path, help="the built site folder (site/ or site-zensical/)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    parser.add_argument("--serving", action="store_true", help="a live preview: allow its reload script")
    args = parser.parse_args(argv)
    try:
        run(args.site.resolve(), load_project(args.root.resolve(), serving=args.serving))
    except FinishingError as exc:
        print(f"ERROR - {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
