"""The results reaching people on the command line (issue 18).

``zeshi excellent`` (``excellent``) is a command of its own; ``zeshi print
feedback|excellent`` and ``zeshi report renewals`` (``papers``) are kinds of the
``print`` and ``report`` commands, which hand them over here.
"""

from __future__ import annotations

from .excellent import COMMANDS

__all__ = ["COMMANDS"]
