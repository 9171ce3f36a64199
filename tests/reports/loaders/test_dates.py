"""Publication dates as reports write them."""

from __future__ import annotations

from datetime import date

import pytest

from reports.loaders import LoadError, parse_date


@pytest.mark.parametrize(
    "value",
    [
        "2021-10-06",
        "2021-10-06T12:00:00Z",
        "2021-10-06T23:59:00-05:00",
        "2021-10-06 08:15",
        "Wed, 06 Oct 2021 12:00:00 GMT",
        "06 Oct 2021 23:30:00 -0500",
        "6 October 2021",
        "Wednesday, 6th October 2021",
        "October 6, 2021",
        "Oct. 6, 2021",
        "2021/10/06",
    ],
)
def test_common_ways_of_writing_a_publication_date_are_understood(value):
    assert parse_date(value, "r.json") == date(2021, 10, 6)


@pytest.mark.parametrize("value", ["yesterday", "2021-13-45", "06/10/2021", "2021"])
def test_an_unparseable_date_names_the_value(value):
    with pytest.raises(LoadError, match=f"r.json: bad publication date '{value}'"):
        parse_date(value, "r.json")
