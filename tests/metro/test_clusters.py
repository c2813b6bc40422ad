"""The company route in use: a broker starts a cluster, runs its cycle, fills in canvases, ranks questions, designs
lines with stations (a shared station is one connecting station on the map), and bad input or a stale edit changes
nothing."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from mhw.accounts.models import AuditEvent
from mhw.metro.models import Canvas, Cluster, CycleStep, LineStop, MetroLine, Question, Station
from tests.factories import OrganisationFactory
from tests.metro import fixtures

pytestmark = pytest.mark.django_db


def _cluster_form(world, **changes):
    return {"campus": world.campus_a.pk, "name": "Waterstof op de weg", "theme": "Hoe schakelen we om?",
            "companies": [world.company_a.pk], **changes}  # fmt: skip


def test_the_broker_starts_a_cluster_with_the_first_round_of_the_cycle(world, client_for):
    broker = client_for(world.user("broker"))
    response = broker.post(reverse("cluster_list"), _cluster_form(world))
    cluster = Cluster.objects.get()
    assert response.url == reverse("cluster_detail", args=[cluster.pk])
    assert [s.step for s in cluster.current_round.steps.all()] == list(CycleStep.values)
    assert AuditEvent.objects.filter(action="cluster.created").exists()
    page = broker.get(response.url).content.decode()
    assert "Hoe schakelen we om?" in page


@pytest.mark.parametrize("changes", [{"name": ""}, {"theme": ""}, {"companies": ["elsewhere"]}, {"campus": "b"}])
def test_bad_cluster_input_is_refused_and_creates_nothing(world, client_for, changes):
    other_company = OrganisationFactory(campus=world.campus_b)
    if changes.get("companies") == ["elsewhere"]:
        changes = {"companies": [other_company.pk]}
    if changes.get("campus") == "b":
        changes = {"campus": world.campus_b.pk}
    response = client_for(world.user("broker")).post(reverse("cluster_list"), _cluster_form(world, **changes))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Cluster.objects.exists()


def test_a_stale_edit_of_the_cluster_is_refused(world, client_for):
    cluster = fixtures.cluster(world)
    opened = cluster.version
    manager = client_for(world.user("company_account_manager"))
    assert manager.post(reverse("cluster_edit", args=[cluster.pk]),
                        _cluster_form(world, name="Nieuwe naam", version=opened)).status_code == 302  # fmt: skip
    broker = client_for(world.user("broker"))  # opened the same version before the manager saved
    response = broker.post(reverse("cluster_edit", args=[cluster.pk]), _cluster_form(world, name="Oud", version=opened))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Cluster.objects.get().name == "Nieuwe naam"


def test_steps_record_status_products_and_who_worked_on_them_and_the_cycle_runs_again(world, client_for):
    cluster, step = fixtures.cluster(world), fixtures.step(world)
    broker = client_for(world.user("broker"))
    broker.post(reverse("step_update", args=[step.pk]),
                {f"step{step.pk}-status": "done", f"step{step.pk}-products": "Zeilboot, empathy map",
                 f"step{step.pk}-version": step.version})  # fmt: skip
    step.refresh_from_db()
    assert (step.status, step.products) == ("done", "Zeilboot, empathy map")
    assert list(step.worked_on_by.all()) == [world.user("broker")]
    broker.post(reverse("round_start", args=[cluster.pk]))
    assert cluster.current_round.number == 2
    assert {s.status for s in cluster.current_round.steps.all()} == {"open"}
    assert cluster.rounds.get(number=1).steps.get(step=1).status == "done"


def test_a_canvas_is_filled_in_part_by_part_printed_and_downloaded(world, client_for):
    cluster = fixtures.cluster(world)
    broker = client_for(world.user("broker"))
    broker.post(reverse("canvas_create", args=[cluster.pk]), {"kind": "empathy", "title": "Chauffeurs"})
    canvas = Canvas.objects.get(kind="empathy")
    data = {"title": "Chauffeurs", "version": canvas.version, "says": "Is het wel veilig?", "pains": "Onzekerheid"}
    assert broker.post(reverse("canvas_edit", args=[canvas.pk]), data).status_code == 302
    canvas.refresh_from_db()
    assert canvas.content["says"] == "Is het wel veilig?"
    assert set(canvas.content) == {"who", "says", "thinks", "does", "feels", "pains", "gains"}
    stale = broker.post(reverse("canvas_edit", args=[canvas.pk]), {**data, "says": "Oud"})
    assert stale.status_code == 200
    too_long = broker.post(
        reverse("canvas_edit", args=[canvas.pk]), {**data, "version": canvas.version, "feels": "x" * 2001}
    )
    assert too_long.status_code == 200
    canvas.refresh_from_db()
    assert canvas.content["says"] == "Is het wel veilig?"
    hr = client_for(world.user("company_hr"))
    assert "Is het wel veilig?" in hr.get(reverse("canvas_print", args=[canvas.pk])).content.decode()
    assert hr.get(reverse("canvas_pdf", args=[canvas.pk])).content.startswith(b"%PDF")


def test_questions_are_ranked_by_votes_and_asked_once(world, client_for):
    cluster = fixtures.cluster(world)
    client_for(world.user("company_account_manager")).post(
        reverse("question_add", args=[cluster.pk]), {"text": "Hoe richten we de werkplaats in?"}
    )
    broker = client_for(world.user("broker"))  # the test client is shared: from here on, the broker
    broker.post(reverse("question_add", args=[cluster.pk]), {"text": "Hoe maken we chauffeurs enthousiast?"})
    workshop = Question.objects.get(text__startswith="Hoe richten")
    broker.post(reverse("question_vote", args=[workshop.pk]))
    duplicate = broker.post(
        reverse("question_add", args=[cluster.pk]), {"text": "Hoe richten we de werkplaats in?"}, follow=True
    )
    assert "al gesteld" in duplicate.content.decode()
    ranked = [q.text for q in broker.get(reverse("cluster_detail", args=[cluster.pk])).context["questions"]]
    assert ranked == ["Hoe richten we de werkplaats in?", "Hoe maken we chauffeurs enthousiast?"]
    broker.post(reverse("question_vote", args=[workshop.pk]))  # takes the vote back
    assert workshop.voters.count() == 1


def test_two_lines_share_a_connecting_station_drawn_as_one_marker(world, client_for):
    cluster = fixtures.cluster(world)
    broker = client_for(world.user("broker"))
    for name in ("Chauffeurs", "Monteurs"):
        broker.post(reverse("line_create", args=[cluster.pk]), {"name": name, "target_group": name})
    drivers, mechanics = MetroLine.objects.order_by("pk")
    for station in ("Kick-off", "Excursie tankstation", "Veilig tanken"):
        broker.post(reverse("stop_add", args=[drivers.pk]), {"new_name": station})
    shared = Station.objects.get(name="Excursie tankstation")
    broker.post(reverse("stop_add", args=[mechanics.pk]), {"new_name": "Werkplaats"})
    broker.post(reverse("stop_add", args=[mechanics.pk]), {"station": shared.pk})
    again = broker.post(reverse("stop_add", args=[mechanics.pk]), {"station": shared.pk}, follow=True)
    assert "stopt al" in again.content.decode()
    assert Station.objects.count() == 4
    page = broker.get(reverse("cluster_map", args=[cluster.pk]))
    root = ET.fromstring(page.context["map"].svg)
    markers = [g for g in root.iter() if g.get("data-station") == str(shared.pk) and g.get("class") == "metro-station"]
    assert len(markers) == 1
    assert set(markers[0].get("data-lines").split()) == {str(drivers.pk), str(mechanics.pk)}
    findings = broker.get(reverse("line_edit", args=[drivers.pk])).context["findings"]
    assert any("3" in f and "4" in f for f in findings)  # three stations, at least four


def test_stops_move_and_leave_and_the_map_exports_in_three_formats(world, client_for):
    stop = fixtures.stop(world)
    broker = client_for(world.user("broker"))
    broker.post(reverse("stop_add", args=[stop.line_id]), {"new_name": "Excursie"})
    broker.post(reverse("stop_move", args=[stop.pk]), {"direction": "down"})
    assert [s.station.name for s in LineStop.objects.filter(line=stop.line).order_by("position")] == [
        "Excursie",
        "Kick-off",
    ]
    for fmt, start in (("svg", b"<svg"), ("png", b"\x89PNG"), ("pdf", b"%PDF")):
        response = broker.get(reverse("cluster_map_export", args=[stop.line.cluster_id, fmt]))
        assert response.content.startswith(start)
    assert broker.get(reverse("cluster_map_export", args=[stop.line.cluster_id, "gif"])).status_code == 404
    broker.post(reverse("stop_remove", args=[stop.pk]))
    assert [s.station.name for s in LineStop.objects.filter(line=stop.line)] == ["Excursie"]
    assert Station.objects.filter(name="Kick-off").exists()  # the station stays; it may serve other lines


def test_lines_visiting_shared_stations_in_conflicting_orders_are_reported_on_the_map(world, client_for):
    cluster = fixtures.cluster(world)
    a, b = (Station.objects.create(cluster=cluster, name=n) for n in ("Eerst", "Daarna"))
    for name, order in (("Een", (a, b)), ("Twee", (b, a))):
        line = MetroLine.objects.create(cluster=cluster, name=name, target_group=name)
        for position, station in enumerate(order, start=1):
            LineStop.objects.create(line=line, station=station, position=position)
    conflicts = client_for(world.user("broker")).get(reverse("cluster_map", args=[cluster.pk])).context["conflicts"]
    assert len(conflicts) == 1
    assert "Twee" in conflicts[0]


def test_a_deepening_line_starts_at_its_connecting_station(world, client_for):
    stop = fixtures.stop(world)  # "Chauffeurs" stops at "Kick-off"
    cluster = stop.line.cluster
    broker = client_for(world.user("broker"))
    deepening_line = {"name": "Verdieping", "target_group": "Ervaren chauffeurs", "branches_from": stop.station_id}
    broker.post(reverse("line_create", args=[cluster.pk]), deepening_line)
    deepening = MetroLine.objects.get(name="Verdieping")
    broker.post(reverse("stop_add", args=[deepening.pk]), {"new_name": "Rijden in de winter"})
    drawn = broker.get(reverse("cluster_map", args=[cluster.pk])).context["map"]
    points = drawn.layout.lines[str(deepening.pk)].points
    kick_off = drawn.layout.stations[str(stop.station_id)]
    assert points[0][0] == kick_off.x
    assert str(deepening.pk) in kick_off.lines
    other = Station.objects.create(
        cluster=Cluster.objects.create(campus=world.campus_a, name="Ander cluster", theme="x"), name="Elders"
    )
    refused = broker.post(reverse("line_create", args=[cluster.pk]),
                          {"name": "Fout", "target_group": "x", "branches_from": other.pk})  # fmt: skip
    assert refused.status_code == 200
    assert not MetroLine.objects.filter(name="Fout").exists()
