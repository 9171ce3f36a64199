"""Articles' full-text documents in a table of their own, kept by a trigger (PostgreSQL only).

Migration 0003 indexed an expression of the article row, to_tsvector(title || text). Every
update of an article, its status or its extraction, then computed that expression again
and re-indexed some 3 KB of text, about half a millisecond per article merged. Here each
article's document is kept in reports_articlesearch (GIN-indexed), written when an
article is inserted or its title or text change, and nothing else. diplomacy.search
queries it. Other databases search with a plain substring match and get nothing here.
"""

from django.db import migrations

DOCUMENT = "to_tsvector('english', coalesce({row}.title, '') || ' ' || {row}.text)"

FORWARD = [
    "CREATE TABLE reports_articlesearch ("
    " article_id bigint PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE FUNCTION reports_articlesearch_write() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP = 'DELETE' THEN "
    "DELETE FROM reports_articlesearch WHERE article_id = OLD.id; "
    "ELSE "
    "INSERT INTO reports_articlesearch (article_id, document) "
    f"VALUES (NEW.id, {DOCUMENT.format(row='NEW')}) "
    "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document; "
    "END IF; "
    "RETURN NULL; "
    "END $$",
    "CREATE FUNCTION reports_articlesearch_clear() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN TRUNCATE reports_articlesearch; RETURN NULL; END $$",
    "CREATE TRIGGER reports_articlesearch_write "
    "AFTER INSERT OR DELETE OR UPDATE OF title, text ON reports_article "
    "FOR EACH ROW EXECUTE FUNCTION reports_articlesearch_write()",
    "CREATE TRIGGER reports_articlesearch_clear AFTER TRUNCATE ON reports_article "
    "FOR EACH STATEMENT EXECUTE FUNCTION reports_articlesearch_clear()",
    "INSERT INTO reports_articlesearch (article_id, document) "
    f"SELECT a.id, {DOCUMENT.format(row='a')} FROM reports_article a",
    "CREATE INDEX reports_articlesearch_document_idx ON reports_articlesearch USING GIN (document)",
    "DROP INDEX IF EXISTS reports_article_fulltext_idx",
]

BACKWARD = [
    "CREATE INDEX IF NOT EXISTS reports_article_fulltext_idx ON reports_article USING GIN "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text))",
    "DROP TRIGGER IF EXISTS reports_articlesearch_clear ON reports_article",
    "DROP TRIGGER IF EXISTS reports_articlesearch_write ON reports_article",
    "DROP FUNCTION IF EXISTS reports_articlesearch_clear()",
    "DROP FUNCTION IF EXISTS reports_articlesearch_write()",
    "DROP TABLE IF EXISTS reports_articlesearch",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("reports", "0006_article_queued_at")]

    operations = [migrations.RunPython(forward, backward)]
