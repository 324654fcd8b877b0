"""Read a LawMaker amendment paper (``amendmentList``) into typed amendments (pure: bytes in, models out)."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from lawtrack.amendments.model import OBJECT, Amendment, AmendmentPaper, OrderComponent, Person
from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import AKN_NS, U, akn, local
from lawtrack.formats.lawmaker import provisions_of, sourceline
from lawtrack.formats.xmlsafe import parse_xml
from lawtrack.model.provision import Provision

_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", _WS.sub(" ", text)).strip()


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return _norm("".join(str(t) for t in el.itertext()))


def _person(el: etree._Element) -> Person:
    ref = el.get("refersTo") or ""
    m = re.search(r"person-\d+", ref)
    return Person(name=_text(el), id=m.group(0) if m else None)


def instruction_prose(block: etree._Element) -> tuple[str, tuple[tuple[Provision, ...], ...], tuple[bytes, ...]]:
    """The instruction's words (U+FFFC for each quoted structure), the structures as provisions and as XML."""
    parts: list[str] = []
    structures: list[tuple[Provision, ...]] = []
    xml: list[bytes] = []

    def walk(el: etree._Element) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            tag = local(child.tag)
            if tag == "quotedStructure":
                parts.append(OBJECT)
                structures.append(provisions_of(child))
                xml.append(etree.tostring(child, encoding="UTF-8", with_tail=False))
            elif tag and tag != "authorialNote":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(block)
    return _norm("".join(parts)), tuple(structures), tuple(xml)


def _vars(root: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    meta = root.find(akn("meta"))
    if meta is not None:
        for ref in meta.iterfind(f"{{{AKN_NS}}}references/*"):
            if ref.get("eId"):
                out[ref.get("eId", "")] = ref.get("showAs", "")
    return out


def _amendment(component: etree._Element, paper: dict[str, str | None], source: str) -> Amendment | None:
    body = component.find(f".//{{{AKN_NS}}}amendmentBody")
    if body is None:
        return None
    num_el = body.find(f".//{{{AKN_NS}}}amendmentContent//{{{AKN_NS}}}num")
    number = _text(num_el) if num_el is not None else ""
    dnum = num_el.get(U + "dnum") if num_el is not None else None
    heading = body.find(akn("amendmentHeading"))
    proposer = None
    supporters: list[Person] = []
    if heading is not None:
        intro = heading.find(f".//{{{AKN_NS}}}docIntroducer")
        proposer = _person(intro) if intro is not None else None
        supporters = [_person(p) for p in heading.iter(akn("docProponent"))]
    # one instruction an amendment, on every paper seen; should one hold more, all are kept (read as one, so
    # the parser says where the second begins rather than the second being dropped unseen)
    read = [instruction_prose(b) for b in body.iterfind(f".//{{{AKN_NS}}}block[@name='instruction']")]
    instruction = " ".join(r[0] for r in read if r[0])
    structures = tuple(s for r in read for s in r[1])
    xml = tuple(x for r in read for x in r[2])
    statement_el = body.find(f".//{{{AKN_NS}}}blockContainer[@class='explanatoryStatement']")
    statement = " ".join(_text(p) for p in statement_el.iter(akn("p"))) if statement_el is not None else None
    first = structures[0][0] if structures and structures[0] else None
    return Amendment(
        number=number,
        dnum=dnum or None,
        type=body.get(U + "type") or None,
        target_provision=body.get(U + "targetProvision") or None,
        target_page=body.get(U + "targetPage") or None,
        proposer=proposer,
        supporters=tuple(supporters),
        star=component.get(U + "statusIndicator") or None,
        instruction=instruction,
        inserted=structures,
        inserted_xml=xml,
        explanatory_statement=statement or None,
        heading=first.heading if first is not None else None,
        stage=paper.get("stage"),
        paper_date=paper.get("date"),
        bill_title=paper.get("bill_title"),
        bill_version=paper.get("bill_version"),
        bill_number=paper.get("bill_number"),
        house=paper.get("house"),
        source=source,
        source_line=sourceline(component),
    )


def read_paper(data: bytes, source: str = "<input>") -> AmendmentPaper:
    """Read an amendment paper from its bytes (pure). Raises :class:`LawtrackError` when it is not one.

    >>> import lawtrack
    >>> data = open("bills/victims-and-prisoners/victims_prisoners_rm_rep_0906.xml", "rb").read()
    >>> lawtrack.read_paper(data).amendments[0].heading
    'Re-sentencing those serving a sentence of imprisonment for public protection'
    """
    root = parse_xml(data, source)
    if root.tag != akn("akomaNtoso"):
        raise LawtrackError(f"root element is <{local(root.tag)}>, not an Akoma Ntoso document", source=source,
                            line=sourceline(root), expected="<akomaNtoso> containing <amendmentList>")
    alist = root.find(akn("amendmentList"))
    if alist is None:
        found = ", ".join(f"<{local(c.tag)}>" for c in root if local(c.tag))
        raise LawtrackError(f"document holds {found or 'nothing'}, not an amendment paper", source=source,
                            line=sourceline(root), expected="<amendmentList> (a bill is read with load_bill)")
    v = _vars(alist)
    paper: dict[str, str | None] = {
        "stage": v.get("varStageVersion") or None,
        "date": v.get("varPublishDate") or None,
        "bill_title": v.get("varBillTitle") or None,
        "bill_version": v.get("varBillStageVersion") or None,
        "bill_number": v.get("varBillNo") or None,
        "house": v.get("varHouse") or None,
    }
    amendments: list[Amendment] = []
    orders: list[OrderComponent] = []
    body = alist.find(akn("collectionBody"))
    for component in body.iter(akn("component")) if body is not None else ():
        cls = component.get("class")
        if cls == "amendment":
            amendment = _amendment(component, paper, source)
            if amendment is not None:
                amendments.append(amendment)
        elif cls is not None:
            statement = component.find(akn("statement"))
            main = statement.find(akn("mainBody")) if statement is not None else None
            orders.append(
                OrderComponent(
                    kind=(statement.get("name") if statement is not None else None) or cls,
                    heading=_text(main.find(f".//{{{AKN_NS}}}heading")) if main is not None else None,
                    text=_text(main),
                )
            )
    return AmendmentPaper(
        title=v.get("varDraftListDescription") or None,
        bill_title=paper["bill_title"],
        bill_version=paper["bill_version"],
        bill_number=paper["bill_number"],
        stage=paper["stage"],
        house=paper["house"],
        date=paper["date"],
        project_id=v.get("varProjectId") or None,
        amendments=tuple(amendments),
        orders=tuple(orders),
        source=source,
    )
