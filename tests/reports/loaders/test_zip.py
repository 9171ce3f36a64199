""".zip archives: every kind inside, read in memory within limits; unsafe members refused."""

from __future__ import annotations

import json
import struct
import time
import zipfile
import zlib
from datetime import date

from reports.loaders import read_inputs, read_upload

from .helpers import DATA, errors_of, make_zip, reports_of


def test_a_zip_loads_every_format_inside_it_with_member_names(tmp_path):
    archive = make_zip(
        {
            "batch/": b"",
            "batch/a.txt": "Blinken met Ebrard.",
            "batch/a.meta.json": json.dumps({"title": "Dialogue", "published": "2021-10-08"}),
            "batch/b.jsonl": '{"text": "Wang Yi called Lavrov."}\n{"text": }\n',
            "page.html": (DATA / "article.html").read_bytes(),
            "feed.rss": (DATA / "feed.rss").read_bytes(),
            "__MACOSX/batch/._a.txt": b"\x00\x05\x16\x07",
            ".DS_Store": b"\x00\x00\x00\x01Bud1",
            "batch/.hidden.txt": "secret",
            "notes.pdf": b"%PDF-1.4",
            "inner.zip": make_zip({"x.txt": "nested"}),
        }
    )
    (tmp_path / "upload.zip").write_bytes(archive)
    results = read_inputs([tmp_path / "upload.zip"])
    reports = reports_of(results)
    assert [(r.name, r.title, r.published) for r in reports[:2]] == [
        ("upload.zip:batch/a.txt", "Dialogue", date(2021, 10, 8)),
        ("upload.zip:batch/b.jsonl#1", "", None),
    ]
    assert len(reports) == 2 + 3 + 1  # txt and jsonl, three feed entries, the page
    assert reports[-1].title == "Blinken and Ebrard hold security dialogue in Mexico City"
    errors = errors_of(results)
    assert errors[0].startswith("upload.zip:batch/b.jsonl, line 2: malformed JSON")
    assert errors[1] == (
        "upload.zip:inner.zip: archives inside archives are not opened; unpack it first"
    )
    assert errors[2].startswith("upload.zip:notes.pdf: unsupported file type .pdf")
    assert len(errors) == 3


def test_zip_members_escaping_the_archive_are_refused_and_never_written(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    archive = make_zip(
        {
            "../evil.txt": "overwrite me",
            "/etc/evil.txt": "absolute",
            "C:\\evil.txt": "drive",
            "ok/../../evil2.txt": "sneaky",
            "good.txt": "Kerry visited Beijing.",
        }
    )
    (work / "a.zip").write_bytes(archive)
    results = read_inputs([work / "a.zip"])
    assert [r.text for r in reports_of(results)] == ["Kerry visited Beijing."]
    assert sorted(errors_of(results)) == [
        "a.zip:../evil.txt: refused, a path leading outside the archive ('..') is not allowed",
        "a.zip:/etc/evil.txt: refused, an absolute path is not allowed in an archive",
        "a.zip:C:\\evil.txt: refused, an absolute path is not allowed in an archive",
        "a.zip:ok/../../evil2.txt: refused, a path leading outside the archive ('..') is "
        "not allowed",
    ]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.zip", "work"]


def test_a_zip_bomb_of_300_mb_of_zeros_is_refused_from_its_headers(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("fine.txt", "Kerry visited Beijing.")
        with archive.open("zeros.txt", "w", force_zip64=True) as member:
            block = bytes(1 << 20)
            for _ in range(300):
                member.write(block)
    assert path.stat().st_size < 1_000_000
    started = time.monotonic()
    [error] = read_inputs([path])
    assert time.monotonic() - started < 2
    assert str(error) == (
        "bomb.zip: expands to 300 MB, over the 200 MB limit per archive; "
        "split it into smaller archives"
    )


def test_a_highly_compressed_member_is_refused_and_the_rest_loads(tmp_path):
    archive = make_zip({"zeros.txt": bytes(5 << 20), "fine.txt": "Kerry visited Beijing."})
    results = read_upload("upload.zip", archive)
    assert [r.text for r in reports_of(results)] == ["Kerry visited Beijing."]
    [error] = errors_of(results)
    assert error.startswith("upload.zip:zeros.txt: compressed ")
    assert error.endswith("refused as a possible zip bomb")


def test_a_member_whose_header_understates_its_size_is_not_read_past_it(tmp_path):
    real = b"Blinken met Ebrard. " * 50_000  # 1 MB
    archive = make_zip({"liar.txt": real, "fine.txt": "Kerry visited Beijing."})
    crc, compressed = zlib.crc32(real), len(zlib.compress(real)) - 6
    header = struct.pack("<III", crc, compressed, len(real))
    assert archive.count(header) == 2  # local header and central directory
    archive = archive.replace(header, struct.pack("<III", crc, compressed, 1000))
    results = read_upload("lies.zip", archive)
    assert [r.text for r in reports_of(results)] == ["Kerry visited Beijing."]
    [error] = errors_of(results)
    assert error.startswith("lies.zip:liar.txt: damaged archive member (Bad CRC-32")


def test_an_archive_expanding_past_the_total_limit_is_refused_whole(settings):
    archive = make_zip({f"{n}.txt": f"report {n} " * 100 for n in range(3)})
    settings.LOADER_MAX_ZIP_TOTAL_BYTES = 2500
    assert errors_of(read_upload("a.zip", archive)) == [
        "a.zip: expands to 2.6 kB, over the 2.4 kB limit per archive; "
        "split it into smaller archives"
    ]


def test_too_many_members_are_refused(settings):
    settings.LOADER_MAX_ZIP_MEMBERS = 10
    archive = make_zip({f"{n}.txt": "x" for n in range(11)})
    assert errors_of(read_upload("many.zip", archive)) == [
        "many.zip: 11 entries, over the limit of 10 per archive; split it into smaller archives"
    ]


def test_a_file_that_is_not_a_zip_is_a_clear_error():
    [error] = read_upload("broken.zip", b"PK\x03\x04 this is not really a zip")
    assert str(error).startswith("broken.zip: not a readable zip archive")
