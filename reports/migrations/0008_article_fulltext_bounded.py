"""The full-text index over a report's first 300,000 characters only (PostgreSQL).

PostgreSQL refuses a tsvector over 1 MB, so a report of several megabytes could not be
stored at all while the index covered its whole text. Reports that long are not extracted
either (EXTRACTION_MAX_BYTES); search finds them by their title and their beginning.
diplomacy.search.ARTICLE_DOCUMENT is the same expression, so that searches use the index.
"""

from django.db import migrations

INDEX = "reports_article_fulltext_idx"
BOUNDED = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON reports_article USING GIN "
    "(to_tsvector('english', coalesce(title, '') || ' ' || left(text, 300000)))"
)
WHOLE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON reports_article USING GIN "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
)


def bounded(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(BOUNDED)


def whole(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(WHOLE)


class Migration(migrations.Migration):
    dependencies = [("reports", "0007_article_claimed_at")]

    operations = [migrations.RunPython(bounded, whole)]
