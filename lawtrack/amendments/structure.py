"""Inserted structure: new provisions from an amendment, given fresh identity and placed in the bill."""

from __future__ import annotations

import re
import uuid
from typing import Literal, NamedTuple

from lxml import etree

from lawtrack.formats.akn import akn, local
from lawtrack.formats.lawmaker import ProvisionSpan, provision_kind
from lawtrack.formats.xmlsafe import parse_xml
from lawtrack.model.provision import Kind

_GUID_NS = uuid.UUID("0b1e3d7c-5a4f-5e0e-8d3a-6c6177747261")
_PROVISION_TAGS = frozenset({"section", "subsection", "paragraph", "subparagraph", "level", "hcontainer", "article",
                             "part", "chapter"})
_EID_KEY = {
    "section": "sec", "subsection": "subsec", "paragraph": "para", "subparagraph": "subpara", "article": "art",
    "part": "pt", "chapter": "chp",
}


def structure_elements(xml: bytes, source: str) -> list[etree._Element]:
    """The provision elements inside one serialised ``quotedStructure``."""
    root = parse_xml(xml, source)
    return [c for c in root if local(c.tag) in _PROVISION_TAGS]


def kind_of(el: etree._Element) -> Kind | None:
    return provision_kind(el, local(el.tag))


def num_label(el: etree._Element) -> str:
    num = el.find(akn("num"))
    text = "".join(str(t) for t in num.itertext()) if num is not None else ""
    return text.strip().strip("()").strip()


def refresh_ids(el: etree._Element, new_eid: str, seed: str, taken: set[str]) -> None:
    """Give an inserted element (and its descendants) new GUIDs and eIds under ``new_eid``."""
    old = el.get("eId") or ""
    eid = new_eid
    n = 2
    while eid in taken:
        eid = f"{new_eid}_{n}"
        n += 1
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.get("GUID") is not None:
            node.set("GUID", "_" + str(uuid.uuid5(_GUID_NS, f"{seed}:{node.get('GUID')}:{node.get('eId')}")))
        node_eid = node.get("eId")
        if node_eid is not None:
            if node is el:
                node.set("eId", eid)
            elif old and node_eid.startswith(old):
                node.set("eId", eid + node_eid[len(old):])
            else:
                node.set("eId", f"{eid}__{node_eid.rsplit('__', 1)[-1]}")
        if node.get("eId"):
            taken.add(node.get("eId", ""))


def child_eid(parent: etree._Element | None, el: etree._Element, label: str) -> str:
    key = _EID_KEY.get(local(el.tag))
    if key is None:
        cls = el.get("class", "")
        key = {"para1": "para", "para2": "subpara", "para3": "subsubpara"}.get(cls, "level")
    safe = re.sub(r"[^A-Za-z0-9]", "", label) or "new"
    prefix = (parent.get("eId") or "") if parent is not None else ""
    if local(el.tag) == "section" or (prefix.startswith("scheds") or prefix == "body"):
        prefix = ""
    return f"{prefix}__{key}_{safe}" if prefix else f"{key}_{safe}"


def innermost(spans: list[ProvisionSpan], pos: int) -> list[ProvisionSpan]:
    """The chain of provision spans containing ``pos`` (or ending exactly at it), outermost first."""
    chain: list[ProvisionSpan] = []
    level = spans
    while True:
        found = None
        for span in level:
            if span.start <= pos <= span.end and span.end > span.start:
                found = span
        if found is None:
            return chain
        chain.append(found)
        level = found.children


class Place(NamedTuple):
    """Where inserted provisions go: ``after`` a provision of their kind, ``before`` a first child, or
    ``append``-ed to a provision that had none; ``parent`` is the element they end up in."""

    mode: Literal["after", "before", "append"]
    node: etree._Element
    parent: etree._Element | None


def find_place(spans: list[ProvisionSpan], pos: int, new: etree._Element) -> Place | None:
    """Where provisions like ``new`` go when inserted at text position ``pos`` (pure: nothing is moved):
    after the provision of the same kind that the position is in (or ends), else as the first child of the
    provision whose own words end there, else at the end of the innermost provision. None when there is no
    provision at ``pos``."""
    want = (kind_of(new), local(new.tag))
    chain = innermost(spans, pos)
    for span in reversed(chain):
        if (kind_of(span.node), local(span.node.tag)) == want:
            return Place("after", span.node, span.node.getparent())
    for span in reversed(chain):
        first_child = next((c for c in span.children), None)
        if first_child is not None and first_child.start >= pos:
            return Place("before", first_child.node, span.node)
    if chain:
        return Place("append", chain[-1].node, chain[-1].node)
    return None


def put(place: Place, new: list[etree._Element], placed_after: dict[int, etree._Element]) -> None:
    """Insert ``new`` at ``place``. ``placed_after`` remembers what earlier amendments inserted after each
    provision, so that several insertions at one place keep their marshalled order."""
    if place.mode == "after":
        anchor = placed_after.get(id(place.node), place.node)
        for el in new:
            anchor.addnext(el)
            el.tail = anchor.tail
            anchor = el
        placed_after[id(place.node)] = anchor
    elif place.mode == "before":
        for el in new:
            place.node.addprevious(el)
    else:
        _promote_content(place.node)
        for el in new:
            place.node.append(el)


def _promote_content(host: etree._Element) -> None:
    """A provision that gains children turns its ``content`` into ``intro``."""
    for child in host:
        if local(child.tag) == "content":
            child.tag = akn("intro")
