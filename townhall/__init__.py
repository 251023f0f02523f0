"""Townhall: social-media governance for universities."""

__version__ = "0.1.0"
