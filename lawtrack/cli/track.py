"""``lawtrack track``: follow bills through Parliament with the Bills API (or a hand-kept stage record)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lawtrack.cli.common import INPUT, OUTPUT, Group, console, db_option, err, esc, print_json, tell, write_output
from lawtrack.errors import LawtrackError

if TYPE_CHECKING:
    from lawtrack.track.store import Store


def open_store(db: str | None) -> Store:
    from lawtrack.track.store import Store

    return Store(db or os.environ.get("LAWTRACK_DB") or None)


@click.group(cls=Group)
def track() -> None:
    """Track bills through Parliament with the Bills API (or a hand-kept record).

    The database is $LAWTRACK_DB (or --db), the API address $LAWTRACK_API_URL, the rate limit $LAWTRACK_RATE
    requests per second.
    """


@track.command("add")
@click.argument("bill_ids", nargs=-1, required=True, type=int)
@db_option
@click.option("--bills", "bills_dir", default="bills", type=click.Path(path_type=Path))
def track_add(bill_ids: tuple[int, ...], db: str | None, bills_dir: Path) -> None:
    """Start tracking BILL_IDS (Bills API ids). A bill with a stage record under bills/ gets it at once.

    \b
    Example:
      lawtrack track add 3443
    """
    from lawtrack.manifest import manifests
    from lawtrack.track.record import record_snapshot

    with open_store(db) as store:
        records = {m.bill.bills_api_id: m for m in manifests(bills_dir) if m.record} if bills_dir.exists() else {}
        for bill_id in bill_ids:
            new = store.add(bill_id)
            m = records.get(bill_id)
            if m is not None and m.record is not None and store.source_of(bill_id) is None:
                store.record(bill_id, record_snapshot(bill_id, m.bill.title, m.record), source="record")
                tell(f"tracking {bill_id}: loaded the stage record from {m.file}")
            else:
                tell(f"tracking {bill_id}" if new else f"already tracking {bill_id}")


@track.command("sync")
@click.argument("bill_ids", nargs=-1, type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--no-details", is_flag=True, help="Skip per-amendment detail requests.")
@click.option("--full", is_flag=True, help="Fetch every amendment's detail again, not only new or changed ones.")
def track_sync(bill_ids: tuple[int, ...], db: str | None, as_json: bool, no_details: bool, full: bool) -> None:
    """Fetch every tracked bill (or BILL_IDS) from the Bills API and record what changed.

    Exit status 1 when any bill failed to sync (the others are still recorded).

    \b
    Examples:
      lawtrack track sync
      lawtrack track sync 3443 --json
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from lawtrack.track.client import BillsClient
    from lawtrack.track.sync import sync

    results: dict[str, Any] = {}
    failed = False
    with open_store(db) as store, BillsClient() as client:
        ids = list(bill_ids) or store.tracked()
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=err(), transient=True,
                      disable=as_json) as progress:
            task = progress.add_task("syncing", total=len(ids))
            for bill_id in ids:
                store.add(bill_id)
                try:
                    changes = sync(store, client, bill_id, details=not no_details, full=full,
                                   progress=lambda msg: progress.update(task, description=msg))
                    results[str(bill_id)] = {"ok": True, "changes": [c.model_dump() for c in changes]}
                except LawtrackError as exc:
                    failed = True
                    results[str(bill_id)] = {"ok": False, "error": str(exc)}
                progress.advance(task)
        stats = client.stats
    if as_json:
        print_json({"bills": results, "requests": stats.requests, "network": stats.network,
                    "revalidated": stats.revalidated, "from_cache": stats.from_cache})
    else:
        for key, r in results.items():
            if r["ok"]:
                console().print(f"{key}: {len(r['changes'])} change(s)", markup=False)
                for c in r["changes"]:
                    console().print(f"  {c['summary']}", markup=False)
            else:
                console().print(f"{esc(key)}: [red]failed[/]: {esc(r['error'])}", markup=True)
    if failed:
        sys.exit(1)


@track.command("events")
@click.option("--since", type=int, default=0, help="Only events after this id.")
@click.option("--bill", "bill_id", type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def track_events(since: int, bill_id: int | None, db: str | None, as_json: bool) -> None:
    """The change log: one event per change, with a monotonic id.

    \b
    Examples:
      lawtrack track events --since 0
      lawtrack track events --bill 3443 --json
    """
    with open_store(db) as store:
        events = store.events(since=since, bill_id=bill_id)
    if as_json:
        print_json({"events": events})
        return
    for e in events:
        console().print(f"{e['id']:>6}  {e['at']}  {e['bill_id']}  {e['summary']}", markup=False)


@track.command("status")
@click.argument("bill_id", type=int)
@db_option
@click.option("--paper", "papers", multiple=True, type=INPUT,
              help="Amendment papers or drafts to join with the API's amendments (by dNum).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def track_status(bill_id: int, db: str | None, papers: tuple[Path, ...], as_json: bool) -> None:
    """Title, current stage and house, the stage timeline, and amendments per stage by decision.

    \b
    Examples:
      lawtrack track status 3443
      lawtrack track status 3443 --paper bills/victims-and-prisoners/victims_prisoners_rm_rep_0906.xml --json
    """
    from lawtrack.track.status import status

    with open_store(db) as store:
        snap = store.snapshot(bill_id)
    if not snap:
        raise LawtrackError(f"bill {bill_id} has no record yet", expected="'lawtrack track add' and 'track sync'")
    data = status(bill_id, snap)
    if papers:
        from lawtrack.amendments.explain import describe
        from lawtrack.amendments.instructions import parse_instruction
        from lawtrack.amendments.load import load_amendments
        from lawtrack.amendments.model import Parsed
        from lawtrack.track.join import join
        from lawtrack.track.stored import Record

        joined = []
        for item, found in join(Record(snap).amendments.values(), load_amendments(*papers)):
            parsed = parse_instruction(found.instruction, found.inserted) if found else None
            joined.append({"number": item.marshalled_list_text, "dnum": item.d_num, "decision": item.decision,
                           "operation": describe(parsed) if isinstance(parsed, Parsed) else None})
        data["joined"] = joined
    if as_json:
        print_json(data)
        return
    console().print(f"[bold]{esc(data['title'])}[/] — now: {esc(data['current_stage'])} "
                    f"({esc(data['current_house'])})"
                    + (" — Act" if data["is_act"] else ""), markup=True)
    for row in data["timeline"]:
        decisions = ", ".join(f"{k} {v}" for k, v in row["amendments"].items())
        console().print(f"  {', '.join(row['dates']) or '(no date)':<24} {row['house'] or '':<10} {row['stage']}"
                        + (f"  [{decisions}]" if decisions else ""), markup=False)
    for j in data.get("joined", []):
        console().print(f"  amendment {j['number']} ({j['dnum']}): {j['decision']} — {j['operation']}", markup=False)


@track.command("feed")
@click.argument("bill_id", type=int, required=False)
@click.option("-o", "--output", required=True, type=OUTPUT)
@db_option
def track_feed(bill_id: int | None, output: Path, db: str | None) -> None:
    """Write an Atom feed of one bill's events (or of all tracked bills).

    \b
    Example:
      lawtrack track feed 3443 -o feed.xml
    """
    from lawtrack.track.feeds import atom

    with open_store(db) as store:
        events = store.events(bill_id=bill_id)
        title = "lawtrack: all tracked bills"
        if bill_id is not None:
            from lawtrack.track.stored import Record

            title = f"lawtrack: {Record(store.snapshot(bill_id)).bill(bill_id).short_title or bill_id}"
    write_output(output, atom(events, title=title, feed_id=f"urn:lawtrack:bills:{bill_id or 'all'}"))
    tell(f"wrote {len(events)} event(s) to {output}")
