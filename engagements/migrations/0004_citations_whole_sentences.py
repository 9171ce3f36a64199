"""Stored quotes cut short (at "U.S." or an initial) become whole sentences; what they quoted
before is kept as the span of supporting words inside the new quote."""

from django.db import migrations

from diplomacy.text import sentence_around

BATCH = 1000


def widen(apps, schema_editor):
    Citation = apps.get_model("engagements", "Citation")
    Article = apps.get_model("reports", "Article")
    changed = []
    article_id, text = None, ""
    for citation in (
        Citation.objects.filter(span_start__isnull=True).order_by("article_id", "pk").iterator()
    ):
        if citation.article_id != article_id:
            article_id = citation.article_id
            text = Article.objects.filter(pk=article_id).values_list("text", flat=True).first()
        if not text or citation.end > len(text):
            continue
        start, end = sentence_around(text, citation.start, citation.end)
        citation.span_start, citation.span_end = citation.start, citation.end
        citation.start, citation.end, citation.quote = start, end, text[start:end]
        changed.append(citation)
        if len(changed) >= BATCH:
            Citation.objects.bulk_update(changed, ["start", "end", "quote", "span_start", "span_end"])
            changed = []
    Citation.objects.bulk_update(changed, ["start", "end", "quote", "span_start", "span_end"])


class Migration(migrations.Migration):
    dependencies = [
        ("engagements", "0003_citation_span"),
        ("reports", "0007_article_claimed_at"),
    ]

    operations = [migrations.RunPython(widen, migrations.RunPython.noop)]
