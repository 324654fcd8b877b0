"""Sync a tracked bill from the Bills API into the store (shell): fetch everything, then one transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from lawtrack.track.client import BillsClient
from lawtrack.track.events import Change, Snapshot
from lawtrack.track.store import Store


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True)


def fetch_snapshot(client: BillsClient, bill_id: int, *, details: bool = True,
                   progress: Callable[[str], None] | None = None) -> Snapshot:
    """The bill, its stages with sittings, every amendment at every stage (with details) and publications."""
    say = progress or (lambda _msg: None)
    bill = client.bill(bill_id)
    snap: Snapshot = {("bill", str(bill_id)): _dump(bill)}
    say(f"{bill.short_title}: stages")
    for stage in client.stages(bill_id):
        snap[("stage", str(stage.id))] = _dump(stage)
        say(f"{bill.short_title}: amendments at {stage.description} ({stage.house})")
        for item in client.amendments(bill_id, stage.id):
            data = _dump(item)
            if details:
                detail = _dump(client.amendment(bill_id, stage.id, item.amendment_id))
                detail["dNum"] = detail.get("dNum") or data.get("dNum")
                data = detail
            snap[("amendment", f"{stage.id}:{item.amendment_id}")] = data
    say(f"{bill.short_title}: publications")
    for pub in client.publications(bill_id):
        snap[("publication", str(pub.id))] = _dump(pub)
    return snap


def sync(store: Store, client: BillsClient, bill_id: int, *, details: bool = True,
         progress: Callable[[str], None] | None = None) -> list[Change]:
    """Fetch the bill's whole record, then store it in one transaction. A failure while fetching changes
    nothing; a failure while storing rolls back. Returns the changes since the last sync.

    >>> import lawtrack, tempfile, pathlib
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "lawtrack.sqlite"
    >>> with lawtrack.Store(db) as store, lawtrack.BillsClient(cache=False) as api:
    ...     changes = lawtrack.sync(store, api, 3443)
    ...     again = lawtrack.sync(store, api, 3443)
    >>> changes[0].summary, again
    ('Now tracking Victims and Prisoners Bill', [])
    """
    snapshot = fetch_snapshot(client, bill_id, details=details, progress=progress)
    return store.record(bill_id, snapshot, source="api")
