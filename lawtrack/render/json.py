"""JSON: ``provisions: [{guid, old_ref, new_ref, change, diff}]`` and the renumbering table; for
``--ignore-renumbering``, ``{identical, units, renumbering, differences: [{kind, old, new, reason}]}``."""

from __future__ import annotations

import json
from typing import Any

from lawtrack.diff.compare import BillDiff
from lawtrack.diff.exact import ExactDiff


def bill_diff_dict(diff: BillDiff) -> dict[str, Any]:
    return {
        "old": {"title": diff.old_title, "version": diff.old_version},
        "new": {"title": diff.new_title, "version": diff.new_version},
        "counts": diff.counts(),
        "renumbering": [{"old": a, "new": b} for a, b in diff.renumbering()],
        "provisions": [
            {"guid": p.guid, "old_ref": p.old_ref, "new_ref": p.new_ref, "change": p.change,
             "heading": p.heading, "diff": [{"op": s.op, "text": s.text} for s in p.diff]}
            for p in diff.provisions
        ],
    }


def bill_diff_json(diff: BillDiff) -> str:
    return json.dumps(bill_diff_dict(diff), ensure_ascii=False, indent=2)


def exact_diff_dict(diff: ExactDiff) -> dict[str, Any]:
    return {
        "identical": diff.identical,
        "units": diff.units,
        "renumbering": [{"old": a, "new": b} for a, b in diff.renumbering],
        "differences": [d.as_dict() for d in diff.differences],
    }


def exact_diff_json(diff: ExactDiff) -> str:
    return json.dumps(exact_diff_dict(diff), ensure_ascii=False, indent=2)
