"""Template context shared by every page."""

from django.http import HttpRequest

DOWNLOAD_FORMATS = [
    ("csv", "CSV"),
    ("json", "JSON"),
    ("geojson", "GeoJSON"),
    ("ics", "iCalendar"),
    ("cameo", "CAMEO (TSV)"),
]
# Agreements have no places or days of their own: no map, no calendar.
AGREEMENT_DOWNLOADS = [f for f in DOWNLOAD_FORMATS if f[0] in ("csv", "json", "cameo")]


REVIEW_ACTIONS = [("verified", "Verify"), ("rejected", "Reject"), ("unreviewed", "Restore")]


def downloads(request: HttpRequest) -> dict:
    """The export formats offered under pages, and the review actions beside facts."""
    return {
        "formats": DOWNLOAD_FORMATS,
        "agreement_formats": AGREEMENT_DOWNLOADS,
        "review_actions": REVIEW_ACTIONS,
    }
