"""Create a key for the read-only JSON API and print it (it is shown only this once)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from people.models import ApiToken


class Command(BaseCommand):
    help = (
        "Create an API token for USERNAME and print its key. Send it as "
        "'Authorization: Token <key>'; it has that user's permissions."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="a label for the token, e.g. 'notebook'")

    def handle(self, *args, username: str, name: str = "", **options) -> None:
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist as exc:
            raise CommandError(f"No user named {username!r}.") from exc
        if not user.is_active:
            raise CommandError(f"User {username!r} is inactive; an API token would not work.")
        _, raw_key = ApiToken.issue(user, name=name)
        self.stdout.write(raw_key)
        if options.get("verbosity", 1) > 1:
            self.stderr.write(f"Token {name or '(unnamed)'} for {username}; it is not shown again.")
