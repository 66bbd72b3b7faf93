"""Plain words for a result: what the band means, never a diagnosis."""

from __future__ import annotations

from app.i18n import N_, _

_DEPRESSION = {
    "minimal": N_("Your answers suggest few or no signs of depression over the last two weeks."),
    "mild": N_("Your answers suggest mild symptoms of depression. Many people find the skills in this "
               "program helpful at this level."),
    "moderate": N_("Your answers suggest moderate symptoms of depression. The program can help, and it is "
                   "also worth telling your doctor or clinician how you feel."),
    "moderately_severe": N_("Your answers suggest moderately severe symptoms of depression. Please talk to "
                            "your doctor or a mental health professional about how you are feeling. You can use "
                            "the program alongside their help."),
    "severe": N_("Your answers suggest severe symptoms of depression. Please talk to your doctor or a mental "
                 "health professional soon. You do not have to manage this on your own."),
}
_ANXIETY = {
    "minimal": N_("Your answers suggest few or no signs of anxiety over the last two weeks."),
    "mild": N_("Your answers suggest mild anxiety. The skills in this program can help at this level."),
    "moderate": N_("Your answers suggest moderate anxiety. The program can help, and it is also worth telling "
                   "your doctor or clinician how you feel."),
    "severe": N_("Your answers suggest severe anxiety. Please talk to your doctor or a mental health "
                 "professional soon. You do not have to manage this on your own."),
}
_FUNCTIONING = {
    "subclinical": N_("Your problems are affecting your daily life only a little at the moment."),
    "significant_impairment": N_("Your problems are making daily life noticeably harder."),
    "moderately_severe_or_worse": N_("Your problems are making daily life much harder, in several areas."),
}
_PANIC = {
    "no_panic_syndrome": N_("Your answers do not meet the questionnaire's criteria for panic attacks over the last four "
                            "weeks."),
    "panic_syndrome": N_("Your answers meet the questionnaire's criteria for panic attacks over the last four weeks. "
                         "Panic attacks are frightening but not dangerous, and they respond well to the skills in this "
                         "program. It is also worth telling your doctor or clinician."),
}
_BY_MEASURE = {"phq-panic": _PANIC, "phq9": _DEPRESSION, "phq8": _DEPRESSION, "gad7": _ANXIETY, "wsas": _FUNCTIONING}

NOT_A_DIAGNOSIS = N_("A questionnaire is not a diagnosis. It helps you, and your clinician if you have one, "
                     "see how things change from week to week.")
SEE_A_PROFESSIONAL = N_("Self-help programs are meant for mild to moderate problems. With a score like this, "
                        "please talk to a professional as well: your doctor, your clinician, or a crisis line.")


def band_text(measure_id: str, band: str | None) -> str:
    text = _BY_MEASURE.get(measure_id, {}).get(band or "")
    return _(text) if text else ""


def screen_text(positive: bool) -> str:
    return (_("Your answers suggest it would be worth answering the longer questionnaire, or talking to "
              "a professional about how you feel.") if positive
            else _("Your answers do not suggest a problem in this area at the moment."))


def recommend_professional(measure_id: str, total: float | None) -> bool:
    """PHQ-9 of 20 or more: recommend (never require) talking to a professional."""
    return measure_id == "phq9" and total is not None and total >= 20


def change_text(change: str | None, first_total: str, first_date: str) -> str:
    """Plain words for reliable change against the first score (numbers already formatted)."""
    from app.measures.engine import DETERIORATION, IMPROVEMENT

    if change == IMPROVEMENT:
        return _("Compared with your first score ({total} on {date}), this is a reliable improvement: a change "
                 "bigger than the ups and downs a questionnaire shows by chance.").format(total=first_total,
                                                                                        date=first_date)
    if change == DETERIORATION:
        return _("Compared with your first score ({total} on {date}), your score is higher by more than chance "
                 "ups and downs would explain: things are harder now. Setbacks happen and are not your fault; it "
                 "is a good moment to tell your doctor or clinician how you feel.").format(total=first_total,
                                                                                           date=first_date)
    return _("Compared with your first score ({total} on {date}), the change is within the ups and downs a "
             "questionnaire shows by chance.").format(total=first_total, date=first_date)
