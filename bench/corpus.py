"""The real-report corpus: gold kept in the repository, texts kept outside it.

    .venv/bin/python bench/corpus.py record DIR --split NAME [--only PREFIX]
    .venv/bin/python bench/corpus.py build TEXTS OUT [--split NAME] [--near]
    .venv/bin/python bench/corpus.py fit NAME RAW TEXTS

``record`` takes a gathered corpus folder (``articles/NAME.txt`` + ``NAME.meta.json``,
``gold/NAME.json``; see bench/ANNOTATION.md), copies each gold file to ``bench/corpus/gold/``
and lists the report in ``bench/corpus.json`` with its URL, date, outlet, split, and the length
and SHA-256 of its text. The text itself is not copied: sentences from elsewhere stay out of
the project.

``build`` makes a folder that ``bench/quality.py`` scores (``OUT/articles``, ``OUT/gold``)
from texts gathered again into ``TEXTS`` (a folder of ``NAME.txt`` + ``NAME.meta.json``, or a
corpus folder with ``articles/``), linking only texts whose SHA-256 matches the one recorded;
it prints what is missing or differs.

``fit`` turns a text gathered again (``RAW``: the page text or excerpt as the ``search`` tool
returns it, plain or as JSON with an ``excerpt``) back into the text annotated: it tries the
usual clean-ups (whitespace, a cut tail or head, clutter lines dropped) until the length and
SHA-256 recorded for NAME match, and writes ``TEXTS/NAME.txt`` and ``NAME.meta.json``. Where
nothing matches exactly but a clean-up has the recorded length within 3% and holds every
official named in the gold, it writes that text as a near match (``NAME.near``); ``build
--near`` scores near matches too, counted apart.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
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


# the stored copy of a page may open with the date it was crawled under: " date 2024-05-06 "
_STORED_DATE = re.compile(r"^\s*date \d{4}(?:-\d\d){0,2}\s+")


def _variants(raw: str) -> list[str]:
    """The text under the clean-ups an annotator may have made, most faithful first."""
    raw = _STORED_DATE.sub("", raw.replace("\r\n", "\n"))
    lines = [line.rstrip() for line in raw.split("\n")]
    bases = [raw, raw.strip(), "\n".join(lines).strip()]
    kept = [line.strip() for line in lines if line.strip()]
    bases += ["\n".join(kept), "\n\n".join(kept)]
    out: list[str] = []
    for base in bases:
        for text in (base, base + "\n"):
            if text not in out:
                out.append(text)
    return out


def _windows(text: str, chars: int) -> list[str]:
    """Every stretch of ``chars`` characters that starts at a line start of ``text``."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    found = []
    for start in starts:
        for skip in range(3):
            piece = text[start + skip : start + skip + chars]
            if len(piece) == chars:
                found.append(piece)
                found.append(piece.rstrip() + "\n")
    return found


def _candidates(raw: str, chars: int) -> list[str]:
    out = []
    texts = _variants(raw) + _variants(re.sub(r"<[^>]+>", "", raw))
    for text in texts:
        out += _windows(text, chars)
        if len(text) == chars + 1:  # one stray character: a doubled space, a soft hyphen
            out += [text[:i] + text[i + 1 :] for i in range(len(text))]
        lines = text.split("\n")
        if len(lines) > 40:
            continue
        for drop in (1, 2, 3, 4) if len(lines) <= 24 else (1, 2, 3):
            for gone in itertools.combinations(range(len(lines)), drop):
                rest = "\n".join(line for i, line in enumerate(lines) if i not in gone)
                if len(rest) >= chars:
                    out.append(rest[:chars])
                    out.append(rest[:chars].rstrip() + "\n")
    return out


def _near(raw: str, chars: int, names: list[str]) -> str | None:
    for text in _variants(raw):
        for cut in (text, text[: chars + 1].rstrip()):
            if abs(len(cut) - chars) <= 0.03 * chars and all(n in cut for n in names):
                return cut
    return None


def fit(name: str, raw_path: Path, texts: Path) -> int:
    """Write ``texts/NAME.txt`` from a re-gathered text if it is the one annotated."""
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    report = next((r for r in registry["reports"] if r["name"] == name), None)
    if report is None or "sha256" not in report:
        print(f"{name}: not recorded with a hash", file=sys.stderr)
        return 2
    raw = raw_path.read_text(encoding="utf-8")
    try:
        loaded = json.loads(raw)
        raw = loaded["excerpt"] if isinstance(loaded, dict) else raw
    except (json.JSONDecodeError, KeyError):
        pass
    texts.mkdir(parents=True, exist_ok=True)
    meta = {"url": report["url"], "published": report["published"], "source": report["outlet"]}
    (texts / f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    chars, want = report["chars"], report["sha256"]
    for text in _candidates(raw, chars):
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == want:
            (texts / f"{name}.txt").write_text(text, "utf-8")
            (texts / f"{name}.near").unlink(missing_ok=True)
            print(f"{name}: OK")
            return 0
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    names = [o["name"] for o in gold["officials"] if not o.get("optional")]
    text = _near(raw, chars, names)
    if text is None:
        print(f"{name}: no match ({len(raw)} chars gathered, {chars} annotated)")
        return 1
    (texts / f"{name}.txt").write_text(text, "utf-8")
    (texts / f"{name}.near").write_text(f"{len(text)} of {chars} chars\n", "utf-8")
    print(f"{name}: NEAR ({len(text)} of {chars} chars, every gold official found)")
    return 0


def build(texts: Path, out: Path, split: str | None, near: bool = False) -> int:
    """A scoring folder of the recorded reports whose texts were gathered again unchanged."""
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    source = _articles(texts)
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    (out / "gold").mkdir()
    linked = nearly = 0
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
            if not (near and text.with_name(f"{name}.near").exists()):
                print(f"{name}: text differs from the one annotated, left out")
                continue
            nearly += 1
        (out / "articles" / f"{name}.txt").symlink_to(text.resolve())
        meta = text.with_name(f"{name}.meta.json")
        if meta.exists():
            (out / "articles" / f"{name}.meta.json").symlink_to(meta.resolve())
        (out / "gold" / f"{name}.json").symlink_to(gold)
        linked += 1
    print(f"{linked} reports in {out}" + (f" ({nearly} near matches)" if nearly else ""))
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
    bld.add_argument("--near", action="store_true", help="score near matches too")
    fitp = sub.add_parser("fit", help="match a re-gathered text to the one annotated")
    fitp.add_argument("name")
    fitp.add_argument("raw", type=Path)
    fitp.add_argument("texts", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "record":
        return record(args.folder, args.split, args.only)
    if args.cmd == "fit":
        return fit(args.name, args.raw, args.texts)
    return build(args.texts, args.out, args.split, args.near)


if __name__ == "__main__":
    sys.exit(main())
