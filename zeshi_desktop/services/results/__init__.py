"""The results reach the people they concern (issue 18): the feedback letter, nominations and the city's
selection, and the renewal view.

A feature of its own between the hand-over and printing (which carry and
print what it decides) and the meeting (whose rankings and dashboards it
reads: every figure here comes from the same services as ``zeshi rank`` and
the dashboards, so a letter can never disagree with the meeting's table).
"""
