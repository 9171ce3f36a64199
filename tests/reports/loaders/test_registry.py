"""load(): files, folders and uploads go to the loader of their kind; a bad one fails alone."""

from __future__ import annotations

import json

from reports.loaders import read_inputs, read_upload, report_files

from .helpers import errors_of, reports_of


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
