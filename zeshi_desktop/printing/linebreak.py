"""Chinese line breaking (禁则) for every paragraph printed.

reportlab's ``wordWrap='CJK'`` breaks between any two characters and knows
one rule: when the character that overflows is in its ``ALL_CANNOT_START``
list it *hangs* that one character past the right edge (into the cell
padding and over the border). Its list lacks the full-width ，；：？！》 and
”, and its ``CANNOT_END_LINE`` list is never used, so lines start with "，"
and end with "（" or "“"; "（10分）" splits as "（10/分）" and a label's
colon leaves its value behind.

This module decides where a line may break instead, and never lets a line
grow past its width (nothing hangs): it breaks at the last position the rules
allow within the width (``_best_break`` has the order):

1. no closing mark (，。、；：？！）》」』】” and their half-width forms) starts
   a line and no opening mark (（《「『【“) ends one — the 禁则 proper, given
   up only when a line offers no other position at all;
2. short units stay whole: a bracketed group of up to 8 characters
   ("（10分）"), a number and its unit ("300字"), a run of latin letters and
   digits ("ZS-1A2B", "0-15"), "——" and "……"; a short label with its colon
   and value ("姓名：张赟琤") too, unless that leaves its line less than half full.

A paragraph's last line is not left with a single character when the line
before it can give it one more ("常规/分值", not "常规分/值").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Marks that never start a line: full-width closing punctuation and their half-width forms.
CLOSING = frozenset("，。、；：？！）》」』】”’〉〕］｝〗〙…‥·/" ",.;:?!)]}" "｡､｣" "%‰℃")
# Marks that never end a line.
OPENING = frozenset("（《「『【“‘〈〔［｛〖〘" "([{" "｢")
_SPACE = " "
_NBSP = "\xa0"
_BREAK = "\n"   # a forced line break (<br/>)
_FUZZ = 1e-6

# Units kept whole, with how strongly: 1 gives way before a line is left less than half full, 2 only when
# there is no free position on the line at all.
_GLUE = tuple((re.compile(pattern), strength) for pattern, strength in (
    (r"[（(《【「『“‘〈〔［][^（(《【「『“‘〈〔［）)》】」』”’〉〕］\n]{1,8}[）)》】」』”’〉〕］]", 2),   # （10分）, 《办法》
    (r"\d+(?:\.\d+)?[分字年月日天个人页元条项次号届%‰]", 2),                                  # 300字, 2025年
    (r"[A-Za-z0-9][A-Za-z0-9.\-_/@#&+%]*[A-Za-z0-9%]", 2),                                     # ZS-1A2B, 0-15, 14.5
    (r"—{2,}|…{2,}|\xa0{2,}", 2),                                                              # ——, ……, a blank
    (r"[\u3400-\u9fff]{1,4}[：:][ \xa0]*[^\s\xa0，。、；：？！）》」』】”,.;:?!（《「『【“]{1,8}", 1),   # 姓名：张赟琤
))
_AGAINST = 3   # a break against 禁则: a closing mark starting the line, an opening mark ending it


def break_levels(chars: str) -> bytearray:
    """For each position k (a break before ``chars[k]``): 0 free, 1 or 2 inside a unit, 3 against 禁则."""
    n = len(chars)
    level = bytearray(n + 1)
    for pattern, strength in _GLUE:
        for match in pattern.finditer(chars):
            for k in range(match.start() + 1, match.end()):
                level[k] = max(level[k], strength)
    for k in range(1, n):
        after, before = chars[k], chars[k - 1]
        if after in CLOSING or before in OPENING or after == "·" or before == "·":
            level[k] = _AGAINST
        if before == _BREAK or after == _BREAK:
            level[k] = 0
    return level


def break_lines(chars: str, widths: Sequence[float], max_widths: Sequence[float]) -> list[tuple[int, int]]:
    """The lines as ``(start, end)`` index pairs; ``\\n`` in ``chars`` forces a break (and ends its line).

    A line never holds more than its width (``max_widths[i]``, the last one
    repeating) unless a single character is wider than the line.
    """
    n = len(chars)
    level = break_levels(chars)
    lines: list[tuple[int, int]] = []
    start = 0
    while start < n:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        end = start
        forced = False
        while end < n:
            if chars[end] == _BREAK:
                end += 1
                forced = True
                break
            if used + widths[end] > limit + _FUZZ and end > start:
                break
            used += widths[end]
            end += 1
        if not forced and end < n:
            end = _best_break(level, start, end)
        lines.append((start, end))
        start = end
        while start < n and chars[start] == _SPACE and (not lines or chars[lines[-1][1] - 1] != _BREAK):
            start += 1
    return _no_lonely_last(chars, widths, max_widths, level, lines)


_PREFERENCE = ((0, True), (1, True), (0, False), (1, False), (2, True), (2, False))


def _best_break(level: bytearray, start: int, end: int) -> int:
    """Where to end the line that could hold ``chars[start:end]``.

    The last free position that keeps the line at least half full; else inside
    a weak unit (a label and its value) that does; else any free position;
    then inside a strong unit (a number, a bracketed group); and only when the
    line offers nothing else, against 禁则 at ``end``.
    """
    half = start + (end - start + 1) // 2
    found: dict[tuple[int, bool], int] = {}
    for k in range(end, start, -1):
        if level[k] < _AGAINST:
            found.setdefault((level[k], k >= half), k)
    for choice in _PREFERENCE:
        if choice in found:
            return found[choice]
    return end


def _visible(chars: str, start: int, end: int) -> int:
    return sum(1 for c in chars[start:end] if c not in (_SPACE, _NBSP, _BREAK))


def _no_lonely_last(chars: str, widths: Sequence[float], max_widths: Sequence[float], level: bytearray,
                    lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give a one-character last line one more character from the line before, where a break allows it."""
    if len(lines) < 2:
        return lines
    (p_start, p_end), (l_start, l_end) = lines[-2], lines[-1]
    if chars[p_end - 1] == _BREAK or _visible(chars, l_start, l_end) != 1 or _visible(chars, p_start, p_end) < 3:
        return lines
    limit = max_widths[min(len(lines) - 1, len(max_widths) - 1)]
    for k in range(p_end - 1, p_start + 1, -1):
        if level[k] == 0 and sum(widths[k:l_end]) <= limit + _FUZZ:
            return [*lines[:-2], (p_start, k), (k, l_end)]
        if p_end - k > 2:
            break
    return lines
