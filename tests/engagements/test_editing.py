"""Editors correct facts inline; conflicts lose nothing; history records and reverts."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from engagements.models import Engagement
from tests import factories
from tests.conftest import make_user


@pytest.fixture
def meeting(db):
    blinken = factories.official("Antony Blinken", "US")
    macron = factories.official("Emmanuel Macron", "FR")
    paris = factories.place("Paris", "FR", 48.85, 2.35)
    trip = factories.trip(blinken, [(paris, date(2021, 10, 4), date(2021, 10, 6))])
    source = factories.article("Blinken met Macron in Paris on Tuesday.")
    return factories.engagement(
        [blinken, macron], on=date(2021, 10, 5), where=paris, stop=trip.stops.get(),
        source=source, quote="Blinken met Macron in Paris on Tuesday.", status="held",
    )  # fmt: skip


def form_data(engagement: Engagement, **changes) -> dict:
    data = {
        "version": engagement.version,
        "kind": engagement.kind,
        "title": engagement.title,
        "place": engagement.place.name if engagement.place else "",
        "place_country": engagement.place.country.code if engagement.place else "",
        "start": engagement.start.isoformat() if engagement.start else "",
        "end": engagement.end.isoformat() if engagement.end else "",
        "precision": engagement.precision,
        "status": engagement.status,
    }
    data.update(changes)
    return data


HTMX = {"HX-Request": "true"}


def test_the_edit_form_is_for_editors(analyst_client, editor_client, meeting):
    url = reverse("engagements:engagement_edit", args=[meeting.pk])
    assert analyst_client.get(url, headers=HTMX).status_code == 403
    assert analyst_client.post(url, form_data(meeting, title="x")).status_code == 403
    response = editor_client.get(url, headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<li class="engagement editing"')
    assert f'name="version" value="{meeting.version}"' in body


def test_analysts_see_no_edit_controls(analyst_client, editor_client, meeting):
    trip = meeting.stop.trip
    url = f"{trip.get_absolute_url()}?open={meeting.stop_id}"
    assert "Edit</a>" not in analyst_client.get(url).content.decode()
    assert "Edit</a>" in editor_client.get(url).content.decode()


def test_a_saved_edit_returns_the_row_and_sticks(editor_client, editor, meeting):
    url = reverse("engagements:engagement_edit", args=[meeting.pk])
    response = editor_client.post(
        url, form_data(meeting, start="2021-10-06", end="2021-10-06", kind="talks"), headers=HTMX
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(
        f'<li class="engagement status-held" id="engagement-{meeting.pk}"'
    )
    assert "6 Oct 2021" in body
    meeting.refresh_from_db()
    assert (meeting.start, meeting.kind, meeting.version) == (date(2021, 10, 6), "talks", 2)
    assert set(meeting.edited_fields) == {"start", "end", "kind"}
    assert meeting.history.first().history_user == editor


def test_participants_are_added_and_removed(editor_client, meeting):
    ebrard = factories.official("Marcelo Ebrard", "MX")
    macron = meeting.participants.get(name="Emmanuel Macron")
    suggest = editor_client.get(reverse("people:suggest"), {"add": "ebra"}).content.decode()
    assert f'value="Marcelo Ebrard (MX) #{ebrard.pk}"' in suggest
    editor_client.post(
        reverse("engagements:engagement_edit", args=[meeting.pk]),
        {**form_data(meeting), "add": f"Marcelo Ebrard (MX) #{ebrard.pk}", "remove": [macron.pk]},
        headers=HTMX,
    )
    assert set(meeting.participants.values_list("name", flat=True)) == {
        "Antony Blinken",
        "Marcelo Ebrard",
    }
    meeting.refresh_from_db()
    assert "participants" in meeting.edited_fields


def test_an_invalid_edit_shows_its_errors_and_saves_nothing(editor_client, meeting):
    response = editor_client.post(
        reverse("engagements:engagement_edit", args=[meeting.pk]),
        form_data(meeting, start="2021-10-06", end="2021-10-01", add="Nobody At All"),
        headers=HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert "The end is before the start." in body
    assert "No single official matches “Nobody At All”" in body
    meeting.refresh_from_db()
    assert meeting.start == date(2021, 10, 5) and meeting.version == 1


def test_two_editors_saving_the_same_version_lose_nothing(editor_client, meeting):
    other = Client()
    other.force_login(make_user("edna", "editor"))
    url = reverse("engagements:engagement_edit", args=[meeting.pk])
    read_at = form_data(meeting)  # both opened the form at version 1

    first = editor_client.post(url, {**read_at, "title": "Elysee lunch"}, headers=HTMX)
    assert first.status_code == 200
    second = other.post(url, {**read_at, "status": "cancelled"}, headers=HTMX)
    body = second.content.decode()
    assert second.status_code == 409
    assert "Someone else changed title since you opened it." in body
    assert "eddie" in body and "“Elysee lunch”" in body
    assert 'name="version" value="2"' in body  # re-saving now applies on top of theirs
    assert 'value="cancelled" selected' in body  # the second editor's value is kept in the form
    meeting.refresh_from_db()
    assert (meeting.title, meeting.status) == ("Elysee lunch", "held")

    again = other.post(
        url, {**read_at, "version": 2, "title": "Elysee lunch", "status": "cancelled"}
    )
    assert again.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title, meeting.status, meeting.version) == ("Elysee lunch", "cancelled", 3)


def test_verify_and_reject_with_recovery(editor_client, analyst_client, meeting):
    url = reverse("engagements:fact_review", args=["engagement", meeting.pk])
    row = editor_client.post(url, {"review": "verified"}, headers=HTMX).content.decode()
    assert '<span class="verified">verified</span>' in row
    assert analyst_client.post(url, {"review": "rejected"}).status_code == 403

    row = editor_client.post(url, {"review": "rejected"}, headers=HTMX).content.decode()
    assert '<span class="rejected-label">rejected</span>' in row and "Restore" in row
    listing = analyst_client.get(reverse("engagements:engagements")).content.decode()
    assert meeting.get_absolute_url() not in listing
    meeting.refresh_from_db()
    assert meeting.review == "rejected"  # kept, only hidden
    editor_client.post(url, {"review": "unreviewed"})
    listing = analyst_client.get(reverse("engagements:engagements")).content.decode()
    assert meeting.get_absolute_url() in listing


def test_history_shows_each_change_and_revert_restores_it(editor_client, analyst_client, meeting):
    edit = reverse("engagements:engagement_edit", args=[meeting.pk])
    editor_client.post(edit, form_data(meeting, title="Wrong title", status="cancelled"))
    meeting.refresh_from_db()
    history_url = reverse("engagements:history", args=["engagement", meeting.pk])
    page = editor_client.get(history_url).content.decode()
    assert "eddie" in page
    assert "<strong>title</strong>: “—” → “Wrong title”" in page
    assert "<strong>status</strong>: “held” → “cancelled”" in page
    assert "Revert to this" in page
    assert "Revert to this" not in analyst_client.get(history_url).content.decode()

    original = meeting.history.order_by("history_id").first()
    response = editor_client.post(
        reverse("engagements:revert", args=["engagement", meeting.pk, original.history_id])
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title, meeting.status) == ("", "held")
    assert (
        analyst_client.post(
            reverse("engagements:revert", args=["engagement", meeting.pk, original.history_id])
        ).status_code
        == 403
    )


def test_htmx_posts_need_the_csrf_token(editor, meeting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("engagements:engagement_edit", args=[meeting.pk])
    assert client.post(url, form_data(meeting, title="x"), headers=HTMX).status_code == 403
    page = client.get(meeting.stop.trip.get_absolute_url()).content.decode()
    token = page.split('"X-CSRFToken": "')[1].split('"')[0]
    response = client.post(
        url, form_data(meeting, title="x"), headers={**HTMX, "X-CSRFToken": token}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("fact", ["stops", "trips", "officials", "agreements"])
def test_the_review_queue_covers_every_kind_of_fact(editor_client, meeting, fact):
    from engagements.models import Agreement

    Agreement.objects.create(name="Submarine deal", confidence=0.3)
    page = editor_client.get(reverse("engagements:review"), {"fact": fact}).content.decode()
    assert 'class="queue-item"' in page
    model = fact[:-1]
    action = page.split(f'action="/facts/{model}/')[1].split('"')[0]
    pk = int(action.split("/")[0])
    response = editor_client.post(
        f"/facts/{model}/{action}",
        {"review": "verified", "next": reverse("engagements:review") + f"?fact={fact}"},
    )
    assert response.status_code == 302 and f"fact={fact}" in response["Location"]
    verified = editor_client.get(
        reverse("engagements:review"), {"fact": fact, "review": "verified"}
    ).content.decode()
    assert f"/facts/{model}/{pk}/review/" in verified


def test_the_review_queue_filters_by_batch(editor_client, meeting):
    from reports.models import Batch

    other = Batch.objects.create(name="Other batch")
    page = editor_client.get(reverse("engagements:review"), {"batch": other.pk}).content.decode()
    assert "Nothing here." in page
    source = meeting.citations.get().article
    source.batch = Batch.objects.create(name="Mine")
    source.save()
    page = editor_client.get(reverse("engagements:review"), {"batch": source.batch_id})
    assert f'id="engagement-{meeting.pk}"' in page.content.decode()


def test_review_actions_never_redirect_off_site(editor_client, meeting):
    url = reverse("engagements:fact_review", args=["engagement", meeting.pk])
    for target in ["https://evil.example/", "//evil.example/"]:
        response = editor_client.post(url, {"review": "verified", "next": target})
        assert response["Location"] == meeting.get_absolute_url()
