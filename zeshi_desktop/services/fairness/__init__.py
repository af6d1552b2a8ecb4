"""A fair panel: recusals (回避) and the conflicts the program suggests before scoring starts.

``recusals`` declares and withdraws a reviewer's recusal for a subject and
lists them; ``suggestions`` finds the pairs worth a look (a reviewer's 单位
matching the planner's or a team member's, a city reviewer from the district
under review). What a recusal does to a sheet and to the figures is read in
``scoring.recused``; the double entry of paper sheets is in
``scoring.double_entry``, since finalising depends on it; the reviewer lens
is in ``meeting.lens`` beside the rankings it compares.
"""
