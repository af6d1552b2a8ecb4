"""A fair panel in the window: 回避 (suggestions and declarations), 复核录入 (the blind second entry), the lens.

``recusals``: the dialog of suggested conflicts and declared recusals, opened
from the 3-2 matrix and the 4-3 sheet (``hooks``) and from the dashboards'
回避与透镜 tab. ``second_entry``: the 复核录入 mode, a form of the sheet's items
that never shows the first entry, and ``compare``: both entries side by side
for a third person to resolve. ``lens_tab``: the dashboards' tab. Every
action goes through the window's ``ActionRunner`` and reports a ``Change``.
"""
