"""The canonical form of credentials quickly: JSON-LD expansion, the slow part of canonicalising, is done once per
*shape* of document and reused. Pure module; the result is byte for byte what `canonical.canonical_nquads` gives.

A document's shape is its structure (keys in order, list lengths, the kinds of its values) with its ``@context`` and
``type`` values, numbers and booleans written out, and each string reduced to a class: an absolute IRI of a common
scheme, or anything else. For a new shape, a probe document (each string replaced by a unique marker of the same
class) goes through the full JSON-LD to RDF conversion; the resulting RDF dataset, with the markers where the strings
went, is the shape's template. A document of a known shape then only needs its strings put back into the template
before RDF Dataset Canonicalization.

A string that became an IRI relative to the vocabulary (an enumeration such as ``achievementType``) keeps its value
in the template, since a context term of that name would take precedence. Whatever the template cannot reproduce
exactly is left to the full conversion: a marker inside a larger literal or IRI, an IRI value that is not plainly an
IRI, or a string that looks like a compact IRI (``prefix:name``) whose expansion depends on the context.
"""

import re
from collections import OrderedDict

from pyld import jsonld

from mhw.credentials import canonical

MARK = "xq7Zm"
IRI_SCHEMES = ("http", "https", "urn", "did", "mailto")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_IRI = re.compile(r"^(?:https?|urn|did|mailto):[^\s<>\"{}|\\^`]*$")
_LITERAL_KEYS = ("@context", "type", "@type")
CACHE_SIZE = 256

_templates: OrderedDict = OrderedDict()


class _Unusable(Exception):
    """This shape cannot be templated."""


def _walk(value, leaves: list) -> object:
    """The shape of `value`, appending its templated strings to `leaves` in order. A document that contains the
    marker text itself cannot be templated."""
    if isinstance(value, dict):
        if any(MARK in key for key in value):
            raise _Unusable
        return ("{", tuple(
            (key, ("=", repr(item)) if key in _LITERAL_KEYS else _walk(item, leaves)) for key, item in value.items()
        ))  # fmt: skip
    if isinstance(value, list):
        return ("[", tuple(_walk(item, leaves) for item in value))
    if isinstance(value, str):
        if MARK in value:
            raise _Unusable
        scheme = _SCHEME.match(value)
        if not value or (scheme and scheme.group(1).lower() not in IRI_SCHEMES):
            return ("=", value)  # empty, or a possible compact IRI: part of the shape itself
        leaves.append(value)
        return ("iri",) if scheme else ("text",)
    return ("=", repr(value))


def _probe(value, counter: list, kept: frozenset) -> object:
    """`value` with every templated string replaced by its marker (same walk order as `_walk`), except the strings
    numbered in `kept`, which stay as they are."""
    if isinstance(value, dict):
        return {key: item if key in _LITERAL_KEYS else _probe(item, counter, kept) for key, item in value.items()}
    if isinstance(value, list):
        return [_probe(item, counter, kept) for item in value]
    if isinstance(value, str):
        scheme = _SCHEME.match(value)
        if not value or (scheme and scheme.group(1).lower() not in IRI_SCHEMES):
            return value
        counter[0] += 1
        if counter[0] - 1 in kept:
            return value
        return f"urn:{MARK}:{counter[0]}" if scheme else f"{MARK}{counter[0]}x"
    return value


def _dataset(document: dict) -> dict:
    options = {"documentLoader": canonical.load, "produceGeneralizedRdf": False}
    try:
        return jsonld.JsonLdProcessor().to_rdf(document, options)
    except jsonld.JsonLdError as error:
        raise canonical.NotCanonicalisable(str(error)) from error


class _Names(Exception):
    """Some strings became IRIs relative to a vocabulary; a context term of the same name would take precedence, so
    their values must be part of the shape."""

    def __init__(self, leaves: frozenset):
        super().__init__()
        self.leaves = leaves


def _template(document: dict, count: int, kept: frozenset = frozenset()) -> list:
    """The probe's quads as (quad, slots): a slot says which term holds which marker and how to put a value back."""
    probe = _probe(document, [0], kept)
    markers = {f"urn:{MARK}:{n}": n - 1 for n in range(1, count + 1)}
    markers.update({f"{MARK}{n}x": n - 1 for n in range(1, count + 1)})
    find = re.compile(rf"(urn:{MARK}:\d+|{MARK}\d+x)")
    template, names = [], set()
    for graph, quads in _dataset(probe).items():
        for quad in quads:
            slots = []
            for position in ("subject", "predicate", "object", "graph"):
                term = quad.get(position)
                if not term or MARK not in term["value"]:
                    continue
                found = find.findall(term["value"])
                if len(found) != 1:
                    raise _Unusable
                marker = found[0]
                if term["type"] == "literal" and term["value"] == marker:
                    slots.append((position, markers[marker], "literal"))
                elif term["type"] == "IRI" and term["value"] == marker and marker.startswith("urn:"):
                    slots.append((position, markers[marker], "iri"))
                elif term["type"] == "IRI" and term["value"].endswith(marker) and not marker.startswith("urn:"):
                    names.add(markers[marker])
                else:
                    raise _Unusable
            template.append((graph, quad, tuple(slots)))
    if names:
        raise _Names(frozenset(names))
    return template


def _filled(template: list, leaves: list) -> dict:
    dataset: dict = {}
    seen = set()
    for graph, quad, slots in template:
        # Fresh term dictionaries: canonicalisation relabels blank nodes in place, and the template must stay as made.
        quad = {position: dict(term) for position, term in quad.items()}
        if slots:
            for position, leaf, kind in slots:
                value = leaves[leaf]
                if kind == "iri" and not _SAFE_IRI.match(value):
                    raise _Unusable
                quad[position]["value"] = value
        key = tuple(tuple(sorted(term.items())) for term in (quad["subject"], quad["predicate"], quad["object"]))
        if (graph, key) in seen:  # two strings became the same statement: a dataset holds it once
            continue
        seen.add((graph, key))
        dataset.setdefault(graph, []).append(quad)
    return dataset


def _cached_template(shape, leaves: list, document: dict) -> list:
    """The template of this shape, made on first use; for shapes with vocabulary-relative names, one per set of
    those names' values."""
    entry = _templates.get(shape)
    if entry is None:
        try:
            entry = _template(document, len(leaves))
        except _Names as names:
            entry = names
        _remember(shape, entry)
    if not isinstance(entry, _Names):
        return entry
    key = (shape, tuple((i, leaves[i]) for i in sorted(entry.leaves)))
    template = _templates.get(key)
    if template is None:
        try:
            template = _template(document, len(leaves), entry.leaves)
        except _Names:
            raise _Unusable from None
        _remember(key, template)
    return template


def _remember(key, value) -> None:
    _templates[key] = value
    if len(_templates) > CACHE_SIZE:
        _templates.popitem(last=False)


def canonical_nquads(document: dict) -> str:
    """The same as `canonical.canonical_nquads(document)`, faster for documents of a shape seen before."""
    leaves: list = []
    try:
        shape = _walk(document, leaves)
        dataset = _filled(_cached_template(shape, leaves, document), leaves)
    except _Unusable:
        return canonical.canonical_nquads(document)
    return jsonld.URDNA2015().main(dataset, {"format": "application/n-quads"})
