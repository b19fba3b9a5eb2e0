"""placement: turn a reorganisation policy into a reviewable transfer plan."""

__version__ = "0.1.0"
