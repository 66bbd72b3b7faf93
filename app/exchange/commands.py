"""``python -m app exchange ...``: the headless exchange commands.

Each command unlocks the profile with the password from standard input, does
one thing, locks it again, and prints one line per result. Errors are raised
as HearthError subclasses; ``__main__`` prints their message and exits with
their code.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from app import fsutil
from app.errors import UsageError
from app.exchange import audit, card, collect, contacts, export, importer, keys, outbox, syncfolder, workspace
from app.i18n import _, ngettext


def run(args, mgr) -> int:
    from app.cli import read_password_stdin

    session = mgr.unlock(mgr.find(args.name), read_password_stdin())
    try:
        return _ACTIONS[args.action](args, session)
    finally:
        session.lock()


def _card(args, session) -> int:
    card.set_details(session, **{k: getattr(args, k) for k in card.DETAILS})
    made = card.write_card(session, Path(args.out))
    print(_("Card written. Fingerprint: {fingerprint}").format(fingerprint=made.fingerprint))
    return 0


def _pair(args, session) -> int:
    found = card.read_card(Path(args.card))
    if found.role == "clinician":
        print(_("Clinician: {name} ({clinic})").format(name=found.name, clinic=found.clinic or "-"))
    else:
        print(_("Patient: {name}").format(name=found.name))
    print(_("Fingerprint: {fingerprint}").format(fingerprint=found.fingerprint))
    confirmed = args.yes
    if not confirmed:
        print(_("Does this match the fingerprint the other person reads out to you? [y/N] "), end="", flush=True)
        answer = sys.stdin.readline().strip().casefold()
        # Translators: the answers accepted for "yes" at the [y/N] prompt; match the letter in that prompt.
        confirmed = answer in {"y", "yes", _("y").casefold(), _("yes").casefold()}
    done = card.pair(session, found, confirmed=confirmed)
    if done.already:
        print(_("Already paired with this card; nothing changed."))
    else:
        print(_("Paired with {name}.").format(name=found.name))
    return 0


def _contacts(args, session) -> int:
    for c in contacts.all_contacts(session.store):
        role = _("clinician") if c.role == "clinician" else _("patient")
        print(f"{c.display_name}\t{role}\t{c.fingerprint}\t{c.id}")
    return 0


def _export(args, session) -> int:
    contact = contacts.find(session.store, args.to)
    options = {"everything": args.everything}
    if session.kind == "clinician":
        if args.only:
            raise UsageError(_("--only is for patient profiles; a clinician sends feedback."))
        _compose_feedback(args, session, contact)
    else:
        if args.comment or args.comment_file or args.unlock or args.assign:
            raise UsageError(_("--comment, --unlock and --assign are for clinician workspaces."))
        options["categories"] = _categories(args.only)
        if args.preview:
            shown = collect.preview(session, contact, options["categories"], args.everything)
            print(_summary(shown.counts))
            return 0
        message = _message(args)
        if message:
            outbox.add_message(session.store, contact, message)
    done = export.export_to(session, contact, Path(args.out), **options)
    print(_("Written for {name}: {what}").format(name=contact.display_name, what=_summary(done.counts)))
    return 0


# Longer than any message a person writes; a file beyond this is refused, not cut.
MAX_TEXT_BYTES = 64 * 1024
_stdin_used = False  # "-" was read already (standard input can be read once)


def _message(args) -> str | None:
    if args.message and args.message_file:
        raise UsageError(_("Give the message either with --message or with --message-file, not both."))
    return _text_from(args.message_file, "--message-file") if args.message_file else args.message


def _text_from(source: str, option: str) -> str:
    """Clinical text kept out of the command line: from a file, or ``-`` for the rest of standard input
    (after the password's line). Only a regular file is read, and only so much of it."""
    global _stdin_used
    too_long = UsageError(_("The text for {option} is longer than {limit} KB.").format(
        option=option, limit=MAX_TEXT_BYTES // 1024))
    if source == "-":
        if _stdin_used:
            raise UsageError(_("Standard input can be read only once: give the other texts as files."))
        _stdin_used = True
        data = sys.stdin.read(MAX_TEXT_BYTES + 1).encode("utf-8")
        if len(data) > MAX_TEXT_BYTES:
            raise too_long
    else:
        try:
            data = fsutil.read_regular_file(Path(source), MAX_TEXT_BYTES)
        except FileNotFoundError:
            raise UsageError(_("There is no file {file}.").format(file=source)) from None
        except fsutil.NotRegularFile:
            raise UsageError(_("{file} is not a regular file (it may be a folder or a pipe).").format(
                file=source)) from None
        except fsutil.FileTooBig:
            raise too_long from None
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise UsageError(_("The text for {option} is not UTF-8 text.").format(option=option)) from None
    if not text:
        raise UsageError(_("The text for {option} is empty.").format(option=option))
    return text


def _categories(only: str | None) -> tuple[str, ...]:
    if not only:
        return tuple(collect.CATEGORIES)
    wanted = tuple(p.strip() for p in only.split(",") if p.strip())
    unknown = [p for p in wanted if p not in collect.CATEGORIES]
    if unknown or not wanted:
        raise UsageError(_("Categories to share are: {names}.").format(names=", ".join(collect.CATEGORIES)))
    return wanted


def _compose_feedback(args, session, contact) -> None:
    """Check every option first, then queue them all (a typo queues nothing)."""
    store = session.store
    entries = {e["id"]: e["kind"] for e in workspace.records(store, contact.id, "homework")}
    comments = []
    message = _message(args)
    for item in args.comment:
        entry_id, sep, text = item.partition("=")
        if not sep or not text.strip() or entry_id not in entries:
            raise UsageError(_("--comment needs ENTRY_ID=TEXT with the id of one of this patient's entries."))
        comments.append((entry_id, text))
    for item in args.comment_file:
        entry_id, sep, source = item.partition("=")
        if not sep or not source or entry_id not in entries:
            raise UsageError(_("--comment-file needs ENTRY_ID=FILE with the id of one of this patient's entries."))
        comments.append((entry_id, _text_from(source, "--comment-file")))
    unlocks = [_module_to_unlock(item) for item in args.unlock]
    if any(not _ID.match(m) for m in args.assign):
        raise UsageError(_("--assign needs a questionnaire id, for example phq9."))
    if args.due:
        try:
            date.fromisoformat(args.due)
        except ValueError:
            raise UsageError(_("--due needs a date written YYYY-MM-DD.")) from None
    if message:
        outbox.add_message(store, contact, message)
    for entry_id, text in comments:
        outbox.add_comment(store, contact, entry_id, text, entries[entry_id])
    for program_id, module_id in unlocks:
        outbox.add_unlock(store, contact, program_id, module_id)
    for measure_id in args.assign:
        outbox.add_assignment(store, contact, measure_id, args.due)


def _module_to_unlock(item: str) -> tuple[str, str]:
    """(program id, module id) of ``PROGRAM/MODULE``, refused unless Hearth has that program and module."""
    from app.programs import loader

    program_id, sep, module_id = item.partition("/")
    if not sep or not _ID.match(program_id) or not _ID.match(module_id):
        raise UsageError(_("--unlock needs PROGRAM/MODULE, for example low-mood/m4-thinking-traps."))
    program = loader.cached(program_id)
    if program is None:
        known = ", ".join(p.id for p in loader.load_all()[0]) or "-"
        raise UsageError(_("There is no program \u201c{program}\u201d. Nothing was changed. Programs: "
                           "{programs}.").format(program=program_id, programs=known))
    if program.module(module_id) is None:
        raise UsageError(_("The program \u201c{program}\u201d has no module \u201c{module}\u201d. Nothing was "
                           "changed. Its modules: {modules}.").format(
            program=program_id, module=module_id, modules=", ".join(m.id for m in program.modules)))
    return program_id, module_id


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$")


def _summary(counts: dict) -> str:
    from app.exchange.readable import counts_text

    return counts_text(counts)


def _import(args, session) -> int:
    done = importer.import_file(session, Path(args.file))
    print(_("Imported from {name} ({fingerprint}): {what}").format(
        name=done.contact.display_name, fingerprint=done.contact.fingerprint, what=_summary(done.counts)))
    return 0


def _sync(args, session) -> int:
    folder = Path(args.folder)
    if args.to:
        path = syncfolder.write_outgoing(session, contacts.find(session.store, args.to), folder)
        print(_("Written: {file}").format(file=path.name))
    found = syncfolder.scan(session, folder)
    for done in found.imported:
        print(_("Imported from {name}: {what}").format(name=done.contact.display_name, what=_summary(done.counts)))
    for name, error in found.refused:
        print(_("Refused {file}: {reason}").format(file=name, reason=error.message()), file=sys.stderr)
    return found.refused[-1][1].exit_code if found.refused else 0


def _log(args, session) -> int:
    # Translators: one-word labels in the exchange log: a file was written, read, or refused.
    labels = {audit.EXPORT: _("export"), audit.IMPORT: _("import"), audit.REJECTED: _("refused"),
              audit.PAIRED: _("paired")}
    known = contacts.all_contacts(session.store)
    names = {c.id: c.display_name for c in known}
    by_key = {c.key_id: c for c in known}
    for e in audit.entries(session.store):
        d = e.detail
        sender = by_key.get(d.get("sender", ""))
        name = names.get(d.get("contact_id"), d.get("name")) or (sender.display_name if sender else "?")
        fingerprint = d.get("fingerprint") or (sender.fingerprint if sender else "-")
        what = _summary(d["counts"]) if "counts" in d else _reason(d.get("reason", ""))
        print("\t".join([e.at, labels[e.event], name, fingerprint, what, d.get("sha256") or "-"]))
    return 0


def _reason(code: str) -> str:
    """Why a file was refused, in words (the audit log keeps a code)."""
    from app.exchange.readable import REFUSALS

    return _(REFUSALS[code]) if code in REFUSALS else code


def _identity(args, session) -> int:
    own = keys.ensure(session.store)
    text = f"# Hearth profile identity (age X25519). SECRET: anyone with this file can read packages sent to it.\n" \
           f"# public key: {own.age_recipient}\n{own.age_identity}\n"
    fsutil.atomic_write_bytes(Path(args.out), text.encode("ascii"), mode=0o600)
    print(_("Warning: this file is secret. Anyone who has it can read every package sent to this profile. "
            "Keep it on an encrypted disk and delete it when you no longer need it."), file=sys.stderr)
    return 0


def _outcomes(args, session) -> int:
    """The clinic's outcomes: a summary in sentences, or with --csv a file with one row per patient."""
    from app.exchange import outcomes, outcomes_csv

    if session.kind != "clinician":
        raise UsageError(_("Outcomes are for clinician workspaces; this is a patient profile."))
    if args.names and not args.csv:
        raise UsageError(_("--names goes with --csv FILE."))
    rows = outcomes.patient_outcomes(session.store)
    if args.csv:
        done = outcomes_csv.write(session.store, Path(args.csv), names=args.names, rows=rows)
        print(ngettext("Written: {file} ({count} patient)", "Written: {file} ({count} patients)", done.rows).format(
            file=done.path, count=done.rows))
        print(outcomes_csv.warning(args.names), file=sys.stderr)
        return 0
    for line in outcomes.summary_lines(outcomes.clinic_summary(session.store, ended_only=args.ended_only,
                                                               rows=rows)):
        print(line)
    return 0


_ACTIONS = {"card": _card, "pair": _pair, "contacts": _contacts, "export": _export, "import": _import,
            "sync": _sync, "log": _log, "identity": _identity,
            "outcomes": _outcomes}
