"""Small record files of the tests, in the shape of the Office of the Historian's XML."""

from __future__ import annotations

from pathlib import Path

TRAVELS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<trips>
    <trip role="secretary" who="doe-jane-q">
        <id>90001</id>
        <role>secretary</role>
        <name>Jane Quincy Doe</name>
        <start-date>2023-01-09</start-date>
        <end-date>2023-01-10</end-date>
        <country id="israel">Israel</country>
        <locale>Jerusalem</locale>
        <remarks>Met with President Isaac Herzog and Prime Minister Benjamin
            Netanyahu.</remarks>
        <created-by>test</created-by>
        <created-datetime>2023-02-01T10:00:00-04:00</created-datetime>
        <last-modified-by>test</last-modified-by>
        <last-modified-datetime/>
    </trip>
    <trip role="secretary" who="doe-jane-q">
        <id>90002</id>
        <role>secretary</role>
        <name>Jane Quincy Doe</name>
        <start-date>2023-01-11</start-date>
        <end-date>2023-01-11</end-date>
        <country id="holy-see">Vatican City</country>
        <locale/>
        <remarks>Attended a ceremony.</remarks>
        <created-by>test</created-by>
        <created-datetime>2023-02-01T10:00:00-04:00</created-datetime>
        <last-modified-by>test</last-modified-by>
        <last-modified-datetime/>
    </trip>
    <trip role="secretary" who="doe-jane-q">
        <id>90003</id>
        <role>secretary</role>
        <name>Jane Quincy Doe</name>
        <start-date>2023-03-02</start-date>
        <end-date>2023-03-03</end-date>
        <country id="korea-south">Korea, Republic of</country>
        <locale>Seoul (and Osan)</locale>
        <remarks/>
        <created-by>test</created-by>
        <created-datetime>2023-04-01T10:00:00-04:00</created-datetime>
        <last-modified-by>test</last-modified-by>
        <last-modified-datetime/>
    </trip>
</trips>
"""

VISITS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<visits>
    <visit>
        <id>99001</id>
        <start-date>2022-05-10</start-date>
        <end-date>2022-05-11</end-date>
        <visitor>Prime Minister Kyriakos Mitsotakis</visitor>
        <from id="greece">Greece</from>
        <description>Official Working Visit. Addressed a joint meeting of Congress.</description>
        <created-by>test</created-by>
        <created-datetime>2022-06-03T09:30:59-04:00</created-datetime>
        <last-modified-by>test</last-modified-by>
        <last-modified-datetime/>
    </visit>
</visits>
"""


def write_sample(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
