"""Charts of counts over time, one series per source, drawn with matplotlib (the web extra)."""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from archive.errors import InvalidOption, MissingExtra
from archive.search.stats import TOTAL_SERIES, Period, PeriodCount, periods_between

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PLOT_FORMATS = ("png", "svg")
MAX_SERIES = 8
"""Sources drawn as series of their own, the largest first; the others are summed into one."""
MAX_BARS = 40
"""Charts of at most this many periods draw stacked bars; longer ones draw lines."""
BAR_DAYS = {"day": 0.8, "week": 6.0, "month": 26.0, "year": 330.0}
"""How wide a bar is, in days."""
INSTALL_WEB = "pip install 'news-archive[web]'"
"""The command that installs the optional web front end and charts."""


def period_start(period: str, by: Period) -> dt.date:
    """The first day of a period label: 2024-W26 is 2024-06-24, 2024-06 is 2024-06-01."""
    if by == "week":
        return dt.date.fromisocalendar(int(period[:4]), int(period[6:]), 1)
    return dt.date.fromisoformat((period + "-01-01")[:10] if by != "day" else period)


def series_of(rows: Sequence[PeriodCount], by: Period) -> tuple[list[str], dict[str, list[int]]]:
    """Every period of the chart, and the articles of each line in each of them.

    The largest sources have lines of their own, named by their domain
    (``unknown`` for articles whose source is not known); the rest are summed.
    """
    if not rows:
        return [], {}
    periods = periods_between(min(row.period for row in rows), max(row.period for row in rows), by)
    position = {period: index for index, period in enumerate(periods)}
    by_source: dict[str, list[int]] = defaultdict(lambda: [0] * len(periods))
    for row in rows:
        by_source["unknown" if row.source is None else row.source][position[row.period]] += (
            row.articles
        )
    names = sorted(by_source, key=lambda name: (-sum(by_source[name]), name))
    kept = names if len(names) <= MAX_SERIES else names[: MAX_SERIES - 1]
    series = {name: by_source[name] for name in kept}
    others = names[len(kept) :]
    if others:
        series[f"{len(others)} other sources"] = [
            sum(by_source[name][index] for name in others) for index in range(len(periods))
        ]
    return periods, series


def draw_counts(rows: Sequence[PeriodCount], by: Period) -> Figure:
    """A chart of articles per period: stacked bars for a few periods, lines for many."""
    try:
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        raise MissingExtra(f"charts need matplotlib - install it with: {INSTALL_WEB}") from None
    figure = Figure(figsize=(10, 4.5), layout="constrained")
    axes = figure.add_subplot()
    periods, series = series_of(rows, by)
    days = [period_start(period, by) for period in periods]
    if len(periods) <= MAX_BARS:
        below = [0] * len(periods)
        for name, articles in series.items():
            axes.bar(days, articles, width=BAR_DAYS[by], bottom=below, label=name, align="edge")  # type: ignore[arg-type]
            below = [low + count for low, count in zip(below, articles, strict=True)]
    else:
        for name, articles in series.items():
            axes.plot(days, articles, label=name, linewidth=1.2)  # type: ignore[arg-type]
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.set_ylabel(f"articles per {by}")
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(True, axis="y", alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    if list(series) != [TOTAL_SERIES]:
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return figure


def plot_counts(rows: Sequence[PeriodCount], by: Period, output_format: str) -> bytes:
    """The chart of :func:`draw_counts` as a PNG or SVG file's bytes."""
    if output_format not in PLOT_FORMATS:
        raise InvalidOption(f"cannot draw a chart as {output_format!r}; use .png or .svg")
    buffer = io.BytesIO()
    # No dates in the file: the same counts make the same bytes.
    stamp = {"svg": {"Date": None}, "png": {"Software": None}}[output_format]
    figure = draw_counts(rows, by)
    from matplotlib import rc_context

    # Text as text in SVG: smaller, searchable, read out by screen readers; fixed ids.
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "archive"}):
        figure.savefig(buffer, format=output_format, dpi=120, metadata=stamp)
    return buffer.getvalue()
