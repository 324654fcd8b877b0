"""Markdown import of the Victims and Prisoners Act 2024 (a real, messy file) and the Markdown round trip."""

from __future__ import annotations

import lawtrack
from lawtrack import Kind
from lawtrack.formats.markdown_reader import read_markdown
from tests.conftest import BILLS, bill_path


def test_vpa_imports_82_sections_and_schedule_1_paragraphs(vpa: lawtrack.Bill) -> None:
    assert [c.label for c in vpa.clauses()] == [str(n) for n in range(1, 83)]
    sched1 = vpa.provision("schedule 1")
    paras = [p.label for p in sched1.walk() if p.element == "paragraph" and not p.quoted]
    assert paras == [str(n) for n in range(1, 29)]
    assert [p.num for p in vpa.provisions if p.kind is Kind.PART] == [f"Part {n}" for n in range(1, 6)]
    assert vpa.metadata.short_title == "Victims and Prisoners Act 2024"
    assert vpa.metadata.identifier == "ukpga-2024-21"
    assert vpa.metadata.variable("varMd_publication_date") == "2024-05-24"


def test_vpa_nesting_is_rebuilt_from_labels(vpa: lawtrack.Bill) -> None:
    s1 = vpa.provision("clause 1")
    assert [c.num for c in s1.children] == [f"({n})" for n in range(1, 7)]
    assert [c.num for c in vpa.provision("clause 1(2)").children] == ["(a)", "(b)", "(c)", "(d)"]
    # (i) after (h) is the ninth paragraph ...
    s54 = vpa.provision("clause 54(2)")
    labels = [c.label for c in s54.children]
    assert labels[7:10] == ["h", "i", "j"]
    assert vpa.provision("clause 54(2)(i)").kind is Kind.PARAGRAPH
    # ... but (i) under an open paragraph is its first sub-paragraph
    sub = vpa.provision("clause 6(2)(b)(i)")
    assert sub.kind is Kind.SUBPARAGRAPH
    assert sub.eid == "sec_6__subsec_2__para_b__subpara_i"
    # Schedule sub-paragraphs and their paragraphs
    assert vpa.provision("schedule 1, paragraph 1(1)(d)").text.startswith("(d) at least 2, but not more than 5")


def test_vpa_quoted_text_tables_and_definitions(vpa: lawtrack.Bill) -> None:
    s18 = vpa.provision("clause 18(3)")
    inserted = [p for p in s18.walk() if p.quoted and p.label == "10A"]
    assert len(inserted) == 1
    assert [c.label for c in inserted[0].children] == [str(n) for n in range(1, 10)]
    assert s18.text.startswith("(3) After section 10 insert—\n“(10A)")
    # the s. 31 table sits inside the inserted text
    s31 = vpa.provision("clause 31(3)")
    assert "Protection from Harassment Act 1997" in s31.text
    defs = [p for p in vpa.provision("clause 17").walk() if p.kind is Kind.DEFINITION]
    assert any("regulated profession" in d.text for d in defs)


def test_vpa_defects_are_reported_not_fatal(vpa: lawtrack.Bill) -> None:
    notes = "\n".join(vpa.notes)
    assert "skipped a run of 109 headings" in notes
    assert "skipped 173 editorial notes" in notes
    assert "Schedule 2 has no numbered paragraphs" in notes


def test_vpa_markdown_round_trip(vpa: lawtrack.Bill) -> None:
    again = lawtrack.load_bill(vpa.to_markdown().encode())
    assert again == vpa
    assert again.provision("clause 2(1)").guid == vpa.provision("clause 2(1)").guid


def test_markdown_guids_are_stable_across_imports(vpa: lawtrack.Bill) -> None:
    from tests.conftest import VPA_MD

    other = lawtrack.load_bill(VPA_MD)
    assert [p.guid for p in other.walk()] == [p.guid for p in vpa.walk()]


def test_lawmaker_bills_convert_to_markdown_and_back() -> None:
    for key in sorted(BILLS):
        bill = lawtrack.load_bill(bill_path(key))
        once = lawtrack.load_bill(bill.to_markdown().encode())
        assert [c.label for c in once.clauses()] == [c.label for c in bill.clauses()], key
        assert [c.heading for c in once.clauses()] == [c.heading for c in bill.clauses()], key
        assert lawtrack.load_bill(once.to_markdown().encode()) == once, key


def test_markdown_bill_has_lawmaker_xml(vpa: lawtrack.Bill) -> None:
    xml = vpa.to_xml()
    again = lawtrack.load_bill(xml)
    assert [c.label for c in again.clauses()] == [c.label for c in vpa.clauses()]
    assert again.provision("clause 1(2)(d)").text == vpa.provision("clause 1(2)(d)").text


FLAT = """# A Bill

##### 1

#### Duty to share

- (1) A person must—
- (a) keep records, and
- (b) share them—
- (i) with the Commissioner, or
- (ii) with the court.
- (2) Subsection (1) does not apply to a child.
"""


def test_indented_list_items_nest_as_flat_ones_do() -> None:
    nested = FLAT.replace("- (a)", "  - (a)").replace("- (b)", "  - (b)").replace("- (i)", "    - (i)").replace(
        "- (ii)", "    * (ii)")
    assert nested != FLAT
    flat_bill = read_markdown(FLAT, "flat.md")
    nested_bill = read_markdown(nested, "nested.md")
    assert [(p.eid, p.num, p.own_text) for p in nested_bill.provisions] == [
        (p.eid, p.num, p.own_text) for p in flat_bill.provisions]
    assert [c.num for c in nested_bill.provision("clause 1(1)(b)").children] == ["(i)", "(ii)"]
    assert nested_bill.provision("clause 1(1)(b)(ii)").own_text == "(ii) with the court."
    assert not any("- (" in p.own_text for p in nested_bill.provisions)
