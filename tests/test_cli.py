"""The headless commands, run as a user (or a clinic's script) would run them."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin="", data_dir=None):
    cmd = [sys.executable, "-m", "app"] + (["--data-dir", str(data_dir)] if data_dir else []) + list(args)
    r = subprocess.run(cmd, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120,
                       env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
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
    assert r.returncode == 4 and "Nobody" in r.stderr and "There is no profile" not in r.stderr


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
