"""Writing amendments as a LawMaker paper, checked by hand: the markup LawMaker would give each instruction
(type, target provision, target page) and every field read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.markdown import read_markdown_amendment
from lawtrack.amendments.model import Amendment, Parsed, Person
from lawtrack.amendments.paper import read_paper
from lawtrack.amendments.paper_writer import write_paper
from lawtrack.errors import LawtrackError
from lawtrack.formats.akn import local
from tests.conftest import shared_file

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
UKL = "{https://www.legislation.gov.uk/namespaces/UK-AKN}"


@pytest.mark.parametrize(("instruction", "provision", "page"), [
    ("Clause 2, page 3, line 15, leave out “x”", "sec_2", "p_3__ln_15"),
    ("Clause 12A, page 3, line 15, at end insert “x”", "sec_12A", "p_3__ln_15"),
    # a Schedule is targeted as sch_N, as in the Energy Bill report paper (ukl:targetProvision="sch_8")
    ("Schedule 1, page 20, line 6, leave out “x” and insert “y”", "sch_1", "p_20__ln_6"),
    ("Clause 2, page 3, leave out lines 5 to 7", "sec_2", "p_3__ln_5"),
    ("Clause 2, line 4, leave out “x”", "sec_2", "ln_4"),
    ("Clause 2, leave out “x”", "sec_2", ""),
    ("Leave out Clause 3", "sec_3", ""),
    ("Leave out Schedule 1", "sch_1", ""),
    ("Page 5, line 1, leave out “Part”", "", "p_5__ln_1"),
    # the Lords' amendment to an amendment names the amendment it amends
    ("As an amendment to Amendment 96, line 3, leave out “may”", "amnd_96", "ln_3"),
])
def test_the_markup_of_each_instruction(instruction: str, provision: str, page: str) -> None:
    parsed = parse_instruction(instruction)
    assert isinstance(parsed, Parsed)
    root = etree.fromstring(write_paper([Amendment(number="1", instruction=instruction)], bill_title="B"))
    body = root.find(f".//{AKN}amendmentBody")
    assert body is not None
    assert (body.get(f"{UKL}type"), body.get(f"{UKL}targetProvision"), body.get(f"{UKL}targetPage")) == (
        parsed.lawmaker_type, provision, page)


def test_an_unparsed_instruction_keeps_the_markup_it_came_with() -> None:
    a = Amendment(number="1", instruction="Clause 2, do something else", type="editorial", target_provision="sec_2",
                  target_page="p_1__ln_1")
    body = etree.fromstring(write_paper([a], bill_title="B")).find(f".//{AKN}amendmentBody")
    assert body is not None
    assert (body.get(f"{UKL}type"), body.get(f"{UKL}targetProvision"), body.get(f"{UKL}targetPage")) == (
        "editorial", "sec_2", "p_1__ln_1")


def test_every_field_is_read_back() -> None:
    drafted = read_markdown_amendment(
        "---\nnumber: NC36\ndnum: HoC1\nstar: ★\nproposer: {name: Sarah Champion, id: person-4267}\n"
        "supporters: [{name: Jess Phillips, id: person-4036}, Wera Hobhouse]\n"
        "explanatory_statement: This new clause would protect victims’ data.\n---\n"
        "To move the following Clause—\n\n#### Victims’ data\n\n- (1) A person must not share data.\n", "nc36.md")
    unnumbered = Amendment(number="", instruction="Clause 1, page 1, line 2, leave out “may”")
    paper = read_paper(write_paper([drafted, unnumbered], bill_title="Victims and Prisoners Bill", stage="Report stage",
                                   bill_version="As amended in Committee", bill_number="Bill 155",
                                   house="House of Commons", date="2024-04-16", title="victims_rm_rep_0416"))
    assert (paper.bill_title, paper.stage, paper.bill_version, paper.bill_number, paper.house, paper.date,
            paper.title) == ("Victims and Prisoners Bill", "Report stage", "As amended in Committee", "Bill 155",
                             "House of Commons", "2024-04-16", "victims_rm_rep_0416")
    a, b = paper.amendments
    assert (a.number, a.dnum, a.star, a.type, a.heading) == ("NC36", "HoC1", "★", "newClause", "Victims’ data")
    assert a.proposer == Person(name="Sarah Champion", id="person-4267")
    assert a.supporters == (Person(name="Jess Phillips", id="person-4036"), Person(name="Wera Hobhouse"))
    assert a.explanatory_statement == "This new clause would protect victims’ data."  # not its heading
    assert a.instruction == drafted.instruction
    assert [[p.text for p in s] for s in a.inserted] == [[p.text for p in s] for s in drafted.inserted]
    assert (b.number, b.dnum, b.star, b.proposer, b.supporters, b.explanatory_statement) == ("", None, None, None, (),
                                                                                             None)
    assert b.instruction == "Clause 1, page 1, line 2, leave out “may”"
    root = etree.fromstring(write_paper([drafted, unnumbered], bill_title="B"))
    assert [x.get("eId") for x in root.iter(f"{AKN}amendmentBody")] == ["amnd_NC36", "amnd_draft2"]


def test_an_empty_paper() -> None:
    paper = read_paper(write_paper([], bill_title="Victims and Prisoners Bill"))
    assert paper.amendments == () and paper.bill_title == "Victims and Prisoners Bill"
    assert (paper.stage, paper.house, paper.date, paper.bill_number, paper.bill_version, paper.title) == (
        None, None, None, None, None, None)


def test_the_same_amendments_give_the_same_bytes() -> None:
    a = Amendment(number="3", instruction="Clause 1, page 1, line 2, leave out “may”")
    assert write_paper([a], bill_title="B") == write_paper([a], bill_title="B")
    assert write_paper([a], bill_title="B").startswith(b"<?xml")


# --- The markup, judged against LawMaker's own papers --------------------------------------------------------
#
# The oracle is the three real Victims and Prisoners Bill papers in bills/: every element the writer emits, with
# every attribute it sets, must occur at the same place in one of them. Values that are LawMaker's fixed vocabulary
# (``name``, ``class``, ``contains``, ``source``, ``href``, the metadata eIds) must match exactly; labels are
# compared after the amendment's own label is taken out, GUIDs by form, other values by presence.

REAL_PAPERS = sorted((Path(__file__).resolve().parent.parent / "bills" / "victims-and-prisoners").glob("*.xml"))
GUID = re.compile(r"_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
VOCABULARY = {"name", "class", "contains", "source", "href"}
Shape = tuple[tuple[str, frozenset[tuple[str, str]]], ...]


def _value(attr: str, value: str) -> str:
    if attr in VOCABULARY or (attr == "eId" and value.startswith("var")):
        return value
    if attr == "GUID":
        return "GUID" if GUID.fullmatch(value) else f"not a GUID: {value}"
    if attr in ("eId", "refersTo") and value.startswith("amnd_"):
        return re.sub(r"person-\d+", "person-N", re.sub(r"^amnd_[A-Za-z0-9]+", "amnd_L", value))
    return "*"


def _shapes(root: etree._Element) -> dict[Shape, list[frozenset[tuple[str, str]]]]:
    """Each element's place (its tag and vocabulary attributes, and its ancestors') -> the attributes it has."""
    out: dict[Shape, list[frozenset[tuple[str, str]]]] = {}

    def walk(el: etree._Element, path: Shape) -> None:
        if not isinstance(el.tag, str):
            return
        attrs = frozenset((str(k), _value(str(k), str(v))) for k, v in el.attrib.items())
        fixed = frozenset((k, v) for k, v in attrs if k in VOCABULARY or (k == "eId" and v.startswith("var")))
        here = (*path, (etree.QName(el).localname, fixed))
        out.setdefault(here, []).append(attrs)
        for child in el:
            walk(child, here)

    walk(root, ())
    return out


def _written() -> bytes:
    drafted = read_markdown_amendment(
        "---\nnumber: NC36\ndnum: HoC1\nstar: ★\nproposer: {name: Sarah Champion, id: person-4267}\n"
        "supporters: [{name: Jess Phillips, id: person-4036}, {name: Wera Hobhouse, id: person-4530}]\n"
        "explanatory_statement: This new clause would protect victims’ data.\n---\n"
        "To move the following Clause—\n\n#### Victims’ data\n\n- (1) A person must not share data.\n", "nc36.md")
    words = Amendment(number="2", dnum="HoC238", instruction="Clause 1, page 1, line 16, leave out “may”",
                      proposer=Person(name="Layla Moran", id="person-4656"))
    return write_paper([drafted, words], bill_title="Victims and Prisoners Bill", stage="Report Stage",
                       bill_version="As amended in Public Bill Committee", bill_number="Bill 155",
                       house="House of Commons", date="2024-04-16", title="victims_rm_rep_0416")


def test_every_element_and_attribute_written_is_one_lawmaker_writes_there() -> None:
    real: dict[Shape, list[frozenset[tuple[str, str]]]] = {}
    for path in REAL_PAPERS:
        for shape, found in _shapes(etree.fromstring(path.read_bytes())).items():
            real.setdefault(shape, []).extend(found)
    assert len(REAL_PAPERS) == 3 and real
    unlike = []
    for shape, written in _shapes(etree.fromstring(_written())).items():
        for attrs in written:
            if not any(attrs <= seen for seen in real.get(shape, [])):
                unlike.append(("/".join(tag for tag, _ in shape), sorted(attrs)))
    assert unlike == []


def test_the_root_declares_the_namespaces_lawmaker_declares() -> None:
    real = etree.fromstring(REAL_PAPERS[0].read_bytes()).nsmap
    assert set(etree.fromstring(_written()).nsmap.items()) == {(None, AKN[1:-1]), ("ukl", UKL[1:-1])}
    assert set(etree.fromstring(_written()).nsmap.items()) <= set(real.items())


def test_the_statement_heading_is_lawmakers_and_text_is_written_as_utf8_characters() -> None:
    real = {h.text for path in REAL_PAPERS for h in etree.fromstring(path.read_bytes()).iterfind(
        f".//{AKN}blockContainer[@class='explanatoryStatement']/{AKN}heading")}
    data = _written()
    written = [h.text for h in etree.fromstring(data).iterfind(
        f".//{AKN}blockContainer[@class='explanatoryStatement']/{AKN}heading")]
    assert written == ["Member's explanatory statement"] and set(written) <= real
    assert "victims’ data".encode() in data and b"&#" not in data  # characters as themselves, as LawMaker writes


def test_members_are_named_as_lawmaker_names_them() -> None:
    root = etree.fromstring(write_paper([Amendment(
        number="NC36", instruction="Clause 1, page 1, line 2, leave out “may”",
        proposer=Person(name="Sarah Champion", id="person-4267"),
        supporters=(Person(name="Jess Phillips", id="person-4036"), Person(name="A Member")))], bill_title="B"))
    assert [(local(el.tag), el.get("refersTo"), el.text) for el in root.iter(f"{AKN}docIntroducer",
                                                                              f"{AKN}docProponent")] == [
        ("docIntroducer", "amnd_NC36#person-4267", "Sarah Champion"),
        ("docProponent", "amnd_NC36#person-4036", "Jess Phillips"),
        ("docProponent", None, "A Member"),  # no id: no reference, rather than a dangling "#"
    ]


@pytest.mark.parametrize(("number", "eid"), [
    ("NC36", "amnd_NC36"), ("96", "amnd_96"), ("12 A", "amnd_12A"), ("1a", "amnd_1a"), ("(b)", "amnd_b"),
    ("NC3*", "amnd_NC3"), ("", "amnd_draft1"), ("—", "amnd_draft1"),
])
def test_the_eid_of_each_number(number: str, eid: str) -> None:
    root = etree.fromstring(write_paper([Amendment(number=number, instruction="Leave out Clause 3")], bill_title="B"))
    body = root.find(f".//{AKN}amendmentBody")
    assert body is not None and body.get("eId") == eid


def test_guids_are_lawmaker_shaped_stable_and_distinct() -> None:
    same_words = [Amendment(number="1", instruction="Leave out Clause 3"),
                  Amendment(number="2", instruction="Leave out Clause 3")]
    root = etree.fromstring(write_paper(same_words, bill_title="B"))
    guids = [el.get("GUID") for el in root.iter() if el.get("GUID")]
    assert len(guids) == 6 and all(GUID.fullmatch(g or "") for g in guids)
    assert len(set(guids)) == 6  # the same words under two numbers are two amendments
    redrafted = etree.fromstring(write_paper([Amendment(number="1", instruction="Leave out Clause 4")],
                                             bill_title="B")).find(f".//{AKN}amendmentBody")
    assert redrafted is not None and redrafted.get("GUID") not in guids  # new words, new amendment
    again = etree.fromstring(write_paper(same_words, bill_title="B"))
    assert [el.get("GUID") for el in again.iter() if el.get("GUID")] == guids


def test_text_after_a_quoted_structure_is_kept() -> None:
    a = read_markdown_amendment("---\nnumber: 5\n---\nClause 1, page 1, line 2, at end insert—\n\n"
                                "- (3) A person may appeal.\n", "a.md")
    text = a.instruction + " and renumber the subsections"
    paper = read_paper(write_paper([a.model_copy(update={"instruction": text})], bill_title="B"))
    assert paper.amendments[0].instruction == text
    assert [[p.text for p in s] for s in paper.amendments[0].inserted] == [[p.text for p in s] for s in a.inserted]


@pytest.mark.parametrize(("instruction", "xml", "message"), [
    ("Clause 1, page 1, line 2, at end insert— \ufffc", (), "quotes 1 structure(s) but 0 are given as XML"),
    ("Clause 1, page 1, line 2, leave out “may”", (b"<quotedStructure/>",),
     "quotes 0 structure(s) but 1 are given as XML"),
])
def test_a_structure_without_its_xml_is_refused_not_written_empty(instruction: str, xml: tuple[bytes, ...],
                                                                   message: str) -> None:
    a = Amendment(number="7", instruction=instruction, inserted_xml=xml, source="drafts/7.md", source_line=3)
    with pytest.raises(LawtrackError) as caught:
        write_paper([a], bill_title="B")
    assert caught.value.message == f"amendment 7: the instruction {message}"
    assert (caught.value.source, caught.value.line, caught.value.expected) == (
        "drafts/7.md", 3, "one quotedStructure (inserted_xml) for each U+FFFC in the instruction")


def test_a_quoted_structure_is_parsed_safely() -> None:
    evil = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><quotedStructure>&e;</quotedStructure>'
    a = Amendment(number="8", instruction="Clause 1, at end insert— \ufffc", inserted_xml=(evil,))
    with pytest.raises(LawtrackError, match="declares a DTD or entities") as caught:
        write_paper([a], bill_title="B")
    assert caught.value.source == "amendment 8, quoted structure 1"


def _eids(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    return [el.get("eId", "") for qs in root.iter(f"{AKN}quotedStructure") for el in qs.iter() if el.get("eId")]


def test_inserted_provisions_are_labelled_as_lawmaker_labels_them() -> None:
    # LawMaker, in the real papers: amnd_NC1__cont__qstr__sec__subsec_1 (a new clause has no number yet),
    # amnd_201__cont__qstr__para_b__subpara_i and, for the second structure, amnd_201__cont__qstr__oc_1__subsec_5A
    new_clause = read_markdown_amendment("---\nnumber: NC4\n---\nTo move the following Clause—\n\n#### Appeals\n\n"
                                         "- (1) A person may appeal.\n- (2) An appeal is to the tribunal.\n", "nc.md")
    assert _eids(write_paper([new_clause], bill_title="B")) == [
        "amnd_NC4__cont__qstr", "amnd_NC4__cont__qstr__sec", "amnd_NC4__cont__qstr__sec__subsec_1",
        "amnd_NC4__cont__qstr__sec__subsec_2"]
    subsections = read_markdown_amendment(
        "---\nnumber: 5\n---\nClause 1, page 1, line 2, leave out subsection (2) and insert—\n\n"
        "- (2) A person may appeal—\n- (a) to the tribunal, or\n- (b) to the court.\n- (2A) No fee is payable.\n",
        "5.md")
    assert _eids(write_paper([subsections], bill_title="B")) == [
        "amnd_5__cont__qstr", "amnd_5__cont__qstr__subsec_2", "amnd_5__cont__qstr__subsec_2__para_a",
        "amnd_5__cont__qstr__subsec_2__para_b", "amnd_5__cont__qstr__subsec_2A"]
    two = Amendment(number="201", instruction="Clause 3, leave out subsection (5) and insert— \ufffc and after "
                    "subsection (5) insert— \ufffc",
                    inserted_xml=(subsections.inserted_xml[0], new_clause.inserted_xml[0]))
    assert _eids(write_paper([two], bill_title="B")) == [
        "amnd_201__cont__qstr", "amnd_201__cont__qstr__subsec_2", "amnd_201__cont__qstr__subsec_2__para_a",
        "amnd_201__cont__qstr__subsec_2__para_b", "amnd_201__cont__qstr__subsec_2A",
        "amnd_201__cont__qstr__oc_1", "amnd_201__cont__qstr__oc_1__sec", "amnd_201__cont__qstr__oc_1__sec__subsec_1",
        "amnd_201__cont__qstr__oc_1__sec__subsec_2"]


def test_a_comment_in_a_quoted_structure_is_kept_and_not_labelled() -> None:
    blob = (b'<quotedStructure xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><!-- drafted by hand -->'
            b'<subsection eId="sec_0__subsec_3"><num>(3)</num><content><p>No fee.</p></content></subsection>'
            b'</quotedStructure>')
    a = Amendment(number="6", instruction="Clause 1, page 1, line 2, at end insert— \ufffc", inserted_xml=(blob,))
    data = write_paper([a], bill_title="B")
    assert _eids(data) == ["amnd_6__cont__qstr", "amnd_6__cont__qstr__subsec_3"]
    assert b"<!-- drafted by hand -->" in data


def test_the_parts_of_an_amendment_carry_lawmakers_labels_and_guids() -> None:
    root = etree.fromstring(_written())
    got = [(local(el.tag), el.get("eId")) for el in root.iter(f"{AKN}amendmentHeading", f"{AKN}amendmentContent",
                                                              f"{AKN}heading") if el.get("eId")]
    assert got == [("amendmentHeading", "amnd_NC36__hdg"), ("amendmentContent", "amnd_NC36__cont"),
                   ("heading", "amnd_NC36__hdg__oc_1"),  # the statement's, as LawMaker labels it
                   ("amendmentHeading", "amnd_2__hdg"), ("amendmentContent", "amnd_2__cont")]
    for el in root.iter(f"{AKN}amendmentBody", f"{AKN}amendmentHeading", f"{AKN}amendmentContent"):
        assert GUID.fullmatch(el.get("GUID") or "")
    statement = root.find(f".//{AKN}blockContainer[@class='explanatoryStatement']/{AKN}heading")
    assert statement is not None and GUID.fullmatch(statement.get("GUID") or "")


def test_every_guid_in_a_paper_is_its_own() -> None:
    a = [Amendment(number=n, instruction="Leave out Clause 3", explanatory_statement="Why.") for n in ("1", "2")]
    guids = [el.get("GUID") for el in etree.fromstring(write_paper(a, bill_title="B")).iter() if el.get("GUID")]
    assert len(guids) == 8 and len(set(guids)) == 8  # body, heading, content and statement heading, twice


_QS = b'<quotedStructure xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">%s</quotedStructure>'


@pytest.mark.parametrize(("instruction", "structure", "eids"), [
    # ``lawtrack draft`` quotes the bill's own elements, whose eIds run deep (sec_2__subsec_3__para_b): LawMaker
    # labels such a structure by the last part (amnd_9__cont__qstr__para_b) ...
    ("Clause 2, page 1, line 3, leave out paragraph (b) and insert— \ufffc",
     b'<level class="para1" eId="sec_2__subsec_3__para_b"><num>(b)</num><intro><p>the court:</p></intro>'
     b'<level class="para2" eId="sec_2__subsec_3__para_b__subpara_i"><num>(i)</num><content><p>x</p></content>'
     b"</level></level>",
     ["amnd_9__cont__qstr", "amnd_9__cont__qstr__para_b", "amnd_9__cont__qstr__para_b__subpara_i"]),
    # ... and a clause, new in the paper, unnumbered (every quoted clause in the real papers is …__qstr__sec)
    ("Leave out Clause 15 and insert the following new Clause— \ufffc",
     b'<section eId="sec_15"><num>15</num><heading>Fees</heading><subsection eId="sec_15__subsec_1">'
     b"<num>(1)</num><content><p>No fee.</p></content></subsection></section>",
     ["amnd_9__cont__qstr", "amnd_9__cont__qstr__sec", "amnd_9__cont__qstr__sec__subsec_1"]),
])
def test_a_drafted_structure_is_labelled_as_lawmaker_labels_it(instruction: str, structure: bytes,
                                                                eids: list[str]) -> None:
    a = Amendment(number="9", instruction=instruction, inserted_xml=(_QS % structure,))
    assert _eids(write_paper([a], bill_title="B")) == eids


REAL_PAPERS_SHARED = [
    "lawmaker/victims-and-prisoners-bill/victims_prisoners_rm_pbc_0628.xml",
    "lawmaker/victims-and-prisoners-bill/victims_prisoners_rm_rep_0906.xml",
    "lawmaker/victims-and-prisoners-bill/victims_prisoners_rm_rep_0908.xml",
    "lawmaker/other-amendment-papers/energy_rm_rep_0904.xml",
    "lawmaker/data-protection-digital-information-bill/datapro_rm_rep_0721.xml",
    "lawmaker/data-protection-digital-information-bill/datapro_rm_rep_0825.xml",
]
FIELDS = ("number", "dnum", "star", "instruction", "explanatory_statement", "proposer", "supporters", "type",
          "target_provision", "target_page", "heading", "bill_title", "stage", "bill_version", "bill_number", "house",
          "paper_date")


@pytest.mark.parametrize("path", REAL_PAPERS_SHARED)
def test_a_real_paper_written_again_reads_back_the_same(path: str) -> None:
    """LawMaker's own papers, read and written again: every field the reader takes from the paper, LawMaker's
    markup (type, target provision, target page) included, and the text of every quoted structure."""
    paper = read_paper(shared_file(path).read_bytes(), path)
    again = read_paper(write_paper(paper.amendments, bill_title=paper.bill_title or "", stage=paper.stage,
                                   bill_version=paper.bill_version, bill_number=paper.bill_number,
                                   house=paper.house, date=paper.date, title=paper.title), "<written>")
    assert len(again.amendments) == len(paper.amendments) > 0
    for a, b in zip(paper.amendments, again.amendments, strict=True):
        assert [getattr(b, k) for k in FIELDS] == [getattr(a, k) for k in FIELDS], a.number
        assert [[p.text for p in s] for s in b.inserted] == [[p.text for p in s] for s in a.inserted], a.number


def test_what_the_words_do_not_say_is_kept_from_the_paper() -> None:
    # an amendment to an amendment: "Line 25, at end insert" names no clause; its paper said which amendment
    kept = Amendment(number="(a)", instruction="Line 25, at end insert “, or”", target_provision="amnd_NC4",
                     target_page="ln_25")
    drafted = Amendment(number="(b)", instruction="Line 25, at end insert “, or”")
    found = [(b.get(f"{UKL}targetProvision"), b.get(f"{UKL}targetPage")) for b in etree.fromstring(
        write_paper([kept, drafted], bill_title="B")).iter(f"{AKN}amendmentBody")]
    assert found == [("amnd_NC4", "ln_25"), ("", "ln_25")]
    # what the words do say wins over what an edited amendment still carries
    moved = Amendment(number="3", instruction="Clause 4, page 2, line 1, leave out “may”", target_provision="sec_3",
                      target_page="p_1__ln_9")
    body = etree.fromstring(write_paper([moved], bill_title="B")).find(f".//{AKN}amendmentBody")
    assert body is not None
    assert (body.get(f"{UKL}targetProvision"), body.get(f"{UKL}targetPage")) == ("sec_4", "p_2__ln_1")


def test_two_new_clauses_in_one_structure_are_told_apart() -> None:
    # two unnumbered new clauses would both be …__qstr__sec: the second is its second occurrence (LawMaker's __oc_1)
    two = read_markdown_amendment("---\nnumber: NC7\n---\nTo move the following Clauses—\n\n#### Duty\n\n"
                                  "- (1) A person must act.\n\n#### Power\n\n- (1) A person may act.\n", "nc7.md")
    assert _eids(write_paper([two], bill_title="B")) == [
        "amnd_NC7__cont__qstr", "amnd_NC7__cont__qstr__sec", "amnd_NC7__cont__qstr__sec__subsec_1",
        "amnd_NC7__cont__qstr__sec__oc_1", "amnd_NC7__cont__qstr__sec__oc_1__subsec_1"]
