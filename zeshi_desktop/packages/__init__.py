"""Excel adapters: the roster workbook and the hand-over packages (openpyxl lives only here).

Importing this package asserts that openpyxl parses XML through defusedxml, so
no workbook from a USB stick is ever read without it.
"""

from .safety import require_defusedxml

require_defusedxml()
