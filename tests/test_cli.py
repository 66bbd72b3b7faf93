"""The headless commands, run as a user (or a clinic's script) would run them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin="", data_dir=None, lang="C.UTF-8"):
    cmd = [sys.executable, "-m", "app"] + (["--data-dir", str(data_dir)] if data_dir else []) + list(args)
    r = subprocess.run(cmd, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120,
                       env={"PATH": "/usr/bin:/bin", "LANG": lang, "QT_QPA_PLATFORM": "offscreen",
                            "HOME": str(data_dir or ROOT)})
    assert "Traceback" not in r.stderr
    return r


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("Hearth ")


def test_profile_lifecycle(tmp_path):
    d = tmp_path / "data"
    r = run("profile", "list", data_dir=d)
    assert r.returncode == 0 and "No profiles yet" in r.stdout
    r = run("profile", "create", "Robin", "--password-stdin", stdin="a good password\n", data_dir=d)
    assert r.returncode == 0, r.stderr
    key = r.stdout.strip().splitlines()[-1]
    assert len(key.split("-")) == 8
    assert "Robin" in run("profile", "list", data_dir=d).stdout
    assert run("profile", "verify", "robin", "--password-stdin", stdin="a good password\n", data_dir=d).returncode == 0
    bad = run("profile", "verify", "Robin", "--password-stdin", stdin="wrong one\n", data_dir=d)
    assert bad.returncode == 3 and "did not unlock" in bad.stderr
    assert run("profile", "verify", "Nobody", "--password-stdin", stdin="x\n", data_dir=d).returncode == 4
    dup = run("profile", "create", "ROBIN", "--password-stdin", stdin="another password\n", data_dir=d)
    assert dup.returncode == 7 and "already exists" in dup.stderr
    assert run("profile", "create", "Kim", "--password-stdin", stdin="short\n", data_dir=d).returncode == 2
    assert run("profile", "create", "Kim", "--password-stdin", stdin="", data_dir=d).returncode == 2


def test_errors_are_translated(tmp_path):
    r = run("--locale", "de", "profile", "verify", "Nobody", "--password-stdin", stdin="x\n", data_dir=tmp_path)
    assert r.returncode == 4 and "Nobody" in r.stderr
    r = run("--locale", "de", "profile", "create", "Kim", "--password-stdin", stdin="short\n", data_dir=tmp_path)
    assert r.returncode == 2 and r.stderr.strip() and "Please choose" not in r.stderr


def test_selftest_passes(tmp_path):
    r = run("selftest", data_dir=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "selftest: passed" in r.stdout


def test_screenshot_writes_every_page(tmp_path):
    out = tmp_path / "shots"
    r = run("--locale", "ar", "screenshot", "--out", str(out), "--theme", "dark")
    assert r.returncode == 0, r.stderr
    names = {p.stem for p in out.glob("*.png")}
    for expected in ("01-welcome", "03-recovery-key", "04-unlock", "10-home", "12-journal", "16-settings", "20-get-help"):
        assert expected in names
    assert all(p.stat().st_size > 5000 for p in out.glob("*.png"))


def test_quit_after_first_paint(tmp_path):
    r = run("--quit-after-first-paint", data_dir=tmp_path)
    assert r.returncode == 0


def test_usage_error_is_one_line():
    r = run("profile", "bogus")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1


def test_unusable_data_folder_is_a_clear_message(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    r = run("profile", "create", "A", "--password-stdin", stdin="a good password\n", data_dir=not_a_folder)
    assert r.returncode == 8 and "could not write" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_global_options_are_taken_before_or_after_the_command():
    from app.__main__ import build_parser

    parse = build_parser().parse_args
    assert parse(["--theme", "dark", "screenshot", "--out", "x"]).theme == "dark"
    assert parse(["screenshot", "--out", "x", "--theme", "dark"]).theme == "dark"
    assert parse(["screenshot", "--out", "x"]).theme == "light"
    args = parse(["--locale", "de", "profile", "list", "--data-dir", "D"])
    assert (args.locale, args.data_dir) == ("de", "D")
    args = parse(["--data-dir", "D", "exchange", "log", "Doc", "--password-stdin", "--locale", "ar"])
    assert (args.locale, args.data_dir) == ("ar", "D")
    assert parse(["--locale", "de", "profile", "list"]).locale == "de"  # not undone by the command's default


def test_the_windows_options_are_read_as_the_whole_parser_reads_them(capsys):
    """parse_args reads the window's options without building every command's parser, with the same result;
    a command, --help or a mistake gets the whole parser's answer."""
    import pytest

    from app.__main__ import build_parser, parse_args

    for argv in ([], ["--data-dir", "D", "--locale", "ar", "--demo", "--demo-program", "worry"],
                 ["--tray", "--theme", "dark", "--quit-after-first-paint"], ["--data", "D"],
                 ["--locale", "de", "profile", "list"], ["screenshot", "--out", "x"]):
        assert vars(parse_args(argv)) == vars(build_parser().parse_args(argv)), argv
    with pytest.raises(SystemExit):
        parse_args(["--help"])
    assert "exchange" in capsys.readouterr().out  # the commands are listed
    for wrong in (["--theme", "purple"], ["profil"], ["--locale"]):
        with pytest.raises(SystemExit) as exited:
            parse_args(wrong)
        mine = capsys.readouterr().err
        with pytest.raises(SystemExit):
            build_parser().parse_args(wrong)
        assert exited.value.code == 2 and mine == capsys.readouterr().err and "hearth --help" in mine


def test_profile_list_speaks_the_terminals_language_not_the_last_windows(tmp_path):
    d = tmp_path / "data"
    assert run("profile", "create", "Doc", "--clinician", "--language", "de", "--password-stdin",
               stdin="a good password\n", data_dir=d).returncode == 0
    (d / "settings.json").write_text('{"language": "de"}')  # the window was last used in German
    assert "clinician workspace" in run("profile", "list", data_dir=d, lang="en_GB.UTF-8").stdout
    assert "Arbeitsbereich" in run("profile", "list", data_dir=d, lang="de_DE.UTF-8").stdout
    assert "clinician workspace" in run("--locale", "en", "profile", "list", data_dir=d, lang="de_DE.UTF-8").stdout
    assert "Arbeitsbereich" in run("profile", "list", data_dir=d).stdout  # no language in the terminal


def test_without_a_desktop_session_the_app_says_why_instead_of_aborting(tmp_path):
    cmd = [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"), "--quit-after-first-paint"]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120,
                       env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path)})  # no DISPLAY
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert "could not open its window" in r.stderr and "libxcb-cursor0" in r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "data" / "profiles").exists()


def test_the_process_is_not_dumpable_so_no_core_dump_handler_gets_its_memory():
    code = ("import ctypes, resource; from app import diagnostics; diagnostics.install();"
            "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), resource.getrlimit(resource.RLIMIT_CORE)[0])")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["0", "0"]  # PR_GET_DUMPABLE is 0, and no core file either


def test_profile_erase_needs_the_password_or_recovery_key_and_a_typed_name(tmp_path):
    d = tmp_path / "data"
    made = run("profile", "create", "Robin", "--password-stdin", stdin="a good password\n", data_dir=d)
    key = made.stdout.strip().splitlines()[-1]
    assert run("profile", "create", "Kim", "--password-stdin", stdin="another password\n", data_dir=d).returncode == 0
    folder = next(p for p in (d / "profiles").iterdir() if "Robin" in (p / "keyfile.json").read_text())
    before = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    wrong = run("profile", "erase", "Robin", "--password-stdin", stdin="not it\nRobin\n", data_dir=d)
    assert wrong.returncode == 3 and "did not unlock" in wrong.stderr
    declined = run("profile", "erase", "Robin", "--password-stdin", stdin="a good password\nRobyn\n", data_dir=d)
    assert declined.returncode == 32 and "nothing was erased" in declined.stderr
    assert "cannot be undone" in declined.stdout
    assert {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before  # untouched
    done = run("profile", "erase", "robin", "--password-stdin", stdin=key + "\nRobin\n", data_dir=d)  # the recovery key
    assert done.returncode == 0 and "was erased" in done.stdout, done.stderr
    assert not folder.exists()
    listed = run("profile", "list", data_dir=d).stdout
    assert "Robin" not in listed and "Kim" in listed
    scripted = run("profile", "erase", "Kim", "--password-stdin", "--yes", stdin="another password\n", data_dir=d)
    assert scripted.returncode == 0 and "No profiles yet" in run("profile", "list", data_dir=d).stdout
    assert run("profile", "erase", "Kim", "--password-stdin", stdin="x\n", data_dir=d).returncode == 4


def test_a_profile_open_elsewhere_is_not_erased(tmp_path):
    from app.crypto.keyfile import TEST_KDF
    from app.profiles import ProfileManager

    d = tmp_path / "data"
    manager = ProfileManager(d, TEST_KDF)
    session, _key = manager.create("Robin", "a good password")  # stays open, as in another window
    try:
        r = run("profile", "erase", "Robin", "--password-stdin", "--yes", stdin="a good password\n", data_dir=d)
        assert r.returncode == 9 and (manager.find("Robin").folder / "keyfile.json").exists(), r.stderr
    finally:
        session.lock()
    r = run("profile", "erase", "Robin", "--password-stdin", "--yes", stdin="a good password\n", data_dir=d)
    assert r.returncode == 0, r.stderr


def test_the_unlock_page_paints_before_the_store_and_the_tray_are_loaded(tmp_path):
    """Start-up (issue 15): listing profiles needs neither the encrypted store's module (SQLCipher, OpenSSL's
    hashlib) nor the tray's; both are loaded when needed, the tray a moment after the first paint."""
    assert run("profile", "create", "Robin", "--password-stdin", stdin="a good password\n",
               data_dir=tmp_path).returncode == 0
    later = ("app.store", "sqlcipher3", "hashlib", "secrets", "uuid", "platform", "ui.tray", "app.reminders.plan")
    code = ("import sys; from app.__main__ import main; "
            f"code = main(['--data-dir', {str(tmp_path)!r}, '--quit-after-first-paint']); "
            f"print(code, [m for m in {later!r} if m in sys.modules])")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.stdout.split(None, 1) == ["0", "[]\n"], (r.stdout, r.stderr)
