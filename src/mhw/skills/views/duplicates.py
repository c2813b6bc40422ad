"""Duplicates in the catalogue: what a new outcome resembles while it is written, and the reviewers' report of
published outcomes and items that say nearly the same."""

from django.shortcuts import render
from django.views.decorators.http import require_POST

from mhw.accounts.decorators import capability_required
from mhw.accounts.roles import Capability
from mhw.skills.models import IndexedText, UloItem, UloVersion
from mhw.skills.services import semantic

Source = IndexedText.Source


def _entries(matches) -> dict[tuple[str, int], object]:
    """The outcome or item behind each match, for the page."""
    items = UloItem.objects.select_related("version__ulo").in_bulk(
        [m.object_id for m in matches if m.source == Source.ITEM]
    )
    versions = UloVersion.objects.select_related("ulo").in_bulk(
        [m.object_id for m in matches if m.source == Source.ULO]
    )
    found = {}
    for match in matches:
        entry = (items if match.source == Source.ITEM else versions).get(match.object_id)
        if entry is not None:
            found[(match.source, match.object_id)] = entry
    return found


def _form_texts(post) -> list[str]:
    """The texts of a ULO form as the author has written them so far: the statement and each item, per language."""
    texts = [f"{post.get(f'title_{language}', '')} {post.get(f'subject_{language}', '')}" for language in ("nl", "en")]
    total = post.get("items-TOTAL_FORMS", "0")
    for number in range(min(int(total) if total.isdigit() else 0, 60)):
        for language in ("nl", "en"):
            names = [f"items-{number}-{name}_{language}" for name in ("verb", "object", "context")]
            texts.append(" ".join(post.get(name, "") for name in names))
    return texts


@require_POST
@capability_required(Capability.AUTHOR_OUTCOMES)
def catalogue_similar(request):
    """The part of the ULO form that shows, while the author writes, what the catalogue already holds like it."""
    matches = semantic.similar_entries(_form_texts(request.POST))
    entries = _entries(matches)
    rows = [
        (match, entries[(match.source, match.object_id)])
        for match in matches
        if (match.source, match.object_id) in entries
    ]
    return render(request, "skills/_similar.html", {"similar": rows, "checked": True})


@capability_required(Capability.REVIEW_OUTCOMES)
def catalogue_duplicates(request):
    pairs = semantic.duplicate_pairs()
    entries = _entries([match for pair in pairs for match in (pair.first, pair.second)])
    rows = [
        (pair, entries[(pair.first.source, pair.first.object_id)], entries[(pair.second.source, pair.second.object_id)])
        for pair in pairs
        if (pair.first.source, pair.first.object_id) in entries
        and (pair.second.source, pair.second.object_id) in entries
    ]
    return render(
        request, "skills/duplicates.html", {"rows": rows, "minimum": round(semantic.DUPLICATE_LIKENESS * 100)}
    )
