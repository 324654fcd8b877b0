"""The examples in the docstrings of the small pure modules hold (the public API's examples are run by
tests/test_fresh_clone.py, in a fresh clone)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["lawtrack.amendments.conflicts", "lawtrack.render.markdown", "lawtrack.site.blocks",
           "lawtrack.site.page_html", "lawtrack.model.provision"]


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_the_module_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 1 and result.failed == 0
