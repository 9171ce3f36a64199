"""Full-text index for global search on PostgreSQL (nothing on other databases)."""

from django.db import migrations

INDEX = "reports_article_fulltext_idx"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON reports_article USING GIN "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_article_extraction")]

    operations = [migrations.RunPython(create, drop)]
