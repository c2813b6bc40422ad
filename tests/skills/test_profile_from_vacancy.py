"""Skills from a vacancy text: the account manager pastes a vacancy (Dutch or English), gets catalogue items with a
level and the sentence each came from, keeps, changes or removes them row by row, and saves the profile."""

import pytest
from django.urls import reverse

from mhw.skills.models import EscoSkill, ProfileRequirement, SkillsProfile
from tests.skills.conftest import item, publish

VACANCY = """Voor ons waterstofproject in Delfzijl zoeken wij een monteur.
Je controleert zelfstandig de lekdichtheid van waterstofleidingen.
Je hebt basiskennis van de eigenschappen van waterstof.
Je rijdt ook heftruck op het terrein."""


@pytest.fixture
def hydrogen_catalogue(world):
    items = [
        item("responsibility", "de veiligheid van de installatie", "bewaakt"),
        item("skill", "de lekdichtheid van waterstofleidingen", "controleert"),
        item("knowledge", "eigenschappen van waterstof als brandbaar gas"),
        item("skill", "een taart", "bakt"),
    ]
    version = publish(world, "Lekdicht", items)
    EscoSkill.objects.create(uri="http://data.europa.eu/esco/skill/forklift", label_en="operate a forklift")
    return {i.kind + ":" + i.object_nl: i for i in version.items.all()}


def _suggest(client, world, text: str):
    data = {"campus": world.campus_a.pk, "title_nl": "Monteur waterstof", "vacancy_text": text, "suggest": "1"}
    return client.post(reverse("profile_create"), data)


def test_a_dutch_vacancy_suggests_items_with_a_level_and_their_sentence(world, client_for, hydrogen_catalogue):
    client = client_for(world.user("company_account_manager"))
    profiles = SkillsProfile.objects.count()
    response = _suggest(client, world, VACANCY)
    assert response.status_code == 200
    rows = {row["item"]: row for row in response.context["formset"].initial}
    leak = hydrogen_catalogue["skill:de lekdichtheid van waterstofleidingen"]
    gas = hydrogen_catalogue["knowledge:eigenschappen van waterstof als brandbaar gas"]
    assert rows[leak.pk]["level"] == 3  # "zelfstandig"
    assert rows[leak.pk]["source_sentence"] == "Je controleert zelfstandig de lekdichtheid van waterstofleidingen."
    assert rows[gas.pk]["level"] == 1  # "basiskennis"
    assert hydrogen_catalogue["skill:een taart"].pk not in rows
    assert hydrogen_catalogue["responsibility:de veiligheid van de installatie"].pk not in rows
    assert [s.esco.label_en for s in response.context["uncatalogued"]] == ["operate a forklift"]
    page = response.content.decode()
    assert "Je controleert zelfstandig de lekdichtheid van waterstofleidingen." in page
    assert SkillsProfile.objects.count() == profiles  # nothing is saved until the account manager saves


def test_an_english_vacancy_finds_the_dutch_items(world, client_for, hydrogen_catalogue):
    client = client_for(world.user("company_account_manager"))
    response = _suggest(client, world, "You check hydrogen pipelines for leak tightness on your own.")
    leak = hydrogen_catalogue["skill:de lekdichtheid van waterstofleidingen"]
    assert leak.pk in [row["item"] for row in response.context["formset"].initial]


@pytest.mark.parametrize("text", ["", "   ", "12345 6789", "!!! ??? ...", "\x00\x07"])
def test_a_text_without_sentences_gets_a_message_and_no_suggestions(world, client_for, hydrogen_catalogue, text):
    response = _suggest(client_for(world.user("company_account_manager")), world, text)
    assert response.status_code == 200
    assert response.context["suggestion_problem"]
    assert response.context["formset"].initial == []


def test_the_accepted_and_edited_rows_are_saved_with_their_sentences(world, client_for, hydrogen_catalogue):
    client = client_for(world.user("company_account_manager"))
    suggested = _suggest(client, world, VACANCY).context["formset"].initial
    data = {"campus": world.campus_a.pk, "title_nl": "Monteur waterstof", "vacancy_text": VACANCY}
    data |= {"req-TOTAL_FORMS": len(suggested) + 2, "req-INITIAL_FORMS": len(suggested), "req-MIN_NUM_FORMS": 0}
    data |= {"req-MAX_NUM_FORMS": 60}
    for number, row in enumerate(suggested):
        data |= {f"req-{number}-{name}": value for name, value in row.items()}
    for number in (len(suggested), len(suggested) + 1):  # the blank rows as a browser sends them
        data |= {f"req-{number}-item": "", f"req-{number}-level": "1", f"req-{number}-weight": "1"}
    leak = hydrogen_catalogue["skill:de lekdichtheid van waterstofleidingen"]
    gas = hydrogen_catalogue["knowledge:eigenschappen van waterstof als brandbaar gas"]
    for number, row in enumerate(suggested):
        if row["item"] == leak.pk:
            data[f"req-{number}-level"] = 4  # the account manager raises the level
        elif row["item"] != gas.pk:
            data[f"req-{number}-DELETE"] = "on"  # and rejects everything else
    response = client.post(reverse("profile_create"), data)
    assert response.status_code == 302
    saved = ProfileRequirement.objects.filter(version__profile__title_nl="Monteur waterstof")
    assert {(r.item_id, r.level) for r in saved} == {(leak.pk, 4), (gas.pk, 1)}
    assert saved.get(item=leak).source_sentence.startswith("Je controleert zelfstandig")
    detail = client.get(reverse("profile_detail", args=[saved.first().version.profile_id])).content.decode()
    assert "Je controleert zelfstandig de lekdichtheid van waterstofleidingen." in detail
