"""The meeting dashboards: district (3-3), city (4-3 / 4-2 / circles), questionnaire (5-1), years.

Each is a page of the main window like the annexes (``gui.pages`` lists them
all): built from the window's ``ActionRunner``, told the selection, and read
again when the runner reports a change that may move a figure (see
:class:`.common.Dashboard`). Their texts are in the one translation context
``zeshi``; ``--screenshots`` renders them with every other page.
"""
