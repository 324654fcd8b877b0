"""One planner per operation, as the parser has one recogniser per instruction form.

A planner takes the session, the amendment, its parse and its operation, and returns a
:class:`~lawtrack.amendments.plan.Plan` or raises :class:`~lawtrack.amendments.outcome.Failure`. It records
nothing: the driver (:mod:`lawtrack.amendments.apply`) keeps a plan only when the whole of it is valid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lawtrack.amendments.model import (
    Amendment,
    InsertWords,
    LeaveOutClause,
    LeaveOutLines,
    LeaveOutProvisions,
    LeaveOutRange,
    LeaveOutWords,
    NewProvision,
    Parsed,
)
from lawtrack.amendments.plan import Plan, Session
from lawtrack.amendments.planners import (
    insert_words,
    leave_out_clause,
    leave_out_lines,
    leave_out_provisions,
    leave_out_range,
    leave_out_words,
    new_provision,
)

Planner = Callable[[Session, Amendment, Parsed, Any], Plan]

PLANNERS: dict[type, Planner] = {
    LeaveOutWords: leave_out_words.plan,
    InsertWords: insert_words.plan,
    LeaveOutRange: leave_out_range.plan,
    LeaveOutLines: leave_out_lines.plan,
    LeaveOutProvisions: leave_out_provisions.plan,
    LeaveOutClause: leave_out_clause.plan,
    NewProvision: new_provision.plan,
}
