"""bench/corpus.py: re-gathered texts are matched to the ones annotated, by length and hash."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

ANNOTATED = (
    "Minister Ada Varga visits Lorvale\n"
    "Foreign Minister Ada Varga met her counterpart Tomas Brel in Lorvale on Monday.\n"
    "The two signed a memorandum on fisheries.\n"
)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "z01_varga-lorvale.json").write_text(
        json.dumps({"officials": [{"name": "Ada Varga"}, {"name": "Tomas Brel"}]})
    )
    registry = tmp_path / "corpus.json"
    report = {
        "name": "z01_varga-lorvale",
        "url": "https://news.example/varga-lorvale",
        "published": "2024-03-04",
        "outlet": "Example News",
        "split": "tune",
        "chars": len(ANNOTATED),
        "sha256": hashlib.sha256(ANNOTATED.encode()).hexdigest(),
    }
    registry.write_text(json.dumps({"reports": [report]}))
    monkeypatch.setattr(module, "REGISTRY", registry)
    monkeypatch.setattr(module, "GOLD", gold)
    return module


def test_fit_drops_page_clutter_to_find_the_annotated_text(corpus, tmp_path, capsys):
    raw = tmp_path / "raw.json"
    page = ANNOTATED.replace("\nThe two", "\nShare this story\nThe two") + "\nRelated: more news"
    raw.write_text(json.dumps({"excerpt": page}))
    texts = tmp_path / "texts"

    assert corpus.fit("z01_varga-lorvale", raw, texts) == 0
    assert (texts / "z01_varga-lorvale.txt").read_text() == ANNOTATED
    assert json.loads((texts / "z01_varga-lorvale.meta.json").read_text())["url"].endswith(
        "varga-lorvale"
    )
    assert "OK" in capsys.readouterr().out


def test_a_near_text_is_kept_apart_and_only_built_on_request(corpus, tmp_path, capsys):
    raw = tmp_path / "raw.txt"
    raw.write_text(ANNOTATED.replace("Monday", "monday"))
    texts = tmp_path / "texts"

    assert corpus.fit("z01_varga-lorvale", raw, texts) == 0
    assert (texts / "z01_varga-lorvale.near").exists()
    assert corpus.build(texts, tmp_path / "strict", None) == 1
    assert corpus.build(texts, tmp_path / "loose", None, near=True) == 0
    assert (tmp_path / "loose" / "articles" / "z01_varga-lorvale.txt").exists()
    assert "1 near matches" in capsys.readouterr().out


def test_another_page_is_refused(corpus, tmp_path, capsys):
    raw = tmp_path / "raw.txt"
    raw.write_text("An unrelated page about the weather in Lorvale, of about the same length. " * 2)

    assert corpus.fit("z01_varga-lorvale", raw, tmp_path / "texts") == 1
    assert not (tmp_path / "texts" / "z01_varga-lorvale.txt").exists()
    assert "no match" in capsys.readouterr().out
