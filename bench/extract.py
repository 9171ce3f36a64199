"""Throughput of the extraction engine on one core, for wire reports of about 4 KB.

    .venv/bin/python bench/extract.py [--n 200] [--size 4096] [--seed 7] [--profile]
        [--compare REV [--rounds 3]]

Reports are assembled from the fixture articles (tests/extraction/articles and heldout) and
from sentence templates filled with varied officials, places and dates, so every report is
different. The one-off gazetteer load is timed separately and excluded from the throughput.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXTURES = [ROOT / "tests" / "extraction" / "articles", ROOT / "tests" / "extraction" / "heldout"]

OFFICIALS = [
    ("Chinese", "Foreign Minister", "Wang Yi"),
    ("U.S.", "Secretary of State", "Antony Blinken"),
    ("Indian", "Prime Minister", "Narendra Modi"),
    ("Japanese", "Prime Minister", "Fumio Kishida"),
    ("French", "President", "Emmanuel Macron"),
    ("German", "Chancellor", "Olaf Scholz"),
    ("Brazilian", "President", "Luiz Inacio Lula da Silva"),
    ("Egyptian", "Foreign Minister", "Sameh Shoukry"),
    ("Turkish", "President", "Recep Tayyip Erdogan"),
    ("South Korean", "Foreign Minister", "Cho Tae-yul"),
    ("Australian", "Foreign Minister", "Penny Wong"),
    ("Kenyan", "President", "William Ruto"),
    ("Saudi", "Crown Prince", "Mohammed bin Salman"),
    ("Mexican", "Foreign Secretary", "Alicia Barcena"),
    ("British", "Foreign Secretary", "David Cameron"),
    ("Italian", "Prime Minister", "Giorgia Meloni"),
]
PLACES = ["Paris", "Beijing", "Tokyo", "New Delhi", "Cairo", "Brasilia", "Ankara", "Seoul",
          "Canberra", "Nairobi", "Riyadh", "Mexico City", "London", "Rome", "Geneva",
          "Jakarta"]  # fmt: skip
WHEN = ["on Monday", "on Tuesday", "Wednesday", "on Thursday", "Friday", "next week",
        "last week", "later this month", "on March 3", "in April", "on Sunday", ""]  # fmt: skip
TEMPLATES = [
    "{d1} {t1} {n1} met {d2} {t2} {n2} in {p} {w}, the two governments said.",
    "{d1} {t1} {n1} will travel to {p} {w} for talks with {d2} {t2} {n2}, officials said.",
    "{n1} spoke by phone {w} with {d2} {t2} {n2} about trade and security, according to a "
    "statement from the foreign ministry.",
    "{d1} {t1} {n1} has postponed a planned visit to {p} that was due to begin {w}, his "
    "office said.",
    "The two leaders are expected to sign a memorandum on energy cooperation when they meet "
    "in {p} {w}.",
    "{n2}, who arrived in {p} {w}, held separate talks with {d1} {t1} {n1} and business leaders.",
    "Analysts said the visit underlined {p}'s growing role in regional diplomacy, with trade "
    "between the two countries reaching a record last year.",
    "{d1} {t1} {n1} and {d2} {t2} {n2} signed a trade agreement in {p} {w}.",
]
CLUTTER = ["Read More", "Advertisement", "Share this article", "Sign up for our newsletter",
           "(Reporting by Jane Roe; Editing by John Doe)"]  # fmt: skip


def fixture_paragraphs() -> list[str]:
    paras: list[str] = []
    for folder in FIXTURES:
        for path in sorted(folder.glob("*.txt")):
            paras += [
                p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()
            ]
    return paras


def make_reports(n: int, size: int, seed: int) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    paras = fixture_paragraphs()
    reports = []
    for _ in range(n):
        a, b = rng.sample(OFFICIALS, 2)
        city = rng.choice(PLACES)
        parts = [f"{a[2].split()[-1]} meets {b[2].split()[-1]} in {city}",
                 f"{city.upper()} (Reuters) - " + TEMPLATES[0].format(
                     d1=a[0], t1=a[1], n1=a[2], d2=b[0], t2=b[1], n2=b[2], p=city,
                     w=rng.choice(WHEN))]  # fmt: skip
        while sum(len(p) + 2 for p in parts) < size:
            if rng.random() < 0.55:
                x, y = rng.sample(OFFICIALS, 2)
                parts.append(
                    rng.choice(TEMPLATES).format(
                        d1=x[0],
                        t1=x[1],
                        n1=x[2],
                        d2=y[0],
                        t2=y[1],
                        n2=y[2],
                        p=rng.choice(PLACES),
                        w=rng.choice(WHEN),
                    )  # fmt: skip
                )
            else:
                parts.append(rng.choice(paras))
        parts.append(rng.choice(CLUTTER))
        text = "\n\n".join(parts)[: size + 400]
        pub = date(2021, 1, 1) + timedelta(days=rng.randrange(1500))
        reports.append((text, pub))
    return reports


_TIMER = """
import json, sys, time
from datetime import date
sys.path.insert(0, sys.argv[1])
from extraction import EXTRACTOR_VERSION, extract
reports = [(t, date.fromisoformat(p)) for t, p in json.load(open(sys.argv[2]))]
extract("Warm-up: French President Emmanuel Macron met Olaf Scholz in Paris.", None)
t0 = time.process_time()
for text, pub in reports:
    extract(text, pub)
print(json.dumps([EXTRACTOR_VERSION, len(reports) / (time.process_time() - t0)]))
"""


def compare(rev: str, reports: list[tuple[str, date]], rounds: int) -> None:
    """Throughput of this tree's extractor and of the one at git revision ``rev`` on the same
    reports, in alternating fresh processes (CPU time, so a busy machine matters less)."""
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "extraction"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        data = Path(tmp) / "reports.json"
        data.write_text(json.dumps([(t, p.isoformat()) for t, p in reports]))
        figures: dict[str, list[float]] = {}
        for _ in range(rounds):
            for label, src in (("this tree", ROOT), (rev, old)):
                out = subprocess.run(
                    [sys.executable, "-c", _TIMER, str(src), str(data)],
                    capture_output=True,
                    check=True,
                    text=True,
                ).stdout
                version, rate = json.loads(out)
                figures.setdefault(f"{label} ({version})", []).append(rate)
    for label, rates in figures.items():
        shown = ", ".join(f"{r:.1f}" for r in rates)
        print(f"  {label}: {max(rates):.1f} articles/s per CPU-second at best ({shown})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--size", type=int, default=4096)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", action="store_true", help="print the top cProfile entries")
    ap.add_argument("--compare", metavar="REV", help="also time the extractor at git REV")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds for --compare")
    args = ap.parse_args(argv)

    reports = make_reports(args.n, args.size, args.seed)
    mean_kb = sum(len(t.encode("utf-8")) for t, _ in reports) / len(reports) / 1024

    from extraction import EXTRACTOR_VERSION, extract

    t0 = time.perf_counter()
    extract("Warm-up: French President Emmanuel Macron met Olaf Scholz in Paris.", None)
    load = time.perf_counter() - t0

    prof = cProfile.Profile() if args.profile else None
    if prof:
        prof.enable()
    t0 = time.perf_counter()
    found = 0
    for text, pub in reports:
        doc = extract(text, pub)
        found += len(doc.engagements)
    elapsed = time.perf_counter() - t0
    if prof:
        prof.disable()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"extractor {EXTRACTOR_VERSION}: {len(reports)} reports, mean {mean_kb:.1f} KB")
    print(f"gazetteer load (one-off, excluded): {load * 1000:.0f} ms")
    print(f"throughput: {len(reports) / elapsed:.1f} articles/s on one core")
    print(f"mean: {elapsed / len(reports) * 1000:.1f} ms/article")
    print(f"peak memory (ru_maxrss): {peak_mb:.0f} MB")
    print(f"engagements found: {found}")
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    if args.compare:
        print(f"same reports, this tree against {args.compare}, alternating processes:")
        compare(args.compare, reports, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
