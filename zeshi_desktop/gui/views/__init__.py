"""One view per annex, plus the roster; see :mod:`.registry` for how views are listed."""
