"""``hearth exchange outcomes``: the clinic summary and the CSV, run as a clinic's script would run them."""

import csv
import io
import os
import stat

import pytest

from app.crypto.keyfile import TEST_KDF
from tests import workspace_demo
from tests.test_cli import run

PW = "a good password"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo workspace (three patients with scores through real packages, one without)."""
    d = tmp_path_factory.mktemp("outcomes-cli") / "data"
    workspace_demo.build(d, PW, TEST_KDF)
    return d


def outcomes(d, *args, stdin=PW + "\n", name="Dr Rivera"):
    return run("exchange", "outcomes", name, *args, "--password-stdin", stdin=stdin, data_dir=d)


def test_summary_is_printed(demo):
    r = outcomes(demo)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "4 patients"
    assert "Reliable improvement: 1 of 3 patients (33%) (not counted: 1 no PHQ-9 or GAD-7 scores)" in lines
    assert "Reliable deterioration: 2 of 3 patients (67%) (not counted: 1 no PHQ-9 or GAD-7 scores)" in lines
    assert any(line.startswith("Reliable recovery: 1 of 1 patient (100%)") for line in lines)
    assert "Still in treatment: 4" in lines
    r = outcomes(demo, "--ended-only")
    assert r.returncode == 0 and "Recovery: 0 of 0 patients (-) (not counted: 4 treatment not recorded as ended)" \
        in r.stdout.splitlines()


def test_csv_pseudonymous_unless_names_asked(demo, tmp_path):
    out = tmp_path / "clinic.csv"
    r = outcomes(demo, "--csv", str(out))
    assert r.returncode == 0, r.stderr
    assert "4 patients" in r.stdout and "not encrypted" in r.stderr
    data = out.read_bytes()
    assert b"Robin" not in data and b"Okafor" not in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 4 and all(row["patient_id"].startswith("P-") for row in rows)
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    named = tmp_path / "named.csv"
    r = outcomes(demo, "--csv", str(named), "--names")
    assert r.returncode == 0 and "names" in r.stderr
    names = {row["name"] for row in csv.DictReader(io.StringIO(named.read_text("utf-8-sig")))}
    assert names == {"Robin Okafor", "Sam Lindqvist", "Alex Moreau", "Kim Nakamura"}


def test_refusals(demo, tmp_path):
    r = outcomes(demo, "--names")
    assert r.returncode == 2 and "--csv" in r.stderr
    r = outcomes(demo, "--csv", str(tmp_path / "missing" / "x.csv"))
    assert r.returncode == 8 and "could not be saved" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "missing").exists()
    assert outcomes(demo, stdin="wrong password\n").returncode == 3
    assert outcomes(demo, name="Nobody").returncode == 4


def test_patient_profiles_have_no_clinic_outcomes(tmp_path):
    d = tmp_path / "data"
    workspace_demo.build_patient(d, PW, TEST_KDF)
    r = outcomes(d, name="Robin Okafor")
    assert r.returncode == 2 and "clinician workspaces" in r.stderr
