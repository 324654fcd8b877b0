"""What applying amendments gives back: one :class:`Outcome` per amendment, and the amended bill."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from lawtrack.model.bill import Bill

#: applied; not-found (the words or provision are not where the address says); ambiguous (more than one match);
#: conflict (with an earlier amendment); unparsed (the instruction or its inserted text could not be read);
#: wrong-print (tabled against another print); skipped (an amendment to an amendment); error (a fault in
#: lawtrack itself, reported rather than raised).
Status = Literal["applied", "not-found", "ambiguous", "conflict", "unparsed", "wrong-print", "skipped", "error"]


class Outcome(BaseModel):
    """What happened to one amendment. An amendment is applied wholly or not at all.

    >>> import lawtrack
    >>> bill = lawtrack.load_bill("bills/victims-and-prisoners/ukpga-2024-21.md")
    >>> paper = lawtrack.load_amendments("bills/victims-and-prisoners/victims_prisoners_rm_rep_0906.xml")
    >>> outcome = lawtrack.apply(bill, paper).outcome("2")
    >>> outcome.status, outcome.detail[:52]
    ('wrong-print', 'tabled against Bill 351 “As amended in Public Bill C')
    """

    model_config = ConfigDict(defer_build=True, frozen=True)

    number: str
    dnum: str | None = None
    status: Status
    detail: str
    conflicts_with: tuple[str, ...] = ()
    #: True when lawtrack chose where to put a new clause (the paper gave no position).
    placed_by_lawtrack: bool = False
    #: eIds (in the amended bill) of the provisions this amendment inserted or changed.
    provisions: tuple[str, ...] = ()
    #: Where it acted, as (clause or Schedule eId, start, end) offsets in that provision's original text.
    spans: tuple[tuple[str, int, int], ...] = ()


class ApplyResult(BaseModel):
    """The amended bill and one outcome per amendment, in the order given.

    >>> import lawtrack
    >>> bill = lawtrack.load_bill("bills/victims-and-prisoners/ukpga-2024-21.md")
    >>> result = lawtrack.apply(bill, lawtrack.load_amendments("amendments/victims-and-prisoners"))
    >>> result.all_applied, result.outcome("96").provisions[0]
    (True, 'sec_26A')
    """

    model_config = ConfigDict(defer_build=True, frozen=True, arbitrary_types_allowed=True)

    bill: Bill
    outcomes: tuple[Outcome, ...]

    @property
    def all_applied(self) -> bool:
        return all(o.status == "applied" for o in self.outcomes)

    def outcome(self, number: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.number == number), None)


class Failure(Exception):
    """Raised while planning an amendment; the driver turns it into that amendment's :class:`Outcome`."""

    def __init__(self, status: Status, detail: str, conflicts: tuple[str, ...] = ()) -> None:
        super().__init__(detail)
        self.status: Status = status
        self.detail = detail
        self.conflicts = conflicts
