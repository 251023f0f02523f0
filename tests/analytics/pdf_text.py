"""The text a PDF from fpdf2 draws, read back through each font's ToUnicode map.

With an embedded TrueType font fpdf2 writes glyph codes, not letters, so the words cannot be
found in the content streams as such; a PDF reader (and a screen reader, and copy and paste)
gets the letters from the font's ToUnicode CMap. This reads them the same way, so a test sees
what a person would: "Łódź Uni", not "?d? Uni". Enough of PDF for fpdf2's output (no pypdf in
the test dependencies): indirect objects, Flate streams, Tf/Tj/TJ, literal and hex strings.
"""

from __future__ import annotations

import re
import zlib

_OBJ_START = re.compile(rb"(?m)^(\d+) 0 obj\b")
_LENGTH = re.compile(rb"/Length\s+(\d+)\b")
_TOKEN = re.compile(
    rb"/(?P<font>[^\s/]+)\s+[\d.]+\s+Tf"  # font selection
    rb"|\((?P<lit>(?:\\.|[^\\)])*)\)"  # literal string (fpdf2 escapes parentheses)
    rb"|<(?P<hex>[0-9A-Fa-f\s]*)>"  # hex string
    rb"|(?P<et>\bET\b)",  # end of a text object: a new line of output
    re.S,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number -> (dictionary text, decoded stream or None).

    A stream is cut by its /Length, not by searching for "endstream": compressed bytes may end in
    a carriage return or hold the words "endobj" by chance, and a search then cuts them short
    (the CI run of 2026-12-03 failed on exactly that, one PDF in many)."""
    out = {}
    pos = 0
    while m := _OBJ_START.search(data, pos):
        start = m.end()
        stream_at = data.find(b"stream", start)
        end_at = data.find(b"endobj", start)
        raw = None
        if stream_at != -1 and (end_at == -1 or stream_at < end_at):
            head = data[start:stream_at]
            length = int(_LENGTH.search(head).group(1))
            body_start = stream_at + len(b"stream")
            body_start += 2 if data[body_start : body_start + 2] == b"\r\n" else 1
            raw = data[body_start : body_start + length]
            if b"/FlateDecode" in head:
                raw = zlib.decompress(raw)
            pos = data.index(b"endobj", body_start + length) + len(b"endobj")
        else:
            head = data[start:end_at]
            pos = end_at + len(b"endobj")
        out[int(m.group(1))] = (head.strip(), raw)
    return out


def _cmap(text: bytes) -> dict[int, str]:
    """Code -> Unicode text from a ToUnicode CMap (bfchar and bfrange sections)."""
    out: dict[int, str] = {}

    def uni(hexstr: bytes) -> str:
        return bytes.fromhex(hexstr.decode()).decode("utf-16-be")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = uni(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = ord(uni(dst))
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(first + i)
    return out


def _unescape(lit: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(lit):
        c = lit[i : i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = lit[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", lit[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(0), 8) & 0xFF)
            i += 1 + len(octal.group(0))
        else:
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def pdf_text(data: bytes) -> str:
    """Every page's text, one line per text object, decoded through the fonts' ToUnicode maps
    (two-byte codes for embedded fonts, Latin-1 for the core fonts)."""
    objects = _objects(data)
    lines: list[str] = []
    for head, _ in objects.values():
        if b"/Type /Page" not in head or b"/Type /Pages" in head:
            continue
        resources = re.search(rb"/Resources\s+(\d+) 0 R", head)
        res = objects[int(resources.group(1))][0] if resources else head
        fonts: dict[bytes, dict[int, str] | None] = {}
        font_dict = re.search(rb"/Font\s*<<(.*?)>>", res, re.S)
        for name, num in re.findall(rb"/([^\s/]+)\s+(\d+) 0 R", font_dict.group(1) if font_dict else b""):
            to_unicode = re.search(rb"/ToUnicode\s+(\d+) 0 R", objects[int(num)][0])
            fonts[name] = _cmap(objects[int(to_unicode.group(1))][1] or b"") if to_unicode else None
        contents = re.search(rb"/Contents\s+(\d+) 0 R", head)
        stream = objects[int(contents.group(1))][1] or b""
        current: dict[int, str] | None = None
        line: list[str] = []
        for tok in _TOKEN.finditer(stream):
            if tok.group("font"):
                current = fonts.get(tok.group("font"))
            elif tok.group("et") and line:
                lines.append("".join(line))
                line = []
            elif tok.group("lit") is not None or tok.group("hex") is not None:
                raw = (
                    _unescape(tok.group("lit"))
                    if tok.group("lit") is not None
                    else bytes.fromhex(re.sub(rb"\s", b"", tok.group("hex")).decode())
                )
                if current is None:  # a core font: single bytes, Latin-1
                    line.append(raw.decode("latin-1"))
                else:
                    codes = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw) - 1, 2)]
                    line.append("".join(current.get(code, "\ufffd") for code in codes))
        if line:
            lines.append("".join(line))
    return "\n".join(lines)
