"""HTML: ``<ins>``/``<del>`` with classes, readable without colour (underline and strike-through, legend).

Every piece of bill, amendment or API text is escaped; markup is only ever produced here, around escaped text,
and each element is opened and closed inside one segment, so a rendered diff never has broken tags.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from lawtrack.diff.compare import BillDiff, ProvisionDiff
from lawtrack.diff.words import Segment

if TYPE_CHECKING:  # only named in annotations: a diff page need not import the amendments engine
    from lawtrack.diff.keeling import KeelingUnit, Marked

CSS = """
.lt-diff{white-space:pre-wrap;line-height:1.6}
.lt-diff ins{text-decoration:underline;text-decoration-thickness:2px;background:#e6ffec;color:inherit}
.lt-diff del{text-decoration:line-through;background:#ffebe9;color:inherit}
.lt-diff ins::before{content:"[inserted: ";position:absolute;clip-path:inset(50%);width:1px;height:1px;overflow:hidden}
.lt-diff del::before{content:"[left out: ";position:absolute;clip-path:inset(50%);width:1px;height:1px;overflow:hidden}
.lt-badge{display:inline-block;padding:0 .5em;border:2px solid currentColor;border-radius:.4em;font-weight:600}
.lt-badge-agreed{color:#116329}.lt-badge-negatived{color:#a40e26}.lt-badge-withdrawn{color:#6e4c00}
.lt-badge-no-decision,.lt-badge-not-moved,.lt-badge-not-called{color:#57606a}
"""

#: An anchor or id lawtrack writes into attr_list, hrefs and ids: letters, digits and underscores only.
_ANCHOR = re.compile(r"[A-Za-z0-9_]+")


def anchor(eid: str | None) -> str | None:
    """An eId as an HTML id / URL fragment: itself, lower-cased, when it is letters, digits and underscores
    (as LawMaker's are); else a stable stand-in derived from it, so a hostile eId never becomes markup."""
    if not eid:
        return None
    if _ANCHOR.fullmatch(eid):
        return eid.lower()
    return "p-" + hashlib.sha256(eid.encode("utf-8")).hexdigest()[:16]


LEGEND = ('<p class="lt-legend"><ins>underlined text</ins> is inserted; <del>struck-through text</del> is left '
          "out.</p>")


def segments_html(segments: Iterable[Segment]) -> str:
    out = []
    for s in segments:
        text = escape(s.text)
        if s.op == "insert":
            out.append(f'<ins class="lt-ins">{text}</ins>')
        elif s.op == "delete":
            out.append(f'<del class="lt-del">{text}</del>')
        else:
            out.append(text)
    return '<div class="lt-diff">' + "".join(out) + "</div>"


def marked_html(segments: Iterable[Marked], link: Callable[[str], str]) -> str:
    """Keeling segments; each change carries the amendment numbers as links (``link(number)`` gives the URL)."""
    out = []
    for s in segments:
        text = escape(s.text)
        if s.op == "equal":
            out.append(text)
            continue
        tag = "ins" if s.op == "insert" else "del"
        names = " ".join(s.amendments)
        refs = "".join(f'<a class="lt-amendment" href="{escape(link(n), quote=True)}">[{escape(n)}]</a>'
                       for n in s.amendments)
        title = f' title="amendment {escape(names, quote=True)}"' if names else ""
        data = f' data-amendments="{escape(names, quote=True)}"' if names else ""
        out.append(f'<{tag} class="lt-{tag}"{title}{data}>{text}</{tag}>{refs}')
    return '<div class="lt-diff">' + "".join(out) + "</div>"


def provision_html(p: ProvisionDiff) -> str:
    head = escape(p.label) + (f" — {escape(p.heading)}" if p.heading else "")
    change = escape(p.change) + (f" (was {escape(p.old_ref)})" if p.old_ref and p.old_ref != p.new_ref else "")
    body = segments_html(p.diff) if p.diff else ""
    return f'<section class="lt-provision lt-{escape(p.change)}"><h3>{head}</h3><p>{change}</p>{body}</section>'


def bill_diff_html(diff: BillDiff, *, title: str | None = None) -> str:
    heading = title or f"{diff.old_title}: {diff.old_version or 'old'} → {diff.new_version or 'new'}"
    rows = "".join(f"<tr><td>{escape(a)}</td><td>{escape(b)}</td></tr>" for a, b in diff.renumbering())
    table = (f"<h2>Renumbering</h2><table><thead><tr><th>Old</th><th>New</th></tr></thead><tbody>{rows}"
             "</tbody></table>") if rows else ""
    counts = ", ".join(f"{v} {escape(k)}" for k, v in sorted(diff.counts().items()))
    changes = "".join(provision_html(p) for p in diff.provisions if p.change != "unchanged")
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(heading)}</title>"
            f"<style>{CSS}</style></head><body><h1>{escape(heading)}</h1>{LEGEND}<p>{counts}</p>{table}"
            f"<h2>Changes</h2>{changes}</body></html>")


def _units_html(units: Iterable[KeelingUnit], link: Callable[[str], str]) -> list[str]:
    parts = []
    for u in units:
        head = escape(u.ref) + (f" — {escape(u.heading)}" if u.heading else "")
        parts.append(f'<section id="{anchor(u.eid) or ""}" class="lt-provision lt-{escape(u.change)}">'
                     f"<h3>{head}</h3>{marked_html(u.segments, link)}</section>")
    return parts


def keeling_html(units: Iterable[KeelingUnit], link: Callable[[str], str], *, title: str) -> str:
    parts = _units_html(units, link)
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>{LEGEND}{''.join(parts)}</body></html>")


def _row_id(source_eid: object) -> str:
    return "src-" + (anchor(str(source_eid)) or "row")


def amendments_table_html(rows: Iterable[Mapping[str, object]]) -> str:
    """The table of amendments of an Act's Keeling schedule: one row per amending provision of the bill, each
    with an id (``src-<eId>``) the changes in the schedule link to."""
    head = ("<tr><th>bill provision</th><th>what it does</th><th>type</th><th>Act provision</th><th>where</th>"
            "<th>outcome</th></tr>")
    body = []
    for r in rows:
        outcome = escape(str(r.get("status", "")))
        if r.get("detail"):
            outcome += f" — {escape(str(r['detail']))}"
        body.append(f'<tr id="{_row_id(r.get("source_eid"))}"><td>{escape(str(r.get("source", "")))}</td>'
                    f'<td>{escape(str(r.get("operation", "")))}</td><td>{escape(str(r.get("type_of_amendment", "")))}'
                    f'</td><td><code>{escape(str(r.get("affected_provision", "")))}</code></td>'
                    f'<td>{escape(str(r.get("location", "")))}</td><td>{outcome}</td></tr>')
    return f'<table class="lt-amendments">{head}{"".join(body)}</table>'


def unread_html(unread: Sequence[Mapping[str, object]]) -> str:
    """The bill provisions that seem to amend the Act but could not be read, each with its reason."""
    if not unread:
        return ""
    items = "".join(f"<li>{escape(str(u.get('source', '')))}: {escape(str(u.get('reason', '')))} — "
                    f"“{escape(str(u.get('text', '')))}”</li>" for u in unread)
    return f'<h2 id="unread">Not read</h2><ul class="lt-unread">{items}</ul>'


def act_keeling_html(units: Iterable[KeelingUnit], rows: Sequence[Mapping[str, object]], *, title: str,
                     intro: str = "", unread: Sequence[Mapping[str, object]] = ()) -> str:
    """An Act's Keeling schedule: the changed provisions (each change linked to the bill provision that makes
    it), then the table of amendments."""
    by_source = {str(r.get("source")): _row_id(r.get("source_eid")) for r in rows}

    def link(source: str) -> str:
        return "#" + by_source.get(source, "amendments")

    parts = _units_html(units, link)
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1><p>{escape(intro)}</p>{LEGEND}"
            f"{''.join(parts)}<h2 id=\"amendments\">Table of amendments</h2>{amendments_table_html(rows)}"
            f"{unread_html(unread)}</body></html>")
