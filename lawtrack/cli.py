"""The ``lawtrack`` command line (imperative shell). Every command has JSON output for scripts."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.tree import Tree

from lawtrack.errors import LawtrackError
from lawtrack.fileio import write_atomic
from lawtrack.formats.json_bill import provision_dict
from lawtrack.formats.load import load_bill
from lawtrack.model.bill import Bill
from lawtrack.model.provision import Provision
from lawtrack.outline import outline

console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(exc: LawtrackError) -> None:
    click.echo(f"lawtrack: error: {exc}", err=True)
    sys.exit(2)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LawtrackError as exc:
            _fail(exc)


@click.group(cls=_Group)
@click.version_option(package_name="lawtrack")
def main() -> None:
    """lawtrack: UK bills, their amendments and their progress through Parliament."""


@main.group(cls=_Group)
def bill() -> None:
    """Read, show and convert bills (LawMaker XML or Markdown)."""


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _outline_tree(entry: dict[str, Any], tree: Tree) -> None:
    label = " ".join(x for x in (entry.get("num"), entry.get("heading")) if x) or entry["kind"]
    pages = entry.get("pages")
    if pages:
        label += f"  [dim]p{pages['first'][0]}.{pages['first'][1]}–p{pages['last'][0]}.{pages['last'][1]}[/]"
    node = tree.add(label)
    for child in entry.get("children", []):
        _outline_tree(child, node)


def _show_provision(p: Provision) -> None:
    title = " ".join(x for x in (p.num, p.heading) if x)
    console.print(f"[bold]{title}[/]  [dim]{p.eid or ''} {p.guid or ''}[/]", markup=True)
    if p.lines:
        for span in p.lines:
            words = p.text[span.start : span.end].replace("\n", " ")
            console.print(f"[dim]{span.page:>3}.{span.line:<3}[/] {words}", markup=True, highlight=False)
    else:
        console.print(p.text, markup=False)


@bill.command("show")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--provision", "ref", help="Show one provision: 'clause 5(2)(a)', 'schedule 2, paragraph 3', eId, GUID.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def bill_show(file: Path, ref: str | None, as_json: bool) -> None:
    """Outline of a bill (numbers, headings, page ranges), or one provision with its page/line anchors."""
    b = load_bill(file)
    if ref:
        p = b.provision(ref)
        if as_json:
            _print_json(provision_dict(p))
        else:
            _show_provision(p)
        return
    data = outline(b)
    if as_json:
        _print_json(data)
        return
    tree = Tree(f"[bold]{data['title']}[/] — {data.get('number') or ''} {data.get('stage_version') or ''}")
    for entry in data["outline"]:
        _outline_tree(entry, tree)
    console.print(tree)
    console.print(f"{data['clauses']} clauses, {data['schedules']} Schedules")
    for note in data["notes"]:
        err.print(f"[yellow]note:[/] {note}", markup=True)


def _convert(b: Bill, suffix: str) -> bytes:
    if suffix == ".xml":
        return b.to_xml()
    if suffix in (".md", ".markdown"):
        return b.to_markdown().encode("utf-8")
    if suffix == ".json":
        return b.to_json().encode("utf-8")
    raise LawtrackError(f"cannot write a bill as {suffix or 'a file without a suffix'}", expected=".xml, .md or .json")


@bill.command("convert")
@click.argument("src", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("dst", type=click.Path(dir_okay=False, path_type=Path))
def bill_convert(src: Path, dst: Path) -> None:
    """Convert a bill between LawMaker XML, Markdown and JSON (chosen by DST's suffix)."""
    b = load_bill(src)
    write_atomic(dst, _convert(b, dst.suffix.lower()))
    err.print(f"wrote {dst}")


# -- amendments --------------------------------------------------------------------------------------------------


@main.command("explain")
@click.argument("instruction")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def explain_cmd(instruction: str, as_json: bool) -> None:
    """Show how lawtrack reads an amendment INSTRUCTION (address, operation, quoted words).

    Write an inserted structure as "—" at the end, e.g. "Clause 1, page 1, line 16, at end insert—".
    """
    from lawtrack.amendments.explain import explain
    from lawtrack.amendments.instructions import parse_instruction
    from lawtrack.amendments.model import OBJECT

    text = instruction
    if text.rstrip().endswith(("—", "-")):
        text = text.rstrip() + OBJECT
    data = explain(parse_instruction(text))
    if as_json:
        _print_json(data)
    elif data["parsed"]:
        console.print(f"[bold]address[/]    {data['address']}", markup=True)
        console.print(f"[bold]operation[/]  {data['operation']}  (LawMaker type {data['lawmaker_type']})",
                      markup=True)
        console.print(f"[bold]meaning[/]    {data['meaning']}", markup=True)
    else:
        console.print(f"[bold red]cannot parse[/] at character {data['position'] + 1}: {data['error']}",
                      markup=True)
    if not data["parsed"]:
        sys.exit(1)


@main.command("paper")
@click.argument("paper_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def paper_cmd(paper_file: Path, as_json: bool) -> None:
    """Read an amendment paper: one row per amendment with its parsed operation and cross-checks."""
    from rich.table import Table

    from lawtrack.amendments.load import load_paper

    paper = load_paper(paper_file)
    from lawtrack.amendments.report import paper_rows

    rows = paper_rows(paper)
    if as_json:
        _print_json({
            "paper": {"title": paper.title, "bill": paper.bill_title, "print": paper.bill_version,
                      "stage": paper.stage, "house": paper.house, "date": paper.date},
            "orders": [o.model_dump() for o in paper.orders],
            "amendments": rows,
        })
        return
    table = Table(title=f"{paper.bill_title} — {paper.stage} — {paper.date} (against “{paper.bill_version}”)")
    for col in ("No.", "dNum", "type", "target", "what it does", "check"):
        table.add_column(col, overflow="fold")
    for r in rows:
        check = "ok" if r["consistent"] else (r["error"] or "; ".join(r["disagreements"]))
        table.add_row(r["number"], r["dnum"] or "", r["type"] or "", r["target"]["address"] or "",
                      r["meaning"] or "", check)
    console.print(table)
    parsed = sum(1 for r in rows if r["error"] is None)
    agree = sum(1 for r in rows if r["consistent"])
    console.print(f"{len(rows)} amendments, {parsed} parsed, {agree} agree with the paper's own markup; "
                  f"{len(paper.orders)} order component(s) kept separately")


def _keeling(original: Bill, result: Any, suffix: str) -> bytes:
    from lawtrack.diff.keeling import keeling

    units = keeling(original, result)
    title = f"{original.metadata.short_title}: Keeling view with amendments applied"

    def link(number: str) -> str:
        return f"#amendment-{number}"

    if suffix == ".html":
        from lawtrack.render.html import keeling_html

        return keeling_html(units, link, title=title).encode()
    if suffix == ".md":
        from lawtrack.render.markdown import keeling_markdown

        return keeling_markdown(units, link, title=title).encode()
    if suffix == ".xml":
        from lawtrack.render.akn import keeling_xml

        return keeling_xml(units, title=title)
    raise LawtrackError(f"cannot write a Keeling view as {suffix or 'a file without a suffix'}",
                        expected=".html, .xml or .md")


def _load_bill_arg(path: Path) -> Bill:
    if path.suffix == ".toml":
        from lawtrack.manifest import load_manifest

        return load_manifest(path).load()
    return load_bill(path)


@main.command("apply")
@click.argument("bill_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("amendments", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the amended bill (.xml, .md or .json).")
@click.option("--report", "report", help="Write the JSON report to FILE, or '-' for standard output.")
@click.option("--keeling", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a Keeling view (.html, .xml or .md): the amended bill, each change linked to its amendment.")
def apply_cmd(bill_file: Path, amendments: tuple[Path, ...], output: Path | None, report: str | None,
              keeling: Path | None) -> None:
    """Apply AMENDMENTS (papers, Markdown drafts or folders) to BILL_FILE (a bill or a bills/*.toml manifest).

    Exit status 0 only when every amendment applied.
    """
    from lawtrack.amendments.apply import apply
    from lawtrack.amendments.load import load_amendments

    b = _load_bill_arg(bill_file)
    found = load_amendments(*amendments)
    result = apply(b, found)
    if output is not None:
        write_atomic(output, _convert(result.bill, output.suffix.lower()))
    if keeling is not None:
        write_atomic(keeling, _keeling(b, result, keeling.suffix.lower()))
    data = {
        "bill": b.metadata.short_title,
        "print": b.metadata.stage_version,
        "applied": sum(1 for o in result.outcomes if o.status == "applied"),
        "total": len(result.outcomes),
        "outcomes": [o.model_dump() for o in result.outcomes],
    }
    if report == "-":
        _print_json(data)
    else:
        if report:
            write_atomic(report, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        for o in result.outcomes:
            colour = {"applied": "green", "conflict": "magenta"}.get(o.status, "red")
            console.print(f"[{colour}]{o.status:>11}[/] {o.number or o.dnum or '?':>6}  {o.detail}", markup=True)
        console.print(f"{data['applied']} of {data['total']} amendments applied")
    if not result.all_applied:
        sys.exit(1)


@main.command("diff")
@click.argument("old_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["term", "html", "md", "json", "akn"]), default="term")
@click.option("--provision", "ref", help="Only this provision (as numbered in NEW, or OLD if it was removed).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
def diff_cmd(old_file: Path, new_file: Path, fmt: str, ref: str | None, output: Path | None) -> None:
    """Compare two versions of a bill: added, removed, moved, renumbered and changed provisions, word by word."""
    from lawtrack.diff.compare import BillDiff, compare

    old, new = _load_bill_arg(old_file), _load_bill_arg(new_file)
    result = compare(old, new)
    if ref:
        in_new, in_old = new.find(ref), old.find(ref)
        if in_new is not None:
            keep = tuple(p for p in result.provisions if p.new_eid == in_new.eid)
        else:
            keep = tuple(p for p in result.provisions if in_old is not None and p.old_eid == in_old.eid)
        if not keep:
            raise LawtrackError(f"no provision {ref!r} in either version", expected="e.g. 'clause 5'")
        result = BillDiff(**{**result.__dict__, "provisions": keep})
    if fmt == "term" and output is None:
        from lawtrack.render.terminal import bill_diff_terminal

        console.print(bill_diff_terminal(result))
        return
    data = _render_diff(result, fmt)
    if output is None:
        click.echo(data.decode("utf-8"))
    else:
        write_atomic(output, data)
        err.print(f"wrote {output}")


def _render_diff(result: Any, fmt: str) -> bytes:
    if fmt == "html":
        from lawtrack.render.html import bill_diff_html

        return bill_diff_html(result).encode()
    if fmt == "md":
        from lawtrack.render.markdown import bill_diff_markdown

        return bill_diff_markdown(result).encode()
    if fmt == "akn":
        from lawtrack.render.akn import bill_diff_xml

        return bill_diff_xml(result)
    if fmt == "term":
        from rich.console import Console as RichConsole

        from lawtrack.render.terminal import bill_diff_terminal

        capture = RichConsole(record=True, width=120)
        capture.print(bill_diff_terminal(result))
        return capture.export_text().encode()
    from lawtrack.render.json import bill_diff_json

    return bill_diff_json(result).encode()


@main.command("draft")
@click.argument("old_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--house", type=click.Choice(["commons", "lords"]), default="commons")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "xml"]), default="text")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File (text, xml) or folder (md).")
def draft_cmd(old_file: Path, new_file: Path, house: str, fmt: str, output: Path | None) -> None:
    """Write the amendments that turn OLD into NEW, in House style (page/line from OLD's print)."""
    from lawtrack.amendments.model import OBJECT
    from lawtrack.draft import draft_with_notes

    old, new = _load_bill_arg(old_file), _load_bill_arg(new_file)
    result = draft_with_notes(old, new, house="lords" if house == "lords" else "commons")
    for note in result.notes:
        err.print(f"note: {note}", markup=False)
    if fmt == "xml":
        from lawtrack.amendments.paper_writer import write_paper

        data = write_paper(result.amendments, bill_title=old.metadata.short_title,
                           bill_version=old.metadata.stage_version, bill_number=old.metadata.number,
                           house="House of Lords" if house == "lords" else "House of Commons")
        if output is None:
            click.echo(data.decode())
        else:
            write_atomic(output, data)
        return
    if fmt == "md":
        from lawtrack.formats.markdown_writer import provision_markdown

        folder = output or Path("amendments") / "drafted"
        for a in result.amendments:
            body = a.instruction.replace(OBJECT, "")
            structure = "\n\n".join(provision_markdown(blob) for blob in a.inserted_xml)
            front = f'---\nbill: "{old.metadata.short_title}"\nstage: "{old.metadata.stage_version or ""}"\n---\n'
            write_atomic(folder / f"{int(a.number):04d}.md", front + body + ("\n\n" + structure if structure else "")
                         + "\n")
        err.print(f"wrote {len(result.amendments)} draft(s) to {folder}")
        return
    lines = [f"{a.number}. {a.instruction.replace(OBJECT, ' [text as in the new version]')}" for a in result.amendments]
    text = "\n".join(lines) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


@main.command("export-paper")
@click.argument("amendments", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--bill", "bill_title", help="Bill title (default: from the first amendment).")
@click.option("--stage", help="Stage, e.g. 'Report Stage'.")
def export_paper(amendments: tuple[Path, ...], output: Path, bill_title: str | None, stage: str | None) -> None:
    """Write Markdown drafts (or any amendments) as a LawMaker amendment paper that others can read."""
    from lawtrack.amendments.load import load_amendments
    from lawtrack.amendments.paper_writer import write_paper

    found = load_amendments(*amendments)
    if not found:
        raise LawtrackError("no amendments found", source=" ".join(map(str, amendments)))
    first = found[0]
    data = write_paper(found, bill_title=bill_title or first.bill_title or "", stage=stage or first.stage,
                       bill_version=first.bill_version, bill_number=first.bill_number, house=first.house,
                       date=first.paper_date)
    write_atomic(output, data)
    err.print(f"wrote {len(found)} amendment(s) to {output}")


# -- tracking ----------------------------------------------------------------------------------------------------


def _store(db: str | None) -> Any:
    from lawtrack.track.store import Store

    return Store(db or os.environ.get("LAWTRACK_DB") or None)


db_option = click.option("--db", help="SQLite database (default: $LAWTRACK_DB or the user data directory).")


@main.group(cls=_Group)
def track() -> None:
    """Track bills through Parliament with the Bills API (or a hand-kept record)."""


@track.command("add")
@click.argument("bill_ids", nargs=-1, required=True, type=int)
@db_option
@click.option("--bills", "bills_dir", default="bills", type=click.Path(path_type=Path))
def track_add(bill_ids: tuple[int, ...], db: str | None, bills_dir: Path) -> None:
    """Start tracking BILL_IDS (Bills API ids). A bill with a stage record under bills/ gets it at once."""
    from lawtrack.manifest import manifests
    from lawtrack.track.record import record_snapshot

    with _store(db) as store:
        records = {m.bill.bills_api_id: m for m in manifests(bills_dir) if m.record} if bills_dir.exists() else {}
        for bill_id in bill_ids:
            new = store.add(bill_id)
            m = records.get(bill_id)
            if m is not None and m.record is not None and store.source_of(bill_id) is None:
                store.record(bill_id, record_snapshot(bill_id, m.bill.title, m.record), source="record")
                err.print(f"tracking {bill_id}: loaded the stage record from {m.file}")
            else:
                err.print(f"tracking {bill_id}" if new else f"already tracking {bill_id}")


@track.command("sync")
@click.argument("bill_ids", nargs=-1, type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--no-details", is_flag=True, help="Skip per-amendment detail requests.")
def track_sync(bill_ids: tuple[int, ...], db: str | None, as_json: bool, no_details: bool) -> None:
    """Fetch every tracked bill (or BILL_IDS) from the Bills API and record what changed."""
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from lawtrack.track.client import BillsClient
    from lawtrack.track.sync import sync

    results: dict[str, Any] = {}
    failed = False
    with _store(db) as store, BillsClient() as client:
        ids = list(bill_ids) or store.tracked()
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=err, transient=True,
                      disable=as_json) as progress:
            task = progress.add_task("syncing", total=len(ids))
            for bill_id in ids:
                store.add(bill_id)
                try:
                    changes = sync(store, client, bill_id, details=not no_details,
                                   progress=lambda msg: progress.update(task, description=msg))
                    results[str(bill_id)] = {"ok": True, "changes": [c.model_dump() for c in changes]}
                except LawtrackError as exc:
                    failed = True
                    results[str(bill_id)] = {"ok": False, "error": str(exc)}
                progress.advance(task)
        stats = client.stats
    if as_json:
        _print_json({"bills": results, "requests": stats.requests, "network": stats.network,
                     "revalidated": stats.revalidated, "from_cache": stats.from_cache})
    else:
        for bill_id, r in results.items():
            if r["ok"]:
                console.print(f"{bill_id}: {len(r['changes'])} change(s)")
                for c in r["changes"]:
                    console.print(f"  {c['summary']}", markup=False)
            else:
                console.print(f"{bill_id}: [red]failed[/]: {r['error']}", markup=True)
    if failed:
        sys.exit(1)


@track.command("events")
@click.option("--since", type=int, default=0, help="Only events after this id.")
@click.option("--bill", "bill_id", type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def track_events(since: int, bill_id: int | None, db: str | None, as_json: bool) -> None:
    """The change log: one event per change, with a monotonic id."""
    with _store(db) as store:
        events = store.events(since=since, bill_id=bill_id)
    if as_json:
        _print_json({"events": events})
        return
    for e in events:
        console.print(f"{e['id']:>6}  {e['at']}  {e['bill_id']}  {e['summary']}", markup=False)


@track.command("status")
@click.argument("bill_id", type=int)
@db_option
@click.option("--paper", "papers", multiple=True, type=click.Path(path_type=Path),
              help="Amendment papers or drafts to join with the API's amendments (by dNum).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def track_status(bill_id: int, db: str | None, papers: tuple[Path, ...], as_json: bool) -> None:
    """Title, current stage and house, the stage timeline, and amendments per stage by decision."""
    from lawtrack.track.status import status

    with _store(db) as store:
        snap = store.snapshot(bill_id)
    if not snap:
        raise LawtrackError(f"bill {bill_id} has no record yet", expected="'lawtrack track add' and 'track sync'")
    data = status(bill_id, snap)
    if papers:
        from lawtrack.amendments.explain import describe_operation
        from lawtrack.amendments.instructions import parse_instruction
        from lawtrack.amendments.load import load_amendments
        from lawtrack.amendments.model import Parsed
        from lawtrack.track.join import join

        items = [v for (k, _), v in snap.items() if k == "amendment"]
        joined = []
        for item, found in join(items, load_amendments(*papers)):
            parsed = parse_instruction(found.instruction, found.inserted) if found else None
            joined.append({"number": item.get("marshalledListText"), "dnum": item.get("dNum"),
                           "decision": item.get("decision"),
                           "operation": describe_operation(parsed.operation) if isinstance(parsed, Parsed)
                           else None})
        data["joined"] = joined
    if as_json:
        _print_json(data)
        return
    console.print(f"[bold]{data['title']}[/] — now: {data['current_stage']} ({data['current_house']})"
                  + (" — Act" if data["is_act"] else ""), markup=True)
    for row in data["timeline"]:
        decisions = ", ".join(f"{k} {v}" for k, v in row["amendments"].items())
        console.print(f"  {', '.join(row['dates']) or '(no date)':<24} {row['house'] or '':<10} {row['stage']}"
                      + (f"  [{decisions}]" if decisions else ""), markup=False)
    for j in data.get("joined", []):
        console.print(f"  amendment {j['number']} ({j['dnum']}): {j['decision']} — {j['operation']}", markup=False)


@track.command("feed")
@click.argument("bill_id", type=int, required=False)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@db_option
def track_feed(bill_id: int | None, output: Path, db: str | None) -> None:
    """Write an Atom feed of one bill's events (or of all tracked bills)."""
    from lawtrack.track.feeds import atom

    with _store(db) as store:
        events = store.events(bill_id=bill_id)
        title = "lawtrack: all tracked bills"
        if bill_id is not None:
            bill = store.snapshot(bill_id).get(("bill", str(bill_id)), {})
            title = f"lawtrack: {bill.get('shortTitle') or bill_id}"
    write_atomic(output, atom(events, title=title, feed_id=f"urn:lawtrack:bills:{bill_id or 'all'}"))
    err.print(f"wrote {len(events)} event(s) to {output}")


@main.group(cls=_Group)
def site() -> None:
    """The campaign site: generated pages for every bill under bills/, built with MkDocs."""


@site.command("generate")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("docs/bills"))
@click.option("--bills", "bills_dir", default="bills", type=click.Path(file_okay=False, path_type=Path))
@db_option
def site_generate(out: Path, bills_dir: Path, db: str | None) -> None:
    """Write the Markdown pages, static JSON and Atom feeds (builder-agnostic)."""
    from lawtrack.site.generate import generate
    from lawtrack.track.store import default_path

    chosen = db or os.environ.get("LAWTRACK_DB")
    written = generate(out, bills_dir=bills_dir, db=Path(chosen) if chosen else default_path())
    err.print(f"generated pages for {len(written)} bill(s) in {out}")


@site.command("build")
@db_option
@click.option("--builder", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs")
def site_build(db: str | None, builder: str) -> None:
    """Generate the pages, then build the site into site/."""
    from lawtrack.site.generate import build
    from lawtrack.track.store import default_path

    chosen = db or os.environ.get("LAWTRACK_DB")
    out = build(root=Path("."), db=Path(chosen) if chosen else default_path(), builder=builder)
    console.print(f"site built in {out}/ — open {out}/index.html")


@main.command("demo")
@click.option("--bills", "bills_dir", default="bills", type=click.Path(file_okay=False, path_type=Path))
@click.option("--db", "db", default="build/demo.sqlite", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-site", is_flag=True, help="Only print the summary.")
def demo(bills_dir: Path, db: Path, no_site: bool) -> None:
    """The main job, offline: model the bills under bills/, apply our amendments, load each bill's stage
    record, parse a real amendment paper, and build the campaign site into site/."""
    from lawtrack.amendments.apply import apply
    from lawtrack.amendments.load import load_amendments, load_paper
    from lawtrack.amendments.report import paper_rows
    from lawtrack.manifest import manifests
    from lawtrack.track.record import record_snapshot
    from lawtrack.track.store import Store

    found = manifests(bills_dir)
    if not found:
        raise LawtrackError("no bill manifests", source=str(bills_dir), expected="bills/*.toml")
    if db.exists():
        db.unlink()
    with Store(db) as store:
        for m in found:
            b = m.load()
            data = outline(b)
            console.print(f"[bold]{m.bill.title}[/] ({m.bill.session})", markup=True)
            console.print(f"  modelled from {m.source.description or m.source.path}: {data['clauses']} clauses, "
                          f"{data['schedules']} Schedules, {sum(1 for _ in b.walk())} provisions")
            if m.record is not None and m.bill.bills_api_id is not None:
                store.record(m.bill.bills_api_id, record_snapshot(m.bill.bills_api_id, m.bill.title, m.record),
                             source="record")
                last = m.record.stages[-1]
                console.print(f"  stage record: {len(m.record.stages)} stages, last {last.stage} "
                              f"{', '.join(last.dates)}")
            if m.site.amendments:
                drafts = load_amendments(m.resolve(m.site.amendments))
                result = apply(b, drafts)
                for o in result.outcomes:
                    console.print(f"  amendment {o.number or 'draft'}: {o.status} — {o.detail}", markup=False)
                if not result.all_applied:
                    raise LawtrackError("our amendments no longer apply cleanly", source=m.site.amendments)
            for paper_path in m.site.papers:
                paper = load_paper(m.resolve(paper_path))
                rows = paper_rows(paper)
                agree = sum(1 for r in rows if r["consistent"])
                console.print(f"  paper {Path(paper_path).name}: {len(rows)} amendments, {agree} parsed and "
                              f"consistent with the paper's markup")
    if no_site:
        return
    from lawtrack.site.generate import build

    out = build(root=Path("."), db=db)
    page = next((out / "bills" / m.bill.slug / "index.html" for m in found if m.bill.bills_api_id == 3443),
                out / "index.html")
    console.print(f"site built: {page}")




if __name__ == "__main__":  # pragma: no cover
    main()
