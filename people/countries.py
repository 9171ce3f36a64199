"""ISO 3166-1 countries from pycountry (plus Kosovo's user-assigned XK)."""

from __future__ import annotations

from django.apps.registry import Apps

EXTRA = [("XK", "XKX", "Kosovo", "Republic of Kosovo")]


def load_countries(apps: Apps) -> int:
    """Insert every country not yet in the table; return how many were added."""
    import pycountry

    Country = apps.get_model("people", "Country")
    rows = [
        (
            c.alpha_2,
            c.alpha_3,
            getattr(c, "common_name", None) or c.name,
            getattr(c, "official_name", ""),
        )
        for c in pycountry.countries
    ] + EXTRA
    existing = set(Country.objects.values_list("code", flat=True))
    added = Country.objects.bulk_create(
        Country(code=code, alpha3=alpha3, name=name, official_name=official or "")
        for code, alpha3, name, official in rows
        if code not in existing
    )
    return len(added)
