from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT.parent / "shared" / "data").resolve()
LAWMAKER = SHARED / "lawmaker"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

BILLS = {
    "hl54": "social-housing-regulation-bill/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml",
    "hl60": "social-housing-regulation-bill/2_lords-report_as-amended-on-report_HL-Bill-60.xml",
    "b177": "social-housing-regulation-bill/3_commons_as-brought-from-the-lords_Bill-177.xml",
    "dpdi314": "data-protection-digital-information-bill/commons_as-amended-in-committee_Bill-314.xml",
    "scot": "scottish-bankruptcy-and-diligence-bill/bankruptcy-and-diligence-scotland-bill_stage2.xml",
}
VPA_MD = SHARED / "legislation" / "ukpga-2024-21.md"


def shared_file(relative: str | Path) -> Path:
    """A file from ../shared/data. Missing data fails in CI (CI=true) and skips, with the reason, elsewhere."""
    path = SHARED / relative
    if not path.exists():
        message = f"shared data missing: {path} (the repository expects ../shared beside it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def bill_path(key: str) -> Path:
    return shared_file(Path("lawmaker") / BILLS[key])


@pytest.fixture(scope="session")
def hl54():  # type: ignore[no-untyped-def]
    import lawtrack

    return lawtrack.load_bill(bill_path("hl54"))


@pytest.fixture(scope="session")
def dpdi():  # type: ignore[no-untyped-def]
    import lawtrack

    return lawtrack.load_bill(bill_path("dpdi314"))


@pytest.fixture(scope="session")
def vpa():  # type: ignore[no-untyped-def]
    import lawtrack

    return lawtrack.load_bill(shared_file("legislation/ukpga-2024-21.md"))
