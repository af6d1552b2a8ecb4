"""The results reaching people, in the app (issue 18): the city's nominations board, the district's
outcomes and feedback letters, and the renewal view — tabs of the city and district dashboards.

Each tab is built from its dashboard (``tab = NominationsTab(dashboard)``): it
reads through the dashboard's runner, acts as the dashboard's person
(``selection.actor``), and fills when the dashboard asks it to. Every action
goes through the runner; a decision says ``Change(recommendations=True)``, so
the other dashboards read again.
"""
