"""The headless exchange commands, run as a clinic's script would run them."""

import json
import os
import shutil
import stat
import subprocess

from tests.test_cli import run

PW = "a good password\n"


def ex(d, *args, stdin=PW):
    return run("exchange", *args, "--password-stdin", stdin=stdin, data_dir=d)


def test_pair_export_import_log_identity(tmp_path):
    d = tmp_path / "data"
    assert run("profile", "create", "Doc", "--clinician", "--password-stdin", stdin=PW, data_dir=d).returncode == 0
    assert run("profile", "create", "Pat", "--password-stdin", stdin=PW, data_dir=d).returncode == 0
    assert "clinician workspace" in run("profile", "list", data_dir=d).stdout
    r = ex(d, "card", "Doc", "--out", str(tmp_path / "doc.card"), "--clinic", "Riverside")
    assert r.returncode == 0 and "Fingerprint" in r.stdout
    assert ex(d, "card", "Pat", "--out", str(tmp_path / "pat.card")).returncode == 0
    # Without --yes the fingerprint is shown and a "no" pairs nothing.
    r = ex(d, "pair", "Pat", str(tmp_path / "doc.card"), stdin=PW + "n\n")
    assert r.returncode == 26 and "Riverside" in r.stdout
    assert ex(d, "pair", "Pat", str(tmp_path / "doc.card"), stdin=PW + "y\n").returncode == 0
    again = ex(d, "pair", "Pat", str(tmp_path / "doc.card"), "--yes")
    assert again.returncode == 0 and "Already paired" in again.stdout
    assert ex(d, "pair", "Doc", str(tmp_path / "doc.card"), "--yes").returncode == 24
    assert ex(d, "pair", "Doc", str(tmp_path / "pat.card"), "--yes").returncode == 0
    r = ex(d, "export", "Pat", "--to", "Doc", "--out", str(tmp_path / "p1.age"), "--message", "hello",
           "--only", "measures,messages")
    assert r.returncode == 0, r.stderr
    assert ex(d, "export", "Pat", "--to", "Nobody", "--out", str(tmp_path / "x.age")).returncode == 25
    assert ex(d, "export", "Pat", "--to", "Doc", "--out", str(tmp_path / "x.age"), "--only", "diary").returncode == 2
    assert ex(d, "export", "Pat", "--to", "Doc", "--out", str(tmp_path / "x.age"), "--unlock", "a/b").returncode == 2
    r = ex(d, "import", "Doc", str(tmp_path / "p1.age"))
    assert r.returncode == 0 and "1 message" in r.stdout
    replay = ex(d, "import", "Doc", str(tmp_path / "p1.age"))
    assert replay.returncode == 19 and len(replay.stderr.strip().splitlines()) == 1
    assert ex(d, "export", "Doc", "--to", "Pat", "--out", str(tmp_path / "x.age"),
              "--comment", "no-such-entry=hi").returncode == 2
    # An unknown program or module is refused in one line, and nothing else in the command is queued.
    for wrong, words in (("low-mood/nope", "no module \u201cnope\u201d"), ("nope/m1", "no program \u201cnope\u201d")):
        r = ex(d, "export", "Doc", "--to", "Pat", "--out", str(tmp_path / "x.age"), "--message", "queued?",
               "--unlock", wrong)
        assert r.returncode == 2 and words in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert not (tmp_path / "x.age").exists()
    r = ex(d, "export", "Doc", "--to", "Pat", "--out", str(tmp_path / "f1.age"), "--message", "well done",
           "--unlock", "low-mood/m2-activity-monitoring", "--assign", "phq9", "--due", "2030-01-01")
    assert r.returncode == 0, r.stderr
    r = ex(d, "import", "Pat", str(tmp_path / "f1.age"))
    assert r.returncode == 0 and "1 message," in r.stdout and "1 module unlocked" in r.stdout, r.stdout
    assert ex(d, "import", "Doc", str(tmp_path / "f1.age")).returncode == 13  # not for the clinician
    (tmp_path / "junk.age").write_bytes(b"hello")
    assert ex(d, "import", "Doc", str(tmp_path / "junk.age")).returncode == 11
    log = ex(d, "log", "Doc")
    assert log.returncode == 0
    lines = log.stdout.strip().splitlines()
    assert [line.split("\t")[1] for line in lines] == ["paired", "import", "refused", "export", "refused", "refused"]
    assert all(len(line.split("\t")) == 6 for line in lines)
    # Why a file was refused, in words rather than the audit log's codes (replay, not_for_you, not_age).
    assert [line.split("\t")[4] for line in lines if "\trefused\t" in line] == [
        "Refused: already imported", "Refused: made for someone else", "Refused: not a Hearth file"]
    r = ex(d, "identity", "Doc", "--out", str(tmp_path / "doc-identity.txt"))
    assert r.returncode == 0 and "secret" in r.stderr
    ident = tmp_path / "doc-identity.txt"
    assert stat.S_IMODE(os.stat(ident).st_mode) == 0o600
    assert "AGE-SECRET-KEY-1" in ident.read_text()
    age = shutil.which("age")
    if age:  # the standard tool opens a package with the written identity
        out = subprocess.run([age, "-d", "-i", str(ident), str(tmp_path / "p1.age")], capture_output=True, timeout=30)
        assert out.returncode == 0
        assert json.loads(out.stdout)["manifest"]["format"] == "hearth-package"



def _paired(tmp_path):
    d = tmp_path / "data"
    for args in (("Doc", "--clinician"), ("Pat",)):
        assert run("profile", "create", *args, "--password-stdin", stdin=PW, data_dir=d).returncode == 0
    assert ex(d, "card", "Doc", "--out", str(tmp_path / "doc.card")).returncode == 0
    assert ex(d, "card", "Pat", "--out", str(tmp_path / "pat.card")).returncode == 0
    assert ex(d, "pair", "Pat", str(tmp_path / "doc.card"), "--yes").returncode == 0
    assert ex(d, "pair", "Doc", str(tmp_path / "pat.card"), "--yes").returncode == 0
    return d


def test_clinical_text_can_stay_off_the_command_line(tmp_path):
    """--message-file reads a file or the rest of standard input, so ps and shell history never see it."""
    d = _paired(tmp_path)
    secret = "You did well with the diary this week \u2013 keep going."
    r = ex(d, "export", "Doc", "--to", "Pat", "--out", str(tmp_path / "f1.age"), "--message-file", "-",
           stdin=PW + secret + "\n")
    assert r.returncode == 0, r.stderr
    note = tmp_path / "note.txt"
    note.write_text("A second note, from a file.\n", encoding="utf-8")
    r = ex(d, "export", "Doc", "--to", "Pat", "--out", str(tmp_path / "f2.age"), "--message-file", str(note))
    assert r.returncode == 0, r.stderr
    for f in ("f1.age", "f2.age"):
        r = ex(d, "import", "Pat", str(tmp_path / f))
        assert r.returncode == 0 and "1 message" in r.stdout, (r.stdout, r.stderr)
    # Refusals, each in one line and queueing nothing: both forms at once, empty text, a folder, a pipe.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for extra, stdin, words in (
            (["--message", "x", "--message-file", str(note)], PW, "not both"),
            (["--message-file", "-"], PW + "   \n", "empty"),
            (["--message-file", str(tmp_path)], PW, "not a regular file"),
            (["--message-file", str(fifo)], PW, "not a regular file"),
            (["--comment-file", "no-such-entry=" + str(note)], PW, "ENTRY_ID=FILE")):
        r = ex(d, "export", "Doc", "--to", "Pat", "--out", str(tmp_path / "x.age"), *extra, stdin=stdin)
        assert r.returncode == 2 and words in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert not (tmp_path / "x.age").exists()
    help_text = run("exchange", "export", "--help").stdout
    assert "--message-file" in help_text and "--comment-file" in help_text
