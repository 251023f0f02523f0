"""Server-rendered SVG charts (the CSP forbids inline scripts; no chart library needed).

Each chart is an accessible image: role="img" with a <title> and a <desc> that says in
words what the chart shows, so screen-reader users get the point without the pixels.
Colours are dark enough for 3:1 contrast against white (WCAG 1.4.11 for graphics).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_ids = itertools.count(1)
INK, MUTED, GRID = "#1b1b1b", "#555555", "#d9d9d9"
SENTIMENT_COLORS = {"positive": "#2e7d32", "neutral": "#5f6368", "negative": "#c62828"}


def _frame(width: int, height: int, title: str, desc: str, body: str) -> SafeString:
    n = next(_ids)
    svg = (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="chart-t{n} chart-d{n}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, sans-serif" font-size="12">'
        f'<title id="chart-t{n}">{escape(title)}</title><desc id="chart-d{n}">{escape(desc)}</desc>{body}</svg>'
    )
    return mark_safe(svg)  # noqa: S308 - every text above is escaped


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000):
        if value <= step * 4:
            return step * 4
    return value * 1.1


def line_chart(
    labels: Sequence[str], series: Sequence[tuple[str, str, Sequence[float]]], *, title: str, unit: str = "mentions"
) -> SafeString:
    """Lines over time. series: (name, colour, values) with one value per label."""
    width, height, left, right, top, bottom = 720, 260, 44, 12, 12, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((max(v) if v else 0) for _, _, v in series) if series else 0
    ymax = _nice_max(peak)
    n = max(1, len(labels) - 1)
    parts = []
    for i in range(5):
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">{ymax * i / 4:g}</text>')
    every = max(1, len(labels) // 8)
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            x = left + plot_w * i / n
            # The first and last labels are anchored inside the frame, so "02 Dec" is never cut off.
            anchor = "start" if i == 0 else "end" if i == len(labels) - 1 else "middle"
            parts.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="{anchor}" fill="{MUTED}">'
                         f"{escape(label)}</text>")
    summary = []
    for name, color, values in series:
        points = " ".join(
            f"{left + plot_w * i / n:.1f},{top + plot_h - plot_h * (v / ymax):.1f}" for i, v in enumerate(values)
        )
        parts.append(f'<polyline fill="none" stroke="{escape(color)}" stroke-width="2.5" points="{points}">'
                     f"<title>{escape(name)}</title></polyline>")
        if values:
            top_i = max(range(len(values)), key=lambda i: values[i])
            summary.append(f"{name}: {int(sum(values))} {unit}, highest {values[top_i]:g} on {labels[top_i]}")
    # legend
    x = left
    for name, color, _ in series:
        parts.append(f'<rect x="{x}" y="{height - 18}" width="12" height="12" fill="{escape(color)}"/>')
        parts.append(f'<text x="{x + 16}" y="{height - 8}" fill="{INK}">{escape(name[:28])}</text>')
        x += 24 + 7 * min(len(name), 28)
    desc = "; ".join(summary) or "No mentions in this period."
    return _frame(width, height, title, desc, "".join(parts))


def bar_chart(items: Sequence[tuple[str, float]], *, title: str, color: str = "#1f5fa8", unit: str = "") -> SafeString:
    """Horizontal bars, largest first (top terms, hashtags, authors)."""
    row, left, width = 24, 190, 720
    height = max(1, len(items)) * row + 8
    peak = max((v for _, v in items), default=0) or 1
    parts = []
    for i, (label, value) in enumerate(items):
        y = 4 + i * row
        w = (width - left - 70) * value / peak
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" fill="{INK}">{escape(label[:30])}</text>')
        parts.append(
            f'<rect x="{left}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row - 8}" fill="{escape(color)}"/>'
        )
        parts.append(f'<text x="{left + w + 6:.1f}" y="{y + 15}" fill="{INK}">{value:g}{escape(unit)}</text>')
    if not items:
        parts.append(f'<text x="8" y="20" fill="{MUTED}">Nothing in this period.</text>')
        height = 30
    desc = ", ".join(f"{label}: {value:g}{unit}" for label, value in items) or "Nothing in this period."
    return _frame(width, height, title, desc, "".join(parts))


def stacked_bar(parts_in: Sequence[tuple[str, float, str]], *, title: str) -> SafeString:
    """One bar split into shares (sentiment split, share of voice), with a legend."""
    width, height = 720, 74
    total = sum(v for _, v, _ in parts_in)
    parts = []
    x = 0.0
    desc = []
    for label, value, color in parts_in:
        share = value / total if total else 0
        w = width * share
        if w > 0:
            parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="30" fill="{escape(color)}">'
                         f"<title>{escape(label)}: {share:.0%}</title></rect>")
            if w > 44:
                parts.append(f'<text x="{x + w / 2:.1f}" y="20" text-anchor="middle" fill="#ffffff" '
                             f'font-weight="600">{share:.0%}</text>')
        x += w
        desc.append(f"{label} {share:.0%} ({value:g})")
    lx = 0
    for label, value, color in parts_in:
        parts.append(f'<rect x="{lx}" y="46" width="12" height="12" fill="{escape(color)}"/>')
        parts.append(f'<text x="{lx + 16}" y="57" fill="{INK}">{escape(label[:24])} ({value:g})</text>')
        lx += 40 + 7 * min(len(label), 24) + 7 * len(f"{value:g}")
    if not total:
        parts = [f'<text x="8" y="20" fill="{MUTED}">Nothing in this period.</text>']
    return _frame(width, height, title, "; ".join(desc) if total else "Nothing in this period.", "".join(parts))
