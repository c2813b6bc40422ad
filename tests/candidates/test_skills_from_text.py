"""Skills from a CV or intake notes: suggested with their sentence and level, recorded only as self-reported (never
proven), and only what the coach ticks."""

import pytest
from django.urls import reverse

from mhw.candidates.models import CandidateSkill
from mhw.candidates.services.skills import proven_levels
from tests.skills.conftest import item, publish

CV = """Twaalf jaar werkzaam als scheepswerktuigkundige.
Ik heb ruime ervaring met het controleren van de lekdichtheid van leidingen en afsluiters.
Daarnaast heb ik basiskennis van elektrotechniek."""


@pytest.fixture
def leak_item(world):
    items = [
        item("responsibility", "een scheepsmachinekamer", "onderhoudt"),
        item("skill", "de lekdichtheid van leidingen en afsluiters", "controleert"),
        item("knowledge", "taarten"),
    ]
    version = publish(world, "Lekdicht", items)
    return version.items.get(kind="skill")


def _url(world):
    return reverse("skills_from_text", args=[world.candidate_a.pk])


def test_a_cv_suggests_items_with_level_and_sentence_and_only_ticked_ones_are_recorded(world, client_for, leak_item):
    client = client_for(world.user("coach"))
    response = client.post(_url(world), {"text": CV, "suggest": "1"})
    assert response.status_code == 200
    suggestion = next(s for s in response.context["suggestions"] if s.item == leak_item)
    assert suggestion.level == 4  # "ruime ervaring"
    assert suggestion.sentence.startswith("Ik heb ruime ervaring")
    data = {"text": CV, "save": "1", "accept": [leak_item.pk]}
    data |= {f"level-{leak_item.pk}": 3, f"sentence-{leak_item.pk}": suggestion.sentence}
    assert client.post(_url(world), data).status_code == 302
    recorded = CandidateSkill.objects.get(candidate=world.candidate_a, item=leak_item)
    assert (recorded.source, recorded.level, recorded.is_proven) == ("self", 3, False)
    assert suggestion.sentence in recorded.evidence
    assert f"item:{leak_item.code}" not in proven_levels(world.candidate_a)


@pytest.mark.parametrize("text", ["", "0612345678", "!!!", "\x00\x01\x02"])
def test_a_text_without_sentences_gets_a_message(world, client_for, leak_item, text):
    response = client_for(world.user("coach")).post(_url(world), {"text": text, "suggest": "1"})
    assert response.status_code == 200
    assert response.context["problem"] or response.context["form"].errors
    assert response.context["suggestions"] == []


@pytest.mark.parametrize(
    "tampered",
    [{"accept": ["999999"]}, {"level-{pk}": "9"}, {"level-{pk}": "drie"}, {"sentence-{pk}": ""}, {"accept": []}],
)
def test_a_tampered_or_empty_choice_records_nothing(world, client_for, leak_item, tampered):
    data = {"text": CV, "save": "1", "accept": [leak_item.pk], f"level-{leak_item.pk}": 3}
    data[f"sentence-{leak_item.pk}"] = "Ik heb ruime ervaring."
    data |= {key.format(pk=leak_item.pk): value for key, value in tampered.items()}
    response = client_for(world.user("coach")).post(_url(world), data)
    assert response.status_code == 200
    assert response.context["problem"]
    assert not CandidateSkill.objects.filter(candidate=world.candidate_a).exists()


def test_the_candidate_page_links_the_coach_to_it(world, client_for):
    page = client_for(world.user("coach")).get(reverse("candidate_detail", args=[world.candidate_a.pk]))
    assert _url(world) in page.content.decode()
