"""The KennisCirkel picture: each function a segment in its place, shaded by its strongest player and outlined as a
hole when nobody (or only weakly) fills it; each player a dot in the segment of its function, further out the
stronger it is. Checked by parsing the SVG."""

import math
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from mhw.ecosystem.kenniscirkel import CENTRE, Fill, Function, circle_svg, coverage, is_hole
from mhw.ecosystem.models import DEFAULT_FUNCTIONS, FunctionFill, KnowledgeFunction
from tests.factories import OrganisationFactory

NS = {"svg": "http://www.w3.org/2000/svg"}
FUNCTIONS = [Function(i, f"Functie {i}") for i in range(1, 7)]
fills = st.lists(
    st.builds(Fill, st.integers(1, 6), st.sampled_from([f"p{i}" for i in range(8)]), st.text(max_size=20),
              st.integers(1, 3)),
    max_size=30, unique_by=lambda f: (f.position, f.player),
)  # fmt: skip


@given(fills)
def test_segments_dots_and_holes_are_where_the_fills_say(some):
    root = ET.fromstring(circle_svg(FUNCTIONS, some, centre="Noord", title="KennisCirkel"))
    segments = {int(g.get("data-function")): g for g in root.iterfind(".//svg:g[@class='function']", NS)}
    assert sorted(segments) == [1, 2, 3, 4, 5, 6]
    for position, g in segments.items():
        assert int(g.get("data-coverage")) == coverage(some, position)
        assert g.get("data-hole") == str(is_hole(some, position)).lower()
        assert (g.get("data-hole") == "true") == (
            max((f.strength for f in some if f.position == position), default=0) <= 1
        )
    dots = list(root.iterfind(".//svg:circle[@class='player']", NS))
    assert sorted((int(d.get("data-function")), d.get("data-player")) for d in dots) == sorted(
        (f.position, f.player) for f in some
    )
    for dot in dots:
        g = segments[int(dot.get("data-function"))]
        angle = float(dot.get("data-angle"))
        assert float(g.get("data-start")) < angle < float(g.get("data-end"))
        x, y = float(dot.get("cx")), float(dot.get("cy"))
        radius = math.hypot(x - CENTRE, y - CENTRE)
        assert radius == pytest.approx({1: 120, 2: 160, 3: 200}[int(dot.get("data-strength"))], abs=0.2)


def test_functions_must_be_numbered_from_one():
    with pytest.raises(ValueError, match="numbered"):
        circle_svg([Function(2, "x")], [], centre="c", title="t")


@pytest.mark.django_db
def test_a_manager_fills_functions_names_them_and_holes_show(world, client_for):
    manager = client_for(world.user("broker"))
    url = f"{reverse('kenniscirkel')}?campus={world.campus_a.slug}"
    page = manager.get(url)
    assert [row["function"].name_nl for row in page.context["rows"]] == [f[0] for f in DEFAULT_FUNCTIONS]
    assert all(row["hole"] for row in page.context["rows"])
    manager.post(url, {"fill": "1", "organisation": world.provider_a.pk, "position": 3, "strength": 3})
    manager.post(url, {"fill": "1", "organisation": world.company_a.pk, "position": 5, "strength": 1})
    rows = manager.get(url).context["rows"]
    assert [row["hole"] for row in rows] == [True, True, False, True, True, True]
    manager.post(url, {"fill": "1", "organisation": world.provider_a.pk, "position": 3, "strength": 1})  # changed
    assert FunctionFill.objects.get(organisation=world.provider_a).strength == 1
    names = {
        f"{k}_{p}": f"{k} {p}" for p in range(1, 7) for k in ("name_nl", "name_en", "description_nl", "description_en")
    }
    manager.post(url, {"names": "1", **names})
    assert manager.get(url).context["rows"][0]["function"].name_nl == "name_nl 1"
    assert KnowledgeFunction.objects.filter(campus=world.campus_a).count() == 6


@pytest.mark.django_db
def test_bad_fillings_are_refused(world, client_for):
    manager = client_for(world.user("broker"))
    url = f"{reverse('kenniscirkel')}?campus={world.campus_a.slug}"
    elsewhere = OrganisationFactory(campus=world.campus_b)
    for data in ({"fill": "1", "organisation": elsewhere.pk, "position": 1, "strength": 2},
                 {"fill": "1", "organisation": world.company_a.pk, "position": 7, "strength": 2},
                 {"fill": "1", "organisation": world.company_a.pk, "position": 1, "strength": 4},
                 {"names": "1", "name_nl_1": ""}):  # fmt: skip
        assert manager.post(url, data).status_code == 200
    assert not FunctionFill.objects.exists()
    assert not KnowledgeFunction.objects.exists()
    teacher = client_for(world.user("teacher"))
    assert (
        teacher.post(url, {"fill": "1", "organisation": world.company_a.pk, "position": 1, "strength": 2}).status_code
        == 403
    )
