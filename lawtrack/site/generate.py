"""Generate the campaign site's Markdown pages and static JSON/feeds (shell), then build it with MkDocs.

``generate`` reads ``bills/*.toml``, the Markdown drafts they name, the tracking store (or a bill's hand-kept
record when the store has nothing for it) and the sources named in the manifests; it writes plain Markdown that
any MkDocs-compatible builder can build. ``build`` runs the builder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from lawtrack.amendments.apply import apply
from lawtrack.amendments.load import load_amendments, load_paper
from lawtrack.amendments.model import Amendment, AmendmentPaper
from lawtrack.amendments.report import paper_rows
from lawtrack.diff.compare import compare
from lawtrack.diff.keeling import KeelingUnit, Marked, keeling
from lawtrack.errors import LawtrackError
from lawtrack.fileio import replace_dir, write_aside
from lawtrack.formats.load import load_bill
from lawtrack.manifest import Manifest, manifests
from lawtrack.model.bill import Bill
from lawtrack.outline import outline
from lawtrack.render.html import CSS as DIFF_CSS
from lawtrack.render.markdown import bill_diff_markdown
from lawtrack.site import pages
from lawtrack.site.blocks import Page, to_markdown
from lawtrack.track.events import Snapshot
from lawtrack.track.feeds import atom
from lawtrack.track.record import record_snapshot
from lawtrack.track.status import status
from lawtrack.track.store import Store
from lawtrack.track.stored import Record

#: The renderers' stylesheet plus the site's own layout rules.
CSS = DIFF_CSS + """
.lt-before-after{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.lt-instruction{font-style:normal}
"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "amendment"


def _amendment_slug(a: Amendment) -> str:
    return _slug(a.label)


def _snapshot(m: Manifest, store: Store | None) -> Snapshot:
    bill_id = m.bill.bills_api_id
    if store is not None and bill_id is not None:
        snap = store.snapshot(bill_id)
        if snap:
            return snap
    if m.record is not None:
        return record_snapshot(bill_id or 0, m.bill.title, m.record)
    return {}


def _write(path: Path, text: str | bytes) -> None:
    """A page of a folder being built aside (the folder is put in place whole)."""
    write_aside(path, text)


def _page(path: Path, page: Page, sink: dict[Path, Page]) -> None:
    """An amendment page: written as Markdown, and kept as blocks for a builder that writes its HTML itself."""
    _write(path, to_markdown(page))
    sink[path] = page


def clear_leftovers(folder: Path, prefix: str) -> None:
    """Remove what killed builds left in ``folder`` (names starting with ``prefix``, of processes now gone)."""
    if not folder.is_dir():
        return
    for stale in folder.glob(prefix + "*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process
        return True
    return True


def generate(out: Path, *, bills_dir: Path = Path("bills"), db: Path | None = None,
             amendment_pages: dict[str, Page] | None = None) -> list[Path]:
    """Write the generated pages under ``out``, replacing what was there as a whole (built aside, then swapped
    into place: a build that fails or is killed leaves the old pages); return the bill pages written.

    ``amendment_pages``, when given, receives every amendment page as blocks, keyed by its file's path relative
    to ``out`` (``bill/amendments/27.md``), for a builder that writes them as HTML itself."""
    found = manifests(bills_dir)
    if not found:
        raise LawtrackError("no bill manifests", source=str(bills_dir), expected="bills/*.toml")
    prefix = f".{out.name}.new-"
    clear_leftovers(out.parent, prefix)
    tmp = out.with_name(f"{prefix}{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    store = Store(db) if db is not None and db.exists() else None
    written: list[Path] = []
    summaries: list[dict[str, Any]] = []
    all_events: list[dict[str, Any]] = []
    sink: dict[Path, Page] = {}
    try:
        for m in found:
            info = _bill_pages(m, tmp, store, sink)
            summaries.append(info)
            written.append(out / m.bill.slug / "index.md")
            if store is not None and m.bill.bills_api_id is not None:
                all_events += store.events(bill_id=m.bill.bills_api_id)
        _write(tmp / "index.md", pages.home_page(summaries, all_events))
        _write(tmp / "api" / "events.json", json.dumps({"events": all_events}, ensure_ascii=False, indent=2))
        _write(tmp / "feeds" / "all.xml", atom(all_events, title="lawtrack: all tracked bills",
                                               feed_id="urn:lawtrack:bills:all"))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if store is not None:
            store.close()
    replace_dir(tmp, out)
    if amendment_pages is not None:
        amendment_pages.update((path.relative_to(tmp).as_posix(), page) for path, page in sink.items())
    return written


def _bill_pages(m: Manifest, out: Path, store: Store | None, sink: dict[Path, Page]) -> dict[str, Any]:
    slug = m.bill.slug
    folder = out / slug
    bill = m.load()
    # each print is read once: the bill's own text is usually also its last version, and a middle version is
    # the new side of one comparison and the old side of the next (bills are immutable, so sharing is safe)
    loaded: dict[Path, Bill] = {m.source_path(): bill}

    def load(path: Path) -> Bill:
        if path not in loaded:
            loaded[path] = load_bill(path)
        return loaded[path]

    snap = _snapshot(m, store)
    bill_id = m.bill.bills_api_id or 0
    st = status(bill_id, snap) if snap else None
    record = Record(snap)
    bill_entity = record.bill(bill_id)
    # our drafts, applied together (Keeling view) and one by one (their own pages)
    drafts = load_amendments(m.resolve(m.site.amendments)) if m.site.amendments else []
    labels = [d.label for d in drafts]
    slugs = _unique_slugs(drafts)
    slug_of = dict(zip(labels, slugs, strict=True))

    def link(label: str) -> str:  # from keeling.md to an amendment's page
        return f"../amendments/{slug_of.get(label, _slug(label))}/"

    record_amendments = {(a.marshalled_list_text, a.house): a for a in record.amendments.values()}
    listed: list[dict[str, Any]] = []
    if drafts:
        together = apply(bill, drafts)
        all_units = keeling(bill, together)
        _write(folder / "keeling.md", pages.keeling_page(f"{m.bill.title}: Keeling view with our amendments",
                                                          all_units, link))
        label_count = Counter(labels)
        units_of: dict[str, list[KeelingUnit]] = {}  # index once: which units each amendment changes
        for u in all_units:
            for label in dict.fromkeys(u.amendments):
                units_of.setdefault(label, []).append(u)
        for a, outcome, a_slug in zip(drafts, together.outcomes, slugs, strict=True):
            if outcome.status == "applied" and label_count[a.label] == 1:
                # what this amendment does, read off the combined Keeling view (one apply for all drafts)
                units = [_only(u, a.label) for u in units_of.get(a.label, [])]
            elif outcome.status == "conflict" or label_count[a.label] > 1:
                # what it would do on its own (each amendment is planned on the text as printed, so only a
                # conflict, or a number shared with another draft, can read differently alone)
                single = apply(bill, [a])
                outcome, units = single.outcomes[0], keeling(bill, single)
            else:
                units = []
            house = "Lords" if "lords" in (a.house or "").lower() else "Commons" if a.house else None
            rec = record_amendments.get((a.number, house)) if a.number else None
            page = pages.amendment_page(
                bill_title=m.bill.title, amendment=a, outcome=outcome, units=units,
                decision=rec.decision if rec else None, inferred=bool(rec and rec.decision_inferred),
                keeling_href="../../keeling/", link=lambda n: f"../{slug_of.get(n, _slug(n))}/",
                note=rec.note if rec else None, sources=list(rec.sources) if rec else [])
            _page(folder / "amendments" / f"{a_slug}.md", page, sink)
    drafts_by_number: dict[str, tuple[Amendment, str]] = {}
    for d, d_slug in zip(drafts, slugs, strict=True):
        if d.number:
            drafts_by_number[d.number] = (d, d_slug)  # the last draft of a number, as before
    for _key, item in sorted(record.amendments.items()):
        number = item.marshalled_list_text
        found = drafts_by_number.get(number or "")
        draft, draft_slug = found if found else (None, None)
        listed.append({"label": number or "?", "heading": item.main_header or (draft.heading if draft else None),
                       "decision": item.decision, "inferred": item.decision_inferred, "house": item.house or "",
                       "stage": item.stage_name or record.stage_name(item.bill_stage_id), "slug": draft_slug})
    shown = {x.get("slug") for x in listed}
    for d, d_slug in zip(drafts, slugs, strict=True):
        if d_slug not in shown:
            listed.append({"label": d.number or "draft", "heading": d.heading or pages.instruction_text(d),
                           "decision": None, "house": "", "stage": "Our drafts", "slug": d_slug})
    comparisons: list[tuple[str, str]] = []
    for old_v, new_v in zip(m.versions, m.versions[1:], strict=False):
        diff = compare(load(m.resolve(old_v.path)), load(m.resolve(new_v.path)))
        name = f"compare-{_slug(old_v.label)}-to-{_slug(new_v.label)}"
        _write(folder / f"{name}.md", bill_diff_markdown(diff, title=f"{old_v.label} → {new_v.label}"))
        comparisons.append((f"{old_v.label} → {new_v.label}", f"{name}.md"))
    papers: list[tuple[str, str]] = []
    for paper_path in m.site.papers:
        paper = load_paper(m.resolve(paper_path))
        name = _slug(Path(paper_path).stem)
        _paper_pages(m, bill, paper, folder / "papers" / name, sink)
        papers.append((f"{paper.stage}, {pages.human_date(paper.date)} ({len(paper.amendments)} amendments)",
                       f"papers/{name}/index.md"))
    acts = _act_pages(m, bill, folder)
    data = outline(bill)
    sponsors = [s.name for s in bill_entity.sponsors]
    publications = list(record.publications.values())
    _write(folder / "index.md", pages.bill_page(
        title=m.bill.title, slug=slug, long_title=bill_entity.long_title or bill.metadata.long_title,
        sponsors=[s for s in sponsors if s], status=st, amendments=listed, outline=data["outline"],
        publications=publications, source=m.source.description or m.source.path, comparisons=comparisons,
        papers=papers, has_keeling=bool(drafts), acts=acts))
    summary = {"slug": slug, "title": m.bill.title, "bill_id": m.bill.bills_api_id,
               "current_stage": st["current_stage"] if st else None,
               "current_house": st["current_house"] if st else None,
               "last_change": bill_entity.last_update, "status": st, "amendments": listed,
               "clauses": data["clauses"], "schedules": data["schedules"]}
    _write(out / "api" / "bills" / f"{slug}.json", json.dumps(summary, ensure_ascii=False, indent=2))
    if store is not None and m.bill.bills_api_id is not None:
        events = store.events(bill_id=m.bill.bills_api_id)
        _write(out / "feeds" / f"{slug}.xml", atom(events, title=f"lawtrack: {m.bill.title}",
                                                   feed_id=f"urn:lawtrack:bills:{m.bill.bills_api_id}"))
    return summary


def _act_pages(m: Manifest, bill: Bill, folder: Path) -> list[tuple[str, str]]:
    """One Keeling schedule page per Act the manifest says the bill amends: (link text, page)."""
    from lawtrack.acts.schedule import keeling as act_keeling
    from lawtrack.render.markdown import act_keeling_markdown

    out: list[tuple[str, str]] = []
    for amends in m.amends:
        k = act_keeling(load_bill(m.resolve(amends.path)), bill)
        name = f"acts/{_slug(k.act_title)}.md"
        applied = sum(1 for r in k.rows if r.status == "applied")
        intro = (f"What the {m.bill.title} does to the {k.act_title}: {len(k.rows)} amending provision(s) of the "
                 f"bill, {applied} applied to the Act's text below; each change links to its row in the table of "
                 f"amendments at the end" + (f"; {len(k.unread)} provision(s) that could not be read are listed "
                                              f"after it." if k.unread else "."))
        _write(folder / name, act_keeling_markdown(k.changed_units(), [r.model_dump(mode="json") for r in k.rows],
                                                   title=f"{k.act_title}: Keeling schedule", intro=intro,
                                                   unread=[u.model_dump(mode="json") for u in k.unread]))
        out.append((f"{k.act_title} ({len(k.rows)} amendments)", name))
    return out


def _unique_slugs(amendments: list[Amendment]) -> list[str]:
    """One slug per amendment, unique within the list ("27", "27-2" for a number used twice)."""
    seen: dict[str, int] = {}
    out = []
    for a in amendments:
        base = _amendment_slug(a)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def _paper_pages(m: Manifest, bill: Bill, paper: AmendmentPaper, folder: Path, sink: dict[Path, Page]) -> None:
    """A real amendment paper: one row per amendment saying where and what, whether lawtrack could apply it to
    the text it has (and why not), and one page per amendment."""
    amendments = list(paper.amendments)
    result = apply(bill, amendments)
    all_units = keeling(bill, result)
    slugs = _unique_slugs(amendments)
    numbers = [a.label for a in amendments]
    by_number = dict(zip(numbers, slugs, strict=True))
    rows = paper_rows(paper)
    for row, outcome, slug in zip(rows, result.outcomes, slugs, strict=True):
        row["slug"] = slug
        row["outcome"] = {"status": outcome.status, "detail": outcome.detail}
    for a, outcome, slug in zip(amendments, result.outcomes, slugs, strict=True):
        units = ([_only(u, a.label) for u in all_units if a.label in u.amendments]
                 if outcome.status == "applied" and numbers.count(a.label) == 1 else [])
        page = pages.amendment_page(
            bill_title=m.bill.title, amendment=a, outcome=outcome, units=units, decision=None, inferred=False,
            keeling_href=None, link=lambda n: f"../{by_number.get(n, _slug(n))}/", note=None, sources=[],
            paper=(pages.paper_title(paper), "../index.md"))
        _page(folder / "amendments" / f"{slug}.md", page, sink)
    _write(folder / "index.md", pages.paper_page(paper, rows, source=m.source.description or m.source.path))


def _only(unit: KeelingUnit, number: str) -> KeelingUnit:
    """A Keeling unit showing only ``number``'s changes (other amendments' words as plain text)."""
    kept: list[Marked] = []
    for seg in unit.segments:
        if seg.op == "equal" or number in seg.amendments:
            kept.append(seg)
        elif seg.op == "insert":
            kept.append(Marked(op="equal", text=seg.text))
    return unit.model_copy(update={"segments": tuple(kept), "amendments": (number,)})


