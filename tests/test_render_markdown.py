"""Markdown pages: the front matter of every page is the YAML the pure-Python dumper writes, byte for byte."""

from __future__ import annotations

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from lawtrack.render.markdown import page_start, page_title


@given(st.text())
@example("Amendment 96: Clause 18, page 15, line 10, at end insert—")
@example("The \"Quoted\" Bill: <script>alert(1)</script> & 'more'")
@example("\U0001d54f beyond the Basic Multilingual Plane")  # libyaml would write this as an escape
@example("- a title that looks like a list: and a colon # and a hash")
def test_front_matter_is_the_pure_python_yaml_and_reads_back_as_the_safe_title(title: str) -> None:
    lines = page_start(title)
    assert lines[0] == "---" and lines[2] == "---"
    expected = yaml.safe_dump({"title": page_title(title)}, allow_unicode=True, width=10_000).strip()
    assert lines[1] == expected
    assert yaml.safe_load(lines[1]) == {"title": page_title(title)}


def test_the_safe_title_has_no_markup_in_any_form() -> None:
    assert page_title("A <b>bold</b> & bad\ntitle") == "A ‹b›bold‹/b› ＆ bad title"
