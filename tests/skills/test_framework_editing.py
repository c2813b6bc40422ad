import pytest
from django.urls import reverse

from mhw.skills.models import BlueprintEntry, Qualification, RegulatedAct, Rubric, RubricDescriptor

pytestmark = pytest.mark.django_db


def test_an_expert_makes_a_regulation_and_adds_an_act_with_its_blueprint(world, client_for):
    client = client_for(world.user("expert"))
    response = client.post(
        reverse("qualification_create"),
        {
            "campus": world.campus_a.pk,
            "kind": "regulation",
            "name_nl": "Regeling H2",
            "ulo_versions": [world.skills.published.pk],
        },
    )
    assert response.status_code == 302
    regulation = Qualification.objects.get(name_nl="Regeling H2")
    item = world.skills.published.items.get(kind="responsibility")
    client.post(
        reverse("act_add", args=[regulation.pk]),
        {
            "description_nl": "Installatie in bedrijf stellen",
            "responsibility": "wv",
            "item_code": item.code.lower(),
            "questions_theory": 12,
            "questions_practical": 1,
        },
    )
    act = RegulatedAct.objects.get(qualification=regulation)
    assert (act.responsibility, act.item) == ("wv", item)
    assert set(BlueprintEntry.objects.filter(act=act).values_list("test_form", "number_of_questions")) == {
        ("theory", 12),
        ("practical", 1),
    }
    page = client.get(reverse("qualification_detail", args=[regulation.pk])).content.decode()
    assert "Installatie in bedrijf stellen" in page


@pytest.mark.parametrize(
    "changes",
    [{"item_code": "KO999"}, {"questions_theory": 0}, {"responsibility": "boss"}],
)
def test_an_invalid_act_is_refused_and_nothing_added(world, client_for, changes):
    data = {"description_nl": "Afpersen", "responsibility": "vp", "questions_theory": 5} | changes
    response = client_for(world.user("expert")).post(
        reverse("act_add", args=[world.skills.qualification.pk]), data, follow=True
    )
    assert not RegulatedAct.objects.filter(qualification=world.skills.qualification).exists()
    assert any(m.level_tag == "error" for m in response.context["messages"])


def test_a_rubric_is_written_in_two_steps_and_keeps_what_was_typed(world, client_for):
    client = client_for(world.user("teacher"))
    url = reverse("rubric_create", args=[world.skills.published.pk])
    structure = {
        "title_nl": "Praktijktoets",
        "levels": "Onvoldoende | Insufficient | 1\nGoed | Good | 3",
        "criteria": "Veiligheid | Safety\nNauwkeurigheid | Accuracy",
    }
    grid = client.post(url, structure)
    assert len(grid.context["grid"]) == 2
    cells = {f"d-{c}-{i}-nl": f"cel {c}{i}" for c in range(2) for i in range(2)}
    incomplete = client.post(url, structure | {"step": "descriptors"} | {**cells, "d-1-1-nl": ""})
    assert incomplete.context["missing"] == [(1, 1)]
    assert "cel 00" in incomplete.content.decode()
    assert not Rubric.objects.filter(title_nl="Praktijktoets").exists()
    response = client.post(url, structure | {"step": "descriptors"} | cells)
    assert response.status_code == 302
    rubric = Rubric.objects.get(title_nl="Praktijktoets")
    assert RubricDescriptor.objects.filter(criterion__rubric=rubric).count() == 4
    assert [level.score for level in rubric.levels.all()] == [1, 3]


@pytest.mark.parametrize(
    "levels",
    ["Alleen | Only | 1", "A | A | 3\nB | B | 1", "A | A\nB | B | 2", "A | A | x\nB | B | 2"],
)
def test_a_rubric_with_bad_levels_is_refused(world, client_for, levels):
    response = client_for(world.user("teacher")).post(
        reverse("rubric_create", args=[world.skills.published.pk]),
        {"title_nl": "X", "levels": levels, "criteria": "Veiligheid | Safety"},
    )
    assert "levels" in response.context["structure"].errors
