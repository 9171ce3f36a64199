"""The real-report corpus: gold kept in the repository, texts kept outside it.

    .venv/bin/python bench/corpus.py record DIR --split NAME [--only PREFIX]
    .venv/bin/python bench/corpus.py build TEXTS OUT [--split NAME]

``record`` takes a gathered corpus folder (``articles/NAME.txt`` + ``NAME.meta.json``,
``gold/NAME.json``; see bench/ANNOTATION.md), copies each gold file to ``bench/corpus/gold/``
and lists the report in ``bench/corpus.json`` with its URL, date, outlet, split, and the length
and SHA-256 of its text. The text itself is not copied: sentences from elsewhere stay out of
the project.

``build`` makes a folder that ``bench/quality.py`` scores (``OUT/articles``, ``OUT/gold``)
from texts gathered again into ``TEXTS`` (a folder of ``NAME.txt`` + ``NAME.meta.json``, or a
corpus folder with ``articles/``), linking only texts whose SHA-256 matches the one recorded;
it prints what is missing or differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REGISTRY = BENCH / "corpus.json"
GOLD = BENCH / "corpus" / "gold"


def _digest(path: Path) -> tuple[int, str]:
    data = path.read_bytes()
    return len(data.decode("utf-8")), hashlib.sha256(data).hexdigest()


def _articles(folder: Path) -> Path:
    return folder / "articles" if (folder / "articles").is_dir() else folder


def record(folder: Path, split: str, only: str | None) -> int:
    """Copy the gold of every report in ``folder`` into the repository and list it."""
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in registry["reports"]}
    GOLD.mkdir(parents=True, exist_ok=True)
    count = 0
    for gold in sorted((folder / "gold").glob("*.json")):
        name = gold.stem
        if only and not name.startswith(only):
            continue
        text = _articles(folder) / f"{name}.txt"
        meta_path = text.with_name(f"{name}.meta.json")
        if not text.exists() or not meta_path.exists():
            print(f"{name}: no text or meta beside the gold, skipped", file=sys.stderr)
            continue
        json.loads(gold.read_text(encoding="utf-8"))  # refuse a gold file that is not JSON
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        chars, sha = _digest(text)
        shutil.copyfile(gold, GOLD / f"{name}.json")
        by_name[name] = {
            "name": name,
            "url": meta["url"],
            "published": meta["published"],
            "outlet": meta.get("source") or meta.get("outlet"),
            "split": split,
            "chars": chars,
            "sha256": sha,
        }
        count += 1
    registry["reports"] = sorted(by_name.values(), key=lambda r: r["name"])
    REGISTRY.write_text(json.dumps(registry, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"recorded {count} reports as {split!r}")
    return 0


def build(texts: Path, out: Path, split: str | None) -> int:
    """A scoring folder of the recorded reports whose texts were gathered again unchanged."""
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    source = _articles(texts)
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    (out / "gold").mkdir()
    linked = 0
    for r in registry["reports"]:
        if split and r.get("split") != split:
            continue
        name, gold = r["name"], GOLD / f"{r['name']}.json"
        text = source / f"{name}.txt"
        if not gold.exists() or "sha256" not in r:
            continue
        if not text.exists():
            print(f"{name}: text not gathered ({r['url']})")
            continue
        if _digest(text)[1] != r["sha256"]:
            print(f"{name}: text differs from the one annotated, left out")
            continue
        (out / "articles" / f"{name}.txt").symlink_to(text.resolve())
        meta = text.with_name(f"{name}.meta.json")
        if meta.exists():
            (out / "articles" / f"{name}.meta.json").symlink_to(meta.resolve())
        (out / "gold" / f"{name}.json").symlink_to(gold)
        linked += 1
    print(f"{linked} reports in {out}")
    return 0 if linked else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record", help="keep a gathered corpus's gold in the repository")
    rec.add_argument("folder", type=Path)
    rec.add_argument("--split", required=True, help="tune, heldout, ...")
    rec.add_argument("--only", help="only reports whose name starts with this")
    bld = sub.add_parser("build", help="a folder bench/quality.py scores, from gathered texts")
    bld.add_argument("texts", type=Path)
    bld.add_argument("out", type=Path)
    bld.add_argument("--split")
    args = ap.parse_args(argv)
    if args.cmd == "record":
        return record(args.folder, args.split, args.only)
    return build(args.texts, args.out, args.split)


if __name__ == "__main__":
    sys.exit(main())
