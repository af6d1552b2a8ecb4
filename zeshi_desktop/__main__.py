"""``python -m zeshi_desktop`` starts the desktop application."""

from zeshi_desktop.app import main

raise SystemExit(main())
