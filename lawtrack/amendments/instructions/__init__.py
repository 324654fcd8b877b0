"""The instruction parser: House-style prose → typed address and operation."""

from lawtrack.amendments.instructions.parser import parse_instruction

__all__ = ["parse_instruction"]
