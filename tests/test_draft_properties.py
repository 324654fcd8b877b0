"""Hypothesis: random edits of real DPDI Bill 314 clauses round-trip through draft → parse → apply."""

from __future__ import annotations

import random
import re
import uuid
from copy import deepcopy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import lawtrack
from lawtrack.amendments.apply import apply
from lawtrack.amendments.instructions import parse_instruction
from lawtrack.amendments.model import Parsed
from lawtrack.drafting import draft_with_notes
from tests.conftest import bill_path, nodes
from tests.test_draft import text_differences

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
_CACHE: list[lawtrack.Bill] = []
WORDS = ("relevant", "appropriate", "specified", "reasonable", "written", "prescribed")


def dpdi() -> lawtrack.Bill:
    if not _CACHE:
        _CACHE.append(lawtrack.load_bill(bill_path("dpdi314")))
    return _CACHE[0]


def _fresh_ids(el: etree._Element, rng: random.Random) -> None:
    for node in el.iter():
        if isinstance(node.tag, str) and node.get("GUID"):
            node.set("GUID", "_" + str(uuid.UUID(int=rng.getrandbits(128))))
        if isinstance(node.tag, str) and node.get("eId"):
            node.set("eId", node.get("eId", "") + "_x")


def edit(root: etree._Element, rng: random.Random, kind: str) -> None:
    sections = nodes(root, "//a:body//a:section[not(ancestor::a:quotedStructure)]", namespaces=NS)
    section = rng.choice(sections[5:60])
    if kind == "words":
        ps = [p for p in nodes(section, ".//a:p[not(ancestor::a:quotedStructure)]", namespaces=NS)
              if p.text and len(re.findall(r"\b[a-z]{4,}\b", p.text)) >= 2]
        if not ps:
            return
        p = rng.choice(ps)
        words = re.findall(r"\b[a-z]{4,}\b", p.text or "")
        target = rng.choice(words)
        action = rng.choice(["replace", "delete", "insert"])
        if action == "delete":  # a word left out takes its space with it
            p.text = re.sub(rf"(^|\s)\b{target}\b", "", p.text or "", count=1)
        else:
            new = rng.choice(WORDS) if action == "replace" else f"{target} {rng.choice(WORDS)}"
            p.text = re.sub(rf"\b{target}\b", new, p.text or "", count=1)
    elif kind == "drop-subsection":
        subs = section.xpath("./a:subsection", namespaces=NS)
        if len(subs) > 1:
            victim = rng.choice(subs)
            victim.getparent().remove(victim)
    elif kind == "add-subsection":
        subs = section.xpath("./a:subsection", namespaces=NS)
        if subs:
            copy = deepcopy(rng.choice(subs))
            _fresh_ids(copy, rng)
            subs[-1].addnext(copy)
    elif kind == "drop-clause":
        section.getparent().remove(section)
    elif kind == "add-clause":
        copy = deepcopy(section)
        _fresh_ids(copy, rng)
        heading = copy.find("a:heading", NS)
        if heading is not None:
            heading.text = f"New provision {rng.randrange(10_000)}"
        section.addnext(copy)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1),
       kinds=st.lists(st.sampled_from(["words", "words", "drop-subsection", "add-subsection", "drop-clause",
                                       "add-clause"]), min_size=1, max_size=4))
def test_random_edits_round_trip(seed: int, kinds: list[str]) -> None:
    old = dpdi()
    rng = random.Random(seed)
    root = old.copy_tree()
    for kind in kinds:
        edit(root, rng, kind)
    new = lawtrack.load_bill(etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True))
    out = draft_with_notes(old, new, house="lords")
    for a in out.amendments:
        assert isinstance(parse_instruction(a.instruction, a.inserted), Parsed)
    result = apply(old, out.amendments)
    assert [o.status for o in result.outcomes] == ["applied"] * len(out.amendments), [
        (o.number, o.status, o.detail) for o in result.outcomes if o.status != "applied"]
    assert text_differences(result.bill, new) == []
