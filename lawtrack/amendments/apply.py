"""Apply amendments to a bill: a pure function from (bill, amendments) to (amended bill, one outcome each).

Every address is resolved against the bill as given — the print the amendments were tabled against — before
anything changes, so page/line references stay valid however many amendments come before. Each amendment is
planned completely (:mod:`lawtrack.amendments.planners`) and kept only when every part of it is valid, so it
applies wholly or not at all. Conflicting amendments are reported, not guessed at: the later one (in
marshalled order) is not applied. The steps:

1. plan each amendment in marshalled order against the original print (nothing in the document changes);
2. record its edits, rolling back if any cannot be made; check it against the amendments kept so far;
3. insert the kept structure (it was parsed and placed while planning), then make the recorded text edits
   from the back of each text, and re-read only the provisions that changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from lawtrack.amendments.conflicts import conflicts, describe, normal_heading
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import Amendment, LeaveOutClause, Parsed
from lawtrack.amendments.outcome import ApplyResult, Failure, Outcome, Status
from lawtrack.amendments.plan import Claim, Plan, Session
from lawtrack.amendments.planners import PLANNERS
from lawtrack.amendments.prints import other_bill, print_mismatch
from lawtrack.amendments.xmledit import EditError
from lawtrack.errors import LawtrackError
from lawtrack.formats.lawmaker import rebuild_bill
from lawtrack.gcpause import collector_paused
from lawtrack.model.bill import Bill

__all__ = ["ApplyResult", "Outcome", "apply", "print_mismatch"]


def _amends_an_amendment(amendment: Amendment, parsed: Parsed) -> bool:
    """"Line 25, at end insert—" with no clause or page: an amendment to an amendment on the same paper."""
    addr = parsed.address
    return (amendment.target_provision or "").startswith("amnd_") or addr.amendment is not None or (
        addr.clause is None and addr.schedule is None and not addr.title and addr.line is not None
        and addr.page is None and not isinstance(parsed.operation, LeaveOutClause))


def _plan(s: Session, amendment: Amendment, parsed: Parsed) -> Plan:
    if _amends_an_amendment(amendment, parsed):
        amended = f"amendment {amendment.target_provision}" if amendment.target_provision else \
            f"Amendment {parsed.address.amendment}" if parsed.address.amendment else "amendment (unknown)"
        raise Failure("skipped", f"amends {amended}, not the bill itself")
    insert = getattr(parsed.operation, "insert", None)
    if insert is not None and not insert.words and not insert.structure and not amendment.inserted_xml:
        # "at end insert—" with its quoted text missing (not read from the paper, or not given): never applied as
        # an insertion of nothing
        raise Failure("unparsed", "the amendment inserts text that it does not give (the quoted text after "
                                  "“insert—” is missing)")
    return PLANNERS[type(parsed.operation)](s, amendment, parsed, parsed.operation)


def apply(bill: Bill, amendments: Sequence[Amendment], *, force: bool = False) -> ApplyResult:
    """Apply ``amendments`` (in the order given: marshalled order) to ``bill``; ``bill`` is not changed.

    Never raises for a bad amendment: each gets an :class:`Outcome` saying what happened and why. An amendment
    tabled to another bill altogether is refused (``wrong-print``) unless ``force``; one tabled against another
    print of this bill is refused when it names a page or line (they differ between prints).

    >>> import lawtrack
    >>> bill = lawtrack.load_bill("bills/victims-and-prisoners/ukpga-2024-21.md")
    >>> result = lawtrack.apply(bill, lawtrack.load_amendments("amendments/victims-and-prisoners"))
    >>> [(o.number, o.status) for o in result.outcomes]
    [('NC36', 'applied'), ('96', 'applied'), ('03-victims-code-support', 'applied')]
    >>> result.bill.provision("clause 26A").heading
    'Victims of specified offences: data-sharing for immigration purposes'
    """
    with collector_paused():
        return _apply(bill, amendments, force)


def _apply(bill: Bill, amendments: Sequence[Amendment], force: bool) -> ApplyResult:
    s = Session(bill)
    outcomes: list[Outcome | None] = []
    kept: list[tuple[int, Amendment, Plan]] = []
    claims: dict[str, list[Claim]] = {}
    headings: dict[str, str] = {}

    def failed(amendment: Amendment, status: Status, detail: str, with_: tuple[str, ...] = ()) -> None:
        outcomes.append(Outcome(number=amendment.label, dnum=amendment.dnum, status=status, detail=detail,
                                conflicts_with=with_))

    for i, amendment in enumerate(amendments):
        parsed = parse_instruction(amendment.instruction, amendment.inserted)
        if not isinstance(parsed, Parsed):
            failed(amendment, "unparsed", f"{parsed.reason} (character {parsed.position + 1})")
            continue
        elsewhere = other_bill(bill, amendment)
        if elsewhere and not force:
            failed(amendment, "wrong-print", f"{elsewhere} (apply it anyway with force)")
            continue
        mismatch = print_mismatch(bill, amendment, same_bill=force)
        if mismatch and (parsed.address.line is not None or parsed.address.page is not None):
            failed(amendment, "wrong-print", mismatch)
            continue
        mark = s.checkpoint()
        try:
            plan = _plan(s, amendment, parsed)
            clash = conflicts(plan, claims, headings)
            if clash:
                raise Failure("conflict", describe(clash), tuple(number for number, _ in clash))
            for edit in plan.edits:
                edit(s.editor)
        except Failure as exc:
            s.rollback(mark)
            failed(amendment, exc.status, exc.detail, exc.conflicts)
            continue
        except (EditError, LawtrackError) as exc:
            s.rollback(mark)
            failed(amendment, "not-found", str(exc))
            continue
        except Exception as exc:  # a fault in lawtrack: reported as this amendment's outcome, not raised
            s.rollback(mark)
            failed(amendment, "error", f"lawtrack could not apply this amendment because of an internal error "
                                       f"({type(exc).__name__}: {exc}); please report it")
            continue
        if mismatch or elsewhere:
            plan.detail += f" — note: {mismatch or elsewhere}"
        for note in parsed.notes:
            plan.detail += f" — note: {note}"
        for c in plan.claims:
            claims.setdefault(c.key, []).append(c)
        if plan.heading:
            headings[normal_heading(plan.heading)] = amendment.label
        kept.append((i, amendment, plan))
        outcomes.append(None)
    # structural insertions first (they were placed using the original provision spans), then the text edits
    inserted: dict[int, list[str]] = {}
    new_elements: list[etree._Element] = []
    for i, _amendment, plan in kept:
        for make in plan.inserts:
            made = make()
            new_elements.extend(made)
            inserted.setdefault(i, []).extend(el.get("eId", "") for el in made)
    s.editor.apply()
    for i, amendment, plan in kept:
        outcomes[i] = Outcome(number=amendment.label, dnum=amendment.dnum, status="applied",
                              detail=plan.detail[:1].upper() + plan.detail[1:],
                              placed_by_lawtrack=plan.placed_by_lawtrack,
                              provisions=tuple(dict.fromkeys([*inserted.get(i, []), *plan.touched])),
                              spans=tuple((c.key, c.start, c.end) for c in plan.claims))
    amended = rebuild_bill(bill, s.root, s.editor.changed + new_elements, f"{bill.source} (amended)")
    return ApplyResult(bill=amended, outcomes=tuple(o for o in outcomes if o is not None))
