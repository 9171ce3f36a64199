from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from reports.models import Article, Batch

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


@pytest.mark.django_db
def test_ingesting_the_samples_twice_stores_them_once(capsys):
    call_command("ingest", str(SAMPLES))
    assert Article.objects.count() == 3
    first = Article.objects.order_by("pk").first()
    assert first.published == date(2021, 10, 6)
    assert first.source == "Voice of America"
    assert first.status == Article.Status.QUEUED

    call_command("ingest", str(SAMPLES))
    assert Article.objects.count() == 3
    assert Batch.objects.count() == 1
    assert "Nothing new" in capsys.readouterr().out


@pytest.mark.django_db
def test_an_unreadable_file_fails_alone_and_the_rest_of_the_batch_goes_on(tmp_path, capsys):
    (tmp_path / "a_good.txt").write_text("Macron received Blinken in Paris.", encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "d_good.txt").write_text("Ebrard met Blinken in Mexico City.", encoding="utf-8")
    call_command("ingest", str(tmp_path), "--published", "2021-10-06")

    assert sorted(Article.objects.values_list("text", flat=True)) == [
        "Ebrard met Blinken in Mexico City.",
        "Macron received Blinken in Paris.",
    ]
    assert set(Article.objects.values_list("published", flat=True)) == {date(2021, 10, 6)}
    batch = Batch.objects.get()
    assert [e["error"] for e in batch.errors] == [
        "b_empty.txt: the file is empty",
        "c_binary.txt: looks like a binary file, not text",
    ]
    err = capsys.readouterr().err
    assert "b_empty.txt: the file is empty" in err


@pytest.mark.django_db
def test_a_bad_date_is_a_clear_command_error():
    with pytest.raises(CommandError, match="bad date '2021-13-45'"):
        call_command("ingest", str(SAMPLES), "--published", "2021-13-45")
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_the_content_hash_is_unique_in_the_database():
    Article.objects.create(text="Same text.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(text="Same text.")


@pytest.mark.django_db
def test_a_sample_report_whose_sidecar_has_no_title_shows_its_opening_words(client, analyst):
    call_command("ingest", str(SAMPLES))
    untitled = Article.objects.get(source="Voice of America")
    assert untitled.title == ""  # its sidecar says null and its first line is a sentence
    assert str(untitled).startswith("After a push to patch U.S.-French relations, U.S.")
    assert str(untitled).endswith("…") and "Article" not in str(untitled)
    titled = Article.objects.get(source="Agence France-Presse")
    assert str(titled) == "US, Mexico in flurry of talks amid migration, drug rows"
    client.force_login(analyst)
    assert "After a push to patch U.S.-French relations" in client.get("/").content.decode()
