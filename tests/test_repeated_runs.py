"""pytest run twice in one process (as mutmut runs it for ``make mutation``) still finds a test by the id the first
run gave it, when the id is not ASCII (see ``pytest_generate_tests`` in conftest.py)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

#: The first run lists the tests; the second runs one of them by the id the first printed.
TWICE = """
import sys, pytest
class Ids:
    def pytest_collection_modifyitems(self, items):
        self.ids = [i.nodeid for i in items if "\\\\u201c" in i.nodeid]
ids = Ids()
first = pytest.main(["-q", "-p", "no:cacheprovider", "--co", "tests/test_explain.py", "-k", "describe"], plugins=[ids])
second = pytest.main(["-q", "-p", "no:cacheprovider", ids.ids[0]])
sys.exit(100 + second if first == 0 and ids.ids else 99)
"""


def test_a_second_run_in_one_process_finds_a_non_ascii_id_the_first_gave() -> None:
    done = subprocess.run([sys.executable, "-c", TWICE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 100, done.stdout[-2000:] + done.stderr[-2000:]
