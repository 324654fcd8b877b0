"""Cross-check a parsed instruction against the paper's structured attributes (ukl:type, targets)."""

from __future__ import annotations

import re

from lawtrack.amendments.model import (
    Amendment,
    LeaveOutClause,
    LeaveOutLines,
    NewProvision,
    Parsed,
    Unparsed,
)

_PAGE_RE = re.compile(r"^(?:p_(\d+)__)?ln_(\d+)$")


def disagreements(amendment: Amendment, result: Parsed | Unparsed) -> list[str]:
    """What the parse says that the paper's own attributes contradict (empty when they agree)."""
    if isinstance(result, Unparsed):
        return []
    problems: list[str] = []
    op = result.operation
    addr = result.address
    if amendment.type and amendment.type != result.lawmaker_type:
        problems.append(f"parsed as {result.lawmaker_type} but the paper says ukl:type={amendment.type}")
    target = amendment.target_provision or ""
    if target.startswith("sec_"):
        want = target[4:].split("__")[0]  # "sec_5__subsec_2": in Clause 5
        got = op.clause if isinstance(op, LeaveOutClause) and op.clause else addr.clause
        if got != want:
            problems.append(f"parsed target Clause {got} but the paper says targetProvision={target}")
    elif target in ("sch", "sched", "schedule"):  # the sole (unnumbered) Schedule
        got = op.schedule if isinstance(op, LeaveOutClause) and op.schedule is not None else addr.schedule
        if got not in ("", None) and got != "1":
            problems.append(f"parsed target Schedule {got} but the paper says targetProvision={target} (the sole "
                            "Schedule)")
        elif got is None:
            problems.append(f"parsed no Schedule but the paper says targetProvision={target}")
    elif target.lower() in ("longtitle", "title", "preface__longtitle"):
        if not addr.title:
            problems.append(f"parsed target {addr} but the paper says targetProvision={target} (the long title)")
    elif target.startswith(("sched_", "sch_")):
        want = target.split("_", 1)[1].split("__")[0]  # "sched_2__para_3": in Schedule 2
        got = op.schedule if isinstance(op, LeaveOutClause) and op.schedule is not None else addr.schedule
        if got != want:
            problems.append(f"parsed target Schedule {got} but the paper says targetProvision={target}")
    elif target.startswith("amnd_"):
        if addr.clause is not None or addr.schedule is not None:
            problems.append(f"the paper says this amends {target}, but the instruction names a provision")
    elif target and not isinstance(op, NewProvision):
        problems.append(f"unrecognised targetProvision={target}")
    if amendment.target_page:
        m = _PAGE_RE.match(amendment.target_page)
        if m is None:
            problems.append(f"unrecognised targetPage={amendment.target_page}")
        else:
            page = int(m.group(1)) if m.group(1) else None
            line = int(m.group(2))
            got_line = op.first if isinstance(op, LeaveOutLines) and addr.line is None else addr.line
            if page is not None and addr.page != page:
                problems.append(f"parsed page {addr.page} but the paper says targetPage={amendment.target_page}")
            if got_line != line:
                problems.append(f"parsed line {got_line} but the paper says targetPage={amendment.target_page}")
    return problems
