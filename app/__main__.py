"""``python -m app``: parse arguments, then start the GUI or a headless command.

Errors are one clear line on stderr and a non-zero exit code, never a traceback.
Exit codes: 0 ok, 1 unexpected, 2 usage, 3 wrong password or recovery key,
4 no such profile, 5 damaged file, 6 newer data version, 7 name taken, 8 disk,
10-31 exchange cards and packages (see app/exchange/errors.py), 33 a data archive that cannot be read, 34 a profile file from another computer that cannot be opened.
"""

from __future__ import annotations

import argparse
import sys

from app import __version__


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line.

    Every command also takes the global options (--data-dir, --locale) after its own name, so
    ``hearth profile list --locale de`` works as well as ``hearth --locale de profile list``. There
    they default to "not given", so they never undo the same option given before the command.
    """

    def __init__(self, *args, top: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not top:
            _global_options(self, argparse.SUPPRESS)

    def error(self, message):
        from app.i18n import _

        self.exit(2, _("{problem} (see: hearth --help)").format(problem=message) + "\n")


def _global_options(p, default) -> None:
    from app.i18n import _

    p.add_argument("--data-dir", metavar="PATH", default=default,
                   help=_("keep profiles in this folder (portable mode)"))
    p.add_argument("--locale", metavar="CODE", default=default,
                   help=_("language to use, for example en, de or ar (otherwise the system's language)"))


def _top_parser(**kwargs) -> _Parser:
    """The options before any command."""
    from app.i18n import _

    p = _Parser(prog="hearth", description=_("Hearth: private, offline CBT."), top=True, **kwargs)
    p.add_argument("--version", action="version", version=f"Hearth {__version__}")
    _global_options(p, None)
    p.add_argument("--theme", choices=["light", "dark"], default="light",
                   help=_("screenshot: light or dark pages"))
    p.add_argument("--demo", action="store_true",
                   help=_("start on a throwaway demo profile filled with example data"))
    p.add_argument("--demo-program", choices=["low-mood", "worry", "panic"], default=None,
                   help=_("with --demo: the program the demo profile is some weeks into (default: low-mood)"))
    p.add_argument("--quit-after-first-paint", action="store_true", help=_("exit once the first window is painted"))
    p.add_argument("--tray", action="store_true",
                   help=_("start hidden in the tray, to show reminders (how Hearth starts at login)"))
    return p


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The arguments; the window's options (no command) are read without building every command's parser,
    which took 15-35 ms of each start-up. Anything else (a command, --help, a mistake) goes to the whole
    parser, so its answers and messages are the same."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not {"-h", "--help"} & set(argv):
        known, rest = _top_parser(add_help=False).parse_known_args(argv)
        if not rest:
            known.command = None
            return known
    return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    from app.i18n import _

    p = _top_parser()
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    prof = sub.add_parser("profile", help=_("create, list and check profiles"))
    psub = prof.add_subparsers(dest="action", metavar="ACTION", required=True)
    c = psub.add_parser("create", help=_("create a profile; prints its recovery key"))
    c.add_argument("name")
    c.add_argument("--password-stdin", action="store_true", required=True,
                   help=_("read the password from the first line of standard input"))
    c.add_argument("--clinician", action="store_true", help=_("create a clinician workspace"))
    c.add_argument("--language", metavar="CODE")
    psub.add_parser("list", help=_("list the profiles in the data folder"))
    v = psub.add_parser("verify", help=_("exit 0 if the password unlocks the profile, 3 if not"))
    v.add_argument("name")
    v.add_argument("--password-stdin", action="store_true", required=True)
    e = psub.add_parser("erase", help=_("erase a profile and everything in it from this computer, for good"))
    e.add_argument("name")
    e.add_argument("--password-stdin", action="store_true", required=True,
                   help=_("read the password or the recovery key from the first line of standard input"))
    e.add_argument("--yes", action="store_true",
                   help=_("do not ask to type the profile's name to confirm (for scripts)"))
    x = psub.add_parser("export", help=_("save all your records in an open archive (ZIP of JSON and CSV)"))
    x.add_argument("name")
    x.add_argument("--out", required=True, metavar="FILE")
    x.add_argument("--format", choices=["zip", "age"], default="zip",
                   help=_("zip: not encrypted; age: encrypted with a passphrase (the standard age tool opens it)"))
    x.add_argument("--password-stdin", action="store_true", required=True,
                   help=_("read the profile's password from the first line of standard input, and for "
                          "--format age the archive's passphrase from the second"))
    mo = psub.add_parser("move-out", help=_("save a profile in one encrypted file to open on another computer"))
    mo.add_argument("name")
    mo.add_argument("--out", required=True, metavar="FILE")
    mo.add_argument("--password-stdin", action="store_true", required=True,
                    help=_("read the password or the recovery key from the first line of standard input"))
    mi = psub.add_parser("move-in", help=_("bring in a profile saved by \"profile move-out\" on another computer"))
    mi.add_argument("--file", required=True, metavar="FILE")
    mi.add_argument("--password-stdin", action="store_true", required=True,
                    help=_("read the password or the recovery key from the first line of standard input"))
    i = psub.add_parser("import", help=_("bring an archive saved by \"profile export\" into a new, empty profile"))
    i.add_argument("name")
    i.add_argument("--archive", required=True, metavar="FILE")
    i.add_argument("--password-stdin", action="store_true", required=True,
                   help=_("read the profile's password from the first line of standard input, and an encrypted "
                          "archive's passphrase from the second"))

    cl = sub.add_parser("clinic", help=_("check the clinic's defaults for new profiles (clinic.json)"))
    cl.add_argument("action", choices=["check"])
    cr = sub.add_parser("crisis", help=_("check the shipped crisis-line files: sources and review dates"))
    cr.add_argument("action", choices=["check"])
    s = sub.add_parser("screenshot", help=_("render every page to PNG files"))
    s.add_argument("--out", required=True, metavar="DIR")
    s.add_argument("--theme", choices=["light", "dark"], default=argparse.SUPPRESS,
                   help=_("light or dark pages"))

    sub.add_parser("selftest", help=_("run an offscreen end-to-end check"))

    pr = sub.add_parser("programs", help=_("check program content"))
    prsub = pr.add_subparsers(dest="action", metavar="ACTION", required=True)
    pv = prsub.add_parser("validate", help=_("check a program folder (or a folder of programs)"))
    pv.add_argument("path", nargs="?", metavar="PATH")

    me = sub.add_parser("measures", help=_("list questionnaires and check their scoring"))
    mesub = me.add_subparsers(dest="action", metavar="ACTION", required=True)
    mesub.add_parser("list", help=_("list the questionnaires Hearth can give"))
    ml = mesub.add_parser("licence", help=_("show who owns a questionnaire and what allows its use"))
    ml.add_argument("measure", metavar="ID")
    ms = mesub.add_parser("score", help=_("score answers exactly as the app does"))
    ms.add_argument("measure", metavar="ID")
    ms.add_argument("answers", metavar="ANSWERS", help=_("comma-separated item answers; leave one empty if unanswered"))

    _exchange_parser(sub)

    i = sub.add_parser("i18n", help=_("translation tools for developers"))
    isub = i.add_subparsers(dest="action", metavar="ACTION", required=True)
    isub.add_parser("compile", help=_("compile every .po catalog to .mo"))
    ic = isub.add_parser("check", help=_("check every catalog (placeholders, compiling) and show how complete "
                                         "each language is"))
    ic.add_argument("--markdown", action="store_true", help=_("print the table for the README"))
    return p


def _exchange_parser(sub) -> None:
    from app.i18n import _

    ex = sub.add_parser("exchange", help=_("cards, pairing and encrypted files between patient and clinician"))
    exsub = ex.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name, help_text):
        a = exsub.add_parser(name, help=help_text)
        a.add_argument("name", metavar="PROFILE")
        a.add_argument("--password-stdin", action="store_true", required=True,
                       help=_("read the password from the first line of standard input"))
        return a

    a = action("card", _("write this profile's card (public keys and name) for pairing"))
    a.add_argument("--out", required=True, metavar="FILE")
    for opt in ("clinic", "phone", "email", "about"):
        a.add_argument(f"--{opt}", metavar="TEXT", help=_("clinician cards: saved and shown on the card"))
    a = action("pair", _("pair with someone's card after comparing its fingerprint"))
    a.add_argument("card", metavar="CARD")
    a.add_argument("--yes", action="store_true", help=_("the fingerprint was compared; do not ask"))
    action("contacts", _("list paired contacts and their fingerprints"))
    a = action("export", _("write an encrypted, signed file for a paired contact"))
    a.add_argument("--to", required=True, metavar="CONTACT", help=_("contact name, id or fingerprint"))
    a.add_argument("--out", required=True, metavar="FILE")
    a.add_argument("--everything", action="store_true", help=_("everything, not only what changed"))
    a.add_argument("--only", metavar="LIST", help=_("patients: comma-separated categories to share "
                                                     "(measures, flags, checkins, homework, progress, messages)"))
    a.add_argument("--preview", action="store_true", help=_("show what would be sent; write nothing"))
    a.add_argument("--message", metavar="TEXT",
                   help=_("a message to send with the file (other programs on this computer and the shell's "
                          "history can see text given here: prefer --message-file)"))
    a.add_argument("--message-file", metavar="FILE",
                   help=_("read the message from FILE; - reads the rest of standard input, after the password"))
    a.add_argument("--comment", action="append", default=[], metavar="ENTRY_ID=TEXT",
                   help=_("clinicians: a comment on one homework entry (repeatable; visible to other programs "
                          "like --message: prefer --comment-file)"))
    a.add_argument("--comment-file", action="append", default=[], metavar="ENTRY_ID=FILE",
                   help=_("clinicians: a comment on one homework entry, read from FILE (repeatable; - reads the "
                          "rest of standard input, once)"))
    a.add_argument("--unlock", action="append", default=[], metavar="PROGRAM/MODULE",
                   help=_("clinicians: unlock a module (repeatable)"))
    a.add_argument("--assign", action="append", default=[], metavar="MEASURE_ID",
                   help=_("clinicians: ask for a questionnaire (repeatable)"))
    a.add_argument("--due", metavar="YYYY-MM-DD", help=_("clinicians: when the assigned questionnaires are due"))
    a = action("import", _("import a file from a paired contact"))
    a.add_argument("file", metavar="FILE")
    a = action("sync", _("write to and import from a sync folder"))
    a.add_argument("folder", metavar="FOLDER")
    a.add_argument("--to", metavar="CONTACT", help=_("also write a new file for this contact"))
    action("log", _("list every export and import, one line each"))
    a = action("identity", _("write the secret age identity so the age tool can open packages"))
    a.add_argument("--out", required=True, metavar="FILE")
    a = action("outcomes", _("clinicians: outcomes of every patient, as a summary or a CSV file"))
    a.add_argument("--csv", metavar="FILE", help=_("write one row per patient to FILE (not encrypted)"))
    a.add_argument("--names", action="store_true", help=_("with --csv: names instead of pseudonyms"))
    a.add_argument("--ended-only", action="store_true",
                   help=_("summary: rates over the patients whose treatment is recorded as ended"))


def main(argv: list[str] | None = None) -> int:
    from app import i18n

    # Text printed here goes to a terminal or a script: values without directional isolates.
    with i18n.plain_output():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    from app import diagnostics, fsutil

    fsutil.restrict_umask()
    diagnostics.install()
    args = parse_args(argv)
    try:
        from app import cli

        code = cli.dispatch(args)
        if code is not None:
            return code
        return _gui(args, cli.data_dir_from(args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        from app.errors import HearthError

        if isinstance(exc, HearthError):
            sys.stderr.write(exc.message() + "\n")
            return exc.exit_code
        if isinstance(exc, OSError):
            from app.errors import DiskProblem

            sys.stderr.write(DiskProblem().message() + "\n")
            return DiskProblem.exit_code
        sys.stderr.write(diagnostics.redacted_report(type(exc), exc, exc.__traceback__) + "\n")
        return 1


def _gui(args, data_dir) -> int:
    """Commands that need Qt. Only this entry module may import ``ui``."""
    from pathlib import Path

    from ui import launch

    custom = data_dir if args.data_dir else None
    if args.command == "screenshot":
        return launch.screenshot(custom, Path(args.out), args.theme, args.locale)
    if args.command == "selftest":
        return launch.selftest(custom, args.locale)
    return launch.run_gui(data_dir, demo=args.demo or bool(args.demo_program),
                          demo_program=args.demo_program or "low-mood",
                          quit_after_first_paint=args.quit_after_first_paint, forced_locale=args.locale,
                          start_hidden=args.tray)


if __name__ == "__main__":
    sys.exit(main())
