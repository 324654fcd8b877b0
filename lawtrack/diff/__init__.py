"""Word-level diffs, bill comparison and Keeling views (pure)."""

from lawtrack.diff.compare import BillDiff, ProvisionDiff, compare
from lawtrack.diff.words import Segment, word_diff

__all__ = ["BillDiff", "ProvisionDiff", "Segment", "compare", "word_diff"]
