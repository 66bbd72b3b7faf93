"""A countdown for timed exercises (no Qt): the editor moves it on from a timer, tests move it directly."""

from __future__ import annotations


class Countdown:
    """``length`` seconds counted down by ``advance``; it stops at zero and remembers the time done."""

    def __init__(self, length: float):
        self.reset(length)

    def reset(self, length: float | None = None) -> None:
        if length is not None:
            self.length = max(1.0, float(length))
        self.elapsed = 0.0

    @property
    def finished(self) -> bool:
        return self.elapsed >= self.length

    @property
    def started(self) -> bool:
        return self.elapsed > 0

    def remaining(self) -> float:
        return max(0.0, self.length - self.elapsed)

    def advance(self, seconds: float) -> bool:
        """Move on by ``seconds`` (never past the end); True when this step reached the end."""
        if self.finished or seconds <= 0:
            return False
        self.elapsed = min(self.length, self.elapsed + seconds)
        return self.finished


def clock(seconds: float) -> str:
    """Whole seconds as minutes:seconds, e.g. 90 -> "1:30" (ASCII digits; the UI localises them)."""
    whole = max(0, int(seconds + 0.999))  # 0.2 s left still shows 0:01, as a kitchen timer does
    return f"{whole // 60}:{whole % 60:02d}"


def marks(length: float) -> list[int]:
    """Seconds left at which the time is said aloud to screen-reader users: each half minute, and 10 s."""
    found = {m for m in range(30, int(length), 30)} | ({10} if length > 20 else set())
    return sorted(found, reverse=True)


def crossed(before: float, after: float, length: float) -> int | None:
    """The mark passed when the time left went from ``before`` down to ``after`` (the lowest, if several)."""
    passed = [m for m in marks(length) if after <= m < before]
    return min(passed) if passed else None
