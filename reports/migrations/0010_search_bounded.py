"""Join the two lines of migrations 0007-0009: the search table (0007_article_search_table)
keeps each report's document over its first 300,000 characters only, as the bounded
index of 0008_article_fulltext_bounded did (PostgreSQL refuses a tsvector over 1 MB, so a
report of megabytes could not be stored); that index on the article row goes again, since
the search table replaces it."""

from django.db import migrations

DOCUMENT = "to_tsvector('english', coalesce({row}.title, '') || ' ' || left({row}.text, 300000))"
WHOLE = "to_tsvector('english', coalesce({row}.title, '') || ' ' || {row}.text)"


def _function(document: str) -> str:
    return (
        "CREATE OR REPLACE FUNCTION reports_articlesearch_write() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP = 'DELETE' THEN "
        "DELETE FROM reports_articlesearch WHERE article_id = OLD.id; "
        "ELSE "
        "INSERT INTO reports_articlesearch (article_id, document) "
        f"VALUES (NEW.id, {document.format(row='NEW')}) "
        "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document; "
        "END IF; RETURN NULL; END $$"
    )


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(_function(DOCUMENT))
    schema_editor.execute(
        f"UPDATE reports_articlesearch s SET document = {DOCUMENT.format(row='a')} "
        "FROM reports_article a WHERE a.id = s.article_id AND length(a.text) > 300000"
    )
    schema_editor.execute("DROP INDEX IF EXISTS reports_article_fulltext_idx")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_function(WHOLE))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0008_article_fulltext_bounded"),
        ("reports", "0009_source_permissions"),
    ]

    operations = [migrations.RunPython(forward, backward)]
