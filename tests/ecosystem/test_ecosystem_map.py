"""The ecosystem map page: the campus's partners drawn by kind (educators by their type of education) with the
relations a manager adds; bad relations are refused; each campus sees only its own unless national."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from mhw.ecosystem.models import Relation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
NS = {"svg": "http://www.w3.org/2000/svg"}


def test_partners_are_drawn_by_kind_and_a_relation_joins_them(world, client_for):
    world.provider_a.education_type = "hbo"
    world.provider_a.save()
    manager = client_for(world.user("broker"))
    url = f"{reverse('ecosystem_map')}?campus={world.campus_a.slug}"
    response = manager.post(url, {"source": world.company_a.pk, "kind": "training", "target": world.provider_a.pk})
    assert response.status_code == 302
    root = ET.fromstring(manager.get(url).context["svg"])
    kinds = {g.get("data-actor"): g.get("data-kind") for g in root.iterfind(".//svg:g[@class='player']", NS)}
    assert kinds[str(world.company_a.pk)] == "company"
    assert kinds[str(world.provider_a.pk)] == "education_hbo"
    [line] = root.iterfind(".//svg:g[@class='relations']/svg:path", NS)
    assert (line.get("data-source"), line.get("data-target")) == (str(world.company_a.pk), str(world.provider_a.pk))


def test_bad_relations_are_refused(world, client_for):
    manager = client_for(world.user("broker"))
    url = f"{reverse('ecosystem_map')}?campus={world.campus_a.slug}"
    elsewhere = OrganisationFactory(campus=world.campus_b)
    for data in ({"source": world.company_a.pk, "kind": "training", "target": world.company_a.pk},
                 {"source": world.company_a.pk, "kind": "training", "target": elsewhere.pk},
                 {"source": world.company_a.pk, "kind": "nonsense", "target": world.provider_a.pk}):  # fmt: skip
        assert manager.post(url, data).status_code == 200
    assert not Relation.objects.exists()
    manager.post(url, {"source": world.company_a.pk, "kind": "training", "target": world.provider_a.pk})
    twice = manager.post(url, {"source": world.company_a.pk, "kind": "training", "target": world.provider_a.pk})
    assert twice.context["form"].non_field_errors()
    assert Relation.objects.count() == 1


def test_staff_see_their_own_campus_and_the_national_admin_any(world, client_for):
    other = OrganisationFactory(campus=world.campus_b, name="Havenbedrijf B")
    own = client_for(world.user("coach")).get(f"{reverse('ecosystem_map')}?campus={world.campus_b.slug}")
    assert own.context["campus"] == world.campus_a
    assert "Havenbedrijf B" not in own.context["svg"]
    national = client_for(world.user("national_admin")).get(f"{reverse('ecosystem_map')}?campus={world.campus_b.slug}")
    assert other.name in national.context["svg"]
