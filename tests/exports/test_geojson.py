import json

from engagements import exports
from engagements.models import Engagement, Stop, Trip


def check_feature_collection(collection: dict) -> None:
    """The GeoJSON (RFC 7946) structure of a FeatureCollection of Points."""
    assert collection["type"] == "FeatureCollection"
    assert isinstance(collection["features"], list)
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def features(response) -> list[dict]:
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    check_feature_collection(collection)
    return collection["features"]


def test_engagements_with_coordinates_are_points_in_lon_lat_order(world):
    found = {
        f["properties"]["id"]: f for f in features(exports.export_geojson(Engagement.objects.all()))
    }
    # the call has no place and the undated talks a place without coordinates: left out
    assert set(found) == {world.meeting.pk, world.summit.pk}
    meeting = found[world.meeting.pk]
    assert meeting["id"] == f"engagement-{world.meeting.pk}"
    assert meeting["geometry"]["coordinates"] == [2.3522, 48.8566]  # Paris: lon, lat
    props = meeting["properties"]
    assert props["kind"] == "meeting" and props["status"] == "held"
    assert (props["start"], props["end"], props["precision"]) == ("2021-10-05", "2021-10-05", "day")
    assert props["participants"] == ["Antony Blinken", "Emmanuel Macron"]
    assert props["place"] == "Paris" and props["country"] == "FR"
    summit = found[world.summit.pk]["properties"]
    assert summit["title"] == "NATO Madrid Summit" and summit["precision"] == "month"


def test_a_trip_is_mapped_as_its_visible_stops(world):
    found = features(exports.export_geojson(Trip.objects.filter(pk=world.trip.pk)))
    assert [f["properties"]["place"] for f in found] == ["Paris", "Mexico City"]
    mexico = found[1]
    assert mexico["geometry"]["coordinates"] == [-99.1332, 19.4326]
    assert mexico["properties"]["participants"] == ["Antony Blinken"]
    assert mexico["properties"]["order"] == 2 and mexico["properties"]["end"] is None


def test_stops_and_engagements_mix_and_rejected_ones_are_left_out(world):
    items = [*Stop.objects.all(), world.rejected_meeting, world.meeting]
    found = features(exports.export_geojson(items, filename="map.geojson"))
    kinds = sorted((f["properties"]["fact"], f["properties"]["id"]) for f in found)
    stops = sorted(
        s.pk for s in Stop.objects.exclude(review="rejected").exclude(place__latitude=None)
    )
    assert kinds == sorted([("engagement", world.meeting.pk)] + [("stop", pk) for pk in stops])
    assert world.rejected_stop.pk not in stops


def test_rejected_trips_are_not_mapped(world):
    assert features(exports.export_geojson(Trip.objects.filter(pk=world.rejected_trip.pk))) == []
