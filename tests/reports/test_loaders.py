"""Reading report inputs: every format, the limits, and one error per bad input."""

from __future__ import annotations

import contextlib
import io
import json
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reports.loaders import (
    LoadError,
    ReportInput,
    parse_date,
    read_inputs,
    read_upload,
    read_url,
    report_files,
)

DATA = Path(__file__).resolve().parent / "data"


def reports_of(results: list[ReportInput | LoadError]) -> list[ReportInput]:
    return [r for r in results if isinstance(r, ReportInput)]


def errors_of(results: list[ReportInput | LoadError]) -> list[str]:
    return [str(r) for r in results if isinstance(r, LoadError)]


def make_zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)  # written as given: zipfile would clean "../" away
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


# --------------------------------------------------------------------------- text, folders


def test_a_text_report_with_sidecar_loads_with_its_metadata(tmp_path):
    (tmp_path / "r.txt").write_text("Blinken met Ebrard in Mexico City.", encoding="utf-8")
    (tmp_path / "r.meta.json").write_text(
        json.dumps(
            {
                "title": "Dialogue",
                "source": "Example Wire",
                "published": "2021-10-08T09:00:00Z",
                "url": "https://wire.example.org/a",
            }
        )
    )
    [report] = read_inputs([tmp_path / "r.txt"])
    assert report == ReportInput(
        text="Blinken met Ebrard in Mexico City.",
        name="r.txt",
        title="Dialogue",
        url="https://wire.example.org/a",
        source="Example Wire",
        published=date(2021, 10, 8),
    )


def test_a_folder_gives_every_supported_file_but_not_sidecars_dotfiles_or_unknown_types(
    tmp_path,
):
    for name in ["b.txt", "b.meta.json", "a.jsonl", "c.csv", "d.html", ".hidden.txt", "e.pdf"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.zip").write_bytes(b"x")
    names = [p.relative_to(tmp_path).as_posix() for p in report_files([tmp_path])]
    assert names == ["a.jsonl", "b.txt", "c.csv", "d.html", "sub/f.zip"]


def test_a_bad_input_fails_alone_and_the_rest_of_the_batch_loads(tmp_path):
    (tmp_path / "good.txt").write_text("Wang Yi called Lavrov.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    results = read_inputs(
        [tmp_path / "good.txt", tmp_path / "notes.docx", tmp_path / "gone.csv", tmp_path]
    )
    assert [r.text for r in reports_of(results)] == ["Wang Yi called Lavrov."] * 2
    errors = errors_of(results)
    assert errors[0].startswith("notes.docx: unsupported file type .docx; expected one of ")
    assert ".csv" in errors[0] and ".zip" in errors[0]
    assert errors[1] == f"{tmp_path / 'gone.csv'}: no such file or folder"
    assert errors[2] == "empty.jsonl: the file is empty"
    assert len(errors) == 3


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, settings):
    settings.LOADER_MAX_FILE_BYTES = 1000
    (tmp_path / "big.txt").write_text("x" * 1001, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Kerry visited Beijing.", encoding="utf-8")
    results = read_inputs([tmp_path / "big.txt", tmp_path / "small.txt"])
    assert errors_of(results) == ["big.txt: the file is 1001 bytes, over the 1000 bytes limit"]
    assert [r.text for r in reports_of(results)] == ["Kerry visited Beijing."]


def test_a_lone_sidecar_is_not_a_report(tmp_path):
    (tmp_path / "r.txt").write_text("text", encoding="utf-8")
    (tmp_path / "r.meta.json").write_text("{}")
    (tmp_path / "orphan.meta.json").write_text("{}")
    results = read_inputs([tmp_path / "r.meta.json", tmp_path / "orphan.meta.json"])
    assert errors_of(results) == [
        "orphan.meta.json: metadata sidecar without its report orphan.txt"
    ]
    assert reports_of(results) == []


# --------------------------------------------------------------------------- dates


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


# --------------------------------------------------------------------------- HTML


def test_an_html_page_gives_the_article_body_without_navigation_or_footer():
    [report] = read_inputs([DATA / "article.html"])
    assert report.title == "Blinken and Ebrard hold security dialogue in Mexico City"
    assert report.published == date(2021, 10, 8)
    assert report.source == "Example Wire"
    assert report.url == "https://wire.example.org/2021/10/08/security-dialogue"
    assert "met Mexican Foreign Secretary Marcelo Ebrard" in report.text
    assert "Andrés Manuel López Obrador" in report.text
    for clutter in ["Subscribe", "Privacy policy", "Copyright", "cookies", "Ten recipes"]:
        assert clutter not in report.text


def test_an_html_page_without_text_is_an_error(tmp_path):
    (tmp_path / "blank.htm").write_text(
        "<html><head><title>Loading</title></head><body><script>x()</script></body></html>"
    )
    assert errors_of(read_inputs([tmp_path / "blank.htm"])) == [
        "blank.htm: no article text found in the page"
    ]


# --------------------------------------------------------------------------- JSON and JSONL


def test_jsonl_loads_each_line_and_a_malformed_line_names_its_number(tmp_path):
    lines = [
        json.dumps(
            {
                "text": "Blinken met Ebrard.",
                "title": "Dialogue",
                "url": "https://wire.example.org/a",
                "published": "2021-10-08",
                "source": "Example Wire",
            }
        ),
        "",
        '{"text": "broken", "title": }',
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "Lavrov called Wang Yi.", "published": "the other day"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Albares visited Rabat.", "published": "2022-04-07T10:00:00Z"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read_inputs([tmp_path / "batch.jsonl"])
    assert reports_of(results) == [
        ReportInput(
            text="Blinken met Ebrard.",
            name="batch.jsonl#1",
            title="Dialogue",
            url="https://wire.example.org/a",
            source="Example Wire",
            published=date(2021, 10, 8),
        ),
        ReportInput(
            text="Albares visited Rabat.", name="batch.jsonl#7", published=date(2022, 4, 7)
        ),
    ]
    errors = errors_of(results)
    assert errors[0].startswith("batch.jsonl, line 3: malformed JSON at column 29: Expecting value")
    assert errors[1] == "batch.jsonl, line 4: no text (the 'text' field is missing or empty)"
    assert errors[2].startswith("batch.jsonl, line 5: bad publication date 'the other day'")
    assert errors[3] == "batch.jsonl, line 6: expected a JSON object, found a list"
    assert len(errors) == 4


@pytest.mark.parametrize(
    "document",
    [
        {"text": "One report.", "title": "T"},
        [{"text": "One report.", "title": "T"}],
        {"reports": [{"text": "One report.", "title": "T"}]},
    ],
)
def test_json_takes_an_object_a_list_or_a_reports_key(tmp_path, document):
    (tmp_path / "r.json").write_text(json.dumps(document), encoding="utf-8")
    [report] = read_inputs([tmp_path / "r.json"])
    assert (report.text, report.title) == ("One report.", "T")


def test_json_with_utf16_bom_loads_and_bad_records_fail_alone(tmp_path):
    records = [
        {"text": "Le Drian reçut Albares.", "source": "Le Monde", "published": "2021-10-06"},
        {"text": "x", "url": "javascript:alert(1)"},
        {"text": 42},
    ]
    (tmp_path / "r.json").write_bytes(json.dumps(records, ensure_ascii=False).encode("utf-16"))
    results = read_inputs([tmp_path / "r.json"])
    assert [(r.text, r.source, r.published) for r in reports_of(results)] == [
        ("Le Drian reçut Albares.", "Le Monde", date(2021, 10, 6))
    ]
    assert errors_of(results) == [
        "r.json, record 2: url 'javascript:alert(1)' is not an http(s) address",
        "r.json, record 3: field 'text' should be text, not a number",
    ]


def test_malformed_json_names_the_line(tmp_path):
    (tmp_path / "r.json").write_text('[\n  {"text": "a"},\n  {"text": }\n]')
    [error] = read_inputs([tmp_path / "r.json"])
    assert str(error).startswith("r.json: malformed JSON at line 3, column 12")


# --------------------------------------------------------------------------- CSV


def test_csv_loads_each_row_and_errors_name_the_line(tmp_path):
    (tmp_path / "r.csv").write_text(
        "Title,Text,Published,Source,URL,notes\n"
        'Dialogue,"Blinken met Ebrard.\nThey agreed a framework.",2021-10-08,Wire,,x\n'
        "No text,,2021-10-09,Wire,,\n"
        "\n"
        "Bad date,Wang Yi called Lavrov.,09/10/21,Wire,,\n"
        "Too many,a,2021-10-09,Wire,,,extra\n"
        'Call,Lavrov called Wang Yi.,"Oct 5, 2021",Wire,https://wire.example.org/c,\n',
        encoding="utf-8",
    )
    results = read_inputs([tmp_path / "r.csv"])
    assert reports_of(results) == [
        ReportInput(
            text="Blinken met Ebrard.\nThey agreed a framework.",
            name="r.csv#2",
            title="Dialogue",
            source="Wire",
            published=date(2021, 10, 8),
        ),
        ReportInput(
            text="Lavrov called Wang Yi.",
            name="r.csv#8",
            title="Call",
            url="https://wire.example.org/c",
            source="Wire",
            published=date(2021, 10, 5),
        ),
    ]
    errors = errors_of(results)
    assert errors[0] == "r.csv, line 4: no text (the 'text' field is missing or empty)"
    assert errors[1].startswith("r.csv, line 6: bad publication date '09/10/21'")
    assert errors[2] == "r.csv, line 7: 7 fields, but the header names 6"
    assert len(errors) == 3


def test_csv_in_utf16_with_semicolons_loads(tmp_path):
    content = "text;title;published\nLe Drian reçut Albares.;Visite;2021-10-06\n"
    (tmp_path / "r.csv").write_bytes(content.encode("utf-16"))
    [report] = read_inputs([tmp_path / "r.csv"])
    assert (report.text, report.title, report.published) == (
        "Le Drian reçut Albares.",
        "Visite",
        date(2021, 10, 6),
    )


def test_csv_without_a_text_column_says_what_it_found(tmp_path):
    (tmp_path / "r.csv").write_text("headline,body\nA,B\n", encoding="utf-8")
    [error] = read_inputs([tmp_path / "r.csv"])
    assert "r.csv: the first row must name the columns, with a 'text' column" in str(error)
    assert str(error).endswith("found: headline, body")


def test_a_broken_csv_quote_names_the_line_and_keeps_earlier_rows(tmp_path):
    (tmp_path / "r.csv").write_text(
        'text,title\nHe said "yes" twice,a\n"Broken" quote,b\nlater,c\n', encoding="utf-8"
    )
    results = read_inputs([tmp_path / "r.csv"])
    assert [r.text for r in reports_of(results)] == ['He said "yes" twice']
    assert errors_of(results) == [
        "r.csv, line 3: malformed CSV (',' expected after '\"'); "
        "this row and the rows after it were not read"
    ]


# --------------------------------------------------------------------------- feeds


def test_an_rss_file_gives_one_report_per_entry_with_dates():
    results = read_inputs([DATA / "feed.rss"])
    assert errors_of(results) == []
    first, second, third = reports_of(results)
    assert first.title == "Le Drian receives Albares in Paris"
    assert first.url == first.name == "https://dispatch.example.org/2021/10/06/le-drian-albares"
    assert first.source == "Diplomatic Dispatch"
    assert first.published == date(2021, 10, 6)
    assert first.text == (
        "French Foreign Minister Jean-Yves Le Drian received his Spanish counterpart José "
        "Manuel Albares in Paris on Wednesday.\nThey discussed migration & energy."
    )
    # The date as written in the feed's own time zone, not shifted to UTC.
    assert second.published == date(2021, 10, 5)
    assert second.text.startswith("Chinese Foreign Minister Wang Yi spoke by phone")
    assert "<p>" not in second.text
    assert third.published is None


def test_an_atom_xml_file_is_read_as_a_feed_and_other_xml_is_refused(tmp_path):
    (tmp_path / "news.xml").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<entry><title>Call</title><link href='https://wire.example.org/call'/>"
        "<published>2021-10-06T12:00:00Z</published>"
        "<content type='html'>&lt;p&gt;Blinken called Kuleba.&lt;/p&gt;</content></entry>"
        "<entry><title>Empty</title></entry></feed>",
        encoding="utf-8",
    )
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'
    )
    results = read_inputs([tmp_path / "news.xml", tmp_path / "sitemap.xml"])
    assert [(r.title, r.text, r.published, r.source) for r in reports_of(results)] == [
        ("Call", "Blinken called Kuleba.", date(2021, 10, 6), "Wire")
    ]
    errors = errors_of(results)
    assert errors[0] == "news.xml, entry 2: the entry has no content or summary"
    assert errors[1].startswith("sitemap.xml: not an RSS or Atom feed")


def test_a_feed_file_naming_another_file_does_not_open_it(tmp_path):
    (tmp_path / "trap.rss").write_text(str(DATA / "feed.rss"), encoding="utf-8")
    results = read_inputs([tmp_path / "trap.rss"])
    assert reports_of(results) == []
    assert errors_of(results)[0].startswith("trap.rss: not an RSS or Atom feed")


# --------------------------------------------------------------------------- zip archives


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


# --------------------------------------------------------------------------- uploads


def test_an_upload_is_read_by_its_extension_and_stripped_of_folders():
    data = json.dumps([{"text": "Blinken met Ebrard.", "title": "T"}]).encode()
    [report] = read_upload("C:\\Users\\me\\batch.json", data)
    assert (report.name, report.title) == ("batch.json#1", "T")
    [error] = read_upload("r.meta.json", b"{}")
    assert "upload both together in a .zip" in str(error)
    [error] = read_upload("a.exe", b"MZ")
    assert str(error).startswith("a.exe: unsupported file type .exe")


def test_an_oversized_upload_is_refused(settings):
    settings.LOADER_MAX_FILE_BYTES = 2048
    [error] = read_upload("big.txt", b"x" * 4096)
    assert str(error) == "big.txt: the file is 4 kB, over the 2 kB limit"


# --------------------------------------------------------------------------- URLs


class Handler(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes, bool]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path.startswith("/redirect?to="):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/redirect?to="))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, content_type, body, with_length = self.pages.get(
            self.path, (404, "text/html", b"<html><body>Not here</body></html>", True)
        )
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if with_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch, settings) -> Iterator[str]:
    # The server is on loopback, which downloads refuse unless an admin allows the host.
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    article = (DATA / "article.html").read_bytes()
    Handler.pages = {
        "/article": (200, "text/html; charset=utf-8", article, True),
        "/feed": (200, "application/rss+xml", (DATA / "feed.rss").read_bytes(), True),
        "/feed-as-html": (200, "text/html", (DATA / "feed.rss").read_bytes(), True),
        "/huge": (200, "text/html", article + b" " * 20_000, True),
        "/huge-unannounced": (200, "text/html", article + b" " * 20_000, False),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.4", True),
        "/slow": (200, "text/html", article, True),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_list_gives_reports_and_one_error_per_failed_url(tmp_path, server, settings):
    settings.LOADER_MAX_URL_BYTES = 15_000
    (tmp_path / "links.urls").write_text(
        f"# this week's reading\n{server}/article\n\n{server}/missing\n{server}/huge\n"
        f"{server}/huge-unannounced\n{server}/report.pdf\nftp://example.org/x\n{server}/feed\n",
        encoding="utf-8",
    )
    results = read_inputs([tmp_path / "links.urls"])
    reports = reports_of(results)
    assert reports[0].title == "Blinken and Ebrard hold security dialogue in Mexico City"
    assert reports[0].url == f"{server}/article"
    assert reports[0].published == date(2021, 10, 8)
    assert "Subscribe" not in reports[0].text
    assert [r.title for r in reports[1:]] == [
        "Le Drian receives Albares in Paris",
        "Wang Yi calls Lavrov",
        "Undated note",
    ]
    assert errors_of(results) == [
        f"{server}/missing: HTTP 404 Not Found",
        f"{server}/huge: too large (21.5 kB, over the 14.6 kB limit)",
        f"{server}/huge-unannounced: too large (over the 14.6 kB limit)",
        f"{server}/report.pdf: not an HTML page or a feed (content type application/pdf)",
        "links.urls, line 8: 'ftp://example.org/x' is not an http(s) URL",
    ]


def test_a_txt_of_urls_is_read_as_a_url_list(tmp_path, server):
    (tmp_path / "reading.txt").write_text(f"{server}/article\n# done\n", encoding="utf-8")
    [report] = read_inputs([tmp_path / "reading.txt"])
    assert report.title == "Blinken and Ebrard hold security dialogue in Mexico City"


def test_urls_given_directly_are_downloaded(server):
    results = read_inputs([f"{server}/feed", Path(f"{server}/article")])
    assert len(reports_of(results)) == 4
    assert reports_of(results)[-1].url == f"{server}/article"
    feed = read_url(f"{server}/feed-as-html")  # sniffed as a feed despite its content type
    assert [r.source for r in reports_of(feed)] == ["Diplomatic Dispatch"] * 3


def test_a_slow_server_times_out(server, settings):
    settings.FETCH_TIMEOUT = 0.3
    assert errors_of(read_url(f"{server}/slow")) == [f"{server}/slow: timed out after 0.3 s"]


def test_only_http_urls_are_fetched():
    assert errors_of(read_url("file:///etc/passwd")) == [
        "file:///etc/passwd: only http:// and https:// addresses can be downloaded"
    ]


def test_redirects_are_followed_to_web_pages_only(server):
    [report] = read_url(f"{server}/redirect?to=/article")
    assert report.title == "Blinken and Ebrard hold security dialogue in Mexico City"
    [error] = read_url(f"{server}/redirect?to=file:///etc/passwd")
    assert str(error).startswith(f"{server}/redirect?to=file:///etc/passwd: HTTP 302")
    assert "not allowed" in str(error), str(error)


def test_json_nested_too_deeply_is_an_error_not_a_crash():
    [error] = read_upload("deep.json", b"[" * 100_000)
    assert str(error) == "deep.json: unreadable JSON (nested too deeply)"
