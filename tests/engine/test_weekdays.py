"""Recurring days of the week: ranges, plurals, weekdays, weekends, every day."""

import pytest

from veracity.engine.weekdays import extract_days


@pytest.mark.parametrize(("text", "read"), [
    ("Support is available Monday to Friday, 9am to 5pm CET.", [("Monday to Friday", {0, 1, 2, 3, 4})]),
    ("Open Mon–Fri and on Saturdays.", [("Mon–Fri", {0, 1, 2, 3, 4}), ("Saturdays", {5})]),
    ("Hours: Thurs. through Sat.", [("Thurs. through Sat.", {3, 4, 5})]),
    ("Hours: Fri-Mon", [("Fri-Mon", {4, 5, 6, 0})]),  # across the week's end
    ("We deliver every Sunday and at weekends.", [("every Sunday", {6}), ("weekends", {5, 6})]),
    ("Bins are emptied every Tuesday and Thursday, or on Mondays.",
     [("every Tuesday and Thursday", {1, 3}), ("Mondays", {0})]),
    ("Open on weekdays.", [("weekdays", {0, 1, 2, 3, 4})]),
    ("Open seven days a week; the line runs 24/7.", [("seven days a week", set(range(7))), ("24/7", set(range(7)))]),
    # an occasion, not days that recur (a day, a weekend); a verb that is no day
    ("He arrived on Monday, 3 June.", []),
    ("The cat sat to Monday's dinner.", []),
    ("This weekend was quiet.", []),
    ("Chelsea lost at the weekend; he was found over the weekend.", []),
])
def test_recurring_days_are_read(text: str, read: list[tuple[str, set[int]]]) -> None:
    assert [(d.text, set(d.days)) for d in extract_days(text)] == read
    assert all(text[d.span[0]:d.span[1]] == d.text for d in extract_days(text))
