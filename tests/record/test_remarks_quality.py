"""The extractor on 50 remarks of the official record, annotated by hand.

The expected names (tests/record/remarks_officials.json) were written from
reading each remark, before running the extractor on it: the people holding
office it names, as written, without their titles.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from diplomacy.text import normalize_name
from extraction import extract

FIXTURE = Path(__file__).with_name("remarks_officials.json")


def _same(found: str, expected: str) -> bool:
    """Equal once normalized, or one name's words all within the other's ("Prince Saud")."""
    a, b = set(normalize_name(found).split()), set(normalize_name(expected).split())
    return bool(a and b) and (a <= b or b <= a)


def _score() -> tuple[int, int, int, list[str]]:
    remarks = json.loads(FIXTURE.read_text(encoding="utf-8"))["remarks"]
    assert len(remarks) == 50
    true_pos = found_total = expected_total = 0
    misses = []
    for item in remarks:
        found = [
            o.name for o in extract(item["remarks"], date.fromisoformat(item["start"])).officials
        ]
        expected = list(item["officials"])
        found_total += len(found)
        expected_total += len(expected)
        unmatched = list(expected)
        for name in found:
            hit = next((e for e in unmatched if _same(name, e)), None)
            if hit is not None:
                unmatched.remove(hit)
                true_pos += 1
            else:
                misses.append(f"{item['id']}: extra {name!r}")
        misses += [f"{item['id']}: missed {name!r}" for name in unmatched]
    return true_pos, found_total, expected_total, misses


def test_officials_precision_and_recall_on_record_remarks():
    true_pos, found, expected, misses = _score()
    precision = true_pos / found if found else 1.0
    recall = true_pos / expected if expected else 1.0
    assert expected == 54
    assert precision >= 0.9 and recall >= 0.9, (
        f"precision {precision:.3f}, recall {recall:.3f}: " + "; ".join(misses)
    )
