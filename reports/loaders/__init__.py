"""Read report inputs into plain records; every problem is a LoadError with a clear message.

`load(source)` takes a file, a folder or an http(s) URL and yields a `ReportInput` per report
and a `LoadError` per bad input, record, archive member or URL, each prefixed with its name
(`file.jsonl, line 3`, `archive.zip:member.txt`, `https://...`), while the rest goes on.
`load_upload(name, data)` does the same for one uploaded file. The rooms:

- `registry`: `load`, `load_upload`, which loader reads what (by extension, content, URL);
- one module per kind: `text` (`.txt` with a `NAME.meta.json` sidecar), `html_page`,
  `json_records` (`.json`, `.jsonl`), `csv_rows`, `feed` (RSS/Atom), `url_list` (`.urls`),
  `zip_archive`, `web` (a URL: a page or a feed);
- `fetch` (downloads) and `addresses` (which hosts a download may reach);
- `encoding` (how bytes become text), `limits` (every size limit, from settings),
  `dates`, `records` (the fields of a JSON or CSV record), `base` (the two result types).
"""

from .base import Loaded, LoadError, ReportInput
from .dates import parse_date
from .encoding import decode_bytes
from .registry import load, load_upload, read_inputs, read_upload, report_files
from .text import read_text_report
from .web import read_url

__all__ = [
    "LoadError",
    "Loaded",
    "ReportInput",
    "decode_bytes",
    "load",
    "load_upload",
    "parse_date",
    "read_inputs",
    "read_text_report",
    "read_upload",
    "read_url",
    "report_files",
]
