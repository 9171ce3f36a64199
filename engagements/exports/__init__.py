"""Downloads of what a page or an API list shows: CSV, JSON, GeoJSON and iCalendar.

Each `export_*` function takes the facts to export (a queryset, already
filtered by the caller, or any iterable of model instances) and returns an
HttpResponse with the right content type and a Content-Disposition filename.
A queryset gets the relations its rows need loaded in a fixed number of
queries. Rejected facts are dropped wherever they appear.

What each format holds:

- CSV and JSON: one record per fact (trips: one CSV row per stop).
- GeoJSON: a FeatureCollection of Point features, [longitude, latitude], for
  stops (a trip stands for its stops) and engagements whose place has
  coordinates; the rest are left out.
- CAMEO (`?format=cameo`, a .tsv file): event rows in the Phoenix data set's column order,
  one per source/target pair (see engagements.cameo for the columns and rules).
- iCalendar: one all-day VEVENT per stop or engagement with a known date. Day
  precision spans the given days, month precision the whole month(s), year
  precision the whole year(s); DTEND is exclusive (the day after).

One module per format: `tables` (CSV and JSON), `geojson`, `ics`, `phoenix` (CAMEO);
`common` holds what every export does.
"""

from collections.abc import Callable

from django.http import HttpResponse

from .common import file_name
from .geojson import export_geojson
from .ics import all_day_span, export_ics
from .phoenix import export_cameo
from .tables import export_csv, export_json

EXPORTERS: dict[str, Callable[..., HttpResponse]] = {
    "csv": export_csv,
    "json": export_json,
    "geojson": export_geojson,
    "ics": export_ics,
    "cameo": export_cameo,
}

__all__ = [
    "EXPORTERS",
    "all_day_span",
    "export_cameo",
    "export_csv",
    "export_geojson",
    "export_ics",
    "export_json",
    "file_name",
]
