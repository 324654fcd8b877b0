"""A user's first hour, on a fresh clone with no ../shared beside it: ``make demo`` builds the whole site offline,
every internal link of the site resolves, and every command and Python example in README.md and docs/ runs as
written.

The clone is the repository's tracked files (``git ls-files``, as they are in the working tree) copied into a
temporary folder; its ``.venv`` is a link to this repository's, so nothing is installed again, and
``PYTHONPATH`` makes the clone's own ``lawtrack`` the one imported.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html
from pytest_httpserver import HTTPServer

from tests.conftest import ROOT, nodes, serve
from tests.fake_bills_api import FakeApi, FakeBill

MAKE_TARGETS = {"demo", "test", "serve", "bench", "test-slow", "mutation", "api-docs"}


@dataclass
class Clone:
    root: Path
    env: dict[str, str]
    demo_output: str


_NOT_SHIPPED = {".git", ".venv", "site", "build", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis",
                "test-artifacts", "__pycache__", "mutants"}


def _tracked_files() -> list[str]:
    """What a clone holds: git's tracked files, or (an unpacked archive, no git) everything not generated."""
    proc = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    if proc.returncode == 0:
        return [f for f in proc.stdout.decode().split("\0") if f]
    return [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()
            and not _NOT_SHIPPED.intersection(p.relative_to(ROOT).parts)
            and not str(p.relative_to(ROOT)).startswith(("docs/bills", "docs/assets/lawtrack.css"))]


@pytest.fixture(scope="session")
def fake_api() -> Iterator[str]:
    """The Victims and Prisoners Bill's id (3443) on a spec-conformant local Bills API."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.expect_request(re.compile(r"/api/v1/.*")).respond_with_handler(
        FakeApi(bill=FakeBill(bill_id=3443, title="Victims and Prisoners Bill", stages=5, amendments_per_stage=4)))
    server.start()
    yield server.url_for("").rstrip("/")
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture(scope="session")
def clone(tmp_path_factory: pytest.TempPathFactory, fake_api: str) -> Clone:
    root = tmp_path_factory.mktemp("fresh") / "lawtrack"
    for name in _tracked_files():
        source = ROOT / name
        if source.is_file():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    assert not (root.parent / "shared").exists()
    (root / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    home = root / "build" / "home"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
        "PYTHONPATH": str(root), "XDG_CACHE_HOME": str(home / "cache"), "XDG_DATA_HOME": str(home / "data"),
        "LAWTRACK_API_URL": fake_api, "LAWTRACK_DB": str(root / "build" / "tracking.sqlite"), "LAWTRACK_RATE": "0",
        "NO_COLOR": "1", "COLUMNS": "120",
    }
    proc = subprocess.run(["make", "demo"], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"make demo failed on a fresh clone:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    assert "pip install" not in proc.stdout, "make demo reinstalled the shared venv from the clone"
    for pth in (ROOT / ".venv").glob("lib/python*/site-packages/_editable_impl_lawtrack.pth"):
        assert pth.read_text().strip() == str(ROOT), "the venv must still point at this repository"
    return Clone(root, env, proc.stdout)


# -- the demo ---------------------------------------------------------------------------------------------------


def test_demo_builds_the_whole_site_from_a_fresh_clone(clone: Clone) -> None:
    site = clone.root / "site"
    bill = (site / "bills" / "victims-and-prisoners" / "index.html").read_text(encoding="utf-8")
    rows = nodes(lxml_html.fromstring(bill), "//table[contains(@class,'lt-timeline')]/tbody/tr")
    assert "Royal Assent" in rows[-1].text_content() and "24 May 2024" in rows[-1].text_content()
    # the firewall amendments are shown as insertions
    page = lxml_html.fromstring((site / "bills" / "victims-and-prisoners" / "amendments" / "96" / "index.html")
                                .read_text(encoding="utf-8"))
    inserted = " ".join(e.text_content() for e in nodes(page, "//div[contains(@class,'lt-diff')]//ins"))
    assert "Victims of specified offences: data-sharing for immigration purposes" in inserted
    assert "immigration control purpose unless the victim consents" in inserted
    nc36 = (site / "bills" / "victims-and-prisoners" / "amendments" / "nc36" / "index.html").read_text("utf-8")
    assert "Victims’ personal data: no sharing for immigration control" in nc36
    # the committee paper, parsed: where and what, one page per amendment
    paper = site / "bills" / "victims-and-prisoners" / "papers" / "victims-prisoners-rm-pbc-0628"
    table = lxml_html.fromstring((paper / "index.html").read_text(encoding="utf-8"))
    rows = nodes(table, "//table/tbody/tr")
    assert len(rows) == 82
    first = rows[0].text_content()
    assert "Clause 2, page 2, line 25: after subsection (3), insert subsections (3A) to (3C)" in first
    assert "tabled against a print lawtrack does not have" in first
    assert len(list((paper / "amendments").iterdir())) == 82
    # the Social Housing comparisons
    versions = sorted(p.name for p in (site / "bills" / "social-housing-regulation").iterdir() if "compare" in p.name)
    assert len(versions) == 2, versions
    assert "site built" in clone.demo_output


def _internal_target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    base = page.parent
    target = (site / parts.path.lstrip("/")) if parts.path.startswith("/") else (base / unquote(parts.path))
    target = target.resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_the_site_has_no_broken_internal_link(clone: Clone) -> None:
    site = (clone.root / "site").resolve()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    ids: dict[Path, set[str]] = {}
    broken: list[str] = []
    checked = 0
    for page in pages:
        doc = lxml_html.fromstring(page.read_bytes())
        for el in nodes(doc, "//*[@href or @src]"):
            url = el.get("href") or el.get("src") or ""
            assert not url.strip().lower().startswith("javascript:"), f"{page}: {url}"
            found = _internal_target(site, page, url)
            if found is None:
                continue
            target, fragment = found
            checked += 1
            if not target.is_relative_to(site) or not target.exists():
                broken.append(f"{page.relative_to(site)}: {url} (no {target})")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids:
                    tree = lxml_html.fromstring(target.read_bytes())
                    ids[target] = {str(x) for x in nodes(tree, "//@id | //a/@name")}
                if fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)}: {url} (no #{fragment} in {target.name})")
    assert checked > 1000
    assert broken == [], "\n".join(broken[:20])


# -- README.md and docs/ ----------------------------------------------------------------------------------------


def _blocks(path: Path, languages: tuple[str, ...]) -> list[str]:
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(r"^```(" + "|".join(languages) + r")\n(.*?)^```", re.M | re.S)
    return [m.group(2) for m in pattern.finditer(text)]


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_BLOCKS = [(p.relative_to(ROOT), i, b) for p in DOCS for i, b in enumerate(_blocks(p, ("sh", "bash")))]
PYTHON_BLOCKS = [(p.relative_to(ROOT), i, b) for p in DOCS for i, b in enumerate(_blocks(p, ("python",)))]


def _commands(block: str) -> list[str]:
    out = []
    for line in block.splitlines():
        command = line.strip()
        if not command or command.startswith("#"):
            continue
        if command.startswith("make "):
            target = command.split()[1]
            assert target in MAKE_TARGETS, f"unknown make target in the docs: {command}"
            assert re.search(rf"^{re.escape(target)}:", (ROOT / "Makefile").read_text(), re.M), command
            continue  # make demo is what the clone fixture ran; the others are checked to exist
        out.append(command)
    return out


def test_the_docs_have_commands_and_examples() -> None:
    assert sum(len(_commands(b)) for _, _, b in SHELL_BLOCKS) >= 25
    assert len(PYTHON_BLOCKS) >= 1


@pytest.mark.parametrize(("doc", "index", "block"), SHELL_BLOCKS, ids=[f"{d}#{i}" for d, i, _ in SHELL_BLOCKS])
def test_shell_examples_run_as_written(clone: Clone, doc: Path, index: int, block: str) -> None:
    for command in _commands(block):
        proc = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=clone.root, env=clone.env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, f"{doc}: `{command}` exited {proc.returncode}:\n{proc.stderr[-2000:]}"
        assert "Traceback" not in proc.stderr, f"{doc}: `{command}`:\n{proc.stderr[-2000:]}"


@pytest.mark.parametrize(("doc", "index", "block"), PYTHON_BLOCKS, ids=[f"{d}#{i}" for d, i, _ in PYTHON_BLOCKS])
def test_python_examples_run_as_written(clone: Clone, doc: Path, index: int, block: str) -> None:
    python = str(clone.root / ".venv" / "bin" / "python")
    proc = subprocess.run([python, "-c", block], cwd=clone.root, env=clone.env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, f"{doc} example {index}:\n{proc.stderr[-3000:]}"


def test_python_api_page_is_generated_from_the_docstrings() -> None:
    from tests.python_api_doc import PAGE, render

    assert PAGE.read_text(encoding="utf-8") == render(), "docs/python-api.md is stale: run `make api-docs`"


def test_every_python_api_example_runs(clone: Clone) -> None:
    python = str(clone.root / ".venv" / "bin" / "python")
    # the page is generated from these docstrings (test above), so running them runs the page's examples
    script = """if True:
        import doctest, sys, lawtrack
        from tests.python_api_doc import SECTIONS
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        finder = doctest.DocTestFinder(recurse=False)
        objects = [("lawtrack", lawtrack)] + [(n, getattr(lawtrack, n)) for _, names in SECTIONS for n in names]
        for name, obj in objects:
            for test in finder.find(obj, name, globs={}):
                runner.run(test)
        r = runner.summarize(verbose=False)
        print(r)
        sys.exit(1 if r.failed or not r.attempted else 0)
    """
    proc = subprocess.run([python, "-c", script], cwd=clone.root, env=clone.env, capture_output=True, text=True,
                          timeout=180)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    attempted = int(re.search(r"attempted=(\d+)", proc.stdout).group(1))  # type: ignore[union-attr]
    assert attempted >= 100


def test_every_subcommand_help_has_an_example() -> None:
    import click
    from click.testing import CliRunner

    from lawtrack.cli import main
    from lawtrack.cli.commands import COMMANDS, top_help

    runner = CliRunner()
    top = runner.invoke(main, ["--help"], prog_name="lawtrack", terminal_width=80)
    assert top.output == top_help(), "the fast --help matches click's"
    names: list[list[str]] = []
    for name in COMMANDS:
        cmd = main.get_command(click.Context(main), name)
        sub = getattr(cmd, "commands", None)
        names += [[name, s] for s in sub] if sub else [[name]]
    assert len(names) >= 15
    for argv in names:
        result = runner.invoke(main, [*argv, "--help"], prog_name="lawtrack")
        assert result.exit_code == 0, argv
        assert "Example" in result.output, f"lawtrack {' '.join(argv)} --help has no example"


def test_version_and_bad_files_exit_2_with_a_clear_message(tmp_path: Path) -> None:
    lawtrack = str(ROOT / ".venv" / "bin" / "lawtrack")
    version = subprocess.run([lawtrack, "--version"], capture_output=True, text=True, check=True)
    assert re.fullmatch(r"lawtrack, version \d+\.\d+\.\d+\n", version.stdout)
    (tmp_path / "empty.xml").write_bytes(b"")
    (tmp_path / "page.html").write_text("<!DOCTYPE html><html><body><p>Bill 286</p></body></html>")
    (tmp_path / "bill.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "folder").mkdir()
    cases = {"missing.xml": "cannot read file", "folder": "is a folder", "empty.xml": "empty",
             "page.html": "HTML page", "bill.pdf": "PDF document"}
    for name, words in cases.items():
        for argv in (["bill", "show", name], ["diff", name, name], ["apply", name, str(ROOT / "amendments")]):
            proc = subprocess.run([lawtrack, *argv], cwd=tmp_path, capture_output=True, text=True)
            assert proc.returncode == 2, (argv, proc.stderr)
            assert proc.stderr.startswith(f"lawtrack: error: {name}"), (argv, proc.stderr)
            assert (words in proc.stderr and "expected" in proc.stderr) or name == "missing.xml", (argv, proc.stderr)
            assert "Traceback" not in proc.stderr
    proc = subprocess.run([lawtrack, "paper", "bill.pdf"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2 and "amendment paper" in proc.stderr


def test_the_fresh_site_opens_in_chromium_and_its_paper_rows_lead_to_their_pages(clone: Clone, browser: Any) -> None:
    base, server = serve(clone.root / "site")
    failed: list[str] = []
    try:
        context = browser.new_context()
        pg = context.new_page()
        pg.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
        pg.goto(f"{base}/bills/victims-and-prisoners/")
        pg.get_by_role("link", name="Committee Stage, 28 June 2023 (82 amendments)").click()
        pg.wait_for_load_state()
        assert "Committee Stage, 28 June 2023" in pg.locator("h1").first.inner_text()
        row = pg.locator("article table tbody tr").first
        assert "after subsection (3), insert subsections (3A) to (3C)" in row.inner_text()
        row.locator("a").first.click()
        pg.wait_for_load_state()
        assert pg.locator("h1").first.inner_text().startswith("Amendment 3:")
        assert "(3A) The victims’ code must make provision" in pg.locator("div.lt-diff ins").first.inner_text()
        pg.get_by_role("link", name="Victims and Prisoners Bill: Committee Stage, 28 June 2023").click()
        pg.wait_for_load_state()
        assert pg.locator("article table tbody tr").count() == 82
        context.close()
    finally:
        server.shutdown()
    assert failed == []
