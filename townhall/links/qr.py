"""QR codes for tracked links, for posters and slides: SVG (vector, scales for print) and PNG.

The PNG is written here with zlib (a few lines) so no imaging library is needed."""

from __future__ import annotations

import struct
import zlib

import qrcode
import qrcode.image.svg


def _matrix(data: str) -> list[list[bool]]:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(data)
    qr.make(fit=True)
    return qr.get_matrix()


def svg(data: str) -> bytes:
    img = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
    return img.to_string(encoding="unicode").encode()


def png(data: str, scale: int = 10) -> bytes:
    """A black-on-white, 1-bit greyscale PNG."""
    matrix = _matrix(data)
    size = len(matrix) * scale
    rows = []
    for row in matrix:
        bits = []
        for dark in row:
            bits.extend([0 if dark else 1] * scale)
        packed = bytearray()
        for i in range(0, len(bits), 8):
            chunk = bits[i : i + 8] + [1] * (8 - len(bits[i : i + 8]))
            packed.append(int("".join(map(str, chunk)), 2))
        line = b"\x00" + bytes(packed)
        rows.extend([line] * scale)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))
