"""Accord: the shared workspace of a coordinated response to violence against women and girls."""

__version__ = "0.1.0"
