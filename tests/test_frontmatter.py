"""Front matter is read by libyaml where PyYAML has it, and by the pure-Python loader otherwise: both read the same
data, the same lines, and refuse the same things with the same line."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawtrack.errors import LawtrackError
from lawtrack.formats import frontmatter

pytestmark = pytest.mark.skipif(frontmatter._FAST is None, reason="PyYAML without libyaml: one loader only")


def _read(block: str, fast: bool) -> tuple[str, Any]:
    saved = frontmatter._FAST
    frontmatter._FAST = saved if fast else None
    try:
        fm = frontmatter.read_front_matter(f"---\n{block}\n---\nbody\n", "draft.md")
        return "ok", (fm.data, fm.key_lines, fm.lines)
    except LawtrackError as exc:
        return "refused", (exc.line, exc.expected, exc.message.split(":")[0])
    finally:
        frontmatter._FAST = saved


LINES = st.sampled_from([
    'number: "96"', "number: 96", "stage: Report stage", "proposer: {name: Sarah Champion}", "supporters: [A, B]",
    "supporters:", "  - Baroness Lister", "  - name: Baroness Brinton", "paper_date: 2024-02-30", "x: 1e999",
    "x: !!timestamp 2024-13-01", "x: !!float nope", "a: &anchor text", "b: *anchor", "- item", "key: [unclosed",
    "bad: : colon", '  indented: "x"', "title: 'It''s quoted'", "title: \"\\u00e9\"", "nul: \"\\0\"", "# comment",
    "", "key: value # comment", "? complex", "k: |", "  literal text", "dup: 1", "dup: 2",
    "x: !!python/object:os.system ls",
])


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=6).map("\n".join))
@example("a: &x [1, 2]\nb: *x")
@example("proposer: {name: Sarah Champion}\nnumber: 96\npaper_date: 2024-02-30")
@example("x: !!python/object:os.system ls")
def test_libyaml_and_pure_python_read_front_matter_alike(block: str) -> None:
    assert _read(block, fast=True) == _read(block, fast=False)


def test_an_alias_bomb_is_refused_with_the_line_of_its_first_alias() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    status, (line, _, message) = _read(bomb.rstrip("\n"), fast=True)
    assert frontmatter._FAST is not None
    with pytest.raises(LawtrackError, match="alias"):  # libyaml's events, read before anything is composed
        frontmatter._no_alias(bomb)
    assert status == "refused" and message == "front matter uses a YAML alias (*name), which lawtrack does not read"
    assert line == 3  # the first alias, on the second line of the front matter (line 1 is "---")
