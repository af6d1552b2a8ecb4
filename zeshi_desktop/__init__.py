"""责师评审 — the annual review of Beijing's responsible planners, offline."""

__version__ = "0.1.0"
