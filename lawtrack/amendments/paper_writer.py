"""Write amendments as a LawMaker amendment paper (``amendmentList``) that :func:`read_paper` reads back."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from lxml import etree

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import OBJECT, Amendment, LeaveOutClause, LeaveOutLines, Parsed, Person
from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import NSMAP, U, akn
from lawtrack.formats.lawmaker import XML_DECLARATION
from lawtrack.formats.xmlsafe import parse_xml, xml_text

_NS = uuid.UUID("3c2f6a0e-1d8b-5a47-9c3e-6c6177747261")


def _guid(*parts: str) -> str:
    return "_" + str(uuid.uuid5(_NS, "|".join(parts)))


#: The metadata LawMaker records as a process (the rest are concepts), as in its own papers.
_PROCESSES = frozenset({"varBillStageVersion", "varStageVersion"})


def _person(parent: etree._Element, tag: str, person: Person, eid: str) -> None:
    """A Member as LawMaker names them (``refersTo="amnd_NC1#person-1601"``); no reference without an id."""
    el = etree.SubElement(parent, akn(tag))
    if person.id:
        el.set("refersTo", f"{eid}#{person.id}")
    el.text = xml_text(person.name)


def _relabel(qs: etree._Element, prefix: str) -> None:
    """Label a quoted structure inside the amendment as LawMaker does: ``amnd_NC1__cont__qstr`` (the second
    ``…__qstr__oc_1``), and under it each provision by its own last label part (``…__qstr__subsec_5A__para_a``).
    A clause is a new clause, unnumbered until the bill is reprinted: ``…__qstr__sec`` (a second in the same
    structure ``…__qstr__sec__oc_1``). ``apply`` gives inserted provisions the bill's labels anyway."""
    qs.set("eId", prefix)
    seen: dict[str, int] = {}
    for top in qs.iterchildren("*"):
        old = top.get("eId")
        if not old:
            continue
        own = old.rsplit("__", 1)[-1]
        if own.startswith("sec_"):
            own = "sec"
        n = seen.get(own, 0)
        seen[own] = n + 1
        new = f"{prefix}__{own}" + (f"__oc_{n}" if n else "")
        for node in top.iter("*"):
            eid = node.get("eId")
            if eid and eid.startswith(old):
                node.set("eId", new + eid[len(old):])


def _targets(a: Amendment) -> tuple[str, str, str]:
    parsed = parse_instruction(a.instruction, a.inserted)
    if not isinstance(parsed, Parsed):
        return a.type or "", a.target_provision or "", a.target_page or ""
    addr, op = parsed.address, parsed.operation
    provision = ""
    if addr.amendment is not None:  # "As an amendment to Amendment 96, …": LawMaker targets it as amnd_96
        provision = f"amnd_{addr.amendment}"
    elif isinstance(op, LeaveOutClause):
        provision = f"sec_{op.clause}" if op.clause else f"sch_{op.schedule}"
    elif addr.clause is not None:
        provision = f"sec_{addr.clause}"
    elif addr.schedule is not None:
        provision = f"sch_{addr.schedule}"  # LawMaker targets a Schedule as sch_N
    line = addr.line if addr.line is not None else (op.first if isinstance(op, LeaveOutLines) else None)
    page = (f"p_{addr.page}__" if addr.page is not None else "") + f"ln_{line}" if line is not None else ""
    # what the words do not say (the amendment an amendment amends, "amnd_NC4") is kept from the paper it came from
    return parsed.lawmaker_type, provision or a.target_provision or "", page or a.target_page or ""


def write_paper(
    amendments: Sequence[Amendment],
    *,
    bill_title: str,
    stage: str | None = None,
    bill_version: str | None = None,
    bill_number: str | None = None,
    house: str | None = None,
    date: str | None = None,
    title: str | None = None,
) -> bytes:
    root = etree.Element(akn("akomaNtoso"), nsmap=NSMAP)  # type: ignore[arg-type]
    alist = etree.SubElement(root, akn("amendmentList"), contains="originalVersion", name="hcmarsh")
    meta = etree.SubElement(alist, akn("meta"))
    refs = etree.SubElement(meta, akn("references"), source="#author")
    values = {
        "varBillTitle": bill_title,
        "varHouse": house or "",
        "varDraftListDescription": title or "",
        "varBillStageVersion": bill_version or "",
        "varStageVersion": stage or "",
        "varPublishDate": date or "",
        "varBillNo": bill_number or "",
    }
    for var, value in values.items():
        kind = "TLCProcess" if var in _PROCESSES else "TLCConcept"
        etree.SubElement(refs, akn(kind), eId=var, href="#varOntologies", showAs=xml_text(value))
    body = etree.SubElement(alist, akn("collectionBody"))
    for i, a in enumerate(amendments, start=1):
        label = re.sub(r"[^A-Za-z0-9]", "", a.number) or f"draft{i}"
        eid = f"amnd_{label}"
        comp = etree.SubElement(body, akn("component"), attrib={"class": "amendment"})
        if a.star:
            comp.set(U + "statusIndicator", a.star)
        amendment = etree.SubElement(comp, akn("amendment"), name="hcamnd")
        kind, provision, page = _targets(a)
        abody = etree.SubElement(amendment, akn("amendmentBody"), GUID=_guid(eid, a.instruction), eId=eid)
        abody.set(U + "targetPage", page)
        abody.set(U + "targetProvision", provision)
        abody.set(U + "type", kind)
        heading = etree.SubElement(abody, akn("amendmentHeading"), GUID=_guid(eid, "hdg"), eId=f"{eid}__hdg")
        if a.proposer:
            _person(etree.SubElement(heading, akn("block"), name="proposer"), "docIntroducer", a.proposer, eid)
        if a.supporters:
            block = etree.SubElement(heading, akn("block"), name="supporters")
            for person in a.supporters:
                _person(block, "docProponent", person, eid)
        content = etree.SubElement(abody, akn("amendmentContent"), GUID=_guid(eid, "cont"), eId=f"{eid}__cont")
        tblock = etree.SubElement(content, akn("tblock"))
        num = etree.SubElement(tblock, akn("num"))
        num.text = xml_text(a.number)
        if a.dnum:
            num.set(U + "dnum", a.dnum)
        instruction = etree.SubElement(tblock, akn("block"), name="instruction")
        mod = etree.SubElement(instruction, akn("mod"))
        pieces = a.instruction.split(OBJECT)
        if len(pieces) - 1 != len(a.inserted_xml):
            raise LawtrackError(
                f"amendment {a.number or i}: the instruction quotes {len(pieces) - 1} structure(s) but "
                f"{len(a.inserted_xml)} are given as XML", source=a.source or None, line=a.source_line,
                expected="one quotedStructure (inserted_xml) for each U+FFFC in the instruction")
        mod.text = xml_text(pieces[0])
        for k, rest in enumerate(pieces[1:]):
            qs = parse_xml(a.inserted_xml[k], f"amendment {a.number or i}, quoted structure {k + 1}")
            _relabel(qs, f"{eid}__cont__qstr" + (f"__oc_{k}" if k else ""))
            mod.append(qs)
            qs.tail = xml_text(rest)
        if a.explanatory_statement:
            just = etree.SubElement(abody, akn("amendmentJustification"))
            bc = etree.SubElement(just, akn("blockContainer"), attrib={"class": "explanatoryStatement"})
            etree.SubElement(bc, akn("heading"), GUID=_guid(eid, "statement"),
                             eId=f"{eid}__hdg__oc_1").text = "Member's explanatory statement"  # as LawMaker has it
            etree.SubElement(bc, akn("p")).text = xml_text(a.explanatory_statement)
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8")
