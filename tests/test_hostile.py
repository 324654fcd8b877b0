"""Hostile input: bounded memory and time, one clear error (exit 2, no traceback), nothing poisoned or half
written. Browser cases (no script on the site) are at the end, in real Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

import lawtrack
from lawtrack import LawtrackError
from lawtrack.amendments.paper_writer import write_paper
from lawtrack.track.client import BillsClient, CappedRetry
from lawtrack.track.store import Store
from lawtrack.track.sync import sync
from tests import minibill
from tests.conftest import IN_CI, ROOT, serve
from tests.fake_bills_api import FakeApi, FakeBill

LAWTRACK = str(ROOT / ".venv" / "bin" / "lawtrack")
MEMORY_LIMIT = 500 * 1024 * 1024
TIME_LIMIT = 30.0

# Runs a command and reports its peak memory on the last line of standard error.
_MEASURE = ("import resource, subprocess, sys\n"
            "p = subprocess.run(sys.argv[1:])\n"
            "print(f'maxrss={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr)\n"
            "sys.exit(p.returncode)\n")


def run_bounded(*args: str, cwd: Path) -> tuple[int, str, float, int]:
    """Exit status, standard error, seconds and peak memory (bytes) of ``lawtrack ARGS``."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _MEASURE, LAWTRACK, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=TIME_LIMIT * 2)
    elapsed = time.monotonic() - start
    lines = proc.stderr.strip().splitlines()
    peak = int(lines[-1].split("=")[1]) * 1024
    return proc.returncode, "\n".join(lines[:-1]), elapsed, peak


def assert_refused(args: list[str], cwd: Path, *words: str) -> str:
    code, err, elapsed, peak = run_bounded(*args, cwd=cwd)
    assert code == 2, (args, err)
    assert err.startswith("lawtrack: error: ") and "Traceback" not in err, err
    for w in words:
        assert w in err, (w, err)
    assert elapsed < TIME_LIMIT, f"{args}: {elapsed:.1f} s"
    assert peak < MEMORY_LIMIT, f"{args}: {peak / 2**20:.0f} MB"
    return err


# -- files that explode, or never end ----------------------------------------------------------------------------

PLACEHOLDER_BOMB = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bill name="ukpubb"><meta><references source="#a">
<TLCConcept eId="varBillTitle" href="" showAs="#varA#varA#varA#varA#varA#varA#varA#varA#varA#varA"/>
<TLCConcept eId="varA" href="" showAs="#varB#varB#varB#varB#varB#varB#varB#varB#varB#varB"/>
<TLCConcept eId="varB" href="" showAs="#varC#varC#varC#varC#varC#varC#varC#varC#varC#varC"/>
<TLCConcept eId="varC" href="" showAs="#varD#varD#varD#varD#varD#varD#varD#varD#varD#varD"/>
<TLCConcept eId="varD" href="" showAs="#varA#varA#varA#varA#varA#varA#varA#varA#varA#varA"/>
</references></meta><body><section eId="sec_1"><num>1</num><content><p>Text.</p></content></section></body>
</bill></akomaNtoso>"""

MARKDOWN_BOMB = ("---\ntitle: '" + "#varMd_a" * 10 + "'\na: '" + "#varMd_b" * 10 + "'\nb: '" + "#varMd_c" * 10
                 + "'\nc: '" + "#varMd_a" * 10 + "'\n---\n# Bomb Act\n\n##### 1\n\n- (1) Text.\n")

ALIAS_BOMB = "\n".join(["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
                        *[f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)],
                        "---"])


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    (tmp_path / "placeholder-bomb.xml").write_bytes(PLACEHOLDER_BOMB)
    (tmp_path / "placeholder-bomb.md").write_text(MARKDOWN_BOMB)
    (tmp_path / "alias-bomb.md").write_text(ALIAS_BOMB + "\nLeave out Clause 1\n")
    (tmp_path / "alias-bomb-bill.md").write_text(ALIAS_BOMB + "\n# Act\n\n##### 1\n\n- (1) Text.\n")
    (tmp_path / "bill.xml").write_bytes(minibill.xml())
    with open(tmp_path / "huge.md", "wb") as fh:  # a 100 MB draft
        fh.write(b"---\nbill: Mini Bill\n---\nClause 1, leave out \xe2\x80\x9c")
        fh.write(b"x" * (100 * 1024 * 1024))
        fh.write(b"\xe2\x80\x9d\n")
    return tmp_path


def test_placeholder_bombs_are_refused(hostile: Path) -> None:
    assert_refused(["bill", "show", "placeholder-bomb.xml"], hostile, "placeholder-bomb.xml", "placeholder")
    assert_refused(["bill", "show", "placeholder-bomb.md"], hostile, "placeholder-bomb.md", "placeholder")


def test_yaml_alias_bombs_are_refused(hostile: Path) -> None:
    assert_refused(["apply", "bill.xml", "alias-bomb.md"], hostile, "alias-bomb.md, line 3", "alias")
    assert_refused(["bill", "show", "alias-bomb-bill.md"], hostile, "alias-bomb-bill.md, line 3", "alias")


def test_endless_and_huge_files_are_refused_within_bounds(hostile: Path) -> None:
    assert_refused(["bill", "show", "/dev/zero"], hostile, "/dev/zero", "limit")
    assert_refused(["apply", "bill.xml", "/dev/zero"], hostile, "/dev/zero", "limit")
    assert_refused(["paper", "/dev/zero"], hostile, "/dev/zero", "limit")
    assert_refused(["apply", "bill.xml", "huge.md"], hostile, "huge.md", "limit")
    assert_refused(["export-paper", "huge.md", "-o", "out.xml"], hostile, "huge.md")
    assert not (hostile / "out.xml").exists()


# -- front matter ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("front", "words"), [
    ("supporters: Jess Phillips", ["line 3", "'supporters'", "a list is expected"]),
    ("number: [1, 2]", ["line 3", "'number'", "valid string"]),
    ("paper_date: 2024-02-30", ["line 3", "'paper_date'", "not a date"]),
    ("paper_date: !!timestamp 2024-13-45", ["line 3", "cannot read"]),
    ("number: !!float not-a-number", ["line 3", "cannot read"]),
    ("proposer: {nom: X}", ["line 3", "'proposer.name'"]),
    ("sponsor: Jess Phillips", ["line 3", "unknown front matter field 'sponsor'"]),
])
def test_front_matter_is_validated_by_field_and_line(tmp_path: Path, front: str, words: list[str]) -> None:
    (tmp_path / "bill.xml").write_bytes(minibill.xml())
    (tmp_path / "draft.md").write_text(f"---\nbill: Mini Bill\n{front}\n---\nLeave out Clause 1\n")
    assert_refused(["apply", "bill.xml", "draft.md"], tmp_path, "draft.md", *words)


def test_a_5000_digit_number_is_text_and_harmless(tmp_path: Path) -> None:
    (tmp_path / "bill.xml").write_bytes(minibill.xml())
    (tmp_path / "draft.md").write_text(f"---\nbill: Mini Bill\nnumber: {'9' * 5000}\n---\n"
                                       f"Clause {'9' * 5000}, page {'9' * 5000}, line 1, leave out “x”\n")
    code, err, _, _ = run_bounded("apply", "bill.xml", "draft.md", "--report", "report.json", cwd=tmp_path)
    assert code == 1 and "Traceback" not in err  # the amendment is not applied (no such clause): exit 1
    outcome = json.loads((tmp_path / "report.json").read_text())["outcomes"][0]
    assert outcome["number"] == "9" * 5000 and outcome["status"] in ("not-found", "unparsed")


def test_control_characters_in_a_draft_are_refused_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text("---\nbill: Mini Bill\n---\nTo move the following Clause—\n\n#### Heading\n\n"
                                       "- (1) Nul\x00 here.\n")
    err = assert_refused(["export-paper", "draft.md", "-o", "paper.xml"], tmp_path, "draft.md, line 8", "U+0000")
    assert "control character" in err
    assert not (tmp_path / "paper.xml").exists()


# -- a paper for another bill, and other encodings --------------------------------------------------------------


def test_a_paper_for_another_bill_is_refused_whole_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "bill.xml").write_bytes(minibill.xml())
    other = [lawtrack.Amendment(number="NC1", instruction="To move the following Clause—\ufffc", inserted=((),),
                                inserted_xml=(b'<quotedStructure xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/'
                                              b'3.0"><section><num/><heading>Other</heading><content><p>Text.</p>'
                                              b'</content></section></quotedStructure>',)),
             lawtrack.Amendment(number="1", instruction="Clause 1, page 1, line 2, leave out “may”")]
    (tmp_path / "other.xml").write_bytes(write_paper(other, bill_title="Another Bill", stage="Report Stage"))
    err = assert_refused(["apply", "bill.xml", "other.xml"], tmp_path, "other.xml", "Another Bill", "--force")
    assert "refuses the paper whole" in err
    forced = subprocess.run([LAWTRACK, "apply", "bill.xml", "other.xml", "--force", "--report", "-"], cwd=tmp_path,
                            capture_output=True, text=True)
    outcomes = json.loads(forced.stdout)["outcomes"]
    assert [o["status"] for o in outcomes] == ["applied", "applied"]
    assert "Another Bill" in outcomes[0]["detail"]  # applied, with a note saying whose paper it was
    library = lawtrack.apply(minibill.bill(), lawtrack.load_amendments(tmp_path / "other.xml"))
    assert [o.status for o in library.outcomes] == ["wrong-print", "wrong-print"]


def test_utf16_bills_papers_and_drafts_are_read_in_every_command(tmp_path: Path) -> None:
    xml = minibill.xml().decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    (tmp_path / "bill16.xml").write_bytes(xml.encode("utf-16"))
    paper = write_paper([lawtrack.Amendment(number="1", instruction="Clause 1, page 1, line 2, leave out “may”")],
                        bill_title="Mini Bill", bill_version="As introduced")
    (tmp_path / "paper16.xml").write_bytes(paper.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
                                           .encode("utf-16-be").join([b"\xfe\xff", b""]))
    (tmp_path / "draft16.md").write_bytes("---\nbill: Mini Bill\n---\nClause 1, page 1, line 3, leave out “may”\n"
                                          .encode("utf-16"))
    for argv in (["bill", "show", "bill16.xml"], ["paper", "paper16.xml"], ["diff", "bill16.xml", "bill16.xml"],
                 ["apply", "bill16.xml", "paper16.xml", "draft16.md"]):
        proc = subprocess.run([LAWTRACK, *argv], cwd=tmp_path, capture_output=True, text=True)
        assert proc.returncode == 0, (argv, proc.stderr)
    assert lawtrack.load_bill(tmp_path / "bill16.xml") == minibill.bill()


# -- the Bills API misbehaving -----------------------------------------------------------------------------------


@pytest.fixture()
def api(httpserver: HTTPServer) -> Iterator[tuple[FakeApi, str]]:
    fake = FakeApi(bill=FakeBill(stages=2, amendments_per_stage=5))
    httpserver.expect_request(re.compile(r"/api/v1/.*")).respond_with_handler(fake)
    yield fake, httpserver.url_for("").rstrip("/")


def client(base: str, tmp_path: Path, **kw: Any) -> BillsClient:
    opts: dict[str, Any] = {"cache_path": tmp_path / "cache", "rate": 0, "backoff": 0.01, "timeout": (2.0, 2.0)}
    opts.update(kw)
    return BillsClient(base, **opts)


def test_a_bad_200_is_never_kept_in_the_cache(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    path = "/api/v1/Bills/9001/Stages/50001/Amendments/50001002"
    good_etag = fake.etag_for(path)
    for bad in (b'{"amendmentId": 500', b"<html><body>Service unavailable</body></html>", b""):
        fake.faults = {re.escape(path): [("body", bad, "application/json", {"ETag": good_etag})]}
        with Store(tmp_path / "db.sqlite") as store, client(base, tmp_path) as c:
            with pytest.raises(LawtrackError):
                sync(store, c, 9001)
            assert store.snapshot(9001) == {}, "a failed sync records nothing"
    # the server recovers, and a decision changes: the next sync sees it (no poisoned copy is revalidated)
    fake.faults = {}
    fake.bill.decisions[50001002] = "Withdrawn"
    with Store(tmp_path / "db.sqlite") as store, client(base, tmp_path) as c:
        sync(store, c, 9001)
        assert store.snapshot(9001)[("amendment", "50001:50001002")]["decision"] == "Withdrawn"
        fake.bill.decisions[50001002] = "Agreed"
        changes = sync(store, c, 9001)
    assert [c.summary for c in changes if c.kind == "decision-changed"] == ["Amendment 3: agreed"]


def test_retry_after_is_obeyed_only_up_to_a_cap(api: tuple[FakeApi, str], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    fake, base = api
    monkeypatch.setattr("lawtrack.track.client.MAX_RETRY_AFTER", 0.5)
    fake.faults = {r"/Bills/9001$": [("status", 429, {"Retry-After": "3600"})]}
    start = time.monotonic()
    with client(base, tmp_path, cache=False) as c:
        assert c.bill(9001).bill_id == 9001
    assert time.monotonic() - start < 5


def test_the_default_retry_after_cap() -> None:
    class Answer:
        def __init__(self) -> None:
            self.headers = {"Retry-After": "3600"}

        def getheader(self, name: str) -> str | None:
            return self.headers.get(name)

    assert CappedRetry().get_retry_after(Answer()) == 30.0


def test_a_trickled_body_is_cut_off_at_the_deadline(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    fake.faults = {r"/Bills/9001$": [("trickle", 0.3, 1000)] * 8}
    start = time.monotonic()
    with client(base, tmp_path, cache=False, deadline=1.5, retries=0) as c, pytest.raises(LawtrackError) as info:
        c.bill(9001)
    assert time.monotonic() - start < 6
    assert "9001" in str(info.value)


def test_a_server_that_ignores_skip_or_claims_a_billion_results_stops_paging(api: tuple[FakeApi, str],
                                                                              tmp_path: Path) -> None:
    fake, base = api
    fake.bill.amendments_per_stage = 90
    fake.ignore_skip = True
    with client(base, tmp_path, cache=False, take=40) as c, pytest.raises(LawtrackError) as info:
        list(c.amendments(9001, 50_000))
    assert "repeats items" in str(info.value)
    assert len([h for h in fake.hits if "Amendments?" in h]) == 2
    fake.ignore_skip = False
    fake.claimed_total = 10**9
    fake.hits.clear()
    with client(base, tmp_path, cache=False, take=40) as c, pytest.raises(LawtrackError) as info:
        list(c.amendments(9001, 50_000))
    assert "1,000,000,000 results" in str(info.value) and len(fake.hits) == 1


def test_control_characters_from_the_api_do_not_break_feeds_or_the_site(api: tuple[FakeApi, str],
                                                                         tmp_path: Path) -> None:
    fake, base = api
    fake.amendment_text = "leave out \x0bthe words\x00"
    db = tmp_path / "db.sqlite"
    with Store(db) as store, client(base, tmp_path, cache=False) as c:
        sync(store, c, 9001, details=False)
    env = {**os.environ, "LAWTRACK_DB": str(db)}
    feed = subprocess.run([LAWTRACK, "track", "feed", "9001", "-o", str(tmp_path / "feed.xml")], env=env,
                          capture_output=True, text=True)
    assert feed.returncode == 0, feed.stderr
    from lxml import etree

    assert etree.parse(str(tmp_path / "feed.xml")).getroot().tag.endswith("feed")


# -- the SQLite store --------------------------------------------------------------------------------------------


def test_a_locked_database_says_so(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    Store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store(db, timeout=0.2) as store, pytest.raises(LawtrackError) as info:
            store.add(1)
        assert "in use by another lawtrack" in str(info.value) and str(db) in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_full_disk_says_so_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    with Store(db) as store:
        store.record(1, {("bill", "1"): {"billId": 1, "shortTitle": "B"}}, source="api")
        before = store.snapshot(1)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 1}")
        big = {("amendment", f"1:{n}"): {"marshalledListText": str(n), "summaryText": ["x" * 5000]}
               for n in range(50)}
        with pytest.raises(LawtrackError) as info:
            store.record(1, {**big, ("bill", "1"): {"billId": 1, "shortTitle": "B"}}, source="api")
        assert "disk is full" in str(info.value) and "cannot rollback" not in str(info.value)
        assert store.snapshot(1) == before


@pytest.fixture()
def read_only_db(tmp_path: Path) -> Iterator[Path]:
    """A lawtrack database on a read-only file system (a read-only bind mount; or, not as root, permissions)."""
    source = tmp_path / "rw"
    source.mkdir()
    with Store(source / "db.sqlite") as store:
        store.record(7, {("bill", "7"): {"billId": 7, "shortTitle": "Seven Bill"}}, source="api")
    mount = tmp_path / "ro"
    mount.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(source), str(mount)], capture_output=True).returncode == 0 and \
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mount)], capture_output=True).returncode == 0
    if not mounted:
        subprocess.run(["umount", str(mount)], capture_output=True)
        if os.geteuid() == 0:
            message = "cannot make a read-only file system here (mount is not permitted)"
            if IN_CI:
                pytest.fail(message)
            pytest.skip(message)
        mount.rmdir()
        source.chmod(0o555)
        (source / "db.sqlite").chmod(0o444)
        mount = source
    try:
        yield mount / "db.sqlite"
    finally:
        if mounted:
            for _ in range(20):  # a process that had the database open may take a moment to let go
                if subprocess.run(["umount", str(mount)], capture_output=True).returncode == 0:
                    break
                time.sleep(0.1)
            else:
                subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        source.chmod(0o755)


def test_a_read_only_database_still_answers_and_says_read_only_when_written(read_only_db: Path) -> None:
    with Store(read_only_db) as store:
        assert store.readonly
        assert store.snapshot(7)[("bill", "7")]["shortTitle"] == "Seven Bill"
        with pytest.raises(LawtrackError) as info:
            store.add(8)
        assert "read-only" in str(info.value) and "not a lawtrack database" not in str(info.value)
    env = {**os.environ, "LAWTRACK_DB": str(read_only_db)}
    status = subprocess.run([LAWTRACK, "track", "status", "7", "--json"], env=env, capture_output=True, text=True)
    assert status.returncode == 0 and json.loads(status.stdout)["title"] == "Seven Bill"
    add = subprocess.run([LAWTRACK, "track", "add", "8"], env=env, capture_output=True, text=True)
    assert add.returncode == 2 and "read-only" in add.stderr and "Traceback" not in add.stderr


# -- the site build is atomic ------------------------------------------------------------------------------------


def _site_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "bills").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("bills", "assets"))
    shutil.copy(ROOT / "bills" / "social-housing-regulation.toml", root / "bills")
    shutil.copytree(ROOT / "bills" / "social-housing-regulation", root / "bills" / "social-housing-regulation")
    return root


def _whole(root: Path) -> None:
    site = root / "site"
    assert (site / "index.html").exists() and (site / "search" / "search_index.json").exists()
    assert (site / "bills" / "social-housing-regulation" / "index.html").exists()
    assert len(list((site / "bills" / "social-housing-regulation").rglob("index.html"))) == 3
    assert (root / "docs" / "bills" / "social-housing-regulation" / "index.md").exists()
    assert (root / "docs" / "bills" / "index.md").exists()


def test_a_killed_site_build_leaves_the_last_whole_site(tmp_path: Path) -> None:
    root = _site_repo(tmp_path)
    build = [LAWTRACK, "site", "build", "--db", str(tmp_path / "none.sqlite")]
    first = subprocess.run(build, cwd=root, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    _whole(root)
    for delay in (0.3, 0.8, 1.3, 1.8, 2.4):
        proc = subprocess.Popen(build, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        _whole(root)
    again = subprocess.run(build, cwd=root, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    _whole(root)
    assert list((root / "build").glob("site-work-*")) == [], "leftovers of killed builds are cleared"
    assert list((root / "docs").glob(".bills.new-*")) == []


# -- no script on the site (Chromium) ----------------------------------------------------------------------------

EVIL_EID = 'sec_1" onfocus="window.__pwned=\'eid\'" autofocus="x'
EVIL_HEADING = "</title><img src=x onerror=\"window.__pwned='title'\"> Evil"


def _hostile_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "bills" / "evil").mkdir(parents=True)
    (root / "amendments" / "evil").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("bills", "assets"))
    xml = minibill.xml(title="Mini Bill").decode()
    quoted = EVIL_EID.replace('"', "&quot;")
    xml = xml.replace('eId="sec_1"', f'eId="{quoted}"').replace('eId="sec_2"', 'eId="javascript:window.__pwned=2"')
    (root / "bills" / "evil" / "bill.xml").write_text(xml)
    (root / "bills" / "evil.toml").write_text(
        '[bill]\nslug = "evil"\ntitle = "Evil Bill"\n\n[source]\nformat = "lawmaker"\npath = "bills/evil/bill.xml"\n\n'
        '[site]\namendments = "amendments/evil"\npapers = ["bills/evil/paper.xml"]\n')
    (root / "amendments" / "evil" / "01.md").write_text(
        f"---\nbill: Mini Bill\nnumber: NC1\n---\nTo move the following Clause—\n\n#### {EVIL_HEADING}\n\n"
        "- (1) Text.\n")
    (root / "amendments" / "evil" / "02.md").write_text(
        "---\nbill: Mini Bill\nnumber: \"2\"\n---\nClause 1, page 1, line 2, leave out “may” and insert “must”\n")
    (root / "amendments" / "evil" / "03.md").write_text(
        "---\nbill: Mini Bill\nnumber: \"3\"\n---\nClause 2, page 1, line 10, leave out “café”\n")
    paper = write_paper([lawtrack.Amendment(number="9", instruction="Clause 1, page 1, line 2, leave out “may”")],
                        bill_title=f"Mini Bill {EVIL_HEADING}", stage=f"Report {EVIL_HEADING}",
                        bill_version="As introduced")
    (root / "bills" / "evil" / "paper.xml").write_bytes(paper)
    return root


def test_hostile_headings_titles_and_eids_run_no_script(browser: Any, tmp_path: Path) -> None:
    from lawtrack.site.build import build

    root = _hostile_repo(tmp_path)
    site = build(root=root, db=None, site_dir=tmp_path / "site")
    base, server = serve(site)
    try:
        context = browser.new_context()
        pg = context.new_page()
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[func-returns-value]
        pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
        pages = [p.relative_to(site).parent.as_posix() for p in site.rglob("index.html")
                 if "evil" in p.as_posix()]
        assert len(pages) >= 6
        for rel in pages:
            pg.goto(f"{base}/{rel}/")
            pg.wait_for_load_state("load")
            pg.keyboard.press("Tab")  # focus handlers get their chance
            assert pg.evaluate("() => window.__pwned === undefined"), rel
            assert pg.locator("head img, title img").count() == 0, rel
            for link in pg.locator("a").all():
                assert not (link.get_attribute("href") or "").lower().strip().startswith("javascript:"), rel
            assert pg.locator("[onfocus], [onerror], [autofocus]").count() == 0, rel
        pg.goto(f"{base}/bills/evil/amendments/nc1/")
        assert "‹/title›" in pg.title() or "</title>" not in pg.title()
        assert EVIL_HEADING in pg.locator("article h1").inner_text()  # the heading itself is shown as written
        pg.goto(f"{base}/bills/evil/keeling/")
        assert pg.locator("article h2").count() >= 2
        assert dialogs == []
        context.close()
    finally:
        server.shutdown()
