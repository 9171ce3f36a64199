"""Where the Office of the Historian's data lives (beside the project, never copied in)."""

from __future__ import annotations

from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference"
TRAVELS = REFERENCE / "hsg-travels"
VISITS = REFERENCE / "hsg-visits"


@pytest.fixture
def travels() -> Path:
    if not (TRAVELS / "secretary-travels").is_dir():
        pytest.skip(f"the travels record is not at {TRAVELS}")
    return TRAVELS


@pytest.fixture
def blinken_file(travels: Path) -> Path:
    path = travels / "secretary-travels" / "blinken-antony-j.xml"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    return path
