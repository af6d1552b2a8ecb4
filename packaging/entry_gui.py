"""The bundle's ``zeshi-desktop`` program (PyInstaller entry script; see packaging/zeshi.spec)."""

from zeshi_desktop.app import main

raise SystemExit(main())
