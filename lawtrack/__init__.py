"""lawtrack: UK bills as typed LawMaker XML, amendments parsed and applied, bills tracked through Parliament."""

from lawtrack.errors import LawtrackError
from lawtrack.formats.load import load_bill
from lawtrack.model import Bill, BillMetadata, Kind, LineHit, LineSpan, Provision

__all__ = ["Bill", "BillMetadata", "Kind", "LawtrackError", "LineHit", "LineSpan", "Provision", "load_bill"]
__version__ = "0.1.0"
