"""The amendment-paper reader, field by field, on small papers written out by hand in LawMaker's shape.

Each test states what the paper says and the exact value lawtrack must read from it, with its mirror case (the
field absent, empty or spelt otherwise). The real papers are read in tests/test_papers.py.
"""

from __future__ import annotations

import pytest

from lawtrack.amendments.model import OBJECT, Person
from lawtrack.amendments.paper import instruction_prose, read_paper
from lawtrack.errors import LawtrackError
from lawtrack.formats.xmlsafe import parse_xml

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
UKL = "https://www.legislation.gov.uk/namespaces/UK-AKN"

META = """<meta><references source="#author">
 <TLCConcept eId="varBillTitle" href="#o" showAs="Example Bill"/>
 <TLCConcept eId="varHouse" href="#o" showAs="House of Commons"/>
 <TLCConcept eId="varDraftListDescription" href="#o" showAs="example_rm_rep_0101"/>
 <TLCProcess eId="varBillStageVersion" href="#o" showAs="As amended in Public Bill Committee"/>
 <TLCProcess eId="varStageVersion" href="#o" showAs="Report Stage"/>
 <TLCProcess eId="varProjectId" href="#o" showAs="UK000999"/>
 <TLCProcess eId="varPublishDate" href="#o" showAs="2024-01-01"/>
 <TLCProcess eId="varBillNo" href="#o" showAs="Bill 12"/>
 <TLCProcess eId="varEmpty" href="#o" showAs=""/>
 <TLCProcess href="#o" showAs="no eId: ignored"/>
</references></meta>"""

AMENDMENT_1 = """<component class="amendment" ukl:statusIndicator="★"><amendment name="hcamnd">
 <amendmentBody eId="amnd_1" ukl:type="insert" ukl:targetProvision="sec_1" ukl:targetPage="p_1__ln_16">
  <amendmentHeading>
   <block name="proposer"><docIntroducer refersTo="#person-1480">Dame  Maria
     Miller</docIntroducer></block>
   <block name="supporters"><docProponent refersTo="#person-4656">Layla Moran</docProponent>
    <docProponent>Sarah Champion</docProponent></block>
  </amendmentHeading>
  <amendmentContent><tblock>
   <num ukl:dnum="HoC220">1</num>
   <block name="instruction"> <mod>Clause 1, page 1, line 16, at end insert—<quotedStructure startQuote="“"
    endQuote="”"><level class="para1" eId="q__para_e"><num>(e)</num><heading>Agreements</heading><content><p>where
    a person has entered into an agreement.</p></content></level></quotedStructure><inline name="AppendText"/></mod>
   <authorialNote><p>a margin note</p></authorialNote></block>
  </tblock>
  <blockContainer class="explanatoryStatement"><p>Member's explanatory statement</p>
   <p>This amendment would  add agreements.</p></blockContainer>
  </amendmentContent>
 </amendmentBody>
</amendment></component>"""

ORDER = """<component class="order"><statement name="hcOrder"><mainBody>
 <blockContainer><heading>Order of the House</heading>
  <p>That the   Bill be committed.</p></blockContainer>
</mainBody></statement></component>"""


def paper(*components: str, meta: str = META, body: bool = True) -> bytes:
    inner = f"<collectionBody>{''.join(components)}</collectionBody>" if body else ""
    return (f'<akomaNtoso xmlns="{AKN}" xmlns:ukl="{UKL}"><amendmentList>{meta}{inner}</amendmentList>'
            "</akomaNtoso>").encode()


def test_every_field_of_an_amendment() -> None:
    read = read_paper(paper(AMENDMENT_1), "example.xml")
    (a,) = read.amendments
    assert a.number == "1"
    assert a.dnum == "HoC220"
    assert a.type == "insert"
    assert a.target_provision == "sec_1"
    assert a.target_page == "p_1__ln_16"
    assert a.proposer == Person(name="Dame Maria Miller", id="person-1480")
    assert a.supporters == (Person(name="Layla Moran", id="person-4656"), Person(name="Sarah Champion", id=None))
    assert a.star == "★"
    # the margin note is not part of the instruction; the quoted structure is one object character
    assert a.instruction == f"Clause 1, page 1, line 16, at end insert—{OBJECT}"
    assert [[(p.num, p.heading, p.text) for p in s] for s in a.inserted] == [
        [("(e)", "Agreements", "(e) Agreements\nwhere a person has entered into an agreement.")]]
    assert len(a.inserted_xml) == 1 and a.inserted_xml[0].startswith(b"<quotedStructure")
    assert b"AppendText" not in a.inserted_xml[0]  # the structure alone, without what follows it
    assert a.explanatory_statement == "Member's explanatory statement This amendment would add agreements."
    assert a.heading == "Agreements"  # the heading of the first inserted provision
    assert (a.stage, a.paper_date, a.bill_title, a.bill_version, a.bill_number, a.house) == (
        "Report Stage", "2024-01-01", "Example Bill", "As amended in Public Bill Committee", "Bill 12",
        "House of Commons")
    assert a.source == "example.xml"
    assert a.source_line == 12  # the line of its <component>, after the twelve lines of META


def test_every_field_of_the_paper() -> None:
    read = read_paper(paper(AMENDMENT_1, ORDER), "example.xml")
    assert read.title == "example_rm_rep_0101"
    assert (read.bill_title, read.bill_version, read.bill_number, read.stage, read.house, read.date) == (
        "Example Bill", "As amended in Public Bill Committee", "Bill 12", "Report Stage", "House of Commons",
        "2024-01-01")
    assert read.project_id == "UK000999"
    assert read.source == "example.xml"
    (order,) = read.orders
    assert (order.kind, order.heading, order.text) == (
        "hcOrder", "Order of the House", "Order of the House That the Bill be committed.")


def test_a_paper_without_its_variables_has_none_of_them() -> None:
    read = read_paper(paper(AMENDMENT_1, meta="<meta/>"))
    assert (read.title, read.bill_title, read.bill_version, read.bill_number, read.stage, read.house,
            read.date, read.project_id) == (None,) * 8
    (a,) = read.amendments
    assert (a.stage, a.paper_date, a.bill_title, a.bill_version, a.bill_number, a.house) == (None,) * 6
    assert a.source == "<input>"  # the default name of what was read
    # no <meta> at all reads the same
    assert read_paper(paper(AMENDMENT_1, meta="")).bill_title is None


def test_empty_variables_read_as_none() -> None:
    empty = META.replace('showAs="Example Bill"', 'showAs=""').replace('showAs="Report Stage"', 'showAs=""')
    read = read_paper(paper(AMENDMENT_1, meta=empty))
    assert read.bill_title is None and read.stage is None
    assert read.amendments[0].bill_title is None and read.amendments[0].stage is None
    assert read.house == "House of Commons"


def test_a_bare_amendment_has_none_of_the_optional_fields() -> None:
    bare = """<component class="amendment"><amendment><amendmentBody>
      <amendmentContent><num>7</num><block name="instruction">Clause 2, leave out line 3</block>
      </amendmentContent></amendmentBody></amendment></component>"""
    (a,) = read_paper(paper(bare)).amendments
    assert a.number == "7" and a.instruction == "Clause 2, leave out line 3"
    assert (a.dnum, a.type, a.target_provision, a.target_page, a.proposer, a.star, a.explanatory_statement,
            a.heading) == (None,) * 8
    assert a.supporters == () and a.inserted == () and a.inserted_xml == ()


def test_empty_attributes_read_as_none() -> None:
    empty = AMENDMENT_1.replace('ukl:statusIndicator="★"', 'ukl:statusIndicator=""').replace(
        'ukl:dnum="HoC220"', 'ukl:dnum=""').replace('ukl:type="insert"', 'ukl:type=""').replace(
        'ukl:targetProvision="sec_1"', 'ukl:targetProvision=""').replace(
        'ukl:targetPage="p_1__ln_16"', 'ukl:targetPage=""')
    (a,) = read_paper(paper(empty)).amendments
    assert (a.star, a.dnum, a.type, a.target_provision, a.target_page) == (None,) * 5


def test_an_amendment_without_a_number_or_instruction() -> None:
    no_num = """<component class="amendment"><amendment><amendmentBody><amendmentContent>
      <p>nothing here</p></amendmentContent></amendmentBody></amendment></component>"""
    (a,) = read_paper(paper(no_num)).amendments
    assert a.number == "" and a.dnum is None and a.instruction == "" and a.inserted == ()


def test_a_number_outside_the_content_is_not_the_amendments_number() -> None:
    stray = """<component class="amendment"><amendment><amendmentBody>
      <amendmentHeading><num>99</num></amendmentHeading>
      <amendmentContent><num>8</num><block name="instruction">Clause 1, leave out line 2</block>
      </amendmentContent></amendmentBody></amendment></component>"""
    assert read_paper(paper(stray)).amendments[0].number == "8"


def test_an_empty_heading_has_no_proposer_or_supporters() -> None:
    no_one = AMENDMENT_1.replace(AMENDMENT_1[AMENDMENT_1.index("<amendmentHeading>"):
                                             AMENDMENT_1.index("</amendmentHeading>")], "<amendmentHeading>")
    (a,) = read_paper(paper(no_one)).amendments
    assert a.proposer is None and a.supporters == ()


def test_only_the_instruction_block_is_the_instruction() -> None:
    other = AMENDMENT_1.replace('<block name="instruction">', '<block name="other">')
    (a,) = read_paper(paper(other)).amendments
    assert a.instruction == "" and a.inserted == () and a.heading is None


def test_a_second_instruction_block_is_kept_and_the_parser_says_where_it_begins() -> None:
    import lawtrack

    two = AMENDMENT_1.replace("</block>\n  </tblock>", '</block>\n   <block name="instruction">Clause 2, page 2, '
                              "line 3, leave out “may”</block>\n  </tblock>")
    assert two.count('name="instruction"') == 2
    (a,) = read_paper(paper(two)).amendments
    assert a.instruction == (f"Clause 1, page 1, line 16, at end insert—{OBJECT} "
                             "Clause 2, page 2, line 3, leave out “may”")
    assert len(a.inserted) == 1 and len(a.inserted_xml) == 1
    parsed = lawtrack.parse_instruction(a.instruction, a.inserted)
    assert parsed.status == "unparsed" and a.instruction[parsed.position:].startswith("Clause 2"), parsed


def test_only_the_explanatory_statement_container_is_the_statement() -> None:
    other = AMENDMENT_1.replace('class="explanatoryStatement"', 'class="somethingElse"')
    assert read_paper(paper(other)).amendments[0].explanatory_statement is None
    empty = AMENDMENT_1.replace("<p>Member's explanatory statement</p>", "").replace(
        "<p>This amendment would  add agreements.</p>", "")
    assert read_paper(paper(empty)).amendments[0].explanatory_statement is None


def test_components_are_told_apart_by_class() -> None:
    no_body = '<component class="amendment"><amendment><p>withdrawn</p></amendment></component>'
    no_class = "<component><statement name='x'><mainBody><p>ignored</p></mainBody></statement></component>"
    bare_order = '<component class="motion"><p>no statement</p></component>'
    read = read_paper(paper(no_body, AMENDMENT_1, no_class, bare_order, ORDER))
    assert [a.number for a in read.amendments] == ["1"]  # one without a body is not an amendment
    # a component of any other class is an order; without a statement it is named by its class
    assert [(o.kind, o.heading, o.text) for o in read.orders] == [
        ("motion", None, ""), ("hcOrder", "Order of the House", "Order of the House That the Bill be committed.")]


def test_a_statement_without_a_name_is_named_by_its_class() -> None:
    unnamed = ORDER.replace(' name="hcOrder"', "")
    (o,) = read_paper(paper(unnamed)).orders
    assert o.kind == "order" and o.heading == "Order of the House"
    no_heading = ORDER.replace("<heading>Order of the House</heading>", "")
    assert read_paper(paper(no_heading)).orders[0].heading == ""


def test_a_paper_without_a_collection_body_has_no_amendments() -> None:
    read = read_paper(paper(body=False))
    assert read.amendments == () and read.orders == () and read.bill_title == "Example Bill"


def test_not_an_akoma_ntoso_document() -> None:
    with pytest.raises(LawtrackError) as caught:
        read_paper(b"<html><body/></html>", "page.html")
    assert caught.value.source == "page.html" and caught.value.line == 1
    assert "root element is <html>, not an Akoma Ntoso document" in str(caught.value)
    assert caught.value.expected == "<akomaNtoso> containing <amendmentList>"


def test_an_akoma_ntoso_document_that_is_not_a_paper() -> None:
    with pytest.raises(LawtrackError) as caught:
        read_paper(f'<akomaNtoso xmlns="{AKN}">\n<bill/><!-- c --><doc/></akomaNtoso>'.encode(), "b.xml")
    assert "document holds <bill>, <doc>, not an amendment paper" in str(caught.value)
    assert caught.value.expected == "<amendmentList> (a bill is read with load_bill)"
    assert caught.value.line == 1
    with pytest.raises(LawtrackError, match="document holds nothing, not an amendment paper"):
        read_paper(f'<akomaNtoso xmlns="{AKN}"/>'.encode())


def test_instruction_prose_keeps_every_quoted_structure_in_order() -> None:
    block = parse_xml(f"""<block xmlns="{AKN}" name="instruction">Page 2, line 3, leave out from
      <quotedText>“the”</quotedText> to end and insert—<quotedStructure><subsection eId="a"><num>(1)</num>
      <content><p>First.</p></content></subsection></quotedStructure> and
      <i>then</i>—<quotedStructure><subsection eId="b"><num>(2)</num><content><p>Second.</p></content>
      </subsection></quotedStructure><authorialNote>note</authorialNote>and after</block>""".encode())
    words, structures, xml = instruction_prose(block)
    assert words == f"Page 2, line 3, leave out from “the” to end and insert—{OBJECT} and then—{OBJECT}and after"
    assert [[p.num for p in s] for s in structures] == [["(1)"], ["(2)"]]
    assert [b'eId="a"' in x for x in xml] == [True, False] and [b'eId="b"' in x for x in xml] == [False, True]


def test_names_and_numbers_are_normalised() -> None:
    decomposed = AMENDMENT_1.replace("Layla Moran", "Jose\u0301 Moran").replace(">1</num>", ">\n  1A \n</num>")
    (a,) = read_paper(paper(decomposed)).amendments
    assert a.supporters[0].name == "José Moran"  # NFC
    assert a.number == "1A"


def test_a_person_id_is_found_inside_a_longer_reference() -> None:
    longer = AMENDMENT_1.replace('refersTo="#person-1480"', 'refersTo="amnd_1#person-1480 other"')
    assert read_paper(paper(longer)).amendments[0].proposer == Person(name="Dame Maria Miller", id="person-1480")
    no_id = AMENDMENT_1.replace('refersTo="#person-1480"', 'refersTo="#someone"')
    assert read_paper(paper(no_id)).amendments[0].proposer == Person(name="Dame Maria Miller", id=None)
