"""Server-rendered SVG charts (the CSP forbids inline scripts; no chart library needed).

Each chart is an accessible image: role="img" with a <title> and a <desc> that says in
words what the chart shows, so screen-reader users get the point without the pixels, followed by
the same figures as a table (in a <details>) for anyone who wants the numbers themselves.
Colours are dark enough for 3:1 contrast against white (WCAG 1.4.11 for graphics). Text, axes and
grid lines carry classes (ct, cm, ca, cg) that app.css recolours in the dark theme, and every mark
has a halo (class ch) in the page's background colour, so a user-chosen dark line stays visible on a
dark page; the fill and stroke attributes remain for an SVG seen without the stylesheet.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_ids = itertools.count(1)
INK, MUTED, GRID = "#1b1b1b", "#555555", "#d9d9d9"
SENTIMENT_COLORS = {"positive": "#2e7d32", "neutral": "#5f6368", "negative": "#c62828"}


def _table(title: str, head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The chart's figures as a table, folded away under a summary: the first column is the row
    header (a day, a term), the others numbers. Scrolls inside its box (keyboard-focusable) if wide."""
    if not rows:
        return ""
    cols = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    body = "".join(
        "<tr>"
        + f'<th scope="row">{escape(r[0])}</th>'
        + "".join(f"<td>{escape(_num(c))}</td>" for c in r[1:])
        + "</tr>"
        for r in rows
    )
    return (
        f'<details class="chart-table"><summary>The figures as a table</summary>'
        f'<div class="table-wrap" role="region" tabindex="0" aria-label="{escape(title)}: the figures">'
        f'<table><caption class="visually-hidden">{escape(title)}</caption><thead><tr>{cols}</tr></thead>'
        f"<tbody>{body}</tbody></table></div></details>"
    )


def _num(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _frame(width: int, height: int, title: str, desc: str, body: str, table: str = "") -> SafeString:
    """The SVG with its title and description, in a box that scrolls sideways on a phone (app.css gives
    wide charts a minimum width there, so their 12-unit text is not shrunk to 4 px), then its table."""
    n = next(_ids)
    svg = (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="chart-t{n} chart-d{n}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, sans-serif" font-size="12">'
        f'<title id="chart-t{n}">{escape(title)}</title><desc id="chart-d{n}">{escape(desc)}</desc>{body}</svg>'
    )
    wide = " wide" if width > 500 else ""
    box = f'<div class="chart-scroll{wide}" role="region" tabindex="0" aria-label="{escape(title)}: chart">{svg}</div>'
    return mark_safe(box + table)  # noqa: S308 - every text above is escaped


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000):
        if value <= step * 4:
            return step * 4
    return value * 1.1


def line_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[float]]],
    *,
    title: str,
    unit: str = "mentions",
    table: bool = True,
) -> SafeString:
    """Lines over time with a y axis (0 to a round maximum, named by unit), an x axis of day labels,
    a legend, and (unless table=False) the figures as a table. series: (name, colour, values) with
    one value per label."""
    width, height, left, right, top, bottom = 720, 270, 60, 12, 12, 58
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((max(v) if v else 0) for _, _, v in series) if series else 0
    ymax = _nice_max(peak)
    n = max(1, len(labels) - 1)
    base = top + plot_h
    parts = []
    for i in range(5):
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line class="cg" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(
            f'<text class="cm" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">{ymax * i / 4:g}</text>'
        )
    # the axes themselves, and the y axis named by what it counts
    parts.append(f'<line class="ca" x1="{left}" x2="{left}" y1="{top}" y2="{base}" stroke="{INK}"/>')
    parts.append(f'<line class="ca" x1="{left}" x2="{width - right}" y1="{base}" y2="{base}" stroke="{INK}"/>')
    mid = top + plot_h / 2
    parts.append(
        f'<text class="cm" x="14" y="{mid:.1f}" transform="rotate(-90 14 {mid:.1f})" text-anchor="middle" '
        f'fill="{MUTED}">{escape(unit.capitalize())}</text>'
    )
    every = max(1, -(-len(labels) // 8))
    for i, label in enumerate(labels):
        last = i == len(labels) - 1
        # every few days, and the last day, but never one so close before the last that they overlap
        if (i % every == 0 and len(labels) - 1 - i >= every) or last:
            x = left + plot_w * i / n
            # The first and last labels are anchored inside the frame, so "02 Dec" is never cut off.
            anchor = "start" if i == 0 else "end" if last else "middle"
            parts.append(f'<line class="ca" x1="{x:.1f}" x2="{x:.1f}" y1="{base}" y2="{base + 4}" stroke="{INK}"/>')
            parts.append(
                f'<text class="cm" x="{x:.1f}" y="{base + 17}" text-anchor="{anchor}" fill="{MUTED}">'
                f"{escape(label)}</text>"
            )
    summary = []
    for name, color, values in series:
        points = " ".join(
            f"{left + plot_w * i / n:.1f},{top + plot_h - plot_h * (v / ymax):.1f}" for i, v in enumerate(values)
        )
        parts.append(f'<polyline class="ch" fill="none" stroke="#ffffff" stroke-width="4" points="{points}"/>')
        parts.append(
            f'<polyline fill="none" stroke="{escape(color)}" stroke-width="2.5" points="{points}">'
            f"<title>{escape(name)}</title></polyline>"
        )
        if values:
            top_i = max(range(len(values)), key=lambda i: values[i])
            summary.append(f"{name}: {int(sum(values))} {unit}, highest {values[top_i]:g} on {labels[top_i]}")
    # legend
    x = left
    for name, color, _ in series:
        parts.append(
            f'<rect class="ch" x="{x}" y="{height - 18}" width="12" height="12" fill="{escape(color)}" '
            f'stroke="#ffffff"/>'
        )
        parts.append(f'<text class="ct" x="{x + 16}" y="{height - 8}" fill="{INK}">{escape(name[:28])}</text>')
        x += 24 + 7 * min(len(name), 28)
    desc = "; ".join(summary) or "No mentions in this period."
    rows = [
        [label, *(values[i] if i < len(values) else "" for _, _, values in series)] for i, label in enumerate(labels)
    ]
    figures = _table(title, ["Day", *(name for name, _, _ in series)], rows) if table and series else ""
    return _frame(width, height, title, desc, "".join(parts), figures)


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    color: str = "#1f5fa8",
    unit: str = "",
    label: str = "Name",
    value_label: str = "Count",
) -> SafeString:
    """Horizontal bars, largest first (top terms, hashtags, authors), each named on the left and its
    value at its end; a zero line is the axis the bars grow from. The table repeats the figures."""
    row, left, width = 24, 190, 720
    height = max(1, len(items)) * row + 8
    peak = max((v for _, v in items), default=0) or 1
    parts = []
    for i, (name, value) in enumerate(items):
        y = 4 + i * row
        w = (width - left - 70) * value / peak
        parts.append(
            f'<text class="ct" x="{left - 8}" y="{y + 15}" text-anchor="end" fill="{INK}">{escape(name[:30])}</text>'
        )
        parts.append(
            f'<rect class="ch" x="{left}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row - 8}" '
            f'fill="{escape(color)}" stroke="#ffffff"/>'
        )
        parts.append(
            f'<text class="ct" x="{left + w + 6:.1f}" y="{y + 15}" fill="{INK}">{value:g}{escape(unit)}</text>'
        )
    if items:
        parts.append(f'<line class="ca" x1="{left}" x2="{left}" y1="2" y2="{height - 2}" stroke="{INK}"/>')
    else:
        parts.append(f'<text class="cm" x="8" y="20" fill="{MUTED}">Nothing in this period.</text>')
        height = 30
    desc = ", ".join(f"{name}: {value:g}{unit}" for name, value in items) or "Nothing in this period."
    figures = _table(title, [label, value_label], [(name, value) for name, value in items])
    return _frame(width, height, title, desc, "".join(parts), figures)


def stacked_bar(parts_in: Sequence[tuple[str, float, str]], *, title: str) -> SafeString:
    """One bar split into shares (sentiment split, share of voice), with a legend; the table gives
    each share's count and percentage. Narrower than the other charts (it sits in half a row), so its
    text stays readable when the picture is scaled to its box; the legend wraps onto more rows."""
    width = 400
    total = sum(v for _, v, _ in parts_in)
    parts = []
    x = 0.0
    desc = []
    for label, value, color in parts_in:
        share = value / total if total else 0
        w = width * share
        if w > 0:
            parts.append(
                f'<rect class="ch" x="{x:.1f}" y="0" width="{w:.1f}" height="30" fill="{escape(color)}" '
                f'stroke="#ffffff"><title>{escape(label)}: {share:.0%}</title></rect>'
            )
            if w > 36:
                parts.append(
                    f'<text x="{x + w / 2:.1f}" y="20" text-anchor="middle" fill="#ffffff" '
                    f'font-weight="600">{share:.0%}</text>'
                )
        x += w
        desc.append(f"{label} {share:.0%} ({value:g})")
    lx, ly = 0, 46
    for label, value, color in parts_in:
        item = 40 + 7 * min(len(label), 24) + 7 * len(f"{value:g}")
        if lx and lx + item > width:
            lx, ly = 0, ly + 20
        parts.append(
            f'<rect class="ch" x="{lx}" y="{ly}" width="12" height="12" fill="{escape(color)}" stroke="#ffffff"/>'
        )
        parts.append(
            f'<text class="ct" x="{lx + 16}" y="{ly + 11}" fill="{INK}">{escape(label[:24])} ({value:g})</text>'
        )
        lx += item
    height = ly + 16
    if not total:
        parts = [f'<text class="cm" x="8" y="20" fill="{MUTED}">Nothing in this period.</text>']
    figures = (
        _table(
            title, ["Part", "Count", "Share"], [(label, value, f"{value / total:.0%}") for label, value, _ in parts_in]
        )
        if total
        else ""
    )
    return _frame(
        width, height, title, "; ".join(desc) if total else "Nothing in this period.", "".join(parts), figures
    )
