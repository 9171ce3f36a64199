"""`manage.py reextract (--all | --batch N | --article N)`: run the current extractor again."""

from django.core.management.base import BaseCommand, CommandError

from reports import embedded
from reports.models import Article
from reports.services import articles_reextract


class Command(BaseCommand):
    help = (
        "Queue articles for extraction again with the current extractor. Facts an editor "
        "changed keep their corrections; facts no report supports any more are dropped."
    )

    def add_arguments(self, parser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every article")
        which.add_argument("--batch", type=int, nargs="+", help="the articles of these batches")
        which.add_argument("--article", type=int, nargs="+", help="these articles")
        parser.add_argument("--failed", action="store_true", help="only articles that failed")

    def handle(self, *args, **options) -> None:
        articles = Article.objects.all()
        if options["batch"]:
            articles = articles.filter(batch_id__in=options["batch"])
        elif options["article"]:
            articles = articles.filter(pk__in=options["article"])
            missing = set(options["article"]) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        if options["failed"]:
            articles = articles.filter(status=Article.Status.FAILED)
        with embedded.foreground():
            count = articles_reextract(articles)
        self.stdout.write(f"Queued {count} article(s) for extraction.")
        if embedded.active():  # no broker: extract them here, before the command ends
            embedded.drain()
            self.stdout.write("Extracted.")
