import pytest
from hypothesis import given, strategies as st

from app.crypto import recovery
from app.errors import RecoveryKeyFormat, RecoveryKeyTypo


def test_round_trip():
    raw, text = recovery.generate()
    assert len(raw) == 16
    assert len(text.split("-")) == 8 and all(len(g) == 6 for g in text.split("-"))
    assert recovery.parse(text) == raw


@given(st.binary(min_size=16, max_size=16))
def test_round_trip_any_key(raw):
    assert recovery.parse(recovery.format_key(raw)) == raw


def test_every_single_digit_typo_is_caught_and_named():
    raw, text = recovery.generate()
    groups = text.split("-")
    for gi, group in enumerate(groups):
        for pos in range(6):
            for d in "0123456789":
                if d == group[pos]:
                    continue
                bad = groups.copy()
                bad[gi] = group[:pos] + d + group[pos + 1:]
                with pytest.raises(RecoveryKeyTypo) as e:
                    recovery.parse("-".join(bad))
                assert e.value.group == gi + 1


def test_neighbour_swaps_and_group_swaps_are_caught():
    raw, text = recovery.generate()
    groups = text.split("-")
    for gi, group in enumerate(groups):
        for pos in range(5):
            if group[pos] == group[pos + 1]:
                continue
            bad = groups.copy()
            bad[gi] = group[:pos] + group[pos + 1] + group[pos] + group[pos + 2:]
            with pytest.raises(RecoveryKeyTypo):
                recovery.parse("-".join(bad))
    if groups[0] != groups[1]:
        with pytest.raises(RecoveryKeyTypo):
            recovery.parse("-".join([groups[1], groups[0]] + groups[2:]))


def test_separators_spaces_and_other_scripts_are_accepted():
    raw, text = recovery.generate()
    assert recovery.parse(" " + text.replace("-", "  ") + "\n") == raw
    arabic_indic = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert recovery.parse(arabic_indic) == raw


def test_letters_that_look_like_digits_are_read_as_digits():
    raw = bytes(16)  # all zero: every group starts with 0s
    text = recovery.format_key(raw)
    assert recovery.parse(text.replace("0", "O")) == raw


def test_other_letters_are_a_typo_in_their_group():
    raw, text = recovery.generate()
    with pytest.raises(RecoveryKeyTypo) as e:
        recovery.parse(text[:15] + "x" + text[16:])
    assert e.value.group == 3


@pytest.mark.parametrize("text,count", [("", 0), ("123456-123456", 12), ("1" * 60, 60)])
def test_wrong_length_says_how_many_digits(text, count):
    with pytest.raises(RecoveryKeyFormat) as e:
        recovery.parse(text)
    assert e.value.digits_found == count
    assert str(count) in e.value.message()
