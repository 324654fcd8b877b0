"""One row per amendment of a paper (what `lawtrack paper --json` and the site show), checked field by field."""

from __future__ import annotations

from lawtrack.amendments.markdown import read_markdown_amendment
from lawtrack.amendments.model import Amendment, Person
from lawtrack.amendments.paper import read_paper
from lawtrack.amendments.paper_writer import write_paper
from lawtrack.amendments.report import paper_rows


def test_rows() -> None:
    parsed = Amendment(number="1", dnum="HoC1", instruction="Clause 1, page 1, line 2, leave out “may” and insert "
                       "“must”", proposer=Person(name="A", id="person-1"), supporters=(Person(name="B"),),
                       explanatory_statement="Why.")
    unparsed = Amendment(number="2", instruction="Clause 1, do a dance")
    inserting = read_markdown_amendment("---\nnumber: '3'\nstar: ★\n---\nClause 1, page 1, line 3, at end insert—\n\n"
                                        "- (4) New words.\n", "3.md")
    rows = paper_rows(read_paper(write_paper([parsed, unparsed, inserting], bill_title="B")))
    assert rows[0] == {
        "number": "1", "dnum": "HoC1", "type": "substitute",
        "target": {"provision": "sec_1", "page": "p_1__ln_2", "address": "Clause 1, page 1, line 2"},
        "proposer": {"name": "A", "id": "person-1"}, "supporters": [{"name": "B", "id": None}],
        "star": None, "heading": None,
        "instruction": "Clause 1, page 1, line 2, leave out “may” and insert “must”",
        "operations": [{"op": "leave-out-words", "words": "may", "each_place": False, "insert": {"words": "must"}}],
        "meaning": "leave out “may” and insert “must”",
        "summary": "Clause 1, page 1, line 2: leave out “may” and insert “must”",
        "error": None, "consistent": True, "disagreements": [], "explanatory_statement": "Why.",
    }
    assert rows[1] == {
        "number": "2", "dnum": None, "type": None, "target": {"provision": None, "page": None, "address": None},
        "proposer": None, "supporters": [], "star": None, "heading": None, "instruction": "Clause 1, do a dance",
        "operations": [], "meaning": None, "summary": None,
        "error": "expected 'page' or 'line' or 'to' or 'after' / 'before' or 'insert' or 'leave' or 'at' at "
                 "“do a dance”",
        "consistent": False, "disagreements": [], "explanatory_statement": None,
    }
    third = rows[2]
    # the quoted structure is shown as […], and left out of the operation (it is the provisions, not JSON)
    assert third["instruction"] == "Clause 1, page 1, line 3, at end insert—[…]"
    assert third["star"] == "★" and third["consistent"] is True
    assert third["operations"][0]["insert"] == {"words": ""}
