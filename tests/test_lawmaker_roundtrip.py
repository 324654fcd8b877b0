"""Lossless LawMaker XML: to_xml(load_bill(x)) equals x after C14N, for every real bill in shared data."""

from __future__ import annotations

import pytest
from lxml import etree

import lawtrack
from tests.conftest import BILLS, bill_path


def c14n(data: bytes) -> bytes:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    return etree.tostring(etree.fromstring(data, parser).getroottree(), method="c14n")


@pytest.mark.parametrize("key", sorted(BILLS))
def test_round_trip_is_lossless(key: str) -> None:
    path = bill_path(key)
    original = path.read_bytes()
    bill = lawtrack.load_bill(path)
    written = bill.to_xml()
    assert c14n(written) == c14n(original)
    # stronger than the C14N promise: the bytes come back identical
    assert written == original


@pytest.mark.parametrize("key", sorted(BILLS))
def test_processing_instructions_and_comments_survive(key: str) -> None:
    original = bill_path(key).read_bytes()
    written = lawtrack.load_bill(original).to_xml()
    assert written.count(b"<?L ") == original.count(b"<?L ") > 0
    assert written.count(b"<!--") == original.count(b"<!--")
    assert written.count(b"<?DMS-Component") == original.count(b"<?DMS-Component")


def test_unknown_elements_are_kept_and_round_trip(hl54: lawtrack.Bill) -> None:
    root = hl54.copy_tree()
    sec = root.find(".//{*}section")
    assert sec is not None
    odd = etree.SubElement(sec, "{urn:example:other}futureThing", attrib={"x": "1"})
    odd.text = "kept"
    odd.tail = "\n"
    comment = etree.Comment(" a reviewer's comment ")
    sec.append(comment)
    data = etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True)
    bill = lawtrack.load_bill(data)
    assert c14n(bill.to_xml()) == c14n(data)
    assert b"futureThing" in bill.to_xml()
    assert bill.provision("clause 1").heading == "Fundamental objectives"


def test_schedules_and_quoted_structures_are_modelled(hl54: lawtrack.Bill) -> None:
    assert [s.num for s in hl54.schedules()] == [f"Schedule {n}" for n in range(1, 6)]
    quoted = [p for p in hl54.walk() if p.quoted]
    assert quoted, "provisions inserted into other Acts are modelled"
    sec_96a = hl54.by_eid("sec_2__qstr__sec_96A")
    assert sec_96a is not None and sec_96a.quoted and sec_96a.label == "96A"
    # a quoted section is not clause 96A of the bill
    assert hl54.find("clause 96A") is None


_REPO_BILLS = ["bills/housing-act-2004/act.xml", "bills/housing-act-2004/bill.xml",
               "bills/victims-and-prisoners/ukpga-2024-21.md"]


@pytest.mark.parametrize("source", sorted(BILLS) + _REPO_BILLS)
def test_provision_elements_are_the_elements_the_provisions_were_read_from(source: str) -> None:
    """The drafter finds a provision's element by its place (it may have no eId): the element list must be the
    reader's, one for one, in ``walk()`` order — checked here by eId and GUID, which every real element has."""
    from lawtrack.formats.akn import AKN_NS
    from lawtrack.formats.lawmaker import provision_elements
    from tests.conftest import ROOT

    bill = lawtrack.load_bill(bill_path(source) if source in BILLS else ROOT / source)
    body = bill.tree().find(f"{{{AKN_NS}}}bill/{{{AKN_NS}}}body")
    assert body is not None
    provisions = list(bill.walk())
    elements = provision_elements(body)
    assert len(elements) == len(provisions) > 100
    assert [(e.get("eId"), e.get("GUID")) for e in elements] == [(p.eid, p.guid) for p in provisions]
    assert any(p.quoted for p in provisions)  # quoted structures (text for other Acts) are in both lists
