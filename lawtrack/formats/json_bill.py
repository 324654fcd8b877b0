"""A bill as JSON: metadata and the provision tree, for scripts."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from lawtrack.model.bill import Bill
from lawtrack.model.provision import Provision


def provision_dict(p: Provision, *, children: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": p.kind.value,
        "guid": p.guid,
        "eid": p.eid,
        "num": p.num,
        "heading": p.heading,
        "text": p.text,
        "lines": [{"page": s.page, "line": s.line, "start": s.start, "end": s.end} for s in p.lines],
        "marks": [{"tag": m.tag, "start": m.start, "end": m.end, **dict(m.attrs)} for m in p.marks],
        "quoted": p.quoted,
    }
    if children:
        out["children"] = [provision_dict(c) for c in p.children]
    return out


def bill_dict(bill: Bill) -> dict[str, Any]:
    meta = {f.name: getattr(bill.metadata, f.name) for f in fields(bill.metadata) if f.name != "variables"}
    meta["variables"] = dict(bill.metadata.variables)
    return {"metadata": meta, "notes": list(bill.notes), "provisions": [provision_dict(p) for p in bill.provisions]}


def write_json(bill: Bill, *, indent: int | None = 2) -> str:
    return json.dumps(bill_dict(bill), ensure_ascii=False, indent=indent)
