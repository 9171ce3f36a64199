from django.db import migrations

from people.countries import load_countries


def forwards(apps, schema_editor):
    load_countries(apps)


def backwards(apps, schema_editor):
    apps.get_model("people", "Country").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
