"""Baked badge images: an SVG picture of the badge that carries its credential, so that the image itself can be
checked (Open Badges 3.0, "baking"). Pure module.

The credential sits in an ``openbadges:credential`` element: as JSON in a CDATA section when it carries a Data
Integrity proof, or as a VC-JWT in the element's ``verify`` attribute. Reading a baked image extracts the element
with a pattern rather than an XML parser, so an uploaded image cannot make the platform expand entities or fetch
anything.
"""

import json
import re
from xml.sax.saxutils import escape, quoteattr

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
        f"text-anchor='middle' fill='#ffffff'>{escape(line)}</text>"
        for i, line in enumerate(lines)
    )
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='200' height='200' viewBox='0 0 200 200' role='img' "
        f"font-family='DejaVu Sans, Arial, sans-serif'><title>{escape(title)}</title>"
        f"<circle cx='100' cy='100' r='96' fill='{colour}'/><circle cx='100' cy='100' r='84' fill='none' "
        f"stroke='#ffffff' stroke-width='3'/>{text}"
        f"<text x='100' y='168' font-size='10' text-anchor='middle' fill='#ffffff'>{escape(issuer[:30])}</text></svg>"
    )


def bake(svg: str, *, credential: dict | None = None, jwt: str = "") -> str:
    """`svg` with the credential baked in (exactly one of `credential` and `jwt`)."""
    if (credential is None) == (not jwt):
        raise ValueError("bake either a credential with a proof or a VC-JWT")
    if jwt:
        element = f"<openbadges:credential verify={quoteattr(jwt)}/>"
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
