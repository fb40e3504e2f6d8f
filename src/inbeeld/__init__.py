"""inbeeld: de-identified, coded, checked data and monitor figures about exploitation."""

__version__ = "0.1.0"
