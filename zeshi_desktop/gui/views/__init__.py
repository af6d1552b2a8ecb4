"""One view per annex, plus the roster; ``gui.pages`` lists them with the dashboards, in tab order."""
