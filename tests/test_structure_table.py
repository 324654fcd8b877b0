"""Inserted structure, checked by hand: the eIds and GUIDs new provisions are given, where they are placed, and
what their host becomes (lawtrack/amendments/structure.py)."""

from __future__ import annotations

import uuid

import pytest
from lxml import etree

from lawtrack.amendments.structure import (
    _GUID_NS,
    Place,
    child_eid,
    find_place,
    innermost,
    num_label,
    put,
    refresh_ids,
    structure_elements,
)
from lawtrack.errors import LawtrackError
from lawtrack.formats.lawmaker import ProvisionSpan

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def el(xml: str) -> etree._Element:
    return etree.fromstring(f'<x xmlns="{AKN}">{xml}</x>')[0]


def eids(node: etree._Element) -> list[str | None]:
    return [n.get("eId") for n in node.iter() if isinstance(n.tag, str)]


def test_refresh_ids_renames_the_element_and_everything_under_it() -> None:
    new = el('<subsection eId="sec_9__subsec_2" GUID="_a"><num>(2)</num><level eId="sec_9__subsec_2__para_a" '
             'GUID="_b"><num>(a)</num></level><level eId="q__para_b"><num>(b)</num></level></subsection>')
    taken: set[str] = {"sec_1__subsec_1"}
    refresh_ids(new, "sec_1__subsec_2", "NC1", taken)
    # under the old eId: the old prefix is replaced; anything else keeps its last part under the new eId
    assert eids(new) == ["sec_1__subsec_2", None, "sec_1__subsec_2__para_a", None, "sec_1__subsec_2__para_b", None]
    assert new.get("GUID") == "_" + str(uuid.uuid5(_GUID_NS, "NC1:_a:sec_9__subsec_2"))
    assert new[1].get("GUID") == "_" + str(uuid.uuid5(_GUID_NS, "NC1:_b:sec_9__subsec_2__para_a"))
    assert new[2].get("GUID") is None  # none given, none made
    assert taken == {"sec_1__subsec_1", "sec_1__subsec_2", "sec_1__subsec_2__para_a", "sec_1__subsec_2__para_b"}


def test_refresh_ids_takes_the_next_free_eid() -> None:
    taken = {"sec_1__subsec_2", "sec_1__subsec_2_2"}
    new = el('<subsection eId="x"><level eId="x__para_a"/></subsection>')
    refresh_ids(new, "sec_1__subsec_2", "NC1", taken)
    assert eids(new) == ["sec_1__subsec_2_3", "sec_1__subsec_2_3__para_a"]
    free = el('<subsection eId="x"/>')
    refresh_ids(free, "sec_1__subsec_4", "NC1", taken)
    assert free.get("eId") == "sec_1__subsec_4"


def test_refresh_ids_of_an_element_without_an_eid() -> None:
    new = el('<subsection><level eId="q__qstr__para_a"/><level/></subsection>')
    refresh_ids(new, "sec_2__subsec_3", "A1", set())
    assert eids(new) == [None, "sec_2__subsec_3__para_a", None]  # the host had none: it is given none


def test_the_same_seed_gives_the_same_guids_and_another_seed_others() -> None:
    def guid(seed: str) -> str | None:
        new = el('<section eId="s" GUID="_g"/>')
        refresh_ids(new, "sec_4", seed, set())
        return new.get("GUID")

    assert guid("NC1") == guid("NC1") != guid("NC2")


@pytest.mark.parametrize(("parent", "child", "label", "eid"), [
    ('<section eId="sec_3"/>', "<subsection/>", "2A", "sec_3__subsec_2A"),
    ('<subsection eId="sec_3__subsec_2"/>', '<level class="para1"/>', "b", "sec_3__subsec_2__para_b"),
    ('<level eId="p"/>', '<level class="para2"/>', "ii", "p__subpara_ii"),
    ('<level eId="p"/>', '<level class="para3"/>', "A", "p__subsubpara_A"),
    ('<level eId="p"/>', '<level class="other"/>', "z", "p__level_z"),
    ('<level eId="p"/>', "<level/>", "z", "p__level_z"),
    # a clause's eId is never under its container's
    ('<part eId="pt_1"/>', "<section/>", "5", "sec_5"),
    # Schedules' and the body's containers give no prefix
    ('<hcontainer eId="scheds__x"/>', "<paragraph/>", "3", "para_3"),
    ('<body eId="body"/>', "<part/>", "2", "pt_2"),
    ("<section/>", "<subsection/>", "1", "subsec_1"),  # a parent without an eId
    ('<section eId="sec_1"/>', "<subsection/>", "(—)", "sec_1__subsec_new"),  # nothing usable in the label
    ('<schedule eId="sched_1"/>', "<paragraph/>", "4", "sched_1__para_4"),
    ('<x eId="s"/>', "<article/>", "1", "s__art_1"),
    ('<x eId="s"/>', "<chapter/>", "3", "s__chp_3"),
    ('<x eId="s"/>', "<subparagraph/>", "1", "s__subpara_1"),
])
def test_child_eid(parent: str, child: str, label: str, eid: str) -> None:
    assert child_eid(el(parent), el(child), label) == eid


def test_child_eid_without_a_parent() -> None:
    assert child_eid(None, el("<subsection/>"), "3") == "subsec_3"


@pytest.mark.parametrize(("num", "label"), [
    ("<num>(2A)</num>", "2A"), ("<num> 12 </num>", "12"), ("<num>(<b>b</b>)</num>", "b"), ("", ""),
    ("<num>((iv))</num>", "iv"), ("<num>( c )</num>", "c"), ("<num>1.</num>", "1."),
])
def test_num_label(num: str, label: str) -> None:
    assert num_label(el(f"<level>{num}</level>")) == label


def _spans() -> tuple[list[ProvisionSpan], dict[str, etree._Element]]:
    doc = el('<section eId="s"><num>1</num><subsection eId="a"><num>(1)</num><content><p>Words.</p></content>'
             '</subsection><subsection eId="b"><num>(2)</num><intro><p>Intro—</p></intro><level class="para1" '
             'eId="b1"><num>(a)</num></level></subsection></section>')
    nodes = {n.get("eId", ""): n for n in doc.iter() if isinstance(n.tag, str) and n.get("eId")}
    # text: "1\n(1) Words.\n(2) Intro—\n(a)" — s 0-26, a 2-12, b 13-26 (own words to 23), b1 23-26
    b1 = ProvisionSpan(nodes["b1"], 23, 26, [])
    spans = [ProvisionSpan(nodes["s"], 0, 26, [ProvisionSpan(nodes["a"], 2, 12, []),
                                              ProvisionSpan(nodes["b"], 13, 26, [b1])])]
    return spans, nodes


def test_innermost() -> None:
    spans, nodes = _spans()
    assert [s.node.get("eId") for s in innermost(spans, 5)] == ["s", "a"]
    assert [s.node.get("eId") for s in innermost(spans, 12)] == ["s", "a"]  # ending exactly there
    assert [s.node.get("eId") for s in innermost(spans, 13)] == ["s", "b"]  # starting exactly there
    assert [s.node.get("eId") for s in innermost(spans, 24)] == ["s", "b", "b1"]
    assert innermost(spans, 30) == []
    empty = [ProvisionSpan(nodes["a"], 4, 4, [])]  # an empty provision contains nothing
    assert innermost(empty, 4) == []


def test_find_place() -> None:
    spans, nodes = _spans()
    subsection, level = el("<subsection/>"), el('<level class="para1"/>')
    # a subsection at the end of subsection (1) goes after it, in the clause
    assert find_place(spans, 12, subsection) == Place("after", nodes["a"], nodes["s"])
    # a paragraph in (a)'s words goes after (a)
    assert find_place(spans, 25, level) == Place("after", nodes["b1"], nodes["b"])
    # a paragraph at the end of (2)'s own words goes before its first paragraph
    assert find_place(spans, 23, el('<level class="para1" eId="n"/>')) == Place("after", nodes["b1"], nodes["b"])
    assert find_place(spans, 20, level) == Place("before", nodes["b1"], nodes["b"])
    # a paragraph in subsection (1), which has none: appended to it
    assert find_place(spans, 8, level) == Place("append", nodes["a"], nodes["a"])
    assert find_place(spans, 40, level) is None


def test_put_after_keeps_the_marshalled_order_and_the_layout() -> None:
    _, nodes = _spans()
    nodes["a"].tail = "\n  "
    placed: dict[int, etree._Element] = {}
    first, second = el('<subsection eId="n1"/>'), el('<subsection eId="n2"/>')
    put(Place("after", nodes["a"], nodes["s"]), [first], placed)
    put(Place("after", nodes["a"], nodes["s"]), [second], placed)
    assert [c.get("eId") for c in nodes["s"]] == [None, "a", "n1", "n2", "b"]
    assert first.tail == "\n  " and second.tail == "\n  "  # each new one laid out as the one it follows


def test_put_before_and_append() -> None:
    _, nodes = _spans()
    new = el('<level class="para1" eId="z"/>')
    put(Place("before", nodes["b1"], nodes["b"]), [new], {})
    assert [c.get("eId") for c in nodes["b"]][-2:] == ["z", "b1"]
    appended = el('<level class="para1" eId="y"/>')
    put(Place("append", nodes["a"], nodes["a"]), [appended], {})
    # subsection (1) gains a child: its content becomes its intro, then comes the new paragraph
    assert [etree.QName(c).localname for c in nodes["a"]] == ["num", "intro", "level"]


def test_structure_elements() -> None:
    xml = (f'<quotedStructure xmlns="{AKN}"><section eId="a"/><p>not a provision</p><level eId="b"/>'
           "<!-- c --></quotedStructure>").encode()
    assert [e.get("eId") for e in structure_elements(xml, "paper.xml")] == ["a", "b"]
    with pytest.raises(LawtrackError) as caught:
        structure_elements(b"<quotedStructure><section>", "paper.xml")
    assert caught.value.source == "paper.xml"
