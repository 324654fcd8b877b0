"""The bill model on real bills: metadata, provisions, text, print anchors and addressing."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import FrozenInstanceError

import pytest

import lawtrack
from lawtrack import Kind, LawtrackError
from lawtrack.model.address import parse_ref
from tests.conftest import bill_path


def test_metadata_resolves_lawmaker_placeholders(hl54: lawtrack.Bill) -> None:
    md = hl54.metadata
    assert md.short_title == "Social Housing (Regulation) Bill [HL]"
    assert md.number == "HL Bill 54"
    assert md.house == "House of Lords"
    assert md.session == "58/3"
    assert md.stage_version == "As amended in Committee"
    assert md.project_id == "UK000276"
    # FRBRthis is "#varWork" in the file: resolved through meta/references
    assert md.work_uri == "https://lawmaker.legislation.gov.uk/pdr/UK000276/bill"
    assert md.expression_uri == "https://lawmaker.legislation.gov.uk/pdr/UK000276/bill@committee-hl"
    assert md.long_title is not None and md.long_title.startswith("A bill to Make provision about the regulation")


def test_metadata_of_other_bills() -> None:
    dpdi = lawtrack.load_bill(bill_path("dpdi314"))
    assert dpdi.metadata.number == "Bill 314"
    assert dpdi.metadata.stage_version == "As amended in Committee"
    assert dpdi.metadata.project_id == "UK000589"
    scot = lawtrack.load_bill(bill_path("scot"))
    assert scot.metadata.short_title == "Bankruptcy and Diligence (Scotland) Bill"
    assert scot.metadata.stage_version == "As amended at Stage 2"
    assert scot.metadata.document_type == "sppubb"


def test_every_provision_carries_identity_and_labels(dpdi: lawtrack.Bill) -> None:
    clauses = dpdi.clauses()
    assert len(clauses) == 121
    guids = [p.guid for p in dpdi.walk() if p.guid]
    assert len(guids) == len(set(guids)), "GUIDs identify provisions uniquely"
    for clause in clauses:
        assert clause.guid and clause.eid and clause.eid.startswith("sec_")
        assert clause.num == clause.label
        assert clause.heading
    sub = dpdi.provision("clause 1(1)")
    assert sub.kind is Kind.SUBSECTION and sub.num == "(1)" and sub.eid == "sec_1__subsec_1"


def test_text_is_nfc_and_lines_map_to_offsets(hl54: lawtrack.Bill) -> None:
    clause = hl54.provision("clause 1")
    assert unicodedata.is_normalized("NFC", clause.text)
    assert [(s.page, s.line) for s in clause.lines] == [(1, n) for n in range(2, 11)]
    assert clause.line_text(1, 3) == "In section 92K of the Housing and Regeneration Act 2008 (fundamental"
    assert clause.line_text(1, 4) == "objectives), in subsection (3)—"
    assert clause.line_text(1, 5) == "(a) in paragraph (a), after “well-managed” insert “, safe”;"
    # spans tile the text in order
    starts = [s.start for s in clause.lines]
    assert starts == sorted(starts)


def test_subprovision_lines_are_relative_to_its_own_text(hl54: lawtrack.Bill) -> None:
    para = hl54.provision("clause 1(b)")
    assert para.text == "(b) in paragraph (c), omit the final “and”;"
    assert para.line_span(1, 6) == (0, len(para.text))


def test_at_line_finds_the_words_printed_there(hl54: lawtrack.Bill) -> None:
    hits = hl54.at_line(1, 5)
    assert [h.provision.eid for h in hits] == ["sec_1__para_a"]
    assert hits[0].words == "(a) in paragraph (a), after “well-managed” insert “, safe”;"
    # a line shared by the end of one provision and the start of another is reported for both
    clause3 = hl54.provision("clause 3")
    for span in clause3.lines:
        for hit in hl54.at_line(span.page, span.line, within=clause3):
            assert hit.words in clause3.text
    assert hl54.at_line(999, 1) == []


def test_at_line_within_a_provision_keeps_only_it_and_its_descendants(hl54: lawtrack.Bill) -> None:
    # page 1, line 5 carries the words of clause 1(a) only
    assert [h.provision.eid for h in hl54.at_line(1, 5, within=hl54.provision("clause 1"))] == ["sec_1__para_a"]
    assert [h.provision.eid for h in hl54.at_line(1, 5, within=hl54.provision("clause 1(a)"))] == ["sec_1__para_a"]
    assert hl54.at_line(1, 5, within=hl54.provision("clause 1(b)")) == []
    assert hl54.at_line(1, 5, within=hl54.provision("clause 2")) == []
    # where the words end: clause 3's first line is its number and heading, not the rest of the clause
    (first,) = hl54.at_line(2, 18)
    assert first.provision.eid == "sec_3" and first.words == "3 Collection of information"
    assert first.end == len("3 Collection of information")


def test_at_line_keeps_a_provision_whose_own_words_share_the_line_with_its_child(hl54: lawtrack.Bill) -> None:
    # Schedule 1, paragraph 12 prints its number and its sub-paragraph (1) starts on the same line
    hits = hl54.at_line(36, 21)
    assert [h.provision.eid for h in hits] == ["sched_1__para_12", "sched_1__para_12__subpara_1"]
    assert hits[0].words.startswith("12 (1) Section 129") and hits[1].words.startswith("(1) Section 129")


def test_addressing_forms(hl54: lawtrack.Bill) -> None:
    p = hl54.provision("clause 3(2)(a)")
    assert p.eid == "sec_3__subsec_2__para_a"
    assert hl54.provision("Clause 3, subsection (2)").eid == "sec_3__subsec_2"
    assert hl54.provision("section 3(2)").eid == "sec_3__subsec_2"
    assert hl54.provision("schedule 1, paragraph 2").eid == "sched_1__para_2"
    assert hl54.provision("Schedule 1").eid == "sched_1"
    assert hl54.provision("sched_1__para_2").num == "2"
    guid = hl54.provision("clause 3").guid
    assert guid is not None
    assert hl54.provision(guid).eid == "sec_3"
    assert hl54.provision("schedule 1, part 1").eid == "sched_1__pt_1"


def test_addressing_failures_say_what_exists(hl54: lawtrack.Bill) -> None:
    with pytest.raises(LawtrackError, match=r"no \(9\) in clause 3.*it has \(1\) \(2\)"):
        hl54.provision("clause 3(9)")
    with pytest.raises(LawtrackError, match="no clause 400"):
        hl54.provision("clause 400")
    with pytest.raises(LawtrackError, match="no Schedule 9; the bill has Schedule 1"):
        hl54.provision("schedule 9, paragraph 1")
    with pytest.raises(LawtrackError, match="cannot read provision reference"):
        hl54.provision("the bit about housing")


@pytest.mark.parametrize(("ref", "eid"), [
    ("part 2", "pt_2"),
    ("Part 1, Chapter 2", "pt_1__chp_2"),
    ("part 2, chapter 1", "pt_2__chp_1"),  # Chapter 1 of Part 2, not the first Chapter 1 of the bill
    ("chapter 1", "pt_1__chp_1"),
    ("chapter 2, clause 3", "sec_3"),
    ("part 2, clause 4", "sec_4"),
    ("part 1, chapter 1, clause 1(2)(b)", "sec_1__subsec_2__para_b"),
    ("schedule 1, part 2", "sched_1__pt_2"),
    ("schedule 1, part 2, paragraph 3", "sched_1__para_3"),
    ("schedule", "sched_1"),  # the only Schedule, cited without its number
    ("the schedule, paragraph 2(1)", "sched_1__para_2__subpara_1"),
])
def test_addressing_parts_chapters_and_a_sole_schedule(ref: str, eid: str) -> None:
    from tests import groupbill

    assert groupbill.bill().provision(ref).eid == eid


@pytest.mark.parametrize(("ref", "message"), [
    ("part 3", "no Part 3 in the bill; it has Part 1, Part 2"),
    ("part 1, chapter 3", "no Chapter 3 in Part 1; it has Chapter 1, Chapter 2"),
    ("chapter 3", "no Chapter 3 in the bill; it has Chapter 1, Chapter 2"),  # each label once
    ("part 1, clause 4", "no clause 4 in Part 1"),  # clause 4 is in Part 2
    ("part 2, chapter 1, clause 3", "no clause 3 in Part 2, Chapter 1"),
    ("schedule 1, part 3", "no Part 3 in Schedule 1; it has Part 1, Part 2"),
    ("schedule 1, part 1, paragraph 3", "no paragraph 3 in Schedule 1, Part 1"),  # paragraph 3 is in Part 2
    ("schedule 2", "no Schedule 2; the bill has SCHEDULE 1"),
    # a missing subdivision: named with the path that exists, at any depth
    ("clause 1(9)", "no (9) in clause 1; it has (1) (2) (3) (expected an existing number)"),
    ("clause 1(2)(z)", "no (z) in clause 1(2); it has (a) (b) (c) (expected an existing number)"),
    ("clause 2(1)", "no (1) in clause 2; it has nothing numbered (expected an existing number)"),
    ("schedule 1, paragraph 2(3)", "no (3) in Schedule 1, paragraph 2; it has (1) (2) (expected an existing number)"),
])
def test_addressing_failures_say_where_they_looked_and_what_is_there(ref: str, message: str) -> None:
    from tests import groupbill

    with pytest.raises(LawtrackError) as raised:
        groupbill.bill().provision(ref)
    assert str(raised.value) == "<group bill>: " + message


def test_a_schedule_without_a_number_needs_a_bill_with_one_schedule(hl54: lawtrack.Bill) -> None:
    with pytest.raises(LawtrackError, match="no single Schedule to cite without a number; the bill has Schedule 1, "
                                            "Schedule 2, Schedule 3"):
        hl54.provision("schedule, paragraph 1")
    with pytest.raises(LawtrackError, match="no Part 1 in the bill; it has none"):
        hl54.provision("part 1")


def test_schedules_without_numbers_and_bills_without_schedules() -> None:
    from tests import groupbill

    # Schedule 1 printed without a number, and a numbered Schedule 2 after it
    second = ('<hcontainer name="schedule" eId="sched_2"><num><?L 4-1?>SCHEDULE 2</num><heading>More</heading>'
              '<paragraph eId="sched_2__para_1"><num>1</num><content><p>Words.</p></content></paragraph>'
              '</hcontainer>\n</hcontainer>')
    data = groupbill.xml().replace(b"<num><?L 3-1?>SCHEDULE 1</num>", b"<?L 3-1?>", 1)
    data = data.replace(b" </hcontainer>\n</hcontainer>", b" </hcontainer>\n" + second.encode(), 1)
    two = lawtrack.load_bill(data, name="<two>")
    assert [(s.num, s.label) for s in two.schedules()] == [(None, None), ("SCHEDULE 2", "2")]
    assert two.provision("schedule, paragraph 2").eid == "sched_1__para_2"  # the one without a number
    assert two.provision("schedule 2, paragraph 1").eid == "sched_2__para_1"
    with pytest.raises(LawtrackError,
                       match=r"^<two>: no Schedule 3; the bill has a Schedule without a number, SCHEDULE 2$"):
        two.provision("schedule 3")
    none = lawtrack.load_bill(re.sub(rb'<hcontainer name="schedules".*</hcontainer>', b"", groupbill.xml(),
                                     flags=re.S), name="<none>")
    assert none.schedules() == []
    with pytest.raises(LawtrackError, match=r"^<none>: no Schedule 1; the bill has no Schedules$"):
        none.provision("schedule 1, paragraph 1")


def test_parse_ref() -> None:
    ref = parse_ref("schedule 2, paragraph 3(1)(a)")
    assert (ref.schedule, ref.path) == ("2", ("3", "1", "a"))
    assert parse_ref("clause 12A(3B)").path == ("12A", "3B")
    assert parse_ref("paragraph 3 of Schedule 2").schedule == "2"
    assert parse_ref("the Schedule, paragraph 2").schedule == ""  # a bill's only Schedule
    assert str(parse_ref("clause 5, subsection (2)")) == "clause 5(2)"


def test_input_bill_is_never_changed_by_copying(hl54: lawtrack.Bill) -> None:
    before = hl54.to_xml()
    tree = hl54.copy_tree()
    tree.clear()
    assert hl54.to_xml() == before


def test_models_are_frozen(hl54: lawtrack.Bill) -> None:
    clause = hl54.provision("clause 1")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'heading'"):
        clause.heading = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="Bill is frozen: cannot assign to field 'notes'"):
        hl54.notes = ()
    assert hl54.provision("clause 1").heading == "Fundamental objectives" and hl54.notes == ()


def test_json_output_has_the_tree(hl54: lawtrack.Bill) -> None:
    import json

    data = json.loads(hl54.to_json())
    assert data["metadata"]["number"] == "HL Bill 54"
    first = data["provisions"][0]
    assert first["kind"] == "crossheading"
    clause = first["children"][0]
    assert clause["num"] == "1" and clause["lines"][0] == {"page": 1, "line": 2, "start": 0, "end": 24}
    # indented by two spaces unless asked otherwise; one line with indent=None
    assert hl54.to_json().splitlines()[1].startswith('  "') and not hl54.to_json().splitlines()[1].startswith("   ")
    assert json.loads(hl54.to_json(indent=None)) == data and "\n" not in hl54.to_json(indent=None)
