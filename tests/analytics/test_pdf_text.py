"""The test helper that reads a PDF's text must not depend on luck: compressed bytes that end in a
carriage return, or that hold "endstream" or "endobj", once cut a stream short (CI of 2026-12-03)."""

from __future__ import annotations

import random
import zlib

from .pdf_text import _objects, pdf_text


def _pdf(content: bytes) -> bytes:
    """A one-page PDF in fpdf2's layout whose page content is `content`, Flate-compressed."""
    objects = [
        b"<<\n/Count 1\n/Kids [3 0 R]\n/Type /Pages\n>>",
        b"<<\n/Type /Catalog\n/Pages 1 0 R\n>>",
        b"<<\n/Type /Page\n/Parent 1 0 R\n/Resources 4 0 R\n/Contents 5 0 R\n>>",
        b"<<\n/Font <<\n/F1 6 0 R\n>>\n>>",
        None,
        b"<<\n/Type /Font\n/BaseFont /Helvetica\n/Subtype /Type1\n>>",
    ]
    packed = zlib.compress(content)
    out = b"%PDF-1.3\n"
    for number, body in enumerate(objects, start=1):
        if body is None:
            body = b"<<\n/Filter /FlateDecode\n/Length %d\n>>\nstream\n%s\nendstream" % (len(packed), packed)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    return out + b"trailer\n<<\n/Root 2 0 R\n>>\n%%EOF\n"


def _content_whose_compression(ends_with: bytes = b"", holds: bytes = b"") -> bytes:
    rng = random.Random(7)
    for _ in range(200_000):
        words = " ".join(rng.choice(["Clearing", "referrals", "1 of 50", "Łódź", "report"]) for _ in range(8))
        content = b"BT /F1 12 Tf (" + words.encode("latin-1", "replace") + b") Tj ET"
        packed = zlib.compress(content)
        if packed.endswith(ends_with) and holds in packed:
            return content
    raise AssertionError("no such content found")


def test_a_stream_whose_compressed_bytes_end_in_a_carriage_return_is_read_whole():
    content = _content_whose_compression(ends_with=b"\r")
    data = _pdf(content)
    assert _objects(data)[5][1] == content
    assert pdf_text(data) == content[content.index(b"(") + 1 : content.index(b")")].decode("latin-1")


def test_a_stream_whose_compressed_bytes_end_in_a_line_feed_is_read_whole():
    content = _content_whose_compression(ends_with=b"\n")
    assert _objects(_pdf(content))[5][1] == content
