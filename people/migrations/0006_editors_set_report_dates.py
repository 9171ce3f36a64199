"""Editors may set a report's publication date (reports.change_article): groups refreshed."""

from django.db import migrations

from people.roles import create_role_groups


def forwards(apps, schema_editor):
    create_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_history"),
        ("reports", "0007_article_claimed_at"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
