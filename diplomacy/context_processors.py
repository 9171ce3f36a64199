"""Template context shared by every page."""

from django.http import HttpRequest

DOWNLOAD_FORMATS = [("csv", "CSV"), ("json", "JSON"), ("geojson", "GeoJSON"), ("ics", "iCalendar")]


REVIEW_ACTIONS = [("verified", "Verify"), ("rejected", "Reject"), ("unreviewed", "Restore")]


def downloads(request: HttpRequest) -> dict:
    """The export formats offered under pages, and the review actions beside facts."""
    return {"formats": DOWNLOAD_FORMATS, "review_actions": REVIEW_ACTIONS}
