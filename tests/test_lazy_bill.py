"""A bill builds its provisions on first use, and a clause looked up before that is read alone.

What must hold: every clause read alone is exactly the clause a read of the whole bill gives (checked on every
clause of the real bills), the whole read keeps the very object looked up before it, and a lookup the lazy path
cannot answer for certain (a subsection's eId, a repeated GUID, a number the index cannot know) falls back to the
whole read and answers as it always did.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import lawtrack
from lawtrack.formats.akn import AKN_NS
from lawtrack.formats.lawmaker import LawmakerProvisions, provisions_of
from lawtrack.model.address import ProvisionRef
from lawtrack.model.bill import Bill
from tests import minibill
from tests.conftest import BILLS, SHIPPED, SHIPPED_AT, bill_path, shared_file

_REAL = [*sorted(BILLS), "keeling/housing-act-2004/act.xml", "keeling/housing-act-2004/bill.xml",
         "keeling/bankruptcy-scotland-act-2016/act.xml", "keeling/bankruptcy-scotland-act-2016/bill.xml"]


def _path(key: str) -> Path:
    return bill_path(key) if key in BILLS else shared_file(key)


def _built(bill: Bill) -> bool:
    return "provisions" in bill.__dict__


def _eager(bill: Bill) -> tuple[lawtrack.Provision, ...]:
    """The provisions as the one-pass reader gives them, read afresh from the bill's document."""
    body = bill.tree().find(f".//{{{AKN_NS}}}body")
    assert body is not None
    return provisions_of(body)


@pytest.mark.parametrize("key", _REAL)
def test_every_real_clause_reads_alone_exactly_as_in_the_whole_bill(key: str) -> None:
    bill = lawtrack.load_bill(_path(key))
    lazy = bill._lazy
    assert isinstance(lazy, LawmakerProvisions)
    index = lazy.clause_elements()
    whole = lawtrack.load_bill(_path(key))
    clauses = whole.clauses()
    # the index knows every clause's number without the walk, in the order of the whole read
    assert index is not None
    assert [label for label, _ in index] == [(c.label or "").lower() for c in clauses]
    for (_, element), clause in zip(index, clauses, strict=True):
        alone = lazy.read_clause(element)
        assert alone == clause, f"{key}: clause {clause.label} read alone differs"
    assert not _built(bill)


def test_a_clause_looked_up_first_is_read_alone_and_kept_by_the_whole_read() -> None:
    path = SHIPPED["1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"]
    bill = lawtrack.load_bill(path)
    assert not _built(bill)
    five = bill.clause("5")
    assert five is not None and five.label == "5"
    assert not _built(bill)  # one clause read, not the bill
    sub = bill.provision("clause 5(1)")
    assert not _built(bill)  # within the clause read alone
    assert sub is five.children[0]
    assert bill.by_eid("sec_5") is five and bill.by_guid(five.guid or "") is five
    assert bill.by_guid((five.guid or "").lstrip("_")) is five  # a GUID without LawMaker's leading "_"
    assert not _built(bill)
    # the whole read keeps that very object, and is the one-pass read of the document
    assert bill.provisions == _eager(bill)
    assert any(p is five for p in bill.walk())
    assert bill.clause("5") is five and bill.provision("clause 5(1)") is sub
    assert bill.parent(five) is not None and five in bill.parent(five).children  # type: ignore[union-attr]


def test_lookups_that_the_lazy_path_cannot_answer_fall_back_to_the_whole_read() -> None:
    path = SHIPPED["1_lords-committee_as-amended-in-committee_HL-Bill-54.xml"]
    eager = lawtrack.load_bill(path)
    eager.provisions  # noqa: B018 (built)
    sub_eid = eager.provision("clause 1(a)").eid
    assert sub_eid == "sec_1__para_a"
    cases: dict[str, Callable[[Bill], object]] = {
        "a subsection's eId": lambda b: b.by_eid(sub_eid),
        "an eId no element has": lambda b: b.by_eid("sec_999"),
        "a clause number no clause has": lambda b: b.clause("999"),
        "a Schedule": lambda b: b.provision("schedule 1"),
    }
    for what, look in cases.items():
        lazy = lawtrack.load_bill(path)
        assert look(lazy) == look(eager), what
        assert _built(lazy), f"{what}: answered without the whole read"


def test_a_repeated_guid_is_not_read_alone() -> None:
    data = minibill.xml().replace(b'GUID="_c1"', b'GUID="_c3"', 1)
    assert data.count(b'GUID="_c3"') == 2
    bill = lawtrack.load_bill(data)
    found = bill.by_guid("_c3")
    assert _built(bill)
    assert found is not None and found.label == "1"  # the first in the document, as the whole read's index says


def test_a_number_the_index_cannot_know_leaves_every_lookup_to_the_whole_read() -> None:
    # a number with markup in it: only the walk gives its words, so no clause is read alone
    data = minibill.xml().replace(b"<num><?L 1-9?>2</num>", b"<num><?L 1-9?><b>2</b></num>", 1)
    assert b"<b>2</b>" in data
    bill = lawtrack.load_bill(data)
    lazy = bill._lazy
    assert isinstance(lazy, LawmakerProvisions) and lazy.clause_elements() is None
    two = bill.clause("2")
    assert _built(bill) and two is not None and two.label == "2"


def test_a_clause_that_does_not_read_the_same_alone_waits_for_the_whole_read() -> None:
    # a line anchor with no word after it, at the end of clause 1: in the whole read that line goes to clause 2
    data = minibill.xml().replace(b"</section>", b"<?L 9-9?></section>", 1)
    bill = lawtrack.load_bill(data)
    lazy = bill._lazy
    assert isinstance(lazy, LawmakerProvisions)
    index = lazy.clause_elements()
    assert index is not None and lazy.read_clause(index[0][1]) is None
    one = bill.clause("1")
    assert _built(bill) and one is not None and one == lawtrack.load_bill(data).provisions[0]


def test_many_lookups_end_in_one_whole_read_that_keeps_the_clauses_read_before() -> None:
    bill = lawtrack.load_bill(bill_path("dpdi314"))
    found = [bill.clause(str(n)) for n in range(1, 17)]
    assert not _built(bill)  # sixteen clauses read alone
    found.append(bill.clause("17"))
    assert _built(bill)  # the seventeenth came from one whole read
    assert [c.label for c in found if c is not None] == [str(n) for n in range(1, 18)]
    assert all(any(c is p for p in bill.walk()) for c in found)


def test_equality_repr_and_hash_build_the_provisions() -> None:
    a, b = minibill.bill(), minibill.bill()
    assert not _built(a) and not _built(b)
    assert "provisions=(Provision(" in repr(a)
    assert a == b and hash(a) == hash(b)
    assert _built(b)


def test_a_clause_read_alone_starts_on_the_last_printed_anchor_not_one_in_a_margin_note() -> None:
    # clause 2 has no anchor of its own before its first word: it starts on the line clause 1 ends on (1-8), not
    # on the anchor in clause 1's margin note, which the reader does not print
    data = minibill.xml().replace(b"<num><?L 1-9?>2</num>", b"<num>2</num>", 1).replace(
        b"</section>", b"<authorialNote><p><?L 7-7?>A note.</p></authorialNote></section>", 1)
    assert b"<?L 1-9?>" not in data and b"<?L 7-7?>" in data
    bill = lawtrack.load_bill(data)
    two = bill.clause("2")
    assert not _built(bill)  # read alone
    assert two is not None and two.first_line == (1, 8)
    assert two == lawtrack.load_bill(data).provisions[1]


def test_equal_metadata_is_not_enough_for_equal_bills() -> None:
    # the same bill with clause 2's words changed: the metadata agree, the provisions do not
    changed = lawtrack.load_bill(minibill.xml().replace(b"in each year", b"every month", 1))
    assert changed.metadata == minibill.bill().metadata
    assert changed != minibill.bill()


def test_a_lettered_clause_is_read_alone_whatever_the_case_of_its_number() -> None:
    act = lawtrack.load_bill(SHIPPED_AT["housing-act-2004/act.xml"])
    lower, upper = act.clause("70a"), act.clause("70A")
    assert not _built(act)  # both read alone (the index keys numbers in lower case)
    assert lower is upper and upper is not None and upper.label == "70A"
    assert upper == lawtrack.load_bill(SHIPPED_AT["housing-act-2004/act.xml"]).clause("70A")


def test_a_lettered_clause_is_found_whatever_the_case_of_its_number_once_the_bill_is_built() -> None:
    act = lawtrack.load_bill(SHIPPED_AT["housing-act-2004/act.xml"])
    act.provisions  # noqa: B018 (built: the lookups go through the whole read's index)
    upper = act.clause("70A")
    assert upper is not None and upper.label == "70A" and act.clause("70a") is upper
    assert act.provision("section 70a") is upper and act.provision("clause 70A(1)").eid == upper.children[0].eid


def test_the_whole_read_lets_go_of_what_built_it() -> None:
    bill = minibill.bill()
    assert bill.clause("1") is not None and bill._known  # clause 1 read alone, held until the whole read
    bill.provisions  # noqa: B018
    # the reader, the clauses read alone and the clause index are released (they hold the document's elements)
    held = bill.__dict__
    assert (held["_lazy"], held["_known"], held["_lazy_clauses"]) == (None, None, None)
    assert bill.clause("2") is bill.provisions[1]


def test_a_clause_with_no_number_is_not_taken_for_any_number() -> None:
    data = minibill.xml().replace(b"<num><?L 2-3?>3</num>", b"<?L 2-3?>", 1)
    bill = lawtrack.load_bill(data)
    unnumbered = next(c for c in bill.clauses() if c.label is None)
    assert bill.clause("") is unnumbered  # it has the empty label, and no other
    assert bill.provision(ProvisionRef(path=("",))) is unnumbered  # so a citation made with it finds it too
    assert bill.clause("3") is None and bill.find("clause 3") is None


class _Misreading:
    """A provision source whose clause index and attribute lookups point at an element that, read alone, is a
    different clause (a reader whose index disagrees with its own walk): the bill must not trust that read."""

    def __init__(self, provisions: tuple[lawtrack.Provision, ...]) -> None:
        self.provisions, self.reads = provisions, 0

    def build(self, known: object) -> tuple[lawtrack.Provision, ...]:
        return self.provisions

    def clause_elements(self) -> list[tuple[str, object]]:
        return [("1", "element of clause 1")]

    def read_clause(self, element: object) -> lawtrack.Provision:
        self.reads += 1
        return self.provisions[1]  # clause 2, not the clause 1 the index promised

    def only_with(self, attribute: str, value: str) -> tuple[int, object]:
        return 1, "element of clause 1"


@pytest.mark.parametrize("look", [lambda b: b.clause("1"), lambda b: b.by_eid("sec_1"),
                                  lambda b: b.by_guid("_c1")], ids=["number", "eId", "GUID"])
def test_a_clause_read_alone_that_is_not_the_one_asked_for_is_not_returned(
        look: Callable[[Bill], lawtrack.Provision | None]) -> None:
    real = minibill.bill()
    source = _Misreading(real.provisions)
    bill = Bill.from_tree(real.tree(), metadata=real.metadata, provisions=source, source="<misreading>")
    found = look(bill)
    assert source.reads == 1 and _built(bill)  # read alone, not trusted: the whole read answered
    assert found is real.provisions[0]


def test_a_guid_without_its_leading_underscore_is_found_in_a_built_bill() -> None:
    bill = minibill.bill()
    bill.provisions  # noqa: B018 (built: the lookup goes through the whole read's index)
    sub = bill.provision("clause 1(2)(a)")
    assert bill.by_guid("c1s2a") is sub and bill.by_guid("_c1s2a") is sub
    assert bill.by_guid("c9") is None


@pytest.mark.parametrize("num", [
    "<num>\n  <?L 1-9?>2\n </num>",  # white space around the number, and the anchor inside it
    "<num>2<?L 1-9?></num>",  # the anchor after the number: nothing follows it in <num>
    "<num><?L 1-9?>2<!-- a comment --></num>",
])
def test_a_clause_number_with_space_or_an_anchor_or_comment_in_it_is_still_read_alone(num: str) -> None:
    data = minibill.xml().replace(b"<num><?L 1-9?>2</num>", num.encode(), 1)
    assert num.encode() in data
    bill = lawtrack.load_bill(data)
    two = bill.clause("2")
    assert not _built(bill)  # read alone: the index knew its number
    assert two is not None and two.label == "2"
    assert two == lawtrack.load_bill(data).provisions[1]


def test_a_clause_with_no_number_leaves_lookups_by_number_to_the_whole_read() -> None:
    data = minibill.xml().replace(b"<num><?L 2-3?>3</num>", b"<?L 2-3?>", 1)
    bill = lawtrack.load_bill(data)
    lazy = bill._lazy
    assert isinstance(lazy, LawmakerProvisions) and lazy.clause_elements() is None
    two = bill.clause("2")
    assert _built(bill) and two is not None and two.label == "2"


def test_a_clause_whose_first_number_is_its_subsections_is_not_indexed_by_it() -> None:
    """Clause 2 without a number of its own: the first <num> inside it is subsection (1)'s, which is not the
    clause's number, so the index cannot know clause 2 and every lookup by number waits for the whole read."""
    data = minibill.xml().replace(b"<num><?L 1-9?>2</num>", b"<?L 1-9?>", 1)
    bill = lawtrack.load_bill(data)
    lazy = bill._lazy
    assert isinstance(lazy, LawmakerProvisions) and lazy.clause_elements() is None
    assert bill.clause("1") is not None and _built(bill)
