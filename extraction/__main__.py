"""python -m extraction PATH --published YYYY-MM-DD: print the extraction as JSON."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from . import extract


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extraction", description=__doc__)
    ap.add_argument("path", type=Path, help="article text file (UTF-8)")
    ap.add_argument("--published", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    args = ap.parse_args(argv)
    text = args.path.read_text(encoding="utf-8")
    sys.stdout.write(extract(text, args.published).to_json() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
