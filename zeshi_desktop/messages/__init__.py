"""The message catalogue: every message the program shows a person from below the GUI.

A message is a code and named parameters (:class:`Message`); its Chinese and
English texts are data, in ``texts/<area>.toml``, one file per feature. A
refusal is a :class:`Refused` carrying one message; the GUI and the command
line render it in the chosen language, and callers decide by ``code``, never
by matching text. This package sits below the domain and imports nothing of
the program.
"""

from zeshi_desktop.messages.catalogue import (
           LANGUAGES,
           Catalogue,
           CatalogueError,
           catalogue,
           text,
)
from zeshi_desktop.messages.message import Message, Refused, render
from zeshi_desktop.messages.numbers import number_text

__all__ = ["LANGUAGES", "Catalogue", "CatalogueError", "Message", "Refused", "catalogue", "number_text", "render",
           "text"]
