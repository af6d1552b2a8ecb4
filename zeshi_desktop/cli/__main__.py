"""``python -m zeshi_desktop.cli`` — the same as the ``zeshi`` command."""

import sys

from zeshi_desktop.cli import main

sys.exit(main())
