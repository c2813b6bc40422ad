"""Baked badge images: a picture of the badge (SVG or PNG) that carries its credential, so that the image itself can
be checked (Open Badges 3.0, "baking"). Pure module.

In a PNG the credential is the text of an uncompressed ``iTXt`` chunk with the keyword ``openbadgecredential``.

The credential sits in an ``openbadges:credential`` element: as JSON in a CDATA section when it carries a Data
Integrity proof, or as a VC-JWT in the element's ``verify`` attribute. Reading a baked image extracts the element
with a pattern rather than an XML parser, so an uploaded image cannot make the platform expand entities or fetch
anything.
"""

import json
import re
import struct
import zlib

from mhw.xmltext import attribute as attr
from mhw.xmltext import text as esc

NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
_ELEMENT = re.compile(
    r"<openbadges:credential(?P<attributes>[^>]*?)(?:/>|>(?:\s*<!\[CDATA\[(?P<json>.*?)\]\]>\s*)?</openbadges:credential>)",
    re.DOTALL,
)
_VERIFY = re.compile(r"""\bverify\s*=\s*(?:"([^"]*)"|'([^']*)')""")
COLOURS = ("#0b6e4f", "#1f7ab8", "#b9770e", "#7570b3")


def badge_svg(title: str, issuer: str, colour_seed: int = 0) -> str:
    """A round badge picture with the achievement's name and its issuer."""
    colour = COLOURS[colour_seed % len(COLOURS)]
    words, lines = title.split(), [""]
    for word in words:  # wrap the title at about 16 characters a line, three lines at most
        if lines[-1] and len(lines[-1]) + 1 + len(word) > 16:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    lines = lines[:3]
    text = "".join(
        f"<text x='100' y='{100 - 10 * (len(lines) - 1) + 20 * i}' font-size='15' font-weight='bold' "
        f"text-anchor='middle' fill='#ffffff'>{esc(line)}</text>"
        for i, line in enumerate(lines)
    )
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='200' height='200' viewBox='0 0 200 200' role='img' "
        f"font-family='DejaVu Sans, Arial, sans-serif'><title>{esc(title)}</title>"
        f"<circle cx='100' cy='100' r='96' fill='{colour}'/><circle cx='100' cy='100' r='84' fill='none' "
        f"stroke='#ffffff' stroke-width='3'/>{text}"
        f"<text x='100' y='168' font-size='10' text-anchor='middle' fill='#ffffff'>{esc(issuer[:30])}</text></svg>"
    )


def bake(svg: str, *, credential: dict | None = None, jwt: str = "") -> str:
    """`svg` with the credential baked in (exactly one of `credential` and `jwt`)."""
    if (credential is None) == (not jwt):
        raise ValueError("bake either a credential with a proof or a VC-JWT")
    if jwt:
        element = f"<openbadges:credential verify={attr(jwt)}/>"
    else:
        body = json.dumps(credential, ensure_ascii=False)
        if "]]>" in body:
            raise ValueError("the credential cannot be written in a CDATA section")
        element = f"<openbadges:credential><![CDATA[{body}]]></openbadges:credential>"
    opening = re.search(r"<svg\b[^>]*>", svg)
    if opening is None:
        raise ValueError("not an SVG image")
    tag = opening.group(0)
    if "xmlns:openbadges" not in tag:
        tag = tag[:-1].rstrip("/") + f" xmlns:openbadges='{NAMESPACE}'>"
    return svg[: opening.start()] + tag + element + svg[opening.end() :]


def unbake(svg: str) -> dict | str | None:
    """The credential in a baked SVG: the JSON document, the VC-JWT, or None when there is none."""
    found = _ELEMENT.search(svg)
    if found is None:
        return None
    verify = _VERIFY.search(found.group("attributes") or "")
    if verify:
        return (verify.group(1) or verify.group(2) or "").replace("&quot;", '"').replace("&amp;", "&")
    if found.group("json") is None:
        return None
    try:
        document = json.loads(found.group("json"))
    except ValueError:
        return None
    return document if isinstance(document, dict) else None


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_KEYWORD = b"openbadgecredential"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def badge_png(colour_seed: int = 0, size: int = 200) -> bytes:
    """A plain round badge picture as PNG (RGBA, a filled disc in the badge colour)."""
    colour = bytes.fromhex(COLOURS[colour_seed % len(COLOURS)][1:])
    centre, radius = (size - 1) / 2, size / 2 - 2
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # no filter
        for x in range(size):
            inside = (x - centre) ** 2 + (y - centre) ** 2 <= radius**2
            rows += colour + b"\xff" if inside else b"\x00\x00\x00\x00"
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + _chunk(b"IEND", b"")
    )


def bake_png(png: bytes, *, credential: dict | None = None, jwt: str = "") -> bytes:
    """`png` with the credential in an uncompressed iTXt chunk named ``openbadgecredential``, before IEND."""
    if (credential is None) == (not jwt):
        raise ValueError("bake either a credential with a proof or a VC-JWT")
    if not png.startswith(PNG_SIGNATURE) or not png.endswith(_chunk(b"IEND", b"")):
        raise ValueError("not a PNG image")
    text = jwt or json.dumps(credential, ensure_ascii=False)
    itxt = PNG_KEYWORD + b"\x00\x00\x00\x00\x00" + text.encode()  # keyword, no compression, no language or name
    return png[:-12] + _chunk(b"iTXt", itxt) + png[-12:]


def unbake_png(png: bytes) -> dict | str | None:
    """The credential in a baked PNG (the JSON document or the VC-JWT), or None when there is none."""
    if not png.startswith(PNG_SIGNATURE):
        return None
    position = len(PNG_SIGNATURE)
    while position + 12 <= len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind, data = png[position + 4 : position + 8], png[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"iTXt" and data.startswith(PNG_KEYWORD + b"\x00"):
            parts = data[len(PNG_KEYWORD) + 1 :]
            if len(parts) < 2 or parts[0] != 0:  # a compressed credential is not what the standard bakes
                return None
            rest = parts[2:]
            language_end = rest.find(b"\x00")
            name_end = rest.find(b"\x00", language_end + 1)
            if language_end < 0 or name_end < 0:
                return None
            text = rest[name_end + 1 :].decode("utf-8", errors="replace")
            if text.lstrip().startswith("{"):
                try:
                    document = json.loads(text)
                except ValueError:
                    return None
                return document if isinstance(document, dict) else None
            return text.strip()
    return None
