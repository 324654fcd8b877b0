"""The Bills API client and the tracking store, against a real local HTTP server (pytest-httpserver)."""

from __future__ import annotations

import json
import os
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from lawtrack.cli import main
from lawtrack.track.client import BillsClient
from lawtrack.track.models import AmendmentSearchItem
from lawtrack.track.protocol import ApiError
from lawtrack.track.store import Store
from lawtrack.track.sync import sync
from tests.fake_bills_api import FakeApi


@pytest.fixture()
def api(httpserver: HTTPServer) -> Iterator[tuple[FakeApi, str]]:
    fake = FakeApi()
    httpserver.expect_request(re.compile(r"/api/v1/.*")).respond_with_handler(fake)
    yield fake, httpserver.url_for("").rstrip("/")


def client(base: str, tmp_path: Path, **kw: object) -> BillsClient:
    opts: dict[str, object] = {"cache_path": tmp_path / "cache", "rate": 0, "backoff": 0.01, "take": 40,
                               "timeout": (2.0, 2.0)}
    opts.update(kw)
    return BillsClient(base, **opts)  # type: ignore[arg-type]


def test_pagination_fetches_every_page(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    fake.bill.amendments_per_stage = 350
    with client(base, tmp_path) as c:
        items = list(c.amendments(9001, 50_000))
    assert len(items) == 350 and len({i.amendment_id for i in items}) == 350
    pages = [h for h in fake.hits if "/Amendments?" in h]
    assert len(pages) == 9  # 40 a page
    assert all(isinstance(i, AmendmentSearchItem) and i.d_num for i in items)


def test_user_agent_and_base_url_from_environment(api: tuple[FakeApi, str], tmp_path: Path,
                                                  httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWTRACK_API_URL", api[1])
    with BillsClient(cache_path=tmp_path / "c", rate=0) as c:
        assert c.bill(9001).short_title == "Fake Amendments Bill"
    request, _ = httpserver.log[-1]
    assert request.headers["User-Agent"].startswith("lawtrack/")


def test_sync_records_and_an_unchanged_resync_downloads_no_bodies(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    with Store(tmp_path / "db.sqlite") as store, client(base, tmp_path) as c:
        first = sync(store, c, 9001)
        assert {e.kind for e in first} >= {"tracked", "stage-added", "amendment-tabled", "publication-added"}
        bodies = fake.bodies
        second = sync(store, c, 9001)
        assert second == []
        assert fake.bodies == bodies, "validators exist: nothing re-downloaded"
        assert fake.not_modified > 0
        assert c.stats.revalidated == fake.not_modified
        assert len(store.events()) == len(first)


def test_a_decision_change_is_exactly_one_event(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    fake.bill.stages = 2
    with Store(tmp_path / "db.sqlite") as store, client(base, tmp_path) as c:
        sync(store, c, 9001)
        fake.bill.decisions[50_000 * 1000 + 3] = "Agreed"
        changes = sync(store, c, 9001)
        assert [(ch.kind, ch.summary) for ch in changes] == [("decision-recorded", "Amendment 4: agreed")]
        since = store.events()[-1]["id"]
        assert sync(store, c, 9001) == []
        assert store.events(since=since) == []


def test_retries_500_then_succeeds(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    fake.faults[r"/Bills/9001$"] = [("status", 500), ("status", 503)]
    with client(base, tmp_path, cache=False) as c:
        assert c.bill(9001).bill_id == 9001
    assert len([h for h in fake.hits if h.rstrip("?").endswith("/Bills/9001")]) == 3


def test_429_honours_retry_after(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    import time

    fake, base = api
    fake.faults[r"/Bills/9001$"] = [("status", 429, {"Retry-After": "1"})]
    with client(base, tmp_path, cache=False) as c:
        t0 = time.monotonic()
        assert c.bill(9001).bill_id == 9001
        assert time.monotonic() - t0 >= 0.9


def test_stale_copy_is_served_when_the_api_fails(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    with client(base, tmp_path, retries=0) as c:
        assert c.bill(9001).short_title == "Fake Amendments Bill"
        fake.faults[r"/Bills/9001$"] = [("status", 503)]
        assert c.bill(9001).short_title == "Fake Amendments Bill"


def test_timeout_is_a_clear_error(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    fake.faults[r"/Bills/9001$"] = [("sleep", 1.5)] * 3
    with client(base, tmp_path, cache=False, timeout=(1.0, 0.5), retries=0) as c, \
            pytest.raises(ApiError, match="no answer within"):
        c.bill(9001)


def test_truncated_json_and_html_pages_are_errors(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    fake.faults[r"/Bills/9001$"] = [("body", b'{"billId": 9001, "shortTi', "application/json"),
                                    ("body", b"<html><body>Service unavailable</body></html>", "text/html")]
    with client(base, tmp_path, cache=False) as c:
        with pytest.raises(ApiError, match="not valid JSON"):
            c.bill(9001)
        with pytest.raises(ApiError, match="expected JSON but got text/html"):
            c.bill(9001)


def test_unknown_fields_and_enum_values_are_kept(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    fake.extra_fields = True
    from lawtrack.track import models

    models._warned.clear()  # warnings are once per process; this test counts them
    with client(base, tmp_path, cache=False) as c, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bill = c.bill(9001)
        items = list(c.amendments(9001, 50_000))
    assert bill.current_house == "Senedd"
    assert bill.model_extra and bill.model_extra["aFieldFromTheFuture"] == {"x": 1}
    assert items[0].decision == items[1].decision == "ReferredToTheMoon"
    messages = [str(w.message) for w in caught]
    assert any("unknown house 'Senedd'" in m for m in messages)
    assert sum("ReferredToTheMoon" in m for m in messages) == 1, "warned once, however many items carry it"


def test_a_sync_killed_midway_leaves_the_store_consistent(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    fake, base = api
    fake.bill.stages = 3
    # no cache here: with one, a failing request is answered from the stale cached copy (by design)
    with Store(tmp_path / "db.sqlite") as store, client(base, tmp_path, retries=0, cache=False) as c:
        sync(store, c, 9001)
        before = store.snapshot(9001)
        count = len(store.events())
        fake.bill.decisions[50_001 * 1000] = "Withdrawn"
        fake.faults[r"/Stages/50002/Amendments\?"] = [("status", 500)]
        with pytest.raises(ApiError):
            sync(store, c, 9001)
        assert store.snapshot(9001) == before
        assert len(store.events()) == count
        changes = sync(store, c, 9001)
        assert [ch.kind for ch in changes] == ["decision-recorded"]
        assert sync(store, c, 9001) == []


def test_a_failure_while_storing_rolls_back(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        store.record(1, {("bill", "1"): {"shortTitle": "B", "billId": 1}}, source="api")
        before = store.snapshot(1)
        bad = {("bill", "1"): {"shortTitle": "C", "billId": 1}, ("amendment", "x"): {"bad": object()}}
        with pytest.raises(TypeError):
            store.record(1, bad, source="api")
        assert store.snapshot(1) == before


def test_stage_record_is_superseded_by_api_data(api: tuple[FakeApi, str], tmp_path: Path) -> None:
    from lawtrack.track.record import RecordStage, StageRecord, record_snapshot

    _, base = api
    record = StageRecord(stages=[RecordStage(house="Commons", stage="1st reading", dates=["2024-01-01"])])
    with Store(tmp_path / "db.sqlite") as store, client(base, tmp_path) as c:
        store.record(9001, record_snapshot(9001, "Fake Amendments Bill", record), source="record")
        assert store.source_of(9001) == "record"
        sync(store, c, 9001)
        assert store.source_of(9001) == "api"
        assert all(int(k) > 0 for kind, k in store.snapshot(9001) if kind == "stage")


def test_cli_track_commands(api: tuple[FakeApi, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake, base = api
    fake.bill.stages = 2
    monkeypatch.setenv("LAWTRACK_API_URL", base)
    monkeypatch.setenv("LAWTRACK_DB", str(tmp_path / "db.sqlite"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LAWTRACK_RATE", "0")
    runner = CliRunner()
    assert runner.invoke(main, ["track", "add", "9001", "--bills", str(tmp_path)]).exit_code == 0
    out = runner.invoke(main, ["track", "sync", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["bills"]["9001"]["ok"] and data["requests"] > 0
    events = json.loads(runner.invoke(main, ["track", "events", "--json", "--bill", "9001"]).stdout)["events"]
    assert events[0]["kind"] == "tracked" and [e["id"] for e in events] == sorted(e["id"] for e in events)
    status = json.loads(runner.invoke(main, ["track", "status", "9001", "--json"]).stdout)
    assert status["title"] == "Fake Amendments Bill" and len(status["timeline"]) == 2
    assert sum(status["amendments_by_decision"].values()) == 2 * fake.bill.amendments_per_stage
    feed = tmp_path / "feed.xml"
    assert runner.invoke(main, ["track", "feed", "9001", "-o", str(feed)]).exit_code == 0
    assert feed.read_text().count("<entry>") == len(events)


def test_vpb_record_loads_its_real_timeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    monkeypatch.setenv("LAWTRACK_DB", str(tmp_path / "db.sqlite"))
    runner = CliRunner()
    assert runner.invoke(main, ["track", "add", "3443", "--bills", str(ROOT / "bills")]).exit_code == 0
    status = json.loads(runner.invoke(main, ["track", "status", "3443", "--json"]).stdout)
    assert status["title"] == "Victims and Prisoners Bill" and status["is_act"]
    assert status["timeline"][-1] == {"bill_stage_id": -13, "stage": "Royal Assent", "house": "Unassigned",
                                      "dates": ["2024-05-24"], "amendments": {}}
    lords_report = next(t for t in status["timeline"] if t["stage"] == "Report stage" and t["house"] == "Lords")
    assert lords_report["dates"] == ["2024-04-16", "2024-04-23", "2024-04-30", "2024-05-21"]
    assert lords_report["amendments"] == {"Agreed": 1}


@pytest.mark.skipif(os.environ.get("LAWTRACK_LIVE") != "1", reason="live Bills API smoke test: set LAWTRACK_LIVE=1")
def test_live_smoke(tmp_path: Path) -> None:
    with BillsClient("https://bills-api.parliament.uk", cache_path=tmp_path / "c") as c:
        bill = c.bill(3443)
        assert bill.short_title and "Victims" in bill.short_title
        assert list(c.stages(3443))


def test_an_unchanged_resync_fetches_no_details_and_a_change_fetches_one(api: tuple[FakeApi, str],
                                                                        tmp_path: Path) -> None:
    """Issue 12: a detail is fetched only for an amendment the list shows as new or changed."""
    fake, base = api
    fake.bill.stages, fake.bill.amendments_per_stage = 3, 60
    details = re.compile(r"/Amendments/\d+$")
    with Store(tmp_path / "db.sqlite") as store, client(base, tmp_path) as c:
        sync(store, c, 9001)
        assert sum(1 for h in fake.hits if details.search(h.split("?")[0])) == 180
        fake.hits.clear()
        assert sync(store, c, 9001) == []
        assert not [h for h in fake.hits if details.search(h.split("?")[0])], "no detail fetched again"
        assert len(fake.hits) <= 20
        fake.hits.clear()
        fake.bill.decisions[50_001 * 1000 + 7] = "Agreed"
        changes = sync(store, c, 9001)
        assert [ch.kind for ch in changes] == ["decision-recorded"]
        assert [h.split("?")[0] for h in fake.hits if details.search(h.split("?")[0])] == [
            f"/api/v1/Bills/9001/Stages/50001/Amendments/{50_001 * 1000 + 7}"]
        fake.hits.clear()
        sync(store, c, 9001, full=True)
        assert sum(1 for h in fake.hits if details.search(h.split("?")[0])) == 180
