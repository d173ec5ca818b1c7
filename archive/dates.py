"""Dates known to the day, the month or only the year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from archive.errors import InvalidDate

Precision = Literal["day", "month", "year"]

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

PLACEHOLDER_DATE = dt.date(1970, 1, 1)
"""The date some crawlers write when they have none."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date and how much of it is known.

    ``start`` is the first day of the period, so that plain comparisons of
    ``start.isoformat()`` strings order partial dates among full ones.
    """

    start: dt.date
    precision: Precision

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        if self.precision == "day":
            return self.start
        if self.precision == "month":
            last = calendar.monthrange(self.start.year, self.start.month)[1]
            return self.start.replace(day=last)
        return self.start.replace(month=12, day=31)

    @property
    def iso(self) -> str:
        """The first day of the period as YYYY-MM-DD."""
        return self.start.isoformat()

    def __str__(self) -> str:
        return format_partial_date(self.iso, self.precision)


def parse_partial_date(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into a :class:`PartialDate`.

    Raises :class:`InvalidDate` for anything else, including dates that are
    not on the calendar such as ``2024-02-30`` or ``2024-13``.
    """
    match = _PARTIAL_DATE.fullmatch(text.strip())
    if match is None:
        raise InvalidDate(f"{text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    precision: Precision = "day" if day else "month" if month else "year"
    try:
        start = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise InvalidDate(f"{text.strip()} is not a calendar date") from None
    return PartialDate(start, precision)


def format_partial_date(iso: str, precision: str) -> str:
    """Show a stored date back the way it was written: 2023-11 for a month."""
    if precision == "year":
        return iso[:4]
    if precision == "month":
        return iso[:7]
    return iso
