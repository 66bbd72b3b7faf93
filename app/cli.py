"""Headless commands behind ``python -m app`` (and the GUI's start)."""

from __future__ import annotations

import sys
from pathlib import Path

from app import i18n, settings
from app.errors import EraseNotConfirmed, UsageError
from app.i18n import _, format_number, ngettext


def data_dir_from(args) -> Path:
    from app import paths

    return Path(args.data_dir).expanduser().resolve() if args.data_dir else paths.default_data_dir()


def _environment_names_a_language() -> bool:
    """True when the terminal's locale variables say which language the person reads."""
    import os

    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return value not in ("C", "POSIX") and not value.startswith(("C.", "POSIX."))
    return False


def choose_language(args, data_dir: Path) -> str:
    """The interface language: ``--locale``, else the terminal's language, else the app's device setting.

    Never the language of a profile (or of the last window someone used on this computer) over the
    language of the terminal the command was typed in.
    """
    if args.locale:
        wanted = args.locale
    elif _environment_names_a_language():
        wanted = i18n.system_language()
    else:
        wanted = settings.load(data_dir).language or i18n.system_language()
    return i18n.set_language(wanted)


def read_password_stdin() -> str:
    line = sys.stdin.readline()
    password = line[:-1] if line.endswith("\n") else line
    if password.endswith("\r"):
        password = password[:-1]
    if not password:
        raise UsageError(_("No password was given on standard input. Give it on the first line of standard "
                           "input, then try again."))
    return password


def manager(data_dir: Path):
    from app.profiles import ProfileManager

    return ProfileManager(data_dir)


def dispatch(args) -> int | None:
    """Run a headless command; ``None`` means the command needs the GUI."""
    data_dir = data_dir_from(args)
    choose_language(args, data_dir)
    cmd = args.command
    if cmd == "profile":
        return _profile(args, data_dir)
    if cmd == "clinic":
        return _clinic(data_dir)
    if cmd == "crisis":
        return _crisis()
    if cmd == "programs":
        return _programs(args)
    if cmd == "measures":
        return _measures(args, data_dir)
    if cmd == "exchange":
        from app.exchange import commands

        return commands.run(args, manager(data_dir))
    if cmd == "i18n":
        from app import i18n_tools

        return i18n_tools.run(args.action, markdown=getattr(args, "markdown", False))
    return None  # a GUI command: __main__ starts Qt


def _measures(args, data_dir: Path) -> int:
    from app.measures import engine
    from app.measures.labels import band_label

    measures, problems = engine.load_all(data_dir / "measures")
    for problem in problems:
        print(_("Not loaded: {problem}").format(problem=problem), file=sys.stderr)
    if args.action == "list":
        for m in measures.values():
            rc = m.reliable_change_points()
            if m.categorical:
                size = ngettext("{count} item, criteria met or not", "{count} items, criteria met or not",
                                len(m.items)).format(count=len(m.items))
            else:
                size = ngettext("{count} item, total {low}-{high}", "{count} items, total {low}-{high}",
                                len(m.items)).format(count=len(m.items), low=m.min_total, high=m.max_total)
            # Translators: a line of "measures list": id, name, size, reliable change, whose wording it is.
            print(_("{id}\t{name}\t{size}\t{change}\t{wording}").format(
                id=m.id, name=m.name, size=size,
                change=_("reliable change from {points}").format(points=i18n.format_number(round(rc, 1))) if rc
                else _("reliable change: no published values loaded"),
                wording=_wording_state(m)))
        return 0
    measure = measures.get(args.measure)
    if measure is None:
        raise UsageError(_("There is no questionnaire \u201c{id}\u201d. See: hearth measures list").format(
            id=args.measure))
    if args.action == "licence":
        for line in licence_lines(measure):
            print(line)
        return 0
    try:
        answers = [None if a.strip() == "" else int(a) for a in args.answers.split(",")]
        result = engine.score(measure, answers)
    except ValueError:
        raise UsageError(ngettext("{name} needs {count} answer from {low} to {high}, separated by commas "
                                  "(leave one empty if it was not answered).",
                                  "{name} needs {count} answers from {low} to {high}, separated by commas "
                                  "(leave one empty if it was not answered).", len(measure.items)).format(
            name=measure.name, count=len(measure.items), low=measure.low, high=measure.high)) from None
    if result.total is None:
        print(_("{name}: not scored ({missing} unanswered)").format(name=measure.name, missing=result.missing))
    elif measure.categorical:
        print(_("{name}: {band}").format(name=measure.name, band=band_label(measure, result.band)))
    else:
        total = int(result.total) if result.total == int(result.total) else result.total
        line = _("{name}: total {total} of {maximum}").format(name=measure.name, total=total,
                                                             maximum=measure.max_total)
        if result.prorated:
            line += " " + _("(prorated: one item unanswered)")
        print(line)
        if measure.bands:
            print(_("Band: {band}").format(band=band_label(measure, result.band)))
        if result.screen_positive is not None:
            print(_("Screen: positive") if result.screen_positive else _("Screen: negative"))
    for flag in result.flags:
        if flag == engine.SUICIDAL_IDEATION:
            print(_("Flag: thoughts of being better off dead or of self-harm reported (item answered above 0)"))
    points = measure.reliable_change_points()
    if points is not None:
        print(_("Reliable change on this questionnaire: a change of {points} or more.").format(
            points=format_number(points)))
    return 0


def _wording_state(m) -> str:
    if m.completed_by is not None:
        return _("wording: the clinic's licensed copy")
    return _("wording: included") if m.has_text else _("wording: not included (a clinic adds its licensed copy)")


def licence_lines(m) -> list[str]:
    """The licence record of a questionnaire, as lines for a terminal."""
    rec = m.licence
    lines = [_("{name}: {title}").format(name=m.name, title=m.title),
             _("Citation: {text}").format(text=m.citation),
             _("Copyright holder: {text}").format(text=rec["holder"]),
             _("Permission: {text}").format(text=rec["statement"]),
             _("Where it is published: {text}").format(text=rec["statement_source"]),
             _("Source of the wording: {text}").format(text=rec["wording_source"]),
             _wording_state(m)]
    for language, source in sorted((rec.get("translations") or {}).items()):
        lines.append(_("Translation ({language}): {text}").format(language=language, text=source))
    return lines


def _programs(args) -> int:
    """Validate programs: schema, references, lessons, and their translations."""
    from app import i18n_tools, paths
    from app.programs import loader

    base = Path(args.path) if args.path else paths.programs_dir()
    if (base / loader.PROGRAM_FILE).exists():
        try:
            good, bad = [loader.load(base)], []
        except loader.ProgramInvalid as e:
            good, bad = [], [loader.Unavailable(base, tuple(e.problems))]
    else:
        good, bad = loader.load_all(base)
    for unavailable in bad:
        for problem in unavailable.problems:
            print(f"{unavailable.folder / problem.file}" + (f":{problem.line}" if problem.line else "")
                  + f": {problem.message}", file=sys.stderr)
    translation_problems = i18n_tools.check_all() if not args.path else []
    for problem in translation_problems:
        print(problem, file=sys.stderr)
    for program in good:
        print(_("{program}: valid ({count} modules)").format(program=program.id, count=len(program.modules)))
    if not good and not bad:
        print(_("No programs found in {path}.").format(path=base), file=sys.stderr)
        return 1
    return 1 if bad or translation_problems else 0


def _profile(args, data_dir: Path) -> int:
    mgr = manager(data_dir)
    if args.action == "list":
        profiles = mgr.list()
        if not profiles:
            print(_("No profiles yet. Create one with: hearth profile create NAME --password-stdin"))
        for p in profiles:
            kind = _("clinician workspace") if p.kind == "clinician" else _("patient")
            name = _("{name} (damaged)").format(name=p.display_name) if p.damaged else p.display_name
            print(f"{name}\t{kind}\t{p.profile_id}")
        return 0
    if args.action == "create":
        password = read_password_stdin()
        session, recovery_text = mgr.create(args.name, password,
                                            kind="clinician" if args.clinician else "patient",
                                            language=args.language)
        from app import clinic_defaults

        for problem in clinic_defaults.apply_to_new_profile(data_dir, session):
            print(problem, file=sys.stderr)
        session.lock()
        print(_("Profile \u201c{name}\u201d created.").format(name=session.display_name))
        print(_("Recovery key (store it somewhere safe; it is shown only once):"))
        print(recovery_text)
        return 0
    if args.action == "erase":
        profile = mgr.find(args.name)
        secret = read_password_stdin()
        mgr.check_secret(profile, secret)  # before asking: a wrong password erases nothing
        if not args.yes:
            print(_("This erases the profile \u201c{name}\u201d and everything in it from this computer. It "
                    "cannot be undone. To go on, type the profile's name:").format(name=profile.display_name))
            typed = " ".join(sys.stdin.readline().split())
            if typed.casefold() != profile.display_name.casefold():
                raise EraseNotConfirmed()
        mgr.erase(profile)
        print(_("The profile \u201c{name}\u201d was erased.").format(name=profile.display_name))
        return 0
    if args.action in ("export", "import"):
        return _archive(args, mgr)
    if args.action in ("move-out", "move-in"):
        return _move(args, mgr)
    if args.action == "verify":
        profile = mgr.find(args.name)
        session = mgr.unlock(profile, read_password_stdin())
        session.lock()
        print(_("The password is correct."))
        return 0
    raise UsageError(_("Unknown action."))


def _archive(args, mgr) -> int:
    from app.archive import reader, writer

    profile = mgr.find(args.name)
    password = read_password_stdin()
    if args.action == "export":
        passphrase = None
        if args.format == writer.AGE:
            passphrase = _second_line(_("No passphrase for the archive was given. Give it on the second line of "
                                        "standard input, then try again."))
        session = mgr.unlock(profile, password)
        try:
            done = writer.write(session.store, Path(args.out), passphrase=passphrase)
        finally:
            session.lock()
        total = sum(done.records.values())
        print(ngettext("{count} record saved in {path}.", "{count} records saved in {path}.", total).format(
            count=format_number(total), path=done.path))
        if not done.encrypted:
            print(_("The archive is not encrypted: keep it somewhere only you can reach."))
        return 0
    data = reader.read_file(Path(args.archive))
    passphrase = _second_line(_("This archive is encrypted. Give its passphrase on the second line of standard "
                                "input, then try again.")) if reader.is_sealed(data) else None
    archive = reader.open_archive(data, passphrase)
    session = mgr.unlock(profile, password)
    try:
        counts = reader.import_into(session, archive)
    finally:
        session.lock()
    total = sum(counts.values())
    print(ngettext("{count} record imported into \u201c{name}\u201d.", "{count} records imported into \u201c{name}\u201d.",
                   total).format(count=format_number(total), name=profile.display_name))
    return 0


def _second_line(missing: str) -> str:
    line = sys.stdin.readline().rstrip("\n").rstrip("\r")
    if not line:
        raise UsageError(missing)
    return line


def _move(args, mgr) -> int:
    from app.profiles import move

    secret = read_password_stdin()
    if args.action == "move-out":
        profile = mgr.find(args.name)
        session = mgr.unlock_with_secret(profile, secret)
        try:
            done = move.move_out(mgr, session, Path(args.out))
        finally:
            session.lock()
        print(_("The profile \u201c{name}\u201d was saved in {path}. Its password or recovery key opens it on the "
                "other computer (hearth profile move-in). It is still on this computer: erase it with hearth "
                "profile erase when it is safely there.").format(name=profile.display_name, path=done.path))
        return 0
    info = move.move_in(mgr, move.read_file(Path(args.file)), secret)
    print(_("The profile \u201c{name}\u201d is on this computer now.").format(name=info.display_name))
    return 0


def _crisis() -> int:
    """``crisis check``: every shipped crisis-line file that is not used, loses a line, or is due a check.
    Exit 1 when a file cannot be used; a file checked more than a year ago is only a warning."""
    from app.safety import crisis

    failed = False
    for name, problem, detail in crisis.problems():
        if problem == crisis.STALE:
            print(_("warning: {file} was checked in {month}, more than a year ago: check every number against "
                    "the services' own pages and update its review month").format(file=name, month=detail))
            continue
        failed = True
        if problem == crisis.UNREADABLE:
            print(_("{file} cannot be read as JSON").format(file=name), file=sys.stderr)
        elif problem == crisis.UNSOURCED:
            print(_("{file} is not used: its emergency number has no source, or it has no review month "
                    "(YYYY-MM)").format(file=name), file=sys.stderr)
        else:
            print(ngettext("{file}: {count} line is left out: it has no source or no number",
                           "{file}: {count} lines are left out: they have no source or no number",
                           int(detail)).format(file=name, count=int(detail)), file=sys.stderr)
    if not failed:
        print(_("Crisis-line files: every number has a source."))
    return 1 if failed else 0


def _clinic(data_dir: Path) -> int:
    """``clinic check``: what the data folder's clinic.json sets for new profiles, and what is wrong in it."""
    from app import clinic_defaults

    clinic = clinic_defaults.load(data_dir)
    for problem in clinic.problems:
        print(problem, file=sys.stderr)
    if not (data_dir / clinic_defaults.FILE).exists():
        print(_("No clinic settings in {folder}.").format(folder=data_dir))
        return 0
    print(_("Language: {value}").format(value=clinic.language or "-"))
    print(_("Country for crisis lines: {value}").format(value=clinic.country or "-"))
    print(_("Auto-lock of new profiles: {value}").format(
        value="-" if clinic.autolock_minutes is None else clinic.autolock_minutes))
    print(_("Clinician card for new profiles: {value}").format(value=clinic.clinician_card or "-"))
    return 1 if clinic.problems else 0
