"""Every exercise kind has one readable form, and it says every field the kind stores."""

from __future__ import annotations

import pytest

from app.exercises import readable
from app.exercises import registry as kinds
from app.i18n import format_number

ALL_KINDS = sorted(kinds.known())

# A fully filled entry of each kind (every field set, every list non-empty), with the program
# exercise it belongs to when its words live in the program (a reflection's prompts, a quiz's questions).
EXAMPLES = {
    "thought-record": ({"situation": "Friend did not reply", "thoughts": "She is annoyed with me",
                        "evidence_for": "She replies fast usually", "evidence_against": "She is travelling",
                        "balanced": "She may be busy", "belief": 80, "belief_after": 35,
                        "emotions": [{"name": "worried", "intensity": 70, "rerated": 30}],
                        "traps": ["mind-reading"], "custom_traps": ["Jumping ahead"]}, None),
    "activity-monitoring": ({"date": "2026-11-30", "hour": 9, "activity": "Walked to the shop", "mood": 3,
                             "mastery": 6, "pleasure": 4, "note": "Cold but fine"}, None),
    "activity-scheduling": ({"date": "2026-12-02", "hour": 17, "activity": "Call my sister", "area": "Family",
                             "done": True, "mood_before": 2, "mood": 5, "mastery": 7, "pleasure": 8}, None),
    "breathing": ({"minutes_practised": 5, "inhale": 3, "hold": 2, "exhale": 7, "calm_before": 2,
                   "calm_after": 6, "note": "Easier at the end"}, None),
    "muscle-relaxation": ({"groups_completed": 7, "tension_before": 8, "tension_after": 3,
                           "note": "Shoulders still tight"}, None),
    "problem-solving": ({"problem": "Rent is late", "goal": "A plan with the landlord",
                         "options": [{"text": "Phone the landlord", "pros": "Quick", "cons": "Scary"},
                                     {"text": "Write a letter", "pros": "Time to think", "cons": "Slow"}],
                         "chosen": 1, "steps": [{"text": "Draft the letter", "done": True},
                                                {"text": "Post it", "done": False}],
                         "review": "Landlord agreed"}, None),
    "values-activities": ({"area": "family", "value": "Being a present father",
                           "activities": [{"text": "Read with Sam", "difficulty": "medium"}]}, None),
    "interoceptive": ({"exercise": "spin", "seconds_done": 60, "intensity": 70, "distress": 55, "similarity": 40,
                       "note": "Dizzy, then it passed"}, None),
    "mindful-attention": ({"length": 10, "minutes_practised": 8, "presence": 6, "note": "Mind wandered a lot"},
                          None),
    "fear-ladder": ({"name": "Taking the bus", "goal": "Ride into town alone on a busy day",
                     "steps": [{"id": "s1", "text": "Stand at the bus stop", "distress": 30, "done_on": "2026-11-20"},
                               {"id": "s2", "text": "Ride two stops with a friend", "distress": 55}]}, None),
    "exposure-log": ({"ladder_id": "ladder1", "step_id": "s2", "ladder": "Taking the bus",
                      "step": "Ride two stops with a friend", "date": "2026-11-25", "minutes": 25, "before": 50,
                      "peak": 75, "end": 35, "predicted": "I will faint", "happened": "Heart raced, no faint",
                      "safety_dropped": "Sat away from the door", "learned": "The wave passes"}, None),
    "reflection": ({"answers": ["Stayed in bed all day", "Nothing will change"], "text": "Also tired"},
                   ("low-mood", "m1-my-cycle")),
    "quiz": ({"chosen": [0, 2, None], "correct": 1}, ("low-mood", "m1-quiz")),
    "worry-diary": ({"date": "2026-11-30", "time": "21:15", "worry": "What if I lose my job", "type": "hypothetical",
                     "distress_before": 75, "distress_after": 40, "action": "worry-time",
                     "action_note": "Parked it for 6 pm"}, None),
    "worry-time": ({"worries": [{"text": "Boiler makes a noise", "outcome": "practical"},
                                {"text": "What if Mum falls ill", "outcome": "let-go"},
                                {"text": "The meeting", "outcome": "gone"}, {"text": "Exam results"}],
                    "distress_before": 60, "distress_after": 35, "note": "Easier than I thought"}, None),
    "behavioural-experiment": ({"belief": "If I do not check the door three times, it will be left open",
                                "belief_before": 85, "experiment": "Tonight, check the door once and go to bed",
                                "prediction": "I will not sleep", "safety_behaviours": "Asking my partner",
                                "outcome": "Slept after 20 minutes", "learned": "The urge fades",
                                "belief_after": 30}, None),
}
# Choice ids stored in a list and shown as their labels (their labels must appear instead).
LABELLED = {("worry-time", "worries"): "app.exercises.kinds.worry_time:OUTCOMES"}


def test_every_kind_has_an_example_here():
    """A new kind fails here until it is given an example, so the contract below covers it."""
    assert set(EXAMPLES) == set(ALL_KINDS)


def _leaves(value, key=None):
    """(top-level key, leaf) for every leaf value, leaving out SAID_OTHERWISE_INSIDE keys of list items."""
    if isinstance(value, dict):
        for k, v in value.items():
            if key is None or k not in SAID_OTHERWISE_INSIDE:
                yield from _leaves(v, key or k)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v, key)
    else:
        yield key, value


# Leaves shown in other words than their stored form: ids shown as their labels, dates and hours shown in the
# locale's style, option indexes shown as the option. Their fields are still required to appear.
SAID_OTHERWISE = {"date", "hour", "traps", "area", "status", "chosen", "done", "exercise", "time", "type", "action"}
# Inside a list's items: ids that link records (shown as the words they point to) and dates shown in the
# locale's style. A link's fields at the top level (ladder_id, step_id) are shown as the step's words.
SAID_OTHERWISE_INSIDE = {"id", "done_on"}
LINKS = {"ladder_id", "step_id"}


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_readable_form_says_every_stored_field(kind):
    module = kinds.get(kind)
    assert callable(getattr(module, "readable", None)), f"{kind} has no readable form"
    data, where = EXAMPLES[kind]
    clean = module.normalize(data)
    program_id, exercise_id = where or (None, None)
    lines = readable.lines(kind, clean, program_id=program_id, exercise_id=exercise_id)
    shown = {f for line in lines for f in line.fields}
    assert set(clean) <= shown, f"{kind}: stored fields not shown: {sorted(set(clean) - shown)}"
    text = readable.as_text(lines)
    for key, leaf in _leaves(clean):
        if key in SAID_OTHERWISE or key in LINKS or isinstance(leaf, bool) or leaf is None:
            continue
        if key == "activities" and leaf in ("easy", "medium", "hard"):
            assert leaf.capitalize() in text
            continue
        if (kind, key) in LABELLED:
            import importlib

            module_name, name = LABELLED[kind, key].split(":")
            labels = dict(getattr(importlib.import_module(module_name), name))
            if leaf in labels:
                assert labels[leaf] in text, f"{kind}: {key} = {leaf!r} not said as its label"
                continue
        expected = leaf if isinstance(leaf, str) else format_number(leaf)
        assert expected in text, f"{kind}: {key} = {leaf!r} missing from:\n{text}"
    assert "<b>" in readable.as_html(lines) and "<script" not in readable.as_html(lines)


def test_thought_record_reads_in_order_with_labels_and_changes():
    data, _ = EXAMPLES["thought-record"]
    lines = readable.lines("thought-record", kinds.get("thought-record").normalize(data))
    labels = [x.label for x in lines]
    assert labels == ["What was happening?", "How did you feel?", "What went through your mind?",
                      "Belief in the thought", "Thinking traps", "What facts support the thought?",
                      "What facts do not fit the thought?", "A more balanced thought"]
    by = {x.label: x.value for x in lines}
    assert by["How did you feel?"] == "worried: 70 \u2192 30 out of 100"
    assert by["Belief in the thought"] == "80 \u2192 35 out of 100"
    assert by["Thinking traps"] == "Mind reading and Jumping ahead"


def test_activity_diary_shows_mood_mastery_and_pleasure_with_their_scale():
    data, _ = EXAMPLES["activity-monitoring"]
    by = {x.label: x.value for x in readable.lines("activity-monitoring", kinds.get("activity-monitoring").normalize(data))}
    assert by["Mood"] == "3 out of 10" and by["Mastery: sense of achievement"] == "6 out of 10"
    assert by["Pleasure: enjoyment"] == "4 out of 10" and by["What I did"] == "Walked to the shop"


def test_quiz_says_the_questions_the_chosen_and_the_expected_answers():
    from app.programs import loader

    spec = loader.cached("low-mood").all_exercises()["m1-quiz"]
    q = spec["questions"]
    data = kinds.get("quiz").normalize({"chosen": [q[0]["correct"], (q[1]["correct"] + 1) % len(q[1]["options"]),
                                                   None], "correct": 1})
    lines = readable.lines("quiz", data, program_id="low-mood", exercise_id="m1-quiz")
    assert [x.label for x in lines[:3]] == [x["text"] for x in q[:3]]
    assert lines[0].value == f"Chosen: {q[0]['options'][q[0]['correct']]} (right)"
    wrong = q[1]["options"][(q[1]["correct"] + 1) % len(q[1]["options"])]
    assert lines[1].value == (f"Chosen: {wrong} (not right). Expected: {q[1]['options'][q[1]['correct']]}")
    assert lines[2].value.startswith("Not answered. Expected: ")
    assert lines[-1].value == "1 of 3 answers right"


def test_quiz_of_an_unknown_program_is_still_readable():
    data = kinds.get("quiz").normalize({"chosen": [1, None], "correct": 0})
    lines = readable.lines("quiz", data, program_id="gone", exercise_id="x")
    assert [x.value for x in lines] == ["Chosen: option 2", "Not answered", "0 of 2 answers right"]


def test_ratings_left_out_are_not_shown_and_one_sided_changes_say_which_side():
    data = kinds.get("breathing").normalize({"minutes_practised": 3, "calm_after": 6})
    by = {x.label: x.value for x in readable.lines("breathing", data)}
    assert by["Calm before and after"] == "after: 6 out of 10"
    data = kinds.get("activity-monitoring").normalize({"date": "2026-11-30", "hour": 9, "activity": "Read"})
    assert "Mood" not in {x.label for x in readable.lines("activity-monitoring", data)}


@pytest.mark.parametrize("bad", [{"situation": 5}, "text", None, {"chosen": "x"}, {"emotions": "x"}])
def test_a_record_no_kind_can_read_is_shown_as_its_text(bad):
    for kind in ("thought-record", "quiz", "no-such-kind"):
        lines = readable.lines(kind, bad)
        assert all(x.label == "What was written" for x in lines)
    assert readable.lines("no-such-kind", {"a": ["kept words", 3]})[0].value == "kept words"


def test_html_escapes_what_the_person_wrote():
    data = kinds.get("reflection").normalize({"text": "<b>bold</b> & more"})
    html = readable.as_html(readable.lines("reflection", data))
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html


def test_an_activity_logged_when_it_happened_shows_its_time_once_in_one_line_descriptions():
    from app.exchange import readable

    import datetime

    created = datetime.datetime(2026, 11, 30, 21).astimezone().astimezone(datetime.timezone.utc).isoformat()
    line = readable.describe("homework", {"kind": "activity-monitoring", "created_at": created,
                                          "data": {"date": "2026-11-30", "hour": 21, "activity": "Swimming",
                                                   "mood": 6}})
    assert line.count(readable.when(created)) == 1 and line.endswith("Swimming")


def test_in_a_right_to_left_window_each_line_a_person_wrote_keeps_its_own_direction():
    """An English sentence in an Arabic window: isolated (FSI ... PDI), so its full stop stays at its end; in an
    English window the text is as typed."""
    from app import i18n

    data = kinds.get("reflection").normalize({"text": "She was busy.\nNot about me."})
    lines = readable.lines("reflection", data)
    assert "She was busy.<br>Not about me." in readable.as_html(lines)
    i18n.set_language("ar")
    try:
        html = readable.as_html(lines)
    finally:
        i18n.set_language("en")
    fsi, pdi = "\u2068", "\u2069"
    assert f"{fsi}She was busy.{pdi}<br>{fsi}Not about me.{pdi}" in html
