"""Exchange records and audit entries in words a person can read (preview, audit, workspace).

No Qt here: the pages and the printable report use the same sentences.
"""

from __future__ import annotations

from datetime import datetime

from app.exchange import audit, contacts
from app.i18n import N_, _, content, format_date, format_list, format_number, format_when, ngettext
from app.store import Store

# Categories a patient can choose to share (keys of collect.CATEGORIES).
CATEGORY_LABELS = {
    "measures": N_("Questionnaire answers and scores"),
    "flags": N_("Safety flags (for example thoughts of self-harm)"),
    "checkins": N_("Daily check-ins (mood and note)"),
    "homework": N_("Homework and exercise entries"),
    "progress": N_("Program progress (modules and lessons)"),
    "messages": N_("Messages you wrote"),
    "safety_plan": N_("My safety plan"),
}

SECTION_TITLES = {
    "measures": N_("Questionnaires"), "flags": N_("Safety flags"), "checkins": N_("Daily check-ins"),
    "homework": N_("Homework and exercise entries"), "homework_done": N_("Homework ticked off"),
    "progress": N_("Program progress"), "messages": N_("Messages"), "comments": N_("Comments"),
    "unlocks": N_("Modules unlocked"), "assignments": N_("Questionnaires assigned"),
    "safety_plan": N_("Safety plan"),
}

FLAG_WORDS = {
    # Translators: the flag raised by an answer above 0 to PHQ-9 item 9, whose wording is "Thoughts that you
    # would be better off dead, or of hurting yourself in some way". Keep close to the item.
    "suicidal_ideation": N_("PHQ-9 item 9: thoughts of being better off dead or of hurting oneself"),
    "reliable_deterioration": N_("Reliable deterioration"),
}

REFUSALS = {
    "too_large": N_("Refused: file too large"), "not_age": N_("Refused: not a Hearth file"),
    "passphrase": N_("Refused: locked with a password"), "not_for_you": N_("Refused: made for someone else"),
    "damaged": N_("Refused: damaged or incomplete"), "malformed": N_("Refused: not in the Hearth format"),
    "unknown_sender": N_("Refused: unknown sender"), "bad_signature": N_("Refused: changed after it was saved"),
    "wrong_recipient": N_("Refused: passed on from someone else"), "replay": N_("Refused: already imported"),
    "rollback": N_("Refused: older than one already imported"),
    "payload_invalid": N_("Refused: contents not valid"), "unreadable": N_("Refused: file unreadable"),
    "not_a_file": N_("Refused: not an ordinary file"),
    "over_limits": N_("Refused: far too many records"),
}


def count_text(key: str, n: int) -> str:
    """``n`` things of one section, e.g. "3 questionnaires"."""
    forms = {
        "measures": ngettext("{count} questionnaire", "{count} questionnaires", n),
        "flags": ngettext("{count} safety flag", "{count} safety flags", n),
        "checkins": ngettext("{count} check-in", "{count} check-ins", n),
        "homework": ngettext("{count} exercise entry", "{count} exercise entries", n),
        "homework_done": ngettext("{count} homework tick", "{count} homework ticks", n),
        "progress": ngettext("{count} program", "{count} programs", n),
        "messages": ngettext("{count} message", "{count} messages", n),
        "comments": ngettext("{count} comment", "{count} comments", n),
        "unlocks": ngettext("{count} module unlocked", "{count} modules unlocked", n),
        "assignments": ngettext("{count} questionnaire assigned", "{count} questionnaires assigned", n),
        "acknowledged": ngettext("{count} acknowledgement", "{count} acknowledgements", n),
        "safety_plan": ngettext("{count} safety plan section", "{count} safety plan sections", n),
    }
    text = forms.get(key) or ngettext("{count} item", "{count} items", n)
    return text.format(count=format_number(n))


def counts_text(counts: dict) -> str:
    """Every non-zero count in words, joined the language's way; "nothing new" when all are zero."""
    parts = [count_text(k, v) for k, v in counts.items() if isinstance(v, int) and v]
    return format_list(parts) if parts else _("nothing new")


def when(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return iso[:40]
    return format_when(value.astimezone()) if value.tzinfo else format_date(value.date())


def score_change(measure: str, latest, previous) -> tuple[str, str, str | None]:
    """A patient-list cell for a score and how it moved since the one before (lower is better).

    Returns (shown text, words for a screen reader, "worse" / "better" / "same" or None); the change
    is said in words, so the arrow and any colour are only a second cue.
    """
    from app.exchange.clinic import BETTER, WORSE, direction

    if latest is None:
        return "-", _("{measure}: no score yet").format(measure=measure), None
    score = _number(latest)
    moved = direction(latest, previous)
    if moved is None:
        return score, _("{measure}: {score}").format(measure=measure, score=score), None
    was = _number(previous)
    if moved == WORSE:
        # Translators: a score on the patient list that went up since the previous one; higher means more
        # symptoms, so it is worse. Keep the arrow.
        shown = _("{score} \u2191 worse (was {previous})").format(score=score, previous=was)
        spoken = _("{measure}: {score}, worse than the score before, {previous}").format(
            measure=measure, score=score, previous=was)
    elif moved == BETTER:
        # Translators: a score on the patient list that went down since the previous one: better. Keep the arrow.
        shown = _("{score} \u2193 better (was {previous})").format(score=score, previous=was)
        spoken = _("{measure}: {score}, better than the score before, {previous}").format(
            measure=measure, score=score, previous=was)
    else:
        # Translators: a score on the patient list equal to the previous one. Keep the arrow.
        shown = _("{score} \u2192 no change").format(score=score)
        spoken = _("{measure}: {score}, the same as the score before").format(measure=measure, score=score)
    return shown, spoken, moved


def flag_word(kind: str) -> str:
    return _(FLAG_WORDS[kind]) if kind in FLAG_WORDS else kind


def item9_answer(taken_at: str, value: int) -> str:
    """One item-9 answer: its value, the words the patient chose, and the date."""
    from app.measures import engine

    measure = engine.shipped().get("phq9")
    label = dict(measure.options).get(value, "") if measure else ""
    # Translators: one answer to PHQ-9 item 9, e.g. "2 (More than half the days) on 30 Nov 2026".
    return _("{value} ({answer}) on {date}").format(value=value, answer=label or "?",
                                                     date=when(taken_at))


def item9_summary(answers) -> str:
    """How often and how recently: "3 answers above 0; latest 2 (More than half the days) on 30 Nov"."""
    if not answers:
        return ""
    latest = item9_answer(*answers[0])
    return ngettext("{count} answer above 0: {latest}", "{count} answers above 0; latest {latest}",
                    len(answers)).format(count=len(answers), latest=latest)


RISK_CATEGORIES = ("measures", "flags")


def withheld_text(categories, *, short: bool = False) -> str:
    """What a patient left out of their newest file, said so that "no flag" is not read as "no risk"
    (``short``: without the advice, for the patient list)."""
    if not categories:
        return ""
    names = format_list([_(SECTION_TITLES[c]) for c in categories if c in SECTION_TITLES])
    if any(c in RISK_CATEGORIES for c in categories) and not short:
        # Translators: shown to the clinician when the patient chose not to share questionnaires or safety
        # flags in their newest file; {categories} is a list such as "Questionnaires and Safety flags".
        return _("Not shared in the newest file: {categories}. No flag here does not mean no risk: "
                 "ask the patient.").format(categories=names)
    return _("Not shared in the newest file: {categories}.").format(categories=names)


def _number(value) -> str:
    if value is None:
        return "-"
    return format_number(int(value) if float(value).is_integer() else round(value, 1))


def _kind_title(kind: str) -> str:
    from app.exercises import registry

    try:
        return _(registry.get(kind).TITLE)
    except KeyError:
        return kind


def _summary(kind: str, data: dict) -> str:
    from app.exercises import registry

    try:
        return registry.get(kind).summary(data)
    except Exception:  # noqa: BLE001 - a record from another version: show its text instead
        from app.exercises.readable import bare_text

        return bare_text(data, 120)


def wording_note(r: dict) -> str:
    """'' for the published wording; otherwise says the answers came from an unvalidated translation."""
    if r.get("validated", True):
        return ""
    return _("answered in an unvalidated translation ({language})").format(language=r.get("language", "?"))


def describe(section: str, r: dict) -> str:
    """One record as one readable line (what the preview lists)."""
    from app.measures import engine
    from app.measures.labels import band_label

    if section == "measures":
        m = engine.shipped().get(r["measure_id"])
        name = m.name if m else r["measure_id"]
        band = band_label(m, r["band"]) if m else (r["band"] or "")
        line = _("{name}, {when}: score {total} ({band})").format(
            name=name, when=when(r["taken_at"]), total=_number(r["total"]), band=band)
        note = wording_note(r)
        return _("{line}; {note}").format(line=line, note=note) if note else line
    if section == "flags":
        return _("{flag}, raised {when}").format(flag=flag_word(r["kind"]), when=when(r["raised_at"]))
    if section == "checkins":
        text = _("{day}: mood {mood} out of 10").format(day=when(r["day"]), mood=_number(r["mood"]))
        return _("{checkin}. Note: {note}").format(checkin=text, note=r["note"]) if r.get("note") else text
    if section == "homework":
        written, summary = when(r["created_at"]), _summary(r["kind"], r["data"])
        from app.i18n import strip_isolates

        # an activity logged when it happened ("<time> · <activity>"): its time once, not twice
        if strip_isolates(summary).startswith(written) and "\u00b7" in summary:
            summary = summary.split("\u00b7", 1)[1].strip() or summary
        return _("{kind}, {when}: {summary}").format(kind=_kind_title(r["kind"]), when=written, summary=summary)
    if section == "homework_done":
        return _("Homework \u201c{homework}\u201d ticked off {when}").format(
            homework=_homework_text(r["program_id"], r["homework_id"]), when=when(r["done_at"]))
    if section == "progress":
        return _("{program}: current module {module}").format(
            program=program_title(r["program_id"]), module=module_title(r["program_id"], r.get("current_module")))
    if section == "messages":
        return _("Message written {when}: {body}").format(when=when(r["created_at"]), body=r["body"])
    if section == "safety_plan":
        return _("{heading}: {text}").format(heading=plan_heading(r["id"]), text=r["body"].strip() or _("(emptied)"))
    return str(r.get("id", ""))


def plan_heading(section_id: str) -> str:
    from app.safety import plan

    headings = {sid: heading for sid, heading, _hint in plan.SECTIONS}
    return _(headings[section_id]) if section_id in headings else section_id


def safety_plan(records: list[dict]) -> list[tuple[str, str]]:
    """(heading, what the patient wrote) of a shared safety plan, in the plan's order, empty sections left out."""
    from app.safety import plan

    by_id = {r["id"]: r for r in records}
    return [(plan_heading(sid), by_id[sid]["body"].strip()) for sid in plan.SECTION_IDS
            if sid in by_id and by_id[sid]["body"].strip()]


def program_title(program_id: str | None) -> str:
    from app.programs import loader

    program = loader.cached(program_id) if program_id else None
    return content(program.title) if program else (program_id or "-")


def module_title(program_id: str | None, module_id: str | None) -> str:
    from app.programs import loader

    program = loader.cached(program_id) if program_id else None
    module = program.module(module_id) if program and module_id else None
    if module is None:
        return module_id or "-"
    return _("{number}. {title}").format(number=module.number, title=content(module.title))


def _homework_text(program_id: str, homework_id: str) -> str:
    from app.programs import loader

    program = loader.cached(program_id)
    for module in program.modules if program else ():
        for h in module.homework:
            if h["id"] == homework_id:
                return content(h["text"])
    return homework_id


# --- the audit log --------------------------------------------------------------

def audit_rows(store: Store) -> list[dict]:
    """Every exchange event, newest first: when, direction, who, fingerprint, what, hash, result."""
    by_key = {c.key_id: c for c in contacts.all_contacts(store)}
    rows = []
    for e in reversed(audit.entries(store)):
        d = e.detail
        sender = by_key.get(d.get("sender") or "")
        name = d.get("name") or (sender.display_name if sender else "")
        fingerprint = d.get("fingerprint") or (sender.fingerprint if sender else "")
        if e.event == audit.EXPORT:
            direction, result = _("Sent"), _("Written")
        elif e.event == audit.IMPORT:
            direction, result = _("Received"), _("Imported")
        elif e.event == audit.PAIRED:
            direction, result = _("Paired"), _("Paired")
        else:
            reason = d.get("reason", "")
            direction, result = _("Received"), _(REFUSALS[reason]) if reason in REFUSALS else reason
        rows.append({"when": when(e.at), "direction": direction, "name": name or _("unknown"),
                     "fingerprint": fingerprint, "what": counts_text(d["counts"]) if "counts" in d else "",
                     "hash": (d.get("sha256") or "")[:12], "result": result, "refused": e.event == audit.REJECTED})
    return rows
