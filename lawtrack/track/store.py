"""A local history of tracked bills in SQLite: entity snapshots and a log of change events.

Every sync of a bill is one transaction: an interrupted sync leaves the last good state and a rerun
completes it without duplicating events.
"""

from __future__ import annotations

import contextlib
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


def _readonly(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "read only" in text


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

    def __init__(self, path: str | Path | None = None, *, timeout: float = 5.0) -> None:
        self.path = Path(path) if path else default_path()
        self.timeout = timeout
        #: True when the database could only be opened for reading (a read-only file system or file): the
        #: commands that only read (status, events, feed, site build) still work; writing says why it cannot.
        self.readonly = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if not self.path.exists():
                raise LawtrackError(f"cannot create the database's folder: {exc.strerror or exc}",
                                    source=str(self.path), expected="a writable place ($LAWTRACK_DB)") from None
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from None

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=self.timeout)
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            return db
        except sqlite3.OperationalError as exc:
            # on a read-only file system SQLite says "readonly", or cannot open the WAL files beside it
            if not ((_readonly(exc) or "unable to open" in str(exc)) and self.path.is_file()):
                raise
        # a database we may read but not write: open it as it is (immutable: nothing can be writing it)
        db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None)
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"tracked", "entities", "events"} <= tables:
            db.close()
            raise sqlite3.DatabaseError("the file has no lawtrack tables")
        self.readonly = True
        return db

    def _error(self, exc: sqlite3.Error) -> LawtrackError:
        """What a SQLite error means for a user, naming the database."""
        text = str(exc)
        source = str(self.path)
        if "locked" in text or "busy" in text:
            return LawtrackError(f"the database is in use by another lawtrack (waited {self.timeout:g} s)",
                                 source=source, expected="the other command to finish, then try again")
        if "full" in text:
            return LawtrackError("the disk is full: nothing was changed", source=source,
                                 expected="free space on the disk")
        if _readonly(exc):
            return LawtrackError("the database is read-only: nothing was changed", source=source,
                                 expected="a writable database for this command ($LAWTRACK_DB or --db)")
        if isinstance(exc, sqlite3.OperationalError) and "unable to open" in text:
            return LawtrackError(f"cannot open the database: {text}", source=source,
                                 expected="a writable place ($LAWTRACK_DB or --db)")
        return LawtrackError(f"not a lawtrack database: {text}", source=source)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is kept, or (on any error) none of it. SQLite errors become a
        :class:`LawtrackError` saying what happened (locked, disk full, read-only)."""
        if self.readonly:
            raise LawtrackError("the database is read-only: nothing was changed", source=str(self.path),
                                expected="a writable database for this command ($LAWTRACK_DB or --db)")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):  # SQLite may already have rolled back (disk full)
                    self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc) from None
            raise

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
