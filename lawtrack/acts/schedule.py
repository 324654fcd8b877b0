"""``lawtrack.keeling(act, bill)``: what a bill does to an Act — the table of amendments, the amended Act and the
Keeling schedule (the Act's text with every change marked and linked to the bill provision that makes it)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from lawtrack.acts.apply import apply_instructions
from lawtrack.acts.citation import act_title
from lawtrack.acts.find import Finder
from lawtrack.acts.model import Instruction, Row, Unread
from lawtrack.acts.read import read_bill
from lawtrack.acts.table import row
from lawtrack.amendments.outcome import ApplyResult
from lawtrack.diff.keeling import KeelingUnit
from lawtrack.diff.keeling import keeling as keeling_view
from lawtrack.errors import LawtrackError
from lawtrack.model.bill import Bill


class KeelingSchedule(BaseModel):
    """What ``bill`` does to ``act``: one :class:`Row` per amending provision (with its outcome), the provisions
    that seem to amend the Act but could not be read, the Keeling units and the amended Act.

    >>> import lawtrack
    >>> act = lawtrack.load_bill("bills/housing-act-2004/act.xml")
    >>> k = lawtrack.keeling(act, lawtrack.load_bill("bills/housing-act-2004/bill.xml"))
    >>> unit = next(u for u in k.changed_units() if u.ref == "Section 213")
    >>> [(m.op, m.text, m.amendments) for m in unit.segments if m.op != "equal"][:2]
    [('delete', 'a shorthold', ('s. 28(3)',)), ('insert', 'an assured', ('s. 28(3)',))]
    >>> k.amended.by_eid("sec_215A") is None  # "(6) Omit section 215A."
    True
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    act_title: str
    bill_title: str
    rows: tuple[Row, ...]
    unread: tuple[Unread, ...]
    instructions: tuple[Instruction, ...]
    units: tuple[KeelingUnit, ...]
    result: ApplyResult

    @property
    def amended(self) -> Bill:
        return self.result.bill

    @property
    def title(self) -> str:
        return f"{self.act_title}: Keeling schedule ({self.bill_title})"

    def changed_units(self) -> list[KeelingUnit]:
        return [u for u in self.units if u.change != "unchanged"]

    def table(self) -> list[dict[str, object]]:
        """The table of amendments with the six keys of LawMaker's Keeling service: one row per amending
        provision and change it makes; two changes of one kind to one place by the same provision ("for “x”
        substitute “y” and for “z” substitute “w”") are one row, as each is in :attr:`rows`."""
        out: list[dict[str, object]] = []
        for r in self.rows:
            row = r.table_dict()
            if not out or out[-1] != row:
                out.append(row)
        return out


def keeling(act: Bill, bill: Bill) -> KeelingSchedule:
    """What ``bill`` does to ``act`` (pure): the table of amendments, each row applied to the Act or its reason
    given, and the Keeling schedule. An Act the bill does not amend gives an empty table.

    Raises :class:`LawtrackError` when ``act`` is not an Act (it has no short title to recognise it by).

    >>> import lawtrack
    >>> act = lawtrack.load_bill("bills/housing-act-2004/act.xml")  # the Housing Act 2004
    >>> bill = lawtrack.load_bill("bills/housing-act-2004/bill.xml")  # the Renters' Rights Bill
    >>> k = lawtrack.keeling(act, bill)
    >>> k.act_title, len(k.rows)
    ('Housing Act 2004', 176)
    >>> k.table()[0]
    {'source': 's. 28(2)(a)', 'source_eid': 'sec_28__subsec_2__para_a', 'type_of_amendment': 'substitution',
     'affected_provision': 'sec_212__subsec_1', 'location': 'Replace', 'whole_provision': False}
    >>> k.rows[0].operation, k.rows[0].status
    ('in section 212(1): for “shorthold” substitute “assured”', 'applied')
    """
    title = act_title(act)
    if title is None:
        raise LawtrackError("this is not an Act: lawtrack cannot find its short title (a section saying “This Act "
                            "may be cited as …”)", source=act.source,
                            expected="an Act as LawMaker XML, with its short-title section")
    found = read_bill(bill, title)
    result = apply_instructions(act, found.instructions, found.unread)
    outcomes = {o.number: o for o in result.outcomes}
    rows = []
    finder = Finder(act)
    for ins in found.instructions:
        r = row(act, ins, finder)
        o = outcomes.get(ins.source)
        if o is not None and r.status == "applied":
            r = r.model_copy(update={"status": o.status, "detail": o.detail})
        rows.append(r)
    units = [u if not u.ref.startswith("Clause ") else u.model_copy(update={"ref": "Section " + u.ref[7:]})
             for u in keeling_view(act, result)]
    bill_title = " ".join(bill.metadata.short_title.split()) or bill.source
    return KeelingSchedule(act_title=title, bill_title=bill_title, rows=tuple(rows), unread=tuple(found.unread),
                           instructions=tuple(found.instructions), units=tuple(units), result=result)
