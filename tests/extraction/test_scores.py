"""Score the extractor against gold annotations with the shared scorer (score.py)."""

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from extraction import extract

SCORER = Path("/work/shared/eval/score.py")
SEEDS = Path("/work/shared/seeds")
GOLD = Path("/work/shared/eval/gold")
ARTICLES = Path(__file__).parent / "articles"


def _scorer():
    if not SCORER.exists():
        pytest.skip("shared scorer not available")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_CATEGORIES = ["officials", "engagements", "trip stops", "agreements"]


def _score(pairs):
    score = _scorer()
    tallies = {c: score.Tally() for c in _CATEGORIES}
    attrs = {k: [] for k in ["title", "country", "engagement date", "engagement status",
                             "engagement place"]}  # fmt: skip
    for name, gold, pred in pairs:
        score.score_article(gold, pred, name, tallies, attrs)
    return {c: tallies[c].prf()[2] for c in _CATEGORIES}, tallies


def _run(txt: Path, meta: Path) -> dict:
    published = json.loads(meta.read_text()).get("published")
    pub = date.fromisoformat(published) if published else None
    return extract(txt.read_text(encoding="utf-8"), pub).to_dict()


def _folder_pairs(*folders: Path) -> list:
    """(name, gold, prediction) for every NAME.gold.json fixture in the folders."""
    pairs = []
    for folder in folders:
        for gold_path in sorted(folder.glob("*.gold.json")):
            stem = gold_path.name[: -len(".gold.json")]
            pairs.append((stem, json.loads(gold_path.read_text()),
                          _run(folder / f"{stem}.txt", folder / f"{stem}.meta.json")))  # fmt: skip
    return pairs


def _assert_floors(pairs: list, floors: dict[str, float]) -> None:
    f1, tallies = _score(pairs)
    misses = {c: t.misses + t.extras for c, t in tallies.items()}
    for cat, floor in floors.items():
        assert f1[cat] >= floor, (cat, f1[cat], misses[cat])


def test_seed_articles_score_above_floor():
    if not SEEDS.exists() or not GOLD.exists():
        pytest.skip("seed articles not available")
    pairs = []
    for gold_path in sorted(GOLD.glob("*.json")):
        txt = SEEDS / f"{gold_path.stem}.txt"
        pairs.append((gold_path.stem, json.loads(gold_path.read_text()),
                      _run(txt, SEEDS / f"{gold_path.stem}.meta.json")))  # fmt: skip
    # measured 1.00 in every category when written; the floor leaves room for trade-offs.
    # Trip stops 0.89 since 1.7.0: the seed gold lists no trip for the Mexican foreign
    # secretary holding talks in Washington, which the extractor now counts as one
    _assert_floors(pairs, {**dict.fromkeys(_CATEGORIES, 0.9), "trip stops": 0.85})


def test_own_articles_score_above_floor():
    pairs = _folder_pairs(ARTICLES)
    assert len(pairs) >= 4
    _assert_floors(pairs, dict.fromkeys(_CATEGORIES, 0.85))


def test_each_article_is_fast():
    import time

    texts = [p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt")]
    extract(texts[0], date(2024, 1, 1))  # load the gazetteers once
    start = time.perf_counter()
    for t in texts:
        extract(t, date(2024, 1, 1))
    assert (time.perf_counter() - start) / len(texts) < 0.5


HELDOUT = [Path(__file__).parent / "heldout", Path(__file__).parent / "heldout2"]


def test_heldout_wire_reports_score_above_floor():
    """Wire-style reports written with their gold before the extractor was run on them."""
    pairs = _folder_pairs(*HELDOUT)
    assert len(pairs) >= 10
    # batch 1: 0.80 macro with 1.0.0, 0.97 with 1.1.0; the floor leaves room for trade-offs.
    # 1.4.0 gives both sides of a meeting in a third country a stop there ("Xi at Woodside",
    # "Vucic in Brussels"), which these golds leave out: trip stops 0.85 -> 0.84. It also
    # counts "signed 20 agreements" as an agreement, as real reports' golds do and these
    # golds do not: agreements 1.0 -> 0.67 (two agreements in the gold).
    _assert_floors(
        pairs, {**dict.fromkeys(_CATEGORIES, 0.85), "trip stops": 0.8, "agreements": 0.65}
    )


HELDOUT3 = Path(__file__).parent / "heldout3"


def test_heldout3_wire_reports_score_above_floor():
    """Batch 3: ten wire-style reports with gold written before the extractor was run on them.
    First run (1.1.0): officials 0.96, engagements 0.74, trip stops 0.65, agreements 0.57.
    With 1.2.0: officials 0.99, engagements 0.85, trip stops 0.94, agreements 0.75.
    With 1.4.0: agreements 0.67, "signed 15 agreements" being one more than this gold has."""
    pairs = _folder_pairs(HELDOUT3)
    assert len(pairs) >= 10
    floors = {"officials": 0.95, "engagements": 0.8, "trip stops": 0.88, "agreements": 0.65}
    _assert_floors(pairs, floors)


HELDOUT4 = Path(__file__).parent / "heldout4"


def test_heldout4_wire_reports_score_above_floor():
    """Batch 4: eight wire-style reports with gold written before the extractor was run on them.
    First run (1.2.0): officials 0.99, engagements 0.66, trip stops 0.56, agreements 0.40.
    With 1.3.0: officials 1.00, engagements 0.84, trip stops 0.75, agreements 0.80."""
    pairs = _folder_pairs(HELDOUT4)
    assert len(pairs) >= 8
    floors = {"officials": 0.95, "engagements": 0.8, "trip stops": 0.7, "agreements": 0.75}
    _assert_floors(pairs, floors)


HELDOUT5 = Path(__file__).parent / "heldout5"


def test_heldout5_reports_score_above_floor():
    """Batch 5: ten reports in styles new to the extractor (ministry readouts and releases,
    Reuters/AP/AFP datelines, a multi-country tour, a summit's sideline meetings), gold
    written before the extractor was run on them.
    First run (1.3.0): officials 0.92, engagements 0.72, trip stops 0.51, agreements 0.67.
    With 1.3.1: officials 0.97, engagements 0.78, trip stops 0.65, agreements 0.77 (macro 0.79).
    With 1.3.2: engagements 0.80, trip stops 0.66 (macro 0.80)."""
    pairs = _folder_pairs(HELDOUT5)
    assert len(pairs) >= 10
    floors = {"officials": 0.95, "engagements": 0.75, "trip stops": 0.62, "agreements": 0.75}
    _assert_floors(pairs, floors)


HELDOUT6 = Path(__file__).parent / "heldout6"


def test_heldout6_reports_score_above_floor():
    """Batch 6: ten reports in styles new to the extractor (Xinhua, KUNA and Japanese ministry
    releases, State Department readouts under date lines, Dawn, EFE, DW, a Guardian summit
    roundup), gold written before the extractor was run on them.
    First run (1.3.1): officials 0.85, engagements 0.58, trip stops 0.35, agreements 0.52,
    country accuracy 0.52 (macro 0.575).
    With 1.3.2: officials 0.91, engagements 0.64, trip stops 0.60, agreements 0.90, country
    accuracy 0.68 (macro 0.76)."""
    pairs = _folder_pairs(HELDOUT6)
    assert len(pairs) >= 10
    floors = {"officials": 0.89, "engagements": 0.61, "trip stops": 0.57, "agreements": 0.87}
    _assert_floors(pairs, floors)


DEV = Path("/work/shared/eval/dev")


def test_real_dev_reports_score_above_floor():
    """The real-report corpus in ../shared/eval/dev (texts stay there; they are never copied
    into the project). First run (1.3.2): officials 0.88, engagements 0.62, trip stops 0.32,
    agreements 0.40 (macro 0.556). With 1.4.0, tuned on d1xx and d2xx only (d3xx never looked
    at): officials 0.92, engagements 0.62, trip stops 0.59, agreements 1.00 (macro 0.784);
    d3xx alone stays at its first-run 0.461."""
    if not (DEV / "gold").exists():
        pytest.skip("real-report corpus not available")
    pairs = []
    for gold_path in sorted((DEV / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text())
        text = (DEV / "articles" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        pred = extract(text, date.fromisoformat(gold["published"])).to_dict()
        pairs.append((gold_path.stem, gold, pred))
    floors = {"officials": 0.88, "engagements": 0.58, "trip stops": 0.54, "agreements": 0.9}
    _assert_floors(pairs, floors)
