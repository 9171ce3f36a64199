"""Recompute every stored MinHash signature and its LSH band rows with the new hashing.

reports.similarity.signature() now hashes each shingle with SHAKE-128, so a signature
stored before no longer compares with one computed now. Articles stored without a
signature (official-record entries, texts too short to have one) keep none.

Each chunk commits on its own, so the articles table is never locked as a whole; run
again after a failure, the migration recomputes everything, to the same values.
"""

from django.db import migrations, transaction

from reports.similarity import band_keys, signature

CHUNK = 500


def recompute(apps, schema_editor):
    Article = apps.get_model("reports", "Article")
    ArticleBand = apps.get_model("reports", "ArticleBand")
    db = schema_editor.connection.alias
    after = 0
    while True:
        chunk = list(
            Article.objects.using(db)
            .filter(pk__gt=after)
            .exclude(signature=[])
            .order_by("pk")
            .only("pk", "text")[:CHUNK]
        )
        if not chunk:
            return
        for article in chunk:
            article.signature = signature(article.text)
        with transaction.atomic(using=db):
            Article.objects.using(db).bulk_update(chunk, ["signature"])
            ArticleBand.objects.using(db).filter(article__in=[a.pk for a in chunk]).delete()
            ArticleBand.objects.using(db).bulk_create(
                ArticleBand(article=article, key=key)
                for article in chunk
                for key in band_keys(article.signature)
            )
        after = chunk[-1].pk


class Migration(migrations.Migration):
    atomic = False  # one transaction per chunk (see recompute)

    dependencies = [("reports", "0003_article_fulltext_index")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
