"""Text for SVG and other XML the platform writes: escaped, and without the characters XML 1.0 cannot hold (control
characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF), which any name could contain."""

import re
from xml.sax.saxutils import escape, quoteattr

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value: str) -> str:
    """`value` as XML character data."""
    return escape(_NOT_XML.sub("", value))


def attribute(value: str) -> str:
    """`value` as a quoted XML attribute value."""
    return quoteattr(_NOT_XML.sub("", value))
