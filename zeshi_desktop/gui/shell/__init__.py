"""The window's shell around the pages: its size on each screen, what it remembers, the meeting's keys and views.

Split out of ``main_window.py`` so that the window itself only wires pages,
selection and actions together: ``geometry`` (fit the screen, remembered per
screen), ``memory`` (the selection saved as it changes), ``chooser`` (year and
who is scoring), ``shortcuts`` (pages, planners, search), ``presentation`` and
``zoom`` (the projector), ``help`` and ``about``, ``recent`` (databases).
"""
