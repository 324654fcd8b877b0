"""Renderers of diffs and Keeling views, one module per output format (pure: models in, text out)."""
