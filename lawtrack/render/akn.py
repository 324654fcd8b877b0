"""Keeling XML in LawMaker markup: ``<ins>``/``<del>`` inside text; whole provisions marked with
``ukl:change="ins|del"`` and ``ukl:changeStart``/``ukl:changeEnd``; the amendment in ``ukl:changeDnum``."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from lawtrack.diff.compare import BillDiff
from lawtrack.diff.keeling import KeelingUnit, Marked
from lawtrack.formats.akn import NSMAP, U, akn
from lawtrack.formats.lawmaker import XML_DECLARATION


def _p(parent: etree._Element, segments: Iterable[Marked]) -> None:
    p = etree.SubElement(parent, akn("p"))
    last: etree._Element | None = None
    for s in segments:
        if s.op == "equal":
            if last is None:
                p.text = (p.text or "") + s.text
            else:
                last.tail = (last.tail or "") + s.text
            continue
        el = etree.SubElement(p, akn("ins" if s.op == "insert" else "del"))
        el.text = s.text
        if s.amendments:
            el.set(U + "changeDnum", " ".join(s.amendments))
        last = el


def _provision(body: etree._Element, ref: str, eid: str | None, heading: str | None, change: str,
               segments: Iterable[Marked], who: tuple[str, ...]) -> None:
    hc = etree.SubElement(body, akn("hcontainer"), name="provision")
    if eid:
        hc.set("eId", eid)
    if change in ("added", "removed"):
        hc.set(U + "change", "ins" if change == "added" else "del")
        hc.set(U + "changeStart", "true")
        hc.set(U + "changeEnd", "true")
        if who:
            hc.set(U + "changeDnum", " ".join(who))
    etree.SubElement(hc, akn("num")).text = ref
    if heading:
        etree.SubElement(hc, akn("heading")).text = heading
    content = etree.SubElement(hc, akn("content"))
    _p(content, segments if change not in ("added", "removed") else [Marked(op="equal", text="".join(
        s.text for s in segments))])


def _document(title: str) -> tuple[etree._Element, etree._Element]:
    root = etree.Element(akn("akomaNtoso"), nsmap=NSMAP)  # type: ignore[arg-type]
    doc = etree.SubElement(root, akn("doc"), name="keeling")
    preface = etree.SubElement(doc, akn("preface"))
    etree.SubElement(preface, akn("p")).text = title
    return root, etree.SubElement(doc, akn("mainBody"))


def keeling_xml(units: Iterable[KeelingUnit], *, title: str) -> bytes:
    root, body = _document(title)
    for u in units:
        _provision(body, u.ref, u.eid, u.heading, u.change, u.segments, u.amendments)
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8")


def bill_diff_xml(diff: BillDiff) -> bytes:
    root, body = _document(f"{diff.old_title}: {diff.old_version} → {diff.new_version}")
    for p in diff.provisions:
        segments = [Marked(op=s.op, text=s.text) for s in p.diff] if p.diff else []
        if not segments:
            continue
        _provision(body, p.label, p.new_eid or p.old_eid, p.heading, p.change, segments, ())
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8")
