"""Extraction quality over folders of gold annotations, with the extractor version.

    .venv/bin/python bench/quality.py DIR [DIR ...] [-v] [--json] [--out PRED_DIR]
        [--scorer ../shared/eval/score.py] [--only NAME ...]

Each DIR is one of the corpus layouts this project meets:
- a real-report corpus: ``DIR/articles/NAME.txt`` with ``DIR/gold/NAME.json``
  (``../shared/eval/dev``; the reports gathered for held-out scoring);
- a fixture folder: ``DIR/NAME.txt`` with ``DIR/NAME.gold.json`` (``tests/extraction/heldout*``);
- the seed gold: ``DIR/NAME.json`` whose text is in ``DIR/../../seeds/NAME.txt``
  (``../shared/eval/gold``).

The published date comes from the gold file (``published``), else from ``NAME.meta.json``.
Scoring is the shared scorer's (``score.py --json``): per-category precision, recall and F1
(micro-averaged over articles), the title, country, engagement date, status and place
accuracies, and the macro F1. With several DIRs each is printed on its own, then all together.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction import EXTRACTOR_VERSION, extract  # noqa: E402

DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
CATEGORIES = ("officials", "engagements", "trip stops", "agreements")
ACCURACIES = ("title", "country", "engagement date", "engagement status", "engagement place")


@dataclass(frozen=True)
class Item:
    """One scored report: its name, text file, gold file and published date."""

    name: str
    text: Path
    gold: Path
    published: date | None


def _published(gold: Path, text: Path) -> date | None:
    value = json.loads(gold.read_text(encoding="utf-8")).get("published")
    meta = text.with_name(text.stem + ".meta.json")
    if not value and meta.exists():
        value = json.loads(meta.read_text(encoding="utf-8")).get("published")
    return date.fromisoformat(value) if value else None


def corpus_items(folder: Path) -> list[Item]:
    """The reports of one corpus folder, in any of the three layouts, sorted by name."""
    pairs: list[tuple[Path, Path]] = []
    if (folder / "gold").is_dir() and (folder / "articles").is_dir():
        pairs = [
            (folder / "articles" / f"{g.stem}.txt", g) for g in (folder / "gold").glob("*.json")
        ]
    elif any(folder.glob("*.gold.json")):
        pairs = [
            (folder / (g.name.removesuffix(".gold.json") + ".txt"), g)
            for g in folder.glob("*.gold.json")
        ]
    else:
        seeds = folder.parent.parent / "seeds"
        pairs = [(seeds / f"{g.stem}.txt", g) for g in folder.glob("*.json")]
    items = []
    for text, gold in sorted(pairs, key=lambda p: p[1].name):
        if not text.exists():
            raise SystemExit(f"{gold}: no report text at {text}")
        name = gold.name.removesuffix(".gold.json").removesuffix(".json")
        items.append(Item(name, text, gold, _published(gold, text)))
    return items


def run(items: list[Item], pred_dir: Path, gold_dir: Path) -> float:
    """Extract every item into ``pred_dir`` and copy its gold to ``gold_dir``; return seconds."""
    spent = 0.0
    for it in items:
        text = it.text.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        doc = extract(text, it.published)
        spent += time.perf_counter() - t0
        (pred_dir / f"{it.name}.json").write_text(doc.to_json(), encoding="utf-8")
        (gold_dir / f"{it.name}.json").write_text(it.gold.read_text(encoding="utf-8"))
    return spent


def score(scorer: Path, gold_dir: Path, pred_dir: Path, verbose: bool) -> tuple[dict, str]:
    """The scorer's figures as a dict, and its list of misses and extras when verbose."""
    cmd = [sys.executable, str(scorer), str(gold_dir), str(pred_dir)]
    figures = json.loads(subprocess.run([*cmd, "--json"], capture_output=True, check=True).stdout)
    detail = ""
    if verbose:
        out = subprocess.run([*cmd, "-v"], capture_output=True, check=True, text=True).stdout
        detail = "\n".join(line for line in out.splitlines() if line.startswith("  "))
    return figures, detail


def table(label: str, figures: dict, seconds: float) -> str:
    """The figures of one corpus as a small fixed-width table."""
    lines = [
        f"{label}: {figures['articles']} reports, extractor {EXTRACTOR_VERSION}, "
        f"{seconds * 1000 / max(figures['articles'], 1):.0f} ms per report",
        f"  {'category':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for c in CATEGORIES:
        f = figures[c]
        lines.append(
            f"  {c:<14}{f['tp']:>5}{f['fp']:>5}{f['fn']:>5}"
            f"{f['precision']:>7.2f}{f['recall']:>7.2f}{f['f1']:>7.2f}"
        )
    accs = []
    for a in ACCURACIES:
        v = figures.get(f"{a} accuracy")
        accs.append(f"{a.replace('engagement ', '')} {'-' if v is None else f'{v:.2f}'}")
    lines.append("  accuracy: " + ", ".join(accs))
    lines.append(f"  macro F1 {figures['macro f1']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("dirs", nargs="+", type=Path, help="corpus folders (see above)")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="the shared score.py")
    ap.add_argument("--only", nargs="*", default=None, help="report names to keep")
    ap.add_argument("--out", type=Path, default=None, help="keep the predictions here")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not args.scorer.exists():
        raise SystemExit(f"scorer not found: {args.scorer} (pass --scorer PATH)")

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        everything = Path(tmp) / "all"
        (everything / "gold").mkdir(parents=True)
        (everything / "pred").mkdir()
        total_seconds = 0.0
        blocks = []
        for folder in args.dirs:
            items = corpus_items(folder)
            if args.only is not None:
                items = [it for it in items if any(it.name.startswith(o) for o in args.only)]
            if not items:
                continue
            here = Path(tmp) / str(len(results))
            (here / "gold").mkdir(parents=True)
            (here / "pred").mkdir()
            seconds = run(items, here / "pred", here / "gold")
            total_seconds += seconds
            for kind in ("gold", "pred"):
                for f in (here / kind).iterdir():
                    (everything / kind / f"{len(results)}_{f.name}").write_bytes(f.read_bytes())
            figures, detail = score(args.scorer, here / "gold", here / "pred", args.verbose)
            results[str(folder)] = figures
            blocks.append(table(str(folder), figures, seconds) + ("\n" + detail if detail else ""))
            if args.out:
                target = args.out / folder.name
                target.mkdir(parents=True, exist_ok=True)
                for f in (here / "pred").iterdir():
                    (target / f.name).write_bytes(f.read_bytes())
        if len(results) > 1:
            figures, _ = score(args.scorer, everything / "gold", everything / "pred", False)
            results["all"] = figures
            blocks.append(table("all together", figures, total_seconds))
    if args.json:
        print(json.dumps({"extractor": EXTRACTOR_VERSION, "corpora": results}, indent=1))
    else:
        print("\n\n".join(blocks))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
