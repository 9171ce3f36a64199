"""Agreements stored before their kind was classified (nearly all "other") get the kind their
name and cited sentences give, unless an editor set it."""

from django.db import migrations

from engagements.agreement_kinds import agreement_kind, more_specific


def reclassify(apps, schema_editor):
    Agreement = apps.get_model("engagements", "Agreement")
    Citation = apps.get_model("engagements", "Citation")
    for agreement in Agreement.objects.all().iterator():
        if "kind" in (agreement.edited_fields or []):
            continue
        quotes = Citation.objects.filter(agreement=agreement).values_list("quote", flat=True)
        kind = agreement_kind(agreement.name, list(quotes))
        if more_specific(kind, agreement.kind):
            Agreement.objects.filter(pk=agreement.pk).update(kind=kind)


class Migration(migrations.Migration):
    dependencies = [("engagements", "0005_agreement_kinds")]

    operations = [migrations.RunPython(reclassify, migrations.RunPython.noop)]
