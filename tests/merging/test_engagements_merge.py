"""engagements_merge: two records of one meeting become one; the other is deleted."""

from __future__ import annotations

from datetime import date

import pytest

from engagements.merging import MergeError, engagements_merge
from engagements.models import Citation, Engagement, Participant
from tests import factories as make


@pytest.fixture
def pair(world):
    """The same meeting twice: one dated by month with two participants, one by day with three."""
    second = make.article("Macron and Blinken held talks in Paris on 5 October, said Le Drian.")
    drian = make.official("Jean-Yves Le Drian", "FR")
    keep = make.engagement(
        [world.keep, world.macron], status="scheduled", source=world.article, quote="Tony Blinken"
    )
    keep.start, keep.end, keep.precision = date(2021, 10, 1), date(2021, 10, 31), "month"
    keep.save()
    other = make.engagement(
        [world.macron, drian],
        on=date(2021, 10, 5),
        where=world.paris,
        status="held",
        title="Strategic dialogue",
        source=second,
        quote="Macron and Blinken held talks in Paris on 5 October",
    )
    return keep, other, drian


def test_participants_union_and_both_citations_kept(world, pair, editor):
    keep, other, drian = pair
    other_pk = other.pk

    kept = engagements_merge(keep=keep, other=other, editor=editor)

    assert not Engagement.objects.filter(pk=other_pk).exists()
    names = sorted(kept.participants.values_list("name", flat=True))
    assert names == ["Antony Blinken", "Emmanuel Macron", "Jean-Yves Le Drian"]
    assert Participant.objects.filter(engagement=kept, official=world.macron).count() == 1
    assert kept.citations.count() == 2
    assert not Citation.objects.filter(engagement_id=other_pk).exists()
    assert not Participant.objects.filter(engagement_id=other_pk).exists()


def test_blanks_filled_finer_dates_and_status_taken(pair, world, editor):
    keep, other, _ = pair
    kept = engagements_merge(keep=keep, other=other, editor=editor)
    kept.refresh_from_db()
    assert kept.title == "Strategic dialogue"
    assert kept.place == world.paris
    assert (kept.start, kept.end, kept.precision) == (date(2021, 10, 5), date(2021, 10, 5), "day")
    assert kept.status == "held"
    assert kept.version == 2


def test_an_editors_correction_on_keep_is_not_overwritten(pair, editor):
    keep, other, _ = pair
    keep.status = "cancelled"
    keep.edited_fields = ["status", "start", "end", "precision"]
    keep.save()
    kept = engagements_merge(keep=keep, other=other, editor=editor)
    kept.refresh_from_db()
    assert kept.status == "cancelled"
    assert kept.precision == "month"


def test_the_same_sentence_cited_twice_becomes_one_citation(world, editor):
    keep = make.engagement([world.keep], source=world.article, quote="Tony Blinken met")
    other = make.engagement([world.keep], source=world.article, quote="Tony Blinken met")
    kept = engagements_merge(keep=keep, other=other, editor=editor)
    assert kept.citations.count() == 1


def test_history_names_the_editor_for_keep_and_the_deleted_record(pair, editor):
    keep, other, _ = pair
    other_pk = other.pk
    engagements_merge(keep=keep, other=other, editor=editor)
    assert Engagement.history.filter(id=keep.pk).latest().history_user == editor
    deleted = Engagement.history.filter(id=other_pk).latest()
    assert deleted.history_type == "-"
    assert deleted.history_user == editor


def test_self_merge_and_a_missing_record_are_refused(pair, editor):
    keep, other, _ = pair
    with pytest.raises(MergeError, match="into itself"):
        engagements_merge(keep=keep, other=keep, editor=editor)
    gone = Engagement(pk=other.pk + 1000)
    with pytest.raises(MergeError, match="no longer exists"):
        engagements_merge(keep=keep, other=gone, editor=editor)
    assert Engagement.objects.get(pk=keep.pk).version == 1
