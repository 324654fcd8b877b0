"""A local history of tracked bills in SQLite: entity snapshots and a log of change events.

Every sync of a bill is one transaction: an interrupted sync leaves the last good state and a rerun
completes it without duplicating events.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from lawtrack.errors import LawtrackError
from lawtrack.track.events import Change, Snapshot, diff

SCHEMA = """
CREATE TABLE IF NOT EXISTS tracked (bill_id INTEGER PRIMARY KEY, added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    bill_id INTEGER NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, hash TEXT NOT NULL,
    source TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (bill_id, kind, key));
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, bill_id INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL,
    entity TEXT NOT NULL, key TEXT NOT NULL, summary TEXT NOT NULL, data TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_bill ON events (bill_id, id);
CREATE TABLE IF NOT EXISTS syncs (bill_id INTEGER PRIMARY KEY, at TEXT NOT NULL, source TEXT NOT NULL);
"""


def default_path() -> Path:
    return Path(user_data_dir("lawtrack")) / "lawtrack.sqlite"


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Event(dict[str, Any]):
    """One row of the event log (a dict, ready for JSON)."""


class Store:
    """The local history of tracked bills (SQLite): their current record and a log of change events.

    >>> import lawtrack, tempfile, pathlib
    >>> with lawtrack.Store(pathlib.Path(tempfile.mkdtemp()) / "lawtrack.sqlite") as store:
    ...     store.add(3443), store.tracked()
    (True, [3443])
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise LawtrackError(f"not a lawtrack database: {exc}", source=str(self.path)) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- tracking -----------------------------------------------------------------------------------------------
    def add(self, bill_id: int) -> bool:
        with self.transaction() as db:
            cur = db.execute("INSERT OR IGNORE INTO tracked (bill_id, added_at) VALUES (?, ?)", (bill_id, _now()))
            return cur.rowcount > 0

    def tracked(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT bill_id FROM tracked ORDER BY bill_id")]

    def snapshot(self, bill_id: int) -> Snapshot:
        rows = self.db.execute("SELECT kind, key, json FROM entities WHERE bill_id = ?", (bill_id,))
        return {(kind, key): json.loads(data) for kind, key, data in rows}

    def source_of(self, bill_id: int) -> str | None:
        row = self.db.execute("SELECT source FROM syncs WHERE bill_id = ?", (bill_id,)).fetchone()
        return row[0] if row else None

    def record(self, bill_id: int, snapshot: Snapshot, *, source: str) -> list[Change]:
        """Store ``snapshot`` as the bill's current state in one transaction; return (and log) the changes.

        A snapshot from the API supersedes a hand-kept record: the record's entities go, and the changes
        logged are those between the record and the API's view.
        """
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO tracked (bill_id, added_at) VALUES (?, ?)", (bill_id, _now()))
            old = {(k, key): json.loads(d) for k, key, d in
                   db.execute("SELECT kind, key, json FROM entities WHERE bill_id = ?", (bill_id,))}
            changes = diff(old, snapshot)
            now = _now()
            stale = set(old) - set(snapshot)
            for kind, key in stale:
                db.execute("DELETE FROM entities WHERE bill_id = ? AND kind = ? AND key = ?", (bill_id, kind, key))
            for (kind, key), data in snapshot.items():
                text = json.dumps(data, sort_keys=True, ensure_ascii=False)
                digest = hashlib.sha256(text.encode()).hexdigest()
                db.execute(
                    "INSERT INTO entities (bill_id, kind, key, json, hash, source, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bill_id, kind, key) DO UPDATE SET "
                    "json = excluded.json, hash = excluded.hash, source = excluded.source, "
                    "updated_at = CASE WHEN entities.hash = excluded.hash THEN entities.updated_at "
                    "ELSE excluded.updated_at END",
                    (bill_id, kind, key, text, digest, source, now),
                )
            for c in changes:
                db.execute(
                    "INSERT INTO events (bill_id, at, kind, entity, key, summary, data, source) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (bill_id, now, c.kind, c.entity, c.key, c.summary, json.dumps(c.data, ensure_ascii=False),
                     source),
                )
            db.execute("INSERT INTO syncs (bill_id, at, source) VALUES (?, ?, ?) ON CONFLICT (bill_id) DO UPDATE "
                       "SET at = excluded.at, source = excluded.source", (bill_id, now, source))
        return changes

    def events(self, *, since: int = 0, bill_id: int | None = None, limit: int | None = None) -> list[Event]:
        sql = "SELECT id, bill_id, at, kind, entity, key, summary, data, source FROM events WHERE id > ?"
        args: list[Any] = [since]
        if bill_id is not None:
            sql += " AND bill_id = ?"
            args.append(bill_id)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        out = []
        for row in self.db.execute(sql, args):
            event = Event(zip(("id", "bill_id", "at", "kind", "entity", "key", "summary", "data", "source"), row,
                              strict=True))
            event["data"] = json.loads(event["data"])
            out.append(event)
        return out
