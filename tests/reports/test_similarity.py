"""MinHash signatures: what they estimate, that they never change, and the migration to them."""

import hashlib
import importlib
import json
import struct
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from reports.models import Article, ArticleBand
from reports.similarity import (
    BANDS,
    PERMUTATIONS,
    SHINGLE,
    THRESHOLD,
    _words,
    band_keys,
    signature,
    similarity,
)
from tests.helpers import PYTHON, ROOT, clean_env

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
ORIGINAL = (SAMPLES / "001_bcf77257e3df5df3.txt").read_text(encoding="utf-8")
OTHER = (SAMPLES / "000_f290cdd861cbcf74.txt").read_text(encoding="utf-8")


def republished(text: str) -> str:
    """Another outlet's copy: its own headline and byline, a paragraph dropped, a word changed."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(["Officials head south for talks", "By Wire Staff", *paragraphs[:-1]])


def reference_signature(text: str) -> list[int]:
    """The definition, spelled out: per position, the least hash of any distinct shingle."""
    words = _words(text)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    rows = [
        struct.unpack(f">{PERMUTATIONS}Q", hashlib.shake_128(s.encode()).digest(PERMUTATIONS * 8))
        for s in shingles
    ]
    return list(map(min, zip(*rows, strict=True)))


def test_a_republished_copy_scores_above_the_threshold_and_another_story_far_below():
    assert similarity(signature(ORIGINAL), signature(republished(ORIGINAL))) >= THRESHOLD
    assert similarity(signature(ORIGINAL), signature(OTHER)) < 0.2
    assert set(band_keys(signature(ORIGINAL))) & set(band_keys(signature(republished(ORIGINAL))))


def test_the_estimate_follows_the_share_of_common_shingles():
    common = [f"word{i}" for i in range(400)]
    first = " ".join(common + [f"first{i}" for i in range(100)])
    second = " ".join(common + [f"second{i}" for i in range(100)])
    # 396 shingles in common out of 596 in all: a Jaccard similarity of about 0.66
    assert 0.5 <= similarity(signature(first), signature(second)) <= 0.82


def test_the_signature_is_64_unsigned_64_bit_values_and_the_definition():
    for text in (ORIGINAL, OTHER, "The quick brown fox jumps over the lazy dog."):
        values = signature(text)
        assert len(values) == PERMUTATIONS
        assert all(isinstance(v, int) and 0 <= v < 2**64 for v in values)
        assert values == reference_signature(text)
    assert len(band_keys(signature(ORIGINAL))) == BANDS


def test_a_text_of_fewer_than_five_words_has_no_signature():
    assert signature("Blinken met Macron today.") == []
    assert signature("") == []
    assert band_keys([]) == []


def test_case_and_accents_do_not_count():
    assert signature("José Albares reçut Le Drian à Paris") == signature(
        "JOSE ALBARES RECUT LE DRIAN A PARIS"
    )


def test_the_signature_is_the_same_in_every_process_and_never_changes():
    # pinned: a change here changes the meaning of every stored signature (needs a migration)
    assert signature("The quick brown fox jumps over the lazy dog")[:3] == [
        6133994231158544232,
        150220996900601051,
        6089643798027008762,
    ]
    assert signature(ORIGINAL) == signature(ORIGINAL)
    code = (
        "import json, sys; from reports.similarity import signature; "
        "print(json.dumps(signature(sys.stdin.read())))"
    )
    other = subprocess.run(
        [PYTHON, "-c", code],
        input=ORIGINAL,
        cwd=ROOT,
        env=clean_env(PYTHONHASHSEED="12345"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    )
    assert json.loads(other.stdout) == signature(ORIGINAL)


@pytest.mark.django_db
def test_the_migration_recomputes_stored_signatures_and_their_bands():
    recompute = importlib.import_module("reports.migrations.0004_recompute_signatures").recompute
    old = Article.objects.create(text=ORIGINAL, signature=list(range(PERMUTATIONS)))
    ArticleBand.objects.filter(article=old).update(key=1)
    unsigned = Article.objects.create(text=OTHER)
    Article.objects.filter(pk=unsigned.pk).update(signature=[])  # an official-record entry
    ArticleBand.objects.filter(article=unsigned).delete()

    recompute(apps, SimpleNamespace(connection=connection))

    old.refresh_from_db()
    assert old.signature == signature(ORIGINAL)
    assert sorted(old.bands.values_list("key", flat=True)) == sorted(band_keys(old.signature))
    unsigned.refresh_from_db()
    assert unsigned.signature == []
    assert not unsigned.bands.exists()
