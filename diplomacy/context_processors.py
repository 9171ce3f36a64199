"""Template context shared by every page."""

from django.http import HttpRequest

DOWNLOAD_FORMATS = [("csv", "CSV"), ("json", "JSON"), ("geojson", "GeoJSON"), ("ics", "iCalendar")]


def downloads(request: HttpRequest) -> dict:
    """The export formats offered under list and detail pages."""
    return {"formats": DOWNLOAD_FORMATS}
