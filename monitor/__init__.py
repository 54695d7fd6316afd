"""Monitor: an offline, encrypted case manager for monitors of places of detention."""

__version__ = "0.1.0"
