"""Report PDFs keep every name: a Unicode font instead of the Latin-1 core fonts.

Before, `_latin()` turned everything outside Latin-1 into "?", so "Łódź Uni" came out as
"?ód? Uni" and a title's dash as "?". The PDF is read back through the fonts' ToUnicode maps
(tests/analytics/pdf_text.py), which is what a reader's copy and paste or a screen reader sees.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, date, datetime

import pytest

from townhall.analytics import reports
from townhall.analytics.reports import REPLACEMENT, Report, to_pdf

from .pdf_text import pdf_text

TITLE = "Überblick — Ŧest Ōxford 東京 مرحبا"


def sample(title: str = TITLE) -> Report:
    report = Report(title=title, scope="unit:1", start=date(2026, 11, 1), end=date(2026, 11, 30))
    report.objectives.append(
        {
            "name": "Größere Reichweite – Ωmega",
            "metric": "Clicks",
            "target": 10,
            "total": 4,
            "percent": 40,
            "status": "behind",
        }
    )
    report.posts.append(
        {
            "id": 1,
            "text": "Łódź — open day 👩‍💻 東京大学 Привет",
            "account": "Łódź Uni",
            "published_at": datetime(2026, 11, 3, 9, tzinfo=UTC),
            "likes": 1,
            "reposts": 0,
            "replies": 0,
            "engagement": 1,
            "clicks": 2,
            "bot_clicks": 0,
        }
    )
    report.clicks_by_day = [(date(2026, 11, 3), 2, 0)]
    report.followers.append(("Łódź Uni", date(2026, 11, 1), 10))
    return report


@pytest.fixture(autouse=True)
def no_configured_font(monkeypatch):
    monkeypatch.delenv("TOWNHALL_PDF_FONT", raising=False)


def test_names_outside_latin1_survive_in_the_bundled_font():
    text = pdf_text(to_pdf(sample()))
    assert "Social media report: Überblick — Ŧest Ōxford" in text
    assert "Łódź Uni" in text and "Łódź — open day" in text and "Привет" in text
    assert "Größere Reichweite – Ωmega" in text
    assert "مرحبا" in text or "ابحرم" in text  # logical order, or visual order when HarfBuzz shapes it
    assert "?" not in text  # nothing turned into question marks any more
    # DejaVu has no CJK: one clear replacement mark per run of missing characters, no crash.
    assert f"Ōxford {REPLACEMENT} " in text and "東" not in text


def test_the_bundled_fonts_are_package_data_with_their_licence():
    for path in reports.BUNDLED_FONT.values():
        assert path.is_file() and path.stat().st_size > 100_000
    licence = (reports.FONT_DIR / "LICENSE.txt").read_text()
    assert "Bitstream Vera" in licence and "DejaVu changes are in public domain" in licence


def _tiny_cjk_font(path) -> None:
    """A TrueType font holding only 東 and 京 (squares), built here: the test needs a font that
    covers what DejaVu lacks, and must not depend on the host's fonts or download Noto."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def square():
        pen = TTGlyphPen(None)
        for x, y in ((100, 0), (100, 700), (800, 700), (800, 0)):
            (pen.lineTo if x != 100 or y != 0 else pen.moveTo)((x, y))
        pen.closePath()
        return pen.glyph()

    names = [".notdef", "uni6771", "uni4EAC"]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({0x6771: "uni6771", 0x4EAC: "uni4EAC"})
    fb.setupGlyf({name: square() for name in names})
    fb.setupHorizontalMetrics({name: (1000, 100) for name in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Tiny CJK", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    fb.save(str(path))


def test_a_configured_font_comes_first_and_dejavu_fills_in(tmp_path, monkeypatch):
    font = tmp_path / "TinyCJK-Regular.ttf"
    _tiny_cjk_font(font)
    monkeypatch.setenv("TOWNHALL_PDF_FONT", str(font))
    text = pdf_text(to_pdf(sample()))
    assert "Überblick — Ŧest Ōxford 東京" in text  # Latin from the fallback, CJK from the configured font
    assert "Łódź — open day" in text and "東京" in text.split("open day", 1)[1]


def test_a_wrong_font_setting_is_logged_and_the_report_still_renders(tmp_path, monkeypatch, caplog):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all")
    monkeypatch.setenv("TOWNHALL_PDF_FONT", os.pathsep.join([str(tmp_path / "missing.ttf"), str(broken)]))
    with caplog.at_level(logging.WARNING, logger="townhall.analytics.reports"):
        text = pdf_text(to_pdf(sample()))
    assert "Łódź Uni" in text
    assert "missing.ttf is not a font file" in caplog.text and "could not load" in caplog.text


def test_printable_keeps_covered_text_and_marks_each_missing_run_once():
    covered = frozenset(map(ord, "Łódź Uni-"))
    assert reports.printable("Łódź Uni", covered) == "Łódź Uni"
    assert reports.printable("Uni 東京大学-Uni", covered) == f"Uni {REPLACEMENT}-Uni"
    assert reports.printable("Uni\u200d\ufe0f\n", covered) == "Uni\n"  # invisible format marks dropped


@pytest.mark.django_db
def test_a_unit_report_built_from_the_database_keeps_its_name():
    from townhall.core.models import OrgUnit

    unit = OrgUnit.objects.create(name="Łódź Uni — Überblick", slug="lodz", kind="department")
    report = reports.build(f"unit:{unit.pk}", date(2026, 11, 1), date(2026, 11, 30))
    assert "Social media report: Łódź Uni — Überblick" in pdf_text(to_pdf(report))
