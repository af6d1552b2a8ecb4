"""A fair panel on the command line: recuse (回避), entries (double entry side by side), resolve; the lens's JSON.

``zeshi recuse --form 3-2 --unit U --reviewer R --reason TEXT`` declares,
``--withdraw`` (same selectors, ``--reason`` why) withdraws, ``--list``
lists (``--all``: withdrawn ones too), ``--suggest`` lists the conflicts the
roster suggests. ``zeshi entries`` shows a doubly-entered sheet's two entries
item by item; ``zeshi resolve ITEM=VALUE --reason R --actor NAME`` is a third
person's decision. The second entry itself is ``zeshi score … --entry 2``
(``cli.scoring``), and ``zeshi dashboard`` carries ``reviewer_lens`` and
``recusals`` (:func:`fairness_data`).
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from zeshi_desktop.domain.scores import display, short_en
from zeshi_desktop.messages import Message, number_text, text
from zeshi_desktop.services import catalogue, lookup
from zeshi_desktop.services.errors import ActionRefused
from zeshi_desktop.services.fairness import recusals as recusal_service
from zeshi_desktop.services.fairness.suggestions import conflict_suggestions
from zeshi_desktop.services.meeting import dashboards as analysis
from zeshi_desktop.services.meeting.lens import FairnessBoard
from zeshi_desktop.services.scoring import double_entry, entries, sheets

from .common import YEAR_HELP, CommandError, emit, read, table, write, year_of
from .parser import Configure

DASH = "—"


def heads(lang: str, *columns: str) -> list[str]:
    return [text(f"fairness.column.{c}", lang) for c in columns]


def _signed(value: Any) -> str:
    return DASH if value is None else ("+" if value > 0 else "") + number_text(value)


# ---------------------------------------------------------------- recuse

def _subject(session: Session, args: argparse.Namespace, year: int) -> dict[str, int | None]:
    """The subject and reviewer the options name: ``--unit`` (3-2) or ``--district`` (4-3), and ``--reviewer``."""
    if args.form not in ("3-2", "4-3"):
        raise ActionRefused("fairness.recusal.wrong_form", form=args.form or "")
    if not args.reviewer:
        raise CommandError("cli.form_needs_option", form=args.form, option="--reviewer")
    ids: dict[str, int | None] = {"reviewer_id": lookup.reviewer_id(session, year, args.reviewer)}
    if args.form == "3-2":
        if not args.unit:
            raise CommandError("cli.form_needs_option", form=args.form, option="--unit")
        ids["appointment_id"] = lookup.appointment_id(session, year, args.unit, args.planner, args.district)
    else:
        if not args.district:
            raise CommandError("cli.form_needs_option", form=args.form, option="--district")
        ids["district_id"] = lookup.district_id(session, args.district)
    return ids


def recusal_data(r: recusal_service.RecusalView, lang: str) -> dict[str, Any]:
    """One recusal in the JSON every command gives it."""
    return {"recusal_id": r.id, "form": r.form_id, "reviewer_id": r.reviewer_id, "reviewer_code": r.reviewer_code,
            "reviewer": r.reviewer, "organisation": r.organisation, "appointment_id": r.appointment_id,
            "district_id": r.district_id, "district": r.district, "unit": r.unit or None, "planner": r.planner or None,
            "reason": r.reason, "reason_text": r.reason_text.text(lang), "detail": r.detail, "active": r.active,
            "declared_by": r.declared_by, "declared_at": r.declared_at.isoformat(),
            "withdrawn_by": r.withdrawn_by, "withdrawn_at": r.withdrawn_at.isoformat() if r.withdrawn_at else None,
            "withdrawn_reason": r.withdrawn_reason}


def _recusal_rows(found: list[recusal_service.RecusalView], lang: str) -> list[tuple[Any, ...]]:
    state = {True: text("fairness.state.active", lang), False: text("fairness.state.withdrawn", lang)}
    return [(r.id, r.form_id, r.reviewer, r.organisation, r.subject, r.reason_text.text(lang), r.declared_by,
             state[r.active]) for r in found]


def cmd_recuse(args: argparse.Namespace) -> None:
    if args.list or args.suggest:
        with read(args) as session:
            year = year_of(session, args)
            did = lookup.district_id(session, args.district) if args.district else None
            if args.suggest:
                found = conflict_suggestions(session, year, district_id=did, form_id=args.form)
                data = [{"form": s.form_id, "reviewer_id": s.reviewer_id, "reviewer": s.reviewer,
                         "organisation": s.organisation, "appointment_id": s.appointment_id,
                         "district_id": s.district_id, "subject": s.subject, "basis": s.basis,
                         "why": s.why.text(args.lang), "reason": s.reason, "detail": s.detail,
                         "declared": s.declared} for s in found]
                emit(args, data, heads(args.lang, "form", "reviewer", "organisation", "subject", "why", "declared"),
                     [(s.form_id, s.reviewer, s.organisation, s.subject, s.why.text(args.lang),
                       text("common.yes" if s.declared else "common.no", args.lang)) for s in found])
                return
            listed = recusal_service.recusals(session, year, form_id=args.form, district_id=did,
                                              include_withdrawn=args.all)
        emit(args, [recusal_data(r, args.lang) for r in listed],
             heads(args.lang, "id", "form", "reviewer", "organisation", "subject", "reason", "declared_by", "state"),
             _recusal_rows(listed, args.lang))
        return
    if not args.form:
        raise CommandError("cli.form_needs_option", form="3-2 / 4-3", option="--form")
    with write(args) as session:
        year = year_of(session, args)
        ids = _subject(session, args, year)
        if args.withdraw:
            current = recusal_service.find(session, args.form, year, **ids)  # type: ignore[arg-type]
            if current is None:
                raise ActionRefused("fairness.recusal.none_for", reviewer=args.reviewer)
            view = recusal_service.withdraw(session, current.id, args.reason or "", args.actor)
            message = Message("fairness.cli.withdrawn", reviewer=view.reviewer, subject=view.subject)
        else:
            view = recusal_service.declare(session, args.form, year, reason=args.reason or "", detail=args.detail or "",
                                           actor=args.actor, **ids)  # type: ignore[arg-type]
            kept = sheets.find_sheet(session, args.form, year, appointment_id=view.appointment_id,
                                     district_id=None if view.appointment_id else view.district_id,
                                     reviewer_id=view.reviewer_id)
            message = Message("fairness.cli.declared_kept" if kept is not None and kept.scores
                              else "fairness.cli.declared", reviewer=view.reviewer, subject=view.subject,
                              reason=view.reason_text)
    emit(args, recusal_data(view, args.lang), text=message.text(args.lang))


def _recuse(p: argparse.ArgumentParser) -> None:
    p.add_argument("--form", help="3-2 (a unit's planner) or 4-3 (a district)")
    p.add_argument("--year", type=int, help=YEAR_HELP)
    p.add_argument("--unit", help="unit (code or name), for 3-2")
    p.add_argument("--planner", help="planner (code or name), when a unit has several")
    p.add_argument("--district", help="district (code or name): the 4-3 subject, or which district to list")
    p.add_argument("--reviewer", help="reviewer (code or name)")
    p.add_argument("--reason", help="same_institution | former_employer | relative | other, or the reason's words "
                                    "in either language (any other words: other); with --withdraw: why it is withdrawn")
    p.add_argument("--detail", help="more words about the reason (kept with it)")
    p.add_argument("--actor", default="", help="who records this (for the audit log)")
    p.add_argument("--withdraw", action="store_true", help="withdraw the reviewer's recusal for the subject")
    p.add_argument("--list", action="store_true", help="list the recusals (of --district, of --form)")
    p.add_argument("--all", action="store_true", help="with --list: withdrawn recusals too")
    p.add_argument("--suggest", action="store_true", help="list the conflicts the roster suggests")
    p.set_defaults(handler=cmd_recuse)


# ---------------------------------------------------------------- entries and resolve

def _item_text(form_id: str, item_id: str, lang: str) -> str:
    item = catalogue.form(form_id).item(item_id)
    return item.short if lang == "zh" else short_en(item)


def entries_data(state: entries.EntryState, lang: str) -> dict[str, Any]:
    return {"sheet_id": state.sheet_id, "form": state.form_id, "typists": {str(k): v for k, v in state.typists.items()},
            "second_started": state.second_started, "agree": state.agree,
            "items": [{"item_id": c.item_id, "first": c.first, "second": c.second, "agree": c.agree,
                       "resolved": c.resolved, "open": c.open,
                       "resolution": {"value": c.resolution.value, "resolver": c.resolution.resolver,
                                      "reason": c.resolution.reason} if c.resolution else None}
                      for c in state.items],
            "open": [entries.difference_text(state.form_id, c).text(lang) for c in state.open]}


def _entries_table(state: entries.EntryState, lang: str) -> str:
    mark = {"agree": "", "resolved": text("fairness.state.resolved", lang), "open": text("fairness.state.open", lang)}
    rows = [(c.item_id, _item_text(state.form_id, c.item_id, lang), display(c.first) or DASH,
             display(c.second) or DASH, mark["agree" if c.agree else "resolved" if c.resolved else "open"],
             (c.resolution.reason if c.resolution else "")) for c in state.items]
    lines = [table(heads(lang, "item_id", "item", "first", "second", "state", "reason"), rows)]
    who = [text("fairness.cli.typist", lang, entry=k, typist=v) for k, v in state.typists.items()]
    if who:
        lines.append("  ".join(who))
    return "\n".join(lines)


def _stored_sheet(session: Session, args: argparse.Namespace) -> int:
    from .scoring import _read_sheet

    found = _read_sheet(session, args)
    if not found.exists:
        raise ActionRefused("fairness.resolve.no_second_entry")
    return found.id


def cmd_entries(args: argparse.Namespace) -> None:
    with read(args) as session:
        state = entries.entry_state(session, _stored_sheet(session, args))
    emit(args, entries_data(state, args.lang), text=_entries_table(state, args.lang))


def cmd_resolve(args: argparse.Namespace) -> None:
    pairs = {}
    for pair in args.values:
        if "=" not in pair:
            raise CommandError("cli.score.not_a_pair", pair=pair)
        key, value = pair.split("=", 1)
        pairs[key.strip()] = value
    if not pairs:
        raise CommandError("cli.score.nothing")
    with write(args) as session:
        sheet_id = _stored_sheet(session, args)
        for item_id, value in pairs.items():
            state = double_entry.resolve(session, sheet_id, item_id, value, args.reason, args.actor)
    emit(args, entries_data(state, args.lang), text=_entries_table(state, args.lang))


def _sheet_options(handler: Any, resolving: bool = False) -> Configure:
    def setup(p: argparse.ArgumentParser) -> None:
        from .scoring import _add_sheet_selectors

        _add_sheet_selectors(p)
        if resolving:
            p.add_argument("values", nargs="*", metavar="ITEM=SCORE",
                           help="the value kept for each item where the entries differ (ITEM= leaves it blank)")
            p.add_argument("--reason", required=True, help="why this value (kept in the audit log)")
        p.set_defaults(handler=handler)
    return setup


def score_entry(args: argparse.Namespace, values: dict[str, str]) -> None:
    """``zeshi score … --entry 1|2 --actor NAME``: one typing of a paper sheet.

    Entry 1 is the sheet itself (remarks and answers go with it, as in a plain
    ``score``); entry 2 holds item scores only and shows its typist nothing of
    entry 1 — only whether the items typed agree with it, and which do not.
    """
    from .scoring import _open_sheet, _print_sheet

    if args.entry == entries.SECOND and (args.remarks is not None or args.answer):
        raise ActionRefused("fairness.entry.scores_only")
    with write(args) as session:
        sheet_id = _open_sheet(session, args)
        state = double_entry.record_entry(session, sheet_id, args.entry, values, args.actor)
        if args.entry == entries.FIRST:
            if args.remarks is not None:
                sheets.set_remarks(session, sheet_id, args.remarks, args.actor)
            if args.answer:
                from .scoring import _answers

                sheets.set_answers(session, sheet_id, _answers(args), args.actor)
            view = sheets.view(session, sheet_id)
    if args.entry == entries.FIRST:
        _print_sheet(args, view)
        return
    typed = [c for c in state.items if c.second is not None]
    differs = [c for c in typed if c.open]
    lang = args.lang
    data = {"sheet_id": state.sheet_id, "form": state.form_id, "entry": 2, "typist": state.typists.get(2),
            "scores": {c.item_id: c.second for c in typed}, "typed": len(typed), "items": len(state.items),
            "agree": not differs, "differs": [c.item_id for c in differs]}
    lines = [text("fairness.cli.second_saved", lang, typist=state.typists.get(2, ""), count=len(typed))]
    lines.append(text("fairness.cli.second_agrees", lang) if not differs else
                 text("fairness.cli.second_differs", lang, count=len(differs),
                      items=[_item_text(state.form_id, c.item_id, lang) for c in differs]))
    emit(args, data, text="\n".join(lines))


# ---------------------------------------------------------------- the dashboard's keys

def fairness_data(board: FairnessBoard, lang: str) -> dict[str, Any]:
    """``reviewer_lens`` and ``recusals`` (and ``short_panels``) for ``zeshi --json dashboard``."""
    subject_key = "appointment_id" if board.form_id == "3-2" else "district_id"
    lens = board.lens
    return {
        "reviewer_lens": {
            "form": board.form_id, "official": False, "note": text("fairness.lens.not_official", lang),
            "scale_mean": lens.scale_mean, "scale_std": lens.scale_std,
            "reviewers": [{"reviewer_id": r.reviewer, "reviewer_code": board.reviewers[r.reviewer].code
                           if r.reviewer in board.reviewers else None, "reviewer": board.reviewer(r.reviewer),
                           "subjects": r.subjects, "mean": r.mean, "std": r.std, "offset": r.offset,
                           "leaning": r.leaning, "leaning_text": analysis.leaning_text(r.leaning, lang),
                           "z_scores": [{subject_key: k, "subject": board.subjects.get(k, str(k)), "z": z}
                                        for k, z in r.z.items()]} for r in lens.reviewers],
            "ranking": [{subject_key: s.key, "subject": s.label, "official_rank": s.official_rank,
                         "what_if_rank": s.what_if_rank, "moved": s.moved, "official_score": s.official_score,
                         "what_if_score": s.what_if_score} for s in lens.ranking],
            "changed": lens.changed},
        "recusals": [recusal_data(r, lang) for r in board.recusals],
        "short_panels": [{subject_key: p.key, "subject": p.label, "panel": p.panel, "recused": p.recused,
                          "remaining": p.remaining, "message": p.message.text(lang)} for p in board.short_panels],
    }


def fairness_text(board: FairnessBoard, lang: str) -> str:
    """The same as tables, after the dashboard's own."""
    lens = board.lens
    say = lambda code, **p: text(code, lang, **p)
    parts = ["\n" + say("fairness.cli.recusals_title", count=len(board.recusals)),
             table(heads(lang, "reviewer", "organisation", "subject", "reason", "declared_by"),
                   [(r.reviewer, r.organisation, r.subject, r.reason_text.text(lang), r.declared_by)
                    for r in board.recusals])]
    parts += [say("fairness.cli.warning", warning=p.message.text(lang)) for p in board.short_panels]
    parts += ["\n" + say("fairness.cli.lens_title", changed=lens.changed),
              say("fairness.lens.not_official"),
              table(heads(lang, "reviewer", "subjects", "mean", "std", "offset", "leaning"),
                    [(board.reviewer(r.reviewer), r.subjects, r.mean, r.std, _signed(r.offset),
                      analysis.leaning_text(r.leaning, lang)) for r in lens.reviewers]),
              table(heads(lang, "subject_plain", "official_rank", "what_if_rank", "moved", "official_score",
                          "what_if_score"),
                    [(s.label, s.official_rank or DASH, s.what_if_rank or DASH,
                      "" if not s.moved else ("↑" if s.moved > 0 else "↓") + str(abs(s.moved)),
                      s.official_score, s.what_if_score) for s in lens.ranking])]
    return "\n".join(parts)


COMMANDS: dict[str, Configure] = {"recuse": _recuse, "entries": _sheet_options(cmd_entries),
                                  "resolve": _sheet_options(cmd_resolve, resolving=True)}
