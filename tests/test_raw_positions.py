"""Where each printed character of an XML text slot is in the raw string: the shortcut for plain text against the
character-by-character scan, and hand-checked cases."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawtrack.amendments.xmledit import raw_positions, scan_raw_positions


@pytest.mark.parametrize(("raw", "positions"), [
    ("", [0]),
    (" ", [1]),
    ("a", [0, 1]),
    ("ab ", [0, 1, 2]),
    (" ab", [1, 2, 3]),
    (" a b ", [1, 2, 3, 4]),
    ("a\n   b", [0, 1, 5, 6]),  # the run of white space prints as one space, at its first character
    ("\n  a  \n", [3, 4]),
    ("a\u00a0b", [0, 1, 2, 3]),  # a no-break space is white space to the reader too
])
def test_by_hand(raw: str, positions: list[int]) -> None:
    assert raw_positions(raw) == positions
    assert scan_raw_positions(raw) == positions


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(["a", "é", " ", "\n", "\t", "\r", "\u00a0", "\u2009", "’", "\x85"])))
@example(" ")
@example("a ")
@example(" a")
def test_the_shortcut_agrees_with_the_scan(raw: str) -> None:
    assert raw_positions(raw) == scan_raw_positions(raw)
