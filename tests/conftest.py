"""Where the tests find real documents.

The documents the demo uses ship with the repository under ``bills/`` (byte-for-byte copies, see
``bills/SOURCES.md``), so every test that needs only those runs on a fresh clone. The larger corpus (DPDI, the
Energy Bill paper, the Keeling pairs, the Bills API samples) is read in place from ``../shared/data``: a test that
needs it fails under ``CI=true`` when it is missing, and is skipped elsewhere — with one line at the end of the
run saying how many were skipped and why, instead of one message per test.
"""

from __future__ import annotations

import functools
import http.server
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

ROOT = Path(__file__).resolve().parent.parent
#: Beside the repository; `make mutation` runs the tests from a copy in ``mutants/``, one level deeper.
_CHECKOUT = ROOT.parent if ROOT.name == "mutants" and (ROOT.parent / "pyproject.toml").exists() else ROOT
SHARED = (_CHECKOUT.parent / "shared" / "data").resolve()
LAWMAKER = SHARED / "lawmaker"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

BILLS = {
    "hl54": "social-housing-regulation-bill/1_lords-committee_as-amended-in-committee_HL-Bill-54.xml",
    "hl60": "social-housing-regulation-bill/2_lords-report_as-amended-on-report_HL-Bill-60.xml",
    "b177": "social-housing-regulation-bill/3_commons_as-brought-from-the-lords_Bill-177.xml",
    "dpdi314": "data-protection-digital-information-bill/commons_as-amended-in-committee_Bill-314.xml",
    "scot": "scottish-bankruptcy-and-diligence-bill/bankruptcy-and-diligence-scotland-bill_stage2.xml",
}
#: Documents that ship with the repository, by file name (``tests/test_sources.py`` checks they are
#: byte-identical to the shared copies and listed in ``bills/SOURCES.md``).
_SHIPPED_FILES = [p for p in sorted((ROOT / "bills").glob("*/*")) if p.suffix in (".xml", ".md")]
#: By folder and name ("housing-act-2004/act.xml"), and by name where the name alone says which document it is.
SHIPPED_AT = {f"{p.parent.name}/{p.name}": p for p in _SHIPPED_FILES}
SHIPPED = {p.name: p for p in _SHIPPED_FILES if p.name not in ("act.xml", "bill.xml")}
VPA_MD = SHIPPED["ukpga-2024-21.md"]
CHROMIUM = Path("/usr/bin/chromium")

SKIP_REASON = "needs the shared corpus at ../shared/data, which is absent"
#: Screenshots and other evidence from browser tests: $LAWTRACK_TEST_ARTIFACTS, else a temporary folder — the
#: test suite writes nothing into the repository.
ARTIFACTS_DIR = Path(os.environ.get("LAWTRACK_TEST_ARTIFACTS")
                     or Path(tempfile.gettempdir()) / "lawtrack-test-artifacts")

# Hypothesis: `make test` runs every property with a fixed seed and no example database, so a run is repeatable and
# what it kills does not depend on a lucky draw; `make test-slow` (HYPOTHESIS_PROFILE=fuzz) draws at random.
# Its other files (the constants it caches) go to a temporary folder, not to .hypothesis/ in the repository.
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "lawtrack-hypothesis"))
settings.register_profile("lawtrack", derandomize=True, database=None, print_blob=True)
settings.register_profile("fuzz", derandomize=False, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "lawtrack"))


def shared_file(relative: str | Path) -> Path:
    """A real document by its path under ``../shared/data``: the repository's shipped copy when there is one,
    else the shared file. Missing shared data fails in CI (CI=true) and skips, counted, elsewhere."""
    rel = Path(relative)
    shipped = SHIPPED_AT.get(f"{rel.parent.name}/{rel.name}") or SHIPPED.get(rel.name)
    if shipped is not None and rel.name != "README.md":
        return shipped
    path = SHARED / relative
    if not path.exists():
        if IN_CI:
            pytest.fail(f"shared data missing under CI: {path} (the repository expects ../shared beside it)")
        pytest.skip(SKIP_REASON)
    return path


def bill_path(key: str) -> Path:
    return shared_file(Path("lawmaker") / BILLS[key])


@pytest.hookimpl(tryfirst=True)
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Let each run of pytest make a parametrized test's ids afresh from the ids the test gives.

    pytest keeps the ids it made on the ``parametrize`` mark and, run again in the same process, escapes them once
    more ("“may”" is ``\\u201cmay\\u201d`` the first time and ``\\\\u201cmay…`` the second). ``make mutation``
    runs pytest several times in one process (mutmut), and then no longer finds the tests it recorded. Only ids
    given as a list or tuple are made afresh; ids from an iterator can be read only once, so pytest's copy stays.
    """
    for marker in metafunc.definition.iter_markers(name="parametrize"):
        source = getattr(marker, "_param_ids_from", None)
        if source is not None and isinstance(source.kwargs.get("ids"), (list, tuple)):
            object.__setattr__(source, "_param_ids_generated", None)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if SKIP_REASON in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} test(s) skipped because the shared corpus at ../shared/data is absent beside this "
            "clone (CI=true makes them fail); everything that runs on the documents shipped under bills/ ran.",
            yellow=True)


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

    return lawtrack.load_bill(VPA_MD)


# -- a real browser (Debian's Chromium, driven by Playwright) --------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = "Debian chromium is not installed (make test installs it when run as root)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def nodes(el: Any, path: str, **kwargs: Any) -> list[Any]:
    """``el.xpath(path)`` as a list (lxml types xpath results as a union of every kind of result)."""
    found = el.xpath(path, **kwargs)
    assert isinstance(found, list), f"{path} is not a node-set expression"
    return found
