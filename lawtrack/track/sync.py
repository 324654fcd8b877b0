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


def _unchanged(summary: dict[str, Any], before: dict[str, Any] | None) -> bool:
    """True when the amendment list says the same as the stored detail (a detail holds every summary field)."""
    if before is None or "amendmentLines" not in before:  # never fetched in detail (a --no-details sync)
        return False
    return all(before.get(key) == value for key, value in summary.items() if key != "dNum")


def fetch_snapshot(client: BillsClient, bill_id: int, *, details: bool = True,
                   progress: Callable[[str], None] | None = None, previous: Snapshot | None = None) -> Snapshot:
    """The bill, its stages with sittings, every amendment at every stage (with details) and publications.

    With ``previous`` (the stored record), an amendment's detail is fetched only when it is new or the
    amendment list says something about it that the stored detail does not (its decision, sponsors, star,
    summary text, position …); otherwise the stored detail is kept, so an unchanged re-sync of a bill with
    thousands of amendments makes a request per page of the list, not one per amendment."""
    say = progress or (lambda _msg: None)
    previous = previous or {}
    bill = client.bill(bill_id)
    snap: Snapshot = {("bill", str(bill_id)): _dump(bill)}
    say(f"{bill.short_title}: stages")
    for stage in client.stages(bill_id):
        snap[("stage", str(stage.id))] = _dump(stage)
        say(f"{bill.short_title}: amendments at {stage.description} ({stage.house})")
        for item in client.amendments(bill_id, stage.id):
            data = _dump(item)
            key = ("amendment", f"{stage.id}:{item.amendment_id}")
            before = previous.get(key)
            if details and _unchanged(data, before) and before is not None:
                data = before
            elif details:
                detail = _dump(client.amendment(bill_id, stage.id, item.amendment_id))
                detail["dNum"] = detail.get("dNum") or data.get("dNum")
                # kept from the list, so the next sync can tell whether the amendment changed
                detail["summaryText"] = detail.get("summaryText") or data.get("summaryText")
                data = detail
            snap[key] = data
    say(f"{bill.short_title}: publications")
    for pub in client.publications(bill_id):
        snap[("publication", str(pub.id))] = _dump(pub)
    return snap


def sync(store: Store, client: BillsClient, bill_id: int, *, details: bool = True,
         progress: Callable[[str], None] | None = None, full: bool = False) -> list[Change]:
    """Fetch the bill's whole record, then store it in one transaction. A failure while fetching changes
    nothing; a failure while storing rolls back. Returns the changes since the last sync. Amendment details are
    fetched again only for amendments the list shows as new or changed (``full`` fetches every one).

    >>> import lawtrack, tempfile, pathlib
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "lawtrack.sqlite"
    >>> with lawtrack.Store(db) as store, lawtrack.BillsClient(cache=False) as api:
    ...     changes = lawtrack.sync(store, api, 3443)
    ...     again = lawtrack.sync(store, api, 3443)
    >>> changes[0].summary, again
    ('Now tracking Victims and Prisoners Bill', [])
    """
    previous = None if full else store.snapshot(bill_id)
    snapshot = fetch_snapshot(client, bill_id, details=details, progress=progress, previous=previous)
    return store.record(bill_id, snapshot, source="api")
