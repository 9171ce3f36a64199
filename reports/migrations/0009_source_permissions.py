"""The role groups get the permissions of the new Source model (view for all, all for admins)."""

from django.db import migrations


def refresh_roles(apps, schema_editor):
    from people.roles import create_role_groups

    create_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [("reports", "0008_source"), ("people", "0003_role_groups")]

    operations = [migrations.RunPython(refresh_roles, migrations.RunPython.noop)]
