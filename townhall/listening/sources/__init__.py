"""Listening sources, one module per network, behind the interface in `base`."""
