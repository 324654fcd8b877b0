"""Whether a provision's first line is its own (a line anchor before its first printed word): the reader's walk
against the XPath it replaces, on every element of the shipped bills, and hand-checked cases."""

from __future__ import annotations

import pytest
from lxml import etree

import lawtrack
from lawtrack.formats.lawmaker import _starts_with_anchor
from tests import groupbill, minibill
from tests.conftest import ROOT

ORACLE = "(.//text()[normalize-space()] | .//processing-instruction('L'))[1]"


def _xpath(el: etree._Element) -> bool:
    found = el.xpath(ORACLE)
    return isinstance(found, list) and bool(found) and not isinstance(found[0], str)


@pytest.mark.parametrize(("xml", "expected"), [
    ("<a><?L 1-1?>word</a>", True),
    ("<a>word<?L 1-1?></a>", False),
    ("<a>\n  <b><?L 1-1?></b>word</a>", True),
    ("<a>\n  <b>\t</b>\n<?L 1-1?>word</a>", True),  # XML white space is not a printed word
    ("<a>\u00a0<?L 1-1?>word</a>", False),  # a no-break space is printed
    ("<a><!-- note --><?L 1-1?>word</a>", True),  # a comment is neither
    ("<a><!-- note -->word<?L 1-1?></a>", False),
    ("<a><?other 1-1?>word<?L 1-2?></a>", False),  # only the L instruction is a line anchor
    ("<a><b/>tail first<?L 1-1?></a>", False),  # a child's tail is text of its parent
    ("<a><?L 1-1?></a>", True),
    ("<a><b/></a>", False),  # neither
])
def test_by_hand(xml: str, expected: bool) -> None:
    el = etree.fromstring(xml)
    assert (_starts_with_anchor(el), _xpath(el)) == (expected, expected)


def _documents() -> list[etree._Element]:
    roots = [lawtrack.load_bill(minibill.xml()).copy_tree(), groupbill.bill().copy_tree()]
    roots += [lawtrack.load_bill(p).copy_tree() for p in sorted((ROOT / "bills").glob("*/*.xml"))
              if "_rm_" not in p.name]
    return roots


def test_the_walk_agrees_with_the_xpath_on_every_element_of_the_shipped_bills() -> None:
    checked = 0
    for root in _documents():
        for el in root.iter("*"):
            assert _starts_with_anchor(el) == _xpath(el), (el.tag, el.get("eId"))
            checked += 1
    assert checked > 10_000
