"""The rules and wording of the results reaching people (issue 18): the renewal view's flags
(``renewal``) and the wording of the feedback letter and the city's list (``texts``,
``forms/results.toml``). Pure Python, like the rest of the domain."""
