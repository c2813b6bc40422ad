import pytest

from mhw.skills.models import UloStatus, UloVersion
from tests.skills.conftest import complete_items, ulo_data

pytestmark = pytest.mark.django_db


def _body(**changes):
    items = [{k: v for k, v in item.items() if k != "code"} for item in complete_items()]
    return {"campus": "campus-a", **ulo_data(), "items": items} | changes


def test_a_draft_written_through_the_api_walks_the_life_cycle(world, client_for):
    teacher = client_for(world.user("teacher"))
    response = teacher.post("/api/v1/catalogue/ulos", _body(title_nl="Via API"), content_type="application/json")
    assert response.status_code == 201
    created = response.json()
    assert created["status"] == "draft"
    assert [i["code"][:2] for i in created["items"]] == ["RO", "VO", "VO", "KO"]
    assert created["statement_en"].startswith("At the end of this learning path")
    url = f"/api/v1/catalogue/ulos/{created['id']}/transitions"
    assert teacher.post(url, {"action": "submit"}, content_type="application/json").json()["status"] == "in_review"
    expert = client_for(world.user("expert"))
    assert expert.post(url, {"action": "validate"}, content_type="application/json").status_code == 200
    assert expert.post(url, {"action": "publish"}, content_type="application/json").json()["status"] == "published"
    public = client_for(None).get("/api/v1/catalogue/ulos", {"q": "Via API"}).json()
    assert [u["id"] for u in public["items"]] == [created["id"]]


def test_an_illegal_step_answers_409_with_the_reason(world, client_for):
    response = client_for(world.user("expert")).post(
        f"/api/v1/catalogue/ulos/{world.skills.draft.pk}/transitions",
        {"action": "publish"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["detail"]
    assert UloVersion.objects.get(pk=world.skills.draft.pk).status == UloStatus.DRAFT


@pytest.mark.parametrize(
    "changes",
    [
        {"eqf_level": 9},
        {"bloom_level": 0},
        {"items": [{"kind": "skill", "object_nl": "x", "object_en": "x"}]},
        {"campus": "nowhere"},
    ],
)
def test_an_invalid_ulo_is_refused_and_nothing_is_saved(world, client_for, changes):
    before = UloVersion.objects.count()
    response = client_for(world.user("teacher")).post(
        "/api/v1/catalogue/ulos", _body(**changes), content_type="application/json"
    )
    assert response.status_code in (404, 422)
    assert response.json()["detail"]
    assert UloVersion.objects.count() == before


def test_the_mapping_api_gives_levels_and_gaps(world, client_for):
    data = client_for(world.user("coach")).get(f"/api/v1/mappings/{world.skills.mapping.pk}").json()
    assert data["roles"] == ["Monteur", "Engineer"]
    assert data["gap"] == [[2, 0, 3], [2, 1, 1]]


def test_company_hr_sees_only_their_own_profiles(world, client_for):
    data = client_for(world.user("company_hr")).get("/api/v1/profiles").json()
    assert [p["id"] for p in data["items"]] == [world.skills.profile.pk]
    assert data["items"][0]["requirements"][0]["level"] == 3
