"""The campaign site: generation (no browser) and the built demo site in real Chromium (Playwright)."""

from __future__ import annotations

import itertools
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lawtrack.site.build import build
from lawtrack.site.generate import generate
from tests.conftest import ARTIFACTS_DIR, ROOT, serve

ARTIFACTS = ARTIFACTS_DIR


def _site_root(tmp: Path, amendments: dict[str, str] | None = None) -> Path:
    """A throwaway copy of the repository's site inputs (so tests never touch docs/ or site/)."""
    root = tmp / "repo"
    (root / "bills").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("bills", "assets"))
    shutil.copy(ROOT / "bills" / "victims-and-prisoners.toml", root / "bills")
    shutil.copytree(ROOT / "bills" / "victims-and-prisoners", root / "bills" / "victims-and-prisoners")
    if amendments is not None:
        folder = root / "amendments" / "victims-and-prisoners"
        folder.mkdir(parents=True)
        for name, body in amendments.items():
            (folder / name).write_text(body)
    else:
        shutil.copytree(ROOT / "amendments", root / "amendments")
    return root


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lawtrack.manifest import load_manifest
    from lawtrack.track.record import record_snapshot
    from lawtrack.track.store import Store

    tmp = tmp_path_factory.mktemp("site")
    root = _site_root(tmp)
    m = load_manifest(root / "bills" / "victims-and-prisoners.toml")
    assert m.record is not None
    with Store(tmp / "demo.sqlite") as store:
        store.record(3443, record_snapshot(3443, m.bill.title, m.record), source="record")
    return build(root=root, db=tmp / "demo.sqlite", site_dir=tmp / "site")


def test_generation_writes_pages_json_and_feeds(tmp_path: Path) -> None:
    root = _site_root(tmp_path)
    out = tmp_path / "pages"
    generate(out, bills_dir=root / "bills", db=None)
    bill = (out / "victims-and-prisoners" / "index.md").read_text()
    assert "24 May 2024" in bill and "Royal Assent" in bill
    assert (out / "victims-and-prisoners" / "amendments" / "96.md").exists()
    assert (out / "victims-and-prisoners" / "keeling.md").read_text().count('class="lt-amendment"') >= 3
    assert (out / "api" / "bills" / "victims-and-prisoners.json").exists()
    assert (out / "feeds" / "all.xml").read_text().startswith("<?xml")
    paper = (out / "victims-and-prisoners" / "papers" / "victims-prisoners-rm-pbc-0628" / "index.md").read_text()
    assert paper.count("agrees with the paper") == 82


def test_demo_site_builds_with_mkdocs(demo_site: Path) -> None:
    assert (demo_site / "bills" / "victims-and-prisoners" / "index.html").exists()
    assert (demo_site / "search" / "search_index.json").exists()
    html = (demo_site / "bills" / "victims-and-prisoners" / "amendments" / "96" / "index.html").read_text()
    assert "fonts.googleapis" not in html


def test_amendment_pages_written_directly_are_the_pages_mkdocs_builds(demo_site: Path, tmp_path: Path) -> None:
    """The demo site is built with amendment pages written into the theme's shell (the default); built again with
    MkDocs building every page, each page is the same HTML, white space aside."""
    from tests.test_site_blocks import normal

    root, db = demo_site.parent / "repo", demo_site.parent / "demo.sqlite"
    by_mkdocs = build(root=root, db=db, site_dir=tmp_path / "site", amendment_pages="builder")
    files = sorted(p.relative_to(demo_site) for p in demo_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(by_mkdocs) for p in by_mkdocs.rglob("*") if p.is_file())
    pages = [f for f in files if f.suffix == ".html"]
    amendment_pages = [f for f in pages if "amendments" in f.parts]
    assert len(amendment_pages) >= 90  # drafts and the three papers' amendments
    for f in pages:
        assert normal((demo_site / f).read_text()) == normal((by_mkdocs / f).read_text()), f
    assert not list(demo_site.rglob("*lawtrack-shell*")) and not list((root / "docs").rglob("*lawtrack-shell*"))
    assert not list((root / "build").glob("site-work-*"))


def test_amendment_pages_have_one_search_entry_each(demo_site: Path) -> None:
    index = json.loads((demo_site / "search" / "search_index.json").read_text())
    locations = [d["location"] for d in index["docs"]]
    pages = sorted(f"{p.parent.relative_to(demo_site).as_posix()}/" for p in demo_site.rglob("index.html")
                   if "amendments" in p.parts)
    assert sorted(loc for loc in locations if "amendments/" in loc) == pages  # one each, no section entries
    entry = next(d for d in index["docs"] if d["location"] == "bills/victims-and-prisoners/amendments/96/")
    assert entry["title"].startswith("Amendment 96: Victims of specified offences")
    assert "immigration exemption in the Data Protection Act 2018" in entry["text"]  # the statement
    assert "Paragraph 4 of Schedule 2" not in entry["text"]  # no redline
    assert any(loc.startswith("bills/victims-and-prisoners/#") for loc in locations)  # MkDocs' own, per section
    assert not [loc for loc in locations if "lawtrack-shell" in loc]


def test_same_pages_build_with_zensical(tmp_path: Path) -> None:
    if shutil.which("zensical") is None and not (Path(sys.executable).parent / "zensical").exists():
        pytest.skip("zensical (pinned in the 'zensical' extra) is not installed: its zensical-ui dependency is "
                    "missing from this machine's package mirror")
    root = _site_root(tmp_path)
    out = build(root=root, db=None, builder="zensical")
    assert (out / "bills" / "victims-and-prisoners" / "index.html").exists()


# -- browser -----------------------------------------------------------------------------------------------------


@pytest.fixture()
def page(browser: Any, demo_site: Path) -> Iterator[tuple[Any, str, list[str]]]:
    base, server = serve(demo_site)
    outside: list[str] = []
    context = browser.new_context()
    pg = context.new_page()

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(base) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    pg.route("**/*", guard)
    yield pg, base, outside
    context.close()
    server.shutdown()
    assert outside == [], f"requests left 127.0.0.1: {outside}"


def test_bill_page_timeline_ends_in_royal_assent(page: tuple[Any, str, list[str]]) -> None:
    pg, base, _ = page
    pg.goto(f"{base}/bills/victims-and-prisoners/")
    rows = pg.locator("table.lt-timeline tbody tr")
    last = rows.nth(rows.count() - 1).inner_text()
    assert "Royal Assent" in last and "24 May 2024" in last
    assert "Lords" in rows.nth(rows.count() - 2).inner_text()
    headings = [int(h.evaluate("e => e.tagName.slice(1)")) for h in pg.locator("article h1, article h2, article h3")
                .all()]
    assert headings[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(headings))


def test_firewall_amendment_page_shows_insertion_and_decision(page: tuple[Any, str, list[str]]) -> None:
    pg, base, _ = page
    pg.goto(f"{base}/bills/victims-and-prisoners/amendments/96/")
    inserted = pg.locator("div.lt-diff ins").first.inner_text()
    assert "Victims of specified offences: data-sharing for immigration purposes" in inserted
    assert "(4) Paragraph 4 of Schedule 2 to the Data Protection Act 2018" in inserted
    badge = pg.locator(".lt-badge").first
    assert "agreed" in badge.inner_text() and badge.get_attribute("data-decision") == "Agreed"
    decoration = pg.locator("div.lt-diff ins").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in decoration  # readable without colour
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "amendment-96.png"), full_page=True)
    assert (ARTIFACTS / "amendment-96.png").stat().st_size > 10_000


def test_search_finds_the_amendment_by_a_word_of_its_heading(page: tuple[Any, str, list[str]]) -> None:
    pg, base, _ = page
    pg.goto(f"{base}/")
    pg.locator("input.md-search__input").click()
    pg.keyboard.type("specified", delay=30)  # a word of the heading of amendment 96
    pg.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item a')]"
                         ".some(a => a.href.includes('amendments/96'))", timeout=15_000)


def test_keeling_page_links_each_change_to_its_amendment(page: tuple[Any, str, list[str]]) -> None:
    pg, base, _ = page
    pg.goto(f"{base}/bills/victims-and-prisoners/keeling/")
    changes = pg.locator("div.lt-diff ins, div.lt-diff del")
    assert changes.count() >= 3
    for i in range(changes.count()):
        who = changes.nth(i).get_attribute("data-amendments")
        assert who, "every change names its amendment"
        link = changes.nth(i).locator("xpath=following-sibling::a[1]")
        assert link.get_attribute("class") == "lt-amendment"
    pg.locator("a.lt-amendment", has_text="[96]").first.click()
    pg.wait_for_load_state()
    assert "Amendment 96" in pg.locator("h1").first.inner_text()


EVIL = """---
bill: Victims and Prisoners Bill
stage: Report stage <script>window.__pwned = 'stage'</script>
number: "666"
proposer: {name: "<script>window.__pwned = 'sponsor'</script>Mallory"}
explanatory_statement: "[click me](javascript:window.__pwned='md-link') <img src=x onerror=\\"window.__pwned='img'\\">"
---
To move the following Clause—

#### <script>window.__pwned = 'heading'</script> Evil <img src=x onerror="window.__pwned='img2'">

- (1) Text with [a link](javascript:window.__pwned='body') and
  <iframe src="javascript:window.__pwned='iframe'"></iframe> and <b onmouseover="x">bold</b>.
"""


def test_hostile_amendment_text_is_rendered_as_text(browser: Any, tmp_path: Path) -> None:
    root = _site_root(tmp_path, amendments={"01-evil.md": EVIL})
    site = build(root=root, db=None, site_dir=tmp_path / "site")
    base, server = serve(site)
    try:
        context = browser.new_context()
        pg = context.new_page()
        dialogs: list[str] = []
        def on_dialog(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        pg.on("dialog", on_dialog)
        pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
        pg.goto(f"{base}/bills/victims-and-prisoners/amendments/666/")
        pg.wait_for_load_state("load")
        for link in pg.locator("a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith("javascript:"), href
        assert pg.locator("article script, article iframe, article img").count() == 0
        body = pg.locator("article").inner_text()
        assert "<script>window.__pwned = 'heading'</script>" in body
        assert "Mallory" in body and "[click me](javascript:" in body
        assert pg.evaluate("() => window.__pwned === undefined")
        assert dialogs == []
        context.close()
    finally:
        server.shutdown()


def test_draft_pages_say_what_each_draft_does_alone_when_it_conflicts_or_fails(tmp_path: Path) -> None:
    drafts = {
        "01.md": '---\nnumber: "1"\n---\nClause 1, leave out “subjected to criminal conduct”\n',
        "02.md": ('---\nnumber: "2"\n---\nClause 1, leave out “subjected to criminal conduct, or” and insert '
                  "“a victim of an offence, or”\n"),
        "03.md": '---\nnumber: "3"\n---\nClause 99, leave out “nothing”\n',
    }
    root = _site_root(tmp_path, amendments=drafts)
    out = tmp_path / "pages"
    generate(out, bills_dir=root / "bills", db=None)
    pages = out / "victims-and-prisoners" / "amendments"
    first, second, third = ((pages / f"{n}.md").read_text() for n in ("1", "2", "3"))
    keeling = (out / "victims-and-prisoners" / "keeling.md").read_text()
    assert "could not apply" not in first and "<del" in first
    # 2 conflicts with 1 in the Keeling view of all the drafts, but its own page shows what it does alone
    assert "could not apply" not in second and 'data-amendments="2"' in second and 'data-amendments="2"' not in keeling
    assert "could not apply it to the text it has (not-found): the bill has no Clause 99" in third
