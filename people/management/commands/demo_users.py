"""Create (or reset) one demo user per role and print their passwords."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

ROLES = [
    # user name, group, staff (may open the Django admin), superuser
    ("analyst", "analyst", False, False),
    ("editor", "editor", True, False),
    ("admin", "admin", True, True),
]


class Command(BaseCommand):
    help = "Create or reset the demo users analyst, editor and admin, printing new passwords."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--password",
            help="use this password for all three users instead of random ones",
        )

    @transaction.atomic
    def handle(self, *args, password: str | None = None, **options) -> None:
        User = get_user_model()
        lines = []
        for username, group_name, staff, superuser in ROLES:
            user, _ = User.objects.get_or_create(username=username)
            secret = password or secrets.token_urlsafe(9)
            user.set_password(secret)
            user.is_staff = staff
            user.is_superuser = superuser
            user.save()
            user.groups.set([Group.objects.get(name=group_name)])
            lines.append(f"  {username:<8} {secret}   ({group_name})")
        self.stdout.write("Demo users (user name, password, role):")
        self.stdout.write("\n".join(lines))
