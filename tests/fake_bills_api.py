"""A spec-conformant fake of the Bills API for a real local HTTP server (pytest-httpserver on 127.0.0.1).

It serves a bill with several stages and hundreds of amendments, supports Skip/Take paging and ETag
revalidation (304), and can be told to fail in the ways the live API does.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from werkzeug.wrappers import Request, Response

DECISIONS = ["NoDecision", "Agreed", "Withdrawn", "NotMoved", "Disagreed", "NegativedOnDivision", "NotCalled"]


def member(i: int, lead: bool = False) -> dict[str, Any]:
    return {"memberId": 1000 + i, "name": f"Member {i}", "party": "Independent", "partyColour": "999999",
            "house": "Commons", "memberPhoto": None, "memberPage": None, "memberFrom": "Somewhere",
            "sortOrder": 1 if lead else 2, "isLead": lead}


@dataclass
class FakeBill:
    bill_id: int = 9001
    stages: int = 4
    amendments_per_stage: int = 25
    title: str = "Fake Amendments Bill"
    decisions: dict[int, str] = field(default_factory=dict)  # amendmentId -> decision override

    def stage_ids(self) -> list[int]:
        return [50_000 + i for i in range(self.stages)]

    def bill(self) -> dict[str, Any]:
        last = self.stage_summaries()[-1]
        return {"billId": self.bill_id, "shortTitle": self.title, "formerShortTitle": None,
                "currentHouse": "Lords", "originatingHouse": "Commons", "lastUpdate": "2024-05-01T10:00:00",
                "billWithdrawn": None, "isDefeated": False, "billTypeId": 1, "introducedSessionId": 38,
                "includedSessionIds": [38], "isAct": False, "currentStage": last,
                "longTitle": "A Bill to test lawtrack.", "summary": None,
                "sponsors": [{"member": member(1), "organisation": None, "sortOrder": 1}],
                "promoters": None, "petitioningPeriod": None, "petitionInformation": None, "agent": None}

    def stage_summaries(self) -> list[dict[str, Any]]:
        names = ["1st reading", "2nd reading", "Committee stage", "Report stage", "3rd reading", "1st reading",
                 "2nd reading"]
        out = []
        for i, sid in enumerate(self.stage_ids()):
            out.append({"id": sid, "stageId": 6 + i, "sessionId": 38, "description": names[i % len(names)],
                        "abbreviation": None, "house": "Commons" if i < 5 else "Lords",
                        "stageSittings": [{"id": 70_000 + i, "stageId": 6 + i, "billStageId": sid,
                                           "billId": self.bill_id, "date": f"2024-0{1 + i % 9}-1{i % 9}T00:00:00"}],
                        "sortOrder": i + 1})
        return out

    def amendment_item(self, sid: int, n: int) -> dict[str, Any]:
        aid = sid * 1000 + n
        return {"id": 0, "billId": self.bill_id, "billStageId": sid, "statusIndicator": "☆",
                "decision": self.decisions.get(aid, DECISIONS[n % len(DECISIONS)] if sid % 2 else "NoDecision"),
                "decisionExplanation": None, "sponsors": [member(n, lead=True)], "amendmentId": aid,
                "amendmentType": "EditBillBody", "clause": 1 + n % 40, "schedule": None,
                "pageNumber": 1 + n % 30, "lineNumber": 1 + n % 38, "amendmentPosition": "",
                "marshalledListText": str(n + 1), "dNum": f"hoc{n + 1}",
                "summaryText": [f"Clause {1 + n % 40}, page {1 + n % 30}, line {1 + n % 38}, leave out “x{n}”"]}

    def amendment_detail(self, sid: int, n: int) -> dict[str, Any]:
        item = self.amendment_item(sid, n)
        item.pop("summaryText")
        return {**item, "amendmentLines": [{"text": f"<p>Clause {item['clause']}, page {item['pageNumber']}, "
                                                    f"line {item['lineNumber']}, leave out &#8220;x{n}&#8221;</p>",
                                            "indentation": 0, "hangingIndentation": None, "isImage": False,
                                            "imageType": None}],
                "explanatoryTextPrefix": None, "explanatoryText": None, "amendmentNote": None,
                "amendmentLocation": None, "mainHeader": None}


@dataclass
class FakeApi:
    bill: FakeBill = field(default_factory=FakeBill)
    etags: bool = True
    bodies: int = 0  # 200 responses with a body
    not_modified: int = 0  # 304 responses
    hits: list[str] = field(default_factory=list)
    #: failure plans: path regex -> list of actions consumed one per matching request
    #: actions: ("status", code, headers), ("sleep", seconds), ("body", bytes, content_type)
    faults: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    extra_fields: bool = False
    #: a broken server: answers every page as if Skip were 0, and/or claims this many results
    ignore_skip: bool = False
    claimed_total: int | None = None
    #: text put into every amendment's summary (for hostile characters)
    amendment_text: str | None = None

    @staticmethod
    def etag_of(body: bytes) -> str:
        return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

    def etag_for(self, path: str, args: dict[str, str] | None = None) -> str:
        """The ETag the server gives the good answer at ``path`` (to forge a bad answer with it)."""
        return self.etag_of(json.dumps(self.json_for(path, args or {})).encode())

    def json_for(self, path: str, args: dict[str, str]) -> Any:
        b = self.bill
        skip, take = int(args.get("Skip", 0)), int(args.get("Take", 20))
        if self.ignore_skip:
            skip = 0
        if m := re.fullmatch(rf"/api/v1/Bills/{b.bill_id}", path):
            data = b.bill()
            if self.extra_fields:
                data["aFieldFromTheFuture"] = {"x": 1}
                data["currentHouse"] = "Senedd"
            return data
        if path == f"/api/v1/Bills/{b.bill_id}/Stages":
            items = b.stage_summaries()
            return {"items": items[skip : skip + take], "totalResults": len(items), "itemsPerPage": take}
        if m := re.fullmatch(rf"/api/v1/Bills/{b.bill_id}/Stages/(\d+)/Amendments", path):
            sid = int(m.group(1))
            items = [b.amendment_item(sid, n) for n in range(b.amendments_per_stage)]
            if self.extra_fields and items:
                for item in items[:2]:
                    item["decision"] = "ReferredToTheMoon"
            if self.amendment_text is not None:
                for item in items:
                    item["summaryText"] = [self.amendment_text]
            total = self.claimed_total if self.claimed_total is not None else len(items)
            return {"items": items[skip : skip + take], "totalResults": total, "itemsPerPage": take}
        if m := re.fullmatch(rf"/api/v1/Bills/{b.bill_id}/Stages/(\d+)/Amendments/(\d+)", path):
            sid, aid = int(m.group(1)), int(m.group(2))
            return b.amendment_detail(sid, aid - sid * 1000)
        if path == f"/api/v1/Bills/{b.bill_id}/Publications":
            return {"billId": b.bill_id, "publications": [
                {"id": 1, "title": "Bill as introduced", "publicationType": {"id": 5, "name": "Bill",
                                                                             "description": None},
                 "displayDate": "2024-01-10T00:00:00", "links": [], "files": [], "house": "Commons"}]}
        return None

    def __call__(self, request: Request) -> Response:
        path = request.path
        self.hits.append(request.full_path)
        for pattern, actions in self.faults.items():
            if re.search(pattern, request.full_path.rstrip("?")) and actions:
                action = actions.pop(0)
                if action[0] == "status":
                    return Response("fault", status=action[1], headers=action[2] if len(action) > 2 else {})
                if action[0] == "sleep":
                    time.sleep(action[1])
                if action[0] == "body":
                    self.bodies += 1
                    return Response(action[1], status=200, content_type=action[2],
                                    headers=action[3] if len(action) > 3 else {})
                if action[0] == "trickle":  # a body sent a few bytes at a time, for ever (or nearly)
                    pause, chunks = action[1], action[2]

                    def drip(pause: float = pause, chunks: int = chunks) -> Any:
                        for _ in range(chunks):
                            time.sleep(pause)
                            yield b" "

                    return Response(drip(), status=200, content_type="application/json")
        data = self.json_for(path, dict(request.args))
        if data is None:
            return Response(json.dumps({"title": "Not Found", "status": 404}), status=404,
                            content_type="application/problem+json")
        body = json.dumps(data).encode()
        etag = self.etag_of(body)
        if self.etags and request.headers.get("If-None-Match") == etag:
            self.not_modified += 1
            return Response(status=304, headers={"ETag": etag})
        self.bodies += 1
        headers = {"ETag": etag} if self.etags else {}
        return Response(body, status=200, content_type="application/json; charset=utf-8", headers=headers)
