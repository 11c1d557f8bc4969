"""bshp: a guided assistant for a municipality's boligsosial handlingsplan."""

__version__ = "0.1.0"
