"""The SQLite store, table by table: what a sync leaves in it, read back (hand-checked values)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from lawtrack.track.store import Store
from tests.test_events import AFTER, BEFORE


def test_a_store_in_a_new_folder_tracks_a_bill_once(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "lawtrack.sqlite"  # folders made as needed
    with Store(path) as store:
        assert store.add(7) is True
        assert store.add(7) is False
        assert store.add(8) is True
        assert store.tracked() == [7, 8]
    assert path.exists()


def test_what_a_sync_stores_reads_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    with Store(path) as store:
        first = store.record(7, BEFORE, source="record")
        changes = store.record(7, {**AFTER, ("bill", "7"): {**AFTER[("bill", "7")], "shortTitle": "Test Bill ü"}},
                               source="api")
        assert store.source_of(7) == "api" and store.source_of(9) is None
        assert store.snapshot(7)[("bill", "7")]["shortTitle"] == "Test Bill ü"
        events = store.events(bill_id=7)
        assert len(events) == len(first) + len(changes)
        last = events[-1]
        c = changes[-1]
        assert (last["kind"], last["entity"], last["key"], last["summary"], last["data"], last["source"]) == (
            c.kind, c.entity, c.key, c.summary, c.data, "api")
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", e["at"]) for e in events)  # UTC, seconds
        assert store.events(bill_id=7, since=events[0]["id"], limit=2) == events[1:3]
    db = sqlite3.connect(path)
    rows = dict(((kind, key), text) for kind, key, text in db.execute("SELECT kind, key, json FROM entities"))
    bill = rows[("bill", "7")]
    assert bill == json.dumps(json.loads(bill), sort_keys=True, ensure_ascii=False)  # sorted keys, text kept as text
    assert "Test Bill ü" in bill
    assert ("amendment", "2:4") in rows and len(rows) == len(AFTER)
    stored = db.execute("SELECT data FROM events ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert json.loads(stored) == changes[-1].data
    db.close()


def test_the_same_record_in_another_key_order_is_no_change(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        store.record(7, BEFORE, source="api")
        reordered = {k: dict(reversed(list(v.items()))) for k, v in reversed(list(BEFORE.items()))}
        assert store.record(7, reordered, source="api") == []
        db = store.db
        hashes = {h for (h,) in db.execute("SELECT hash FROM entities")}
        assert len(hashes) == len(BEFORE)
