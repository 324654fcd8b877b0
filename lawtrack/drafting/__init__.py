"""Drafting: turn an edited bill (or a new print) into House-style amendment instructions (pure)."""

from lawtrack.drafting.drafter import DraftResult, draft, draft_with_notes

__all__ = ["DraftResult", "draft", "draft_with_notes"]
