"""``lawtrack demo``: the main job, offline, on the documents that ship under bills/."""

from __future__ import annotations

from pathlib import Path

import click

from lawtrack.cli.common import console
from lawtrack.errors import LawtrackError


@click.command("demo")
@click.option("--bills", "bills_dir", default="bills", type=click.Path(file_okay=False, path_type=Path))
@click.option("--db", "db", default="build/demo.sqlite", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-site", is_flag=True, help="Only print the summary.")
def demo(bills_dir: Path, db: Path, no_site: bool) -> None:
    """The main job, offline: model the bills under bills/, apply our amendments, load each bill's stage
    record, parse the real amendment papers, and build the campaign site into site/.

    \b
    Example:
      lawtrack demo
    """
    from lawtrack.amendments.apply import apply
    from lawtrack.amendments.load import load_amendments, load_paper
    from lawtrack.amendments.report import paper_rows
    from lawtrack.manifest import manifests
    from lawtrack.outline import outline
    from lawtrack.track.record import record_snapshot
    from lawtrack.track.store import Store

    found = manifests(bills_dir)
    if not found:
        raise LawtrackError("no bill manifests", source=str(bills_dir), expected="bills/*.toml")
    if db.exists():
        db.unlink()
    out = console()
    with Store(db) as store:
        for m in found:
            b = m.load()
            data = outline(b)
            out.print(f"[bold]{m.bill.title}[/] ({m.bill.session})", markup=True)
            out.print(f"  modelled from {m.source.description or m.source.path}: {data['clauses']} clauses, "
                      f"{data['schedules']} Schedules, {sum(1 for _ in b.walk())} provisions")
            if m.record is not None and m.bill.bills_api_id is not None:
                store.record(m.bill.bills_api_id, record_snapshot(m.bill.bills_api_id, m.bill.title, m.record),
                             source="record")
                last = m.record.stages[-1]
                out.print(f"  stage record: {len(m.record.stages)} stages, last {last.stage} {', '.join(last.dates)}")
            if m.site.amendments:
                drafts = load_amendments(m.resolve(m.site.amendments))
                result = apply(b, drafts)
                for o in result.outcomes:
                    out.print(f"  amendment {o.number or 'draft'}: {o.status} — {o.detail}", markup=False)
                if not result.all_applied:
                    raise LawtrackError("our amendments no longer apply cleanly", source=m.site.amendments)
            for amends in m.amends:
                from lawtrack.acts.schedule import keeling
                from lawtrack.formats.load import load_bill

                k = keeling(load_bill(m.resolve(amends.path)), b)
                applied = sum(1 for r in k.rows if r.status == "applied")
                out.print(f"  amends the {k.act_title}: {len(k.rows)} amending provisions, {applied} applied to "
                          f"its text, {len(k.unread)} not read", markup=False)
            for paper_path in m.site.papers:
                paper = load_paper(m.resolve(paper_path))
                rows = paper_rows(paper)
                agree = sum(1 for r in rows if r["consistent"])
                out.print(f"  paper {Path(paper_path).name}: {len(rows)} amendments, {agree} parsed and "
                          f"consistent with the paper's markup")
    if no_site:
        return
    from lawtrack.site.build import build

    site = build(root=Path("."), db=db)
    page = next((site / "bills" / m.bill.slug / "index.html" for m in found if m.bill.bills_api_id == 3443),
                site / "index.html")
    out.print(f"site built: {page}")
