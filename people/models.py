"""Countries, organizations, officials, their aliases and the posts they hold."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from diplomacy.models import Fact, fact_constraints
from diplomacy.text import normalize_name


class Country(models.Model):
    """A country by ISO 3166-1 (loaded from pycountry by a data migration)."""

    code = models.CharField("ISO alpha-2", max_length=2, unique=True)
    alpha3 = models.CharField("ISO alpha-3", max_length=3, unique=True)
    name = models.CharField(max_length=120)
    official_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z]{2}$"), name="country_code_upper_alpha2"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Organization(models.Model):
    """An international organization an official can serve (UN, NATO, OECD...)."""

    name = models.CharField(max_length=200, unique=True)
    acronym = models.CharField(max_length=30, blank=True, db_index=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Official(Fact):
    """A person who acts for a government or organization."""

    name = models.CharField(max_length=200)
    # Lower-cased, diacritics and punctuation removed: what name lookups match on.
    normalized_name = models.CharField(max_length=200, db_index=True, editable=False)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="officials"
    )
    # After an editor merges two records of one person, the other points here.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            *fact_constraints("official"),
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("pk")), name="official_not_merged_self"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:official", args=[self.pk])

    def current_post(self) -> Post | None:
        """The most recent post held (open-ended first), or None."""
        posts = sorted(
            self.posts.all(),
            key=lambda p: (p.end is None, p.start or p.end or date.min),
            reverse=True,
        )
        return posts[0] if posts else None


class OfficialAlias(models.Model):
    """Another form of an official's name ("Blinken", "Antony J. Blinken")."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "official aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["official", "normalized"], name="official_alias_unique_per_official"
            )
        ]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_name(self.alias)
        super().save(*args, **kwargs)


class Post(models.Model):
    """An office held: a title for a country or an organization, with dates when known."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="posts")
    title = models.CharField(max_length=200)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    edited_fields = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["official", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(start__lte=models.F("end")),
                name="post_start_before_end",
            ),
            models.UniqueConstraint(
                "official",
                Lower("title"),
                "country",
                name="post_unique_title_per_official",
            ),
        ]

    def __str__(self) -> str:
        where = self.organization or (self.country.name if self.country else "")
        return f"{self.title}, {where}" if where else self.title


class ApiToken(models.Model):
    """A key for the read-only JSON API, sent as `Authorization: Token <key>`.

    Only the SHA-256 digest of the key is stored (in `key`), so a leaked database
    does not leak working keys; the key itself is shown once, by
    `manage.py api_token USERNAME`. The token acts as its user, with that user's
    permissions.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True)
    key = models.CharField("key digest (SHA-256)", max_length=64, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(key__regex=r"^[0-9a-f]{64}$"), name="apitoken_key_sha256_hex"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name or 'API token'} ({self.user})"

    @staticmethod
    def digest(raw_key: str) -> str:
        """What `key` stores for a raw key."""
        import hashlib

        return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()

    @classmethod
    def issue(cls, user: models.Model, name: str = "") -> tuple[ApiToken, str]:
        """Create a token for the user; return it and the raw key (not stored anywhere)."""
        import secrets

        raw_key = secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, key=cls.digest(raw_key)), raw_key
