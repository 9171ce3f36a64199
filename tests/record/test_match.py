"""What entries refer to: the trips they form and the places they name (no database)."""

from __future__ import annotations

from engagements.record import group_trips, parse_travels
from engagements.record.match import entry_place

from .samples import TRAVELS_XML, write_sample


def test_adjacent_entries_form_one_trip(tmp_path):
    entries = parse_travels([write_sample(tmp_path, "doe.xml", TRAVELS_XML)])
    trips = group_trips(entries)
    assert [[e.record_id for e in t] for t in trips] == [
        ["travels:90001", "travels:90002"],
        ["travels:90003"],
    ]


def test_an_entry_is_at_the_first_city_of_its_locale_or_in_its_country(tmp_path):
    jerusalem, vatican, seoul = parse_travels([write_sample(tmp_path, "doe.xml", TRAVELS_XML)])
    place = entry_place(jerusalem)
    assert (place.name, place.country, place.latitude is not None) == ("Jerusalem", "IL", True)
    assert (entry_place(seoul).name, entry_place(seoul).country) == ("Seoul", "KR")
    country = entry_place(vatican)
    assert (country.name, country.country, country.is_country) == ("Vatican City", "VA", True)
