"""The catalogue page's second half: outcomes, items and ESCO entries found by meaning rather than by their words.

Exact codes and words win: what the text search already shows on the page is not repeated here.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language

from mhw.skills.models import EscoOccupation, EscoSkill, IndexedText, UloItem, UloVersion
from mhw.skills.services import semantic

Source = IndexedText.Source


@dataclass(frozen=True)
class MeaningMatch:
    kind: str
    code: str
    text: str
    url: str
    percent: int


def _language() -> str:
    return "en" if get_language() == "en" else "nl"


def _label(concept) -> str:
    return (concept.label_en if _language() == "en" else concept.label_nl) or concept.label_en


def meaning_matches(query: str, *, shown_versions: set[int], limit: int = 10) -> list[MeaningMatch]:
    matches = semantic.search(query, limit=limit + len(shown_versions))
    ids = {source: [m.object_id for m in matches if m.source == source] for source in Source.values}
    items = UloItem.objects.select_related("version__ulo").in_bulk(ids[Source.ITEM])
    versions = UloVersion.objects.select_related("ulo").in_bulk(ids[Source.ULO])
    skills = EscoSkill.objects.in_bulk(ids[Source.ESCO_SKILL])
    occupations = EscoOccupation.objects.in_bulk(ids[Source.ESCO_OCCUPATION])
    kinds = dict(Source.choices)
    found = []
    for match in matches:
        percent = round(match.score * 100)
        if match.source == Source.ITEM and match.object_id in items:
            item = items[match.object_id]
            if item.version_id in shown_versions:
                continue
            url = reverse("ulo_detail", args=[item.version_id])
            found.append(MeaningMatch(item.get_kind_display(), item.code, item.text_in(_language()), url, percent))
        elif match.source == Source.ULO and match.object_id in versions:
            version = versions[match.object_id]
            if version.pk in shown_versions:
                continue
            text = version.statement_en if _language() == "en" else version.statement_nl
            found.append(
                MeaningMatch(
                    kinds[Source.ULO], version.ulo.code, text, reverse("ulo_detail", args=[version.pk]), percent
                )
            )
        elif match.source in (Source.ESCO_SKILL, Source.ESCO_OCCUPATION):
            concept = (skills if match.source == Source.ESCO_SKILL else occupations).get(match.object_id)
            if concept is not None:
                found.append(MeaningMatch(kinds[match.source], "ESCO", _label(concept), concept.uri, percent))
    return found[:limit]
