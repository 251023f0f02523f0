"""Reports per account, unit or campaign for a period: objectives against target, posts and
their engagement, clicks by post, top posts, followers and inbox response times.

One builder (`build`) feeds the web page, the PDF (fpdf2: pure Python, no system libraries, so
the worker can render it anywhere; WeasyPrint would need Pango and friends on every host) and
the CSV. Charts are SVG with labelled axes, always next to a table with the same numbers.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import os
import statistics
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.db.models import Q

from townhall.analytics import selectors
from townhall.analytics.models import Campaign, FollowerCount, Objective
from townhall.core import csvsafe
from townhall.core.models import OrgUnit
from townhall.registry.models import Account

logger = logging.getLogger(__name__)


@dataclass
class Report:
    title: str
    scope: str  # account:ID, unit:ID, campaign:ID
    start: date
    end: date
    objectives: list[dict[str, Any]] = field(default_factory=list)
    posts: list[dict[str, Any]] = field(default_factory=list)
    clicks_by_day: list[tuple[date, int, int]] = field(default_factory=list)
    followers: list[tuple[str, date, int]] = field(default_factory=list)
    inbox: dict[str, Any] = field(default_factory=dict)

    @property
    def top_posts(self) -> list[dict[str, Any]]:
        return sorted(self.posts, key=lambda p: (p["clicks"] + p["engagement"], p["clicks"]), reverse=True)[:5]

    @property
    def clicks(self) -> int:
        return sum(c for _, c, _ in self.clicks_by_day)

    @property
    def bot_clicks(self) -> int:
        return sum(b for _, _, b in self.clicks_by_day)


def month_bounds(month: date) -> tuple[date, date]:
    start = month.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return start, end


def resolve_scope(scope: str) -> tuple[str, Any]:
    """("account"|"unit"|"campaign", the object) for "kind:id"; ValueError in words if unknown."""
    kind, _, raw = scope.partition(":")
    model = {"account": Account, "unit": OrgUnit, "campaign": Campaign}.get(kind)
    if model is None or not raw.isdigit():
        raise ValueError("Choose an account, a unit or a campaign to report on.")
    obj = model.objects.filter(pk=int(raw)).first()
    if obj is None:
        raise ValueError("That account, unit or campaign does not exist.")
    return kind, obj


def build(scope: str, start: date, end: date) -> Report:
    from townhall.inbox.models import Conversation
    from townhall.links.models import ClickCount
    from townhall.publishing.models import Delivery

    kind, obj = resolve_scope(scope)
    report = Report(title=str(obj), scope=scope, start=start, end=end)
    if kind == "account":
        objectives = Objective.objects.filter(account=obj)
        deliveries = Delivery.objects.filter(account=obj)
        links = Q(link__account=obj)
        accounts = [obj]
    elif kind == "unit":
        units = [u.pk for u in OrgUnit.objects.all() if obj in u.lineage()]
        objectives = Objective.objects.filter(org_unit_id__in=units)
        deliveries = Delivery.objects.filter(account__org_unit_id__in=units)
        links = Q(link__org_unit_id__in=units)
        accounts = list(Account.objects.filter(org_unit_id__in=units).exclude(status="archived"))
    else:
        objectives = Objective.objects.filter(campaign=obj)
        deliveries = Delivery.objects.filter(Q(post__campaigns=obj) | Q(post__links__campaign=obj)).distinct()
        links = Q(link__campaign=obj)
        accounts = list(Account.objects.filter(deliveries__in=deliveries).distinct())
    for o in objectives.filter(period_start__lte=end, period_end__gte=start):
        p = selectors.progress(o, today=min(end, date.today()))
        report.objectives.append(
            {
                "name": o.name,
                "metric": o.get_metric_display(),
                "target": o.target,
                "total": p.total,
                "percent": p.percent,
                "status": p.status,
            }
        )
    published = deliveries.filter(status="published", published_at__date__gte=start, published_at__date__lte=end)
    from townhall.links.selectors import clicks_by_post

    by_post = clicks_by_post(links, start, end)
    for d in published.select_related("post", "account").order_by("published_at"):
        m = d.metrics or {}
        engagement = sum(int(m.get(k) or 0) for k in ("likes", "reposts", "replies", "quotes"))
        people, bots = by_post.get(d.post_id, (0, 0))
        report.posts.append(
            {
                "id": d.post_id,
                "text": d.post.text,
                "account": str(d.account),
                "published_at": d.published_at,
                "likes": int(m.get("likes") or 0),
                "reposts": int(m.get("reposts") or 0),
                "replies": int(m.get("replies") or 0),
                "engagement": engagement,
                "clicks": people,
                "bot_clicks": bots,
            }
        )
    days: dict[date, list[int]] = {}
    qs = ClickCount.objects.filter(links, day__gte=start, day__lte=end)
    for day, bot, n in qs.values_list("day", "bot", "n"):
        cell = days.setdefault(day, [0, 0])
        cell[1 if bot else 0] += n
    report.clicks_by_day = [(d, c[0], c[1]) for d, c in sorted(days.items())]
    for fc in (
        FollowerCount.objects.filter(account__in=accounts, day__gte=start, day__lte=end)
        .select_related("account")
        .order_by("account__handle", "day")
    ):
        report.followers.append((str(fc.account), fc.day, fc.followers))
    conv = Conversation.objects.filter(account__in=accounts, received_at__date__gte=start, received_at__date__lte=end)
    hours = [
        (c.first_response_at - c.received_at).total_seconds() / 3600
        for c in conv.filter(first_response_at__isnull=False).only("first_response_at", "received_at")
    ]
    report.inbox = {
        "conversations": conv.count(),
        "answered": len(hours),
        "median_hours": round(statistics.median(hours), 1) if hours else None,
    }
    return report


# --- chart ----------------------------------------------------------------------------------------


def bar_chart(
    points: list[tuple[date, int]],
    start: date,
    end: date,
    *,
    width: int = 640,
    height: int = 220,
    label: str = "Clicks by people per day",
) -> dict[str, Any]:
    """Geometry for an SVG bar chart with a labelled y axis (0, half, max) and x axis (first, middle,
    last day). The template draws it; the table beside it carries the same numbers."""
    left, bottom, top, right = 44, 30, 12, 8
    plot_w, plot_h = width - left - right, height - top - bottom
    days = (end - start).days + 1
    peak = max([v for _, v in points] + [1])
    nice = max(1, int(peak if peak < 10 else round(peak + 4, -1)))
    slot = plot_w / days
    bars = []
    for day, value in points:
        h = value / nice * plot_h
        x = left + (day - start).days * slot
        bars.append(
            {
                "x": round(x + slot * 0.15, 1),
                "y": round(top + plot_h - h, 1),
                "w": round(max(slot * 0.7, 1), 1),
                "h": round(h, 1),
                "title": f"{day:%d %b}: {value}",
            }
        )
    yticks = [{"y": round(top + plot_h - v / nice * plot_h, 1), "label": str(v)} for v in sorted({0, nice // 2, nice})]
    mid = start + timedelta(days=days // 2)
    xticks = [
        {"x": round(left + (d - start).days * slot + slot / 2, 1), "label": f"{d:%d %b}"} for d in (start, mid, end)
    ]
    return {
        "width": width,
        "height": height,
        "left": left,
        "top": top,
        "bottom": top + plot_h,
        "right": left + plot_w,
        "bars": bars,
        "yticks": yticks,
        "xticks": xticks,
        "label": label,
        "ylabel_y": top + plot_h / 2,
    }


# --- CSV and PDF ----------------------------------------------------------------------------------


def to_csv(report: Report) -> str:
    out = io.StringIO()
    w = csvsafe.Writer(out)
    w.writerow(["report", report.title, report.start.isoformat(), report.end.isoformat()])
    w.writerow([])
    w.writerow(["objective", "measured by", "target", "total", "percent", "status"])
    for o in report.objectives:
        w.writerow([o["name"], o["metric"], o["target"], o["total"], o["percent"], o["status"]])
    w.writerow([])
    w.writerow(["post", "account", "published", "likes", "reposts", "replies", "clicks by people", "link previews"])
    for p in report.posts:
        w.writerow(
            [
                p["text"][:200],
                p["account"],
                p["published_at"].date().isoformat(),
                p["likes"],
                p["reposts"],
                p["replies"],
                p["clicks"],
                p["bot_clicks"],
            ]
        )
    w.writerow([])
    w.writerow(["day", "clicks by people", "link previews and bots"])
    for day, people, bots in report.clicks_by_day:
        w.writerow([day.isoformat(), people, bots])
    w.writerow([])
    w.writerow(["account", "day", "followers"])
    for account, day, n in report.followers:
        w.writerow([account, day.isoformat(), n])
    return out.getvalue()


# Fonts: the PDF core fonts (Helvetica) speak Latin-1 only, so "Łódź Uni" or "Überblick — Ōxford"
# used to print as "?". DejaVu Sans (regular and bold, in fonts/, licence beside it) is bundled so
# nothing depends on what the host has installed; TOWNHALL_PDF_FONT names one or more further
# TrueType/OpenType files (os.pathsep between them, e.g. Noto Sans CJK or Noto Naskh Arabic) that
# come first, with DejaVu as the fallback for whatever they lack.
FONT_DIR = Path(__file__).with_name("fonts")
BUNDLED_FONT = {"": FONT_DIR / "DejaVuSans.ttf", "B": FONT_DIR / "DejaVuSans-Bold.ttf"}
REPLACEMENT = "\ufffd"  # shown, once per run, for characters no font has (a clear mark, never a crash)
_KEEP = frozenset("\n\r\t ")


def configured_fonts() -> list[Path]:
    """The font files TOWNHALL_PDF_FONT names that exist; a missing one is logged and skipped, so a
    typo in the setting costs the institution its preferred font, never its report."""
    found = []
    for raw in os.environ.get("TOWNHALL_PDF_FONT", "").split(os.pathsep):
        if not raw.strip():
            continue
        path = Path(raw.strip()).expanduser()
        if path.is_file():
            found.append(path)
        else:
            logger.warning("TOWNHALL_PDF_FONT: %s is not a font file; report PDFs use the bundled font.", path)
    return found


def _bold_of(path: Path) -> Path:
    """The bold face beside a configured font (NotoSans-Regular.ttf -> NotoSans-Bold.ttf), or the
    font itself when there is none (headings then differ by size only)."""
    for regular, bold in (("-Regular", "-Bold"), ("Regular", "Bold")):
        if regular in path.name:
            candidate = path.with_name(path.name.replace(regular, bold))
            if candidate.is_file():
                return candidate
    return path


def setup_fonts(pdf: Any) -> tuple[str, frozenset[int]]:
    """Register the configured fonts and the bundled one on `pdf`; returns the family to write in
    and every code point some registered font can draw. The rest are fallbacks (fpdf2 picks, per
    character, the first font that has it). A configured file that fpdf2 cannot read is skipped."""
    families: list[str] = []
    for n, path in enumerate(configured_fonts()):
        family = f"townhall-extra-{n}"
        try:
            pdf.add_font(family, "", path)
            pdf.add_font(family, "B", _bold_of(path))
        except Exception:  # a broken or unsupported file: say so, carry on with the others
            logger.warning("TOWNHALL_PDF_FONT: could not load %s; report PDFs skip it.", path, exc_info=True)
            for key in (family, family + "B"):
                pdf.fonts.pop(key, None)
            continue
        families.append(family)
    pdf.add_font("townhall-sans", "", BUNDLED_FONT[""])
    pdf.add_font("townhall-sans", "B", BUNDLED_FONT["B"])
    families.append("townhall-sans")
    pdf.set_fallback_fonts(families, exact_match=False)
    if importlib.util.find_spec("uharfbuzz") is not None:
        # With HarfBuzz (optional; not a dependency) Arabic joins and runs right to left.
        pdf.set_text_shaping(True)
    covered: set[int] = set()
    for font in pdf.fonts.values():
        covered.update(getattr(font, "cmap", {}))
    return families[0], frozenset(covered)


def printable(text: str, covered: frozenset[int]) -> str:
    """`text` with each run of characters no registered font can draw replaced by one U+FFFD;
    invisible format characters (joiners, variation selectors) the fonts lack are dropped."""
    out: list[str] = []
    for ch in text:
        if ord(ch) in covered or ch in _KEEP:
            out.append(ch)
        elif unicodedata.category(ch) in ("Cf", "Mn", "Cc") and ch not in _KEEP:
            continue
        elif not out or out[-1] != REPLACEMENT:
            out.append(REPLACEMENT)
    return "".join(out)


def to_pdf(report: Report) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    family, covered = setup_fonts(pdf)

    def drawable(text: str) -> str:  # every string from the database goes through it
        return printable(text, covered)

    pdf.set_title(f"Social media report: {report.title}")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.multi_cell(0, 8, drawable(f"Social media report: {report.title}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    pdf.cell(0, 6, f"{report.start:%d %B %Y} to {report.end:%d %B %Y}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    def heading(text: str) -> None:
        pdf.ln(3)
        pdf.set_font(family, "B", 12)
        pdf.cell(0, 7, drawable(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 9)

    def table(head: list[str], rows: list[list[str]], widths: list[int]) -> None:
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=5) as t:
            r = t.row()
            for h in head:
                r.cell(drawable(h))
            for row in rows:
                r = t.row()
                for cell in row:
                    r.cell(drawable(str(cell)))

    heading("Objectives against target")
    if report.objectives:
        table(
            ["Objective", "Measured by", "Target", "So far", "Status"],
            [
                [o["name"], o["metric"], o["target"], f"{o['total']} ({o['percent']}%)", o["status"]]
                for o in report.objectives
            ],
            [50, 45, 20, 30, 25],
        )
    else:
        pdf.cell(0, 6, "No objectives in this period.", new_x="LMARGIN", new_y="NEXT")
    heading(f"Tracked links: {report.clicks} clicks by people, {report.bot_clicks} link previews and bots")
    if report.clicks_by_day:
        _pdf_bars(pdf, report, family)
    heading("Posts published")
    if report.posts:
        table(
            ["Post", "Account", "Published", "Likes", "Reposts", "Replies", "Clicks"],
            [
                [
                    p["text"][:90],
                    p["account"],
                    f"{p['published_at']:%d %b}",
                    p["likes"],
                    p["reposts"],
                    p["replies"],
                    p["clicks"],
                ]
                for p in report.posts
            ],
            [56, 36, 18, 13, 17, 16, 14],
        )
        heading("Top posts (engagement plus clicks)")
        table(
            ["Post", "Engagement", "Clicks"],
            [[p["text"][:110], p["engagement"], p["clicks"]] for p in report.top_posts],
            [130, 30, 20],
        )
    else:
        pdf.cell(0, 6, "No posts published in this period.", new_x="LMARGIN", new_y="NEXT")
    heading("Followers")
    if report.followers:
        last: dict[str, int] = {}
        first: dict[str, int] = {}
        for account, _day, n in report.followers:
            first.setdefault(account, n)
            last[account] = n
        table(
            ["Account", "At the start", "At the end", "Change"],
            [[a, first[a], last[a], f"{last[a] - first[a]:+d}"] for a in last],
            [80, 35, 35, 30],
        )
    else:
        pdf.cell(0, 6, "No follower counts fetched in this period.", new_x="LMARGIN", new_y="NEXT")
    heading("Inbox")
    inbox = report.inbox
    median = f"{inbox['median_hours']} hours" if inbox.get("median_hours") is not None else "no answers yet"
    pdf.multi_cell(
        0,
        5,
        drawable(
            f"{inbox.get('conversations', 0)} conversations needing an answer, "
            f"{inbox.get('answered', 0)} answered; median first response: {median}."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())


def _pdf_bars(pdf, report: Report, family: str) -> None:
    """Clicks by people per day as bars with a labelled axis (the table in the CSV has the numbers)."""
    x0, y0, w, h = pdf.l_margin + 12, pdf.get_y() + 4, 160, 40
    days = (report.end - report.start).days + 1
    peak = max([c for _, c, _ in report.clicks_by_day] + [1])
    pdf.set_draw_color(60, 60, 60)
    pdf.line(x0, y0 + h, x0 + w, y0 + h)
    pdf.line(x0, y0, x0, y0 + h)
    pdf.set_font(family, "", 7)
    for value in (0, peak):
        pdf.text(x0 - 10, y0 + h - value / peak * h + 1, str(value))
    pdf.set_fill_color(18, 63, 109)
    slot = w / days
    for day, people, _ in report.clicks_by_day:
        bh = people / peak * h
        pdf.rect(x0 + (day - report.start).days * slot + slot * 0.15, y0 + h - bh, max(slot * 0.7, 0.5), bh, style="F")
    pdf.text(x0, y0 + h + 4, f"{report.start:%d %b}")
    pdf.text(x0 + w - 12, y0 + h + 4, f"{report.end:%d %b}")
    pdf.text(x0 + w / 2 - 20, y0 + h + 8, "Day; bars: clicks by people")
    pdf.set_y(y0 + h + 10)
    pdf.set_font(family, "", 9)
