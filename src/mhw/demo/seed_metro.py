"""Demo company route: the northern campus's cluster of transport companies that want to switch their fleet to
hydrogen, with its core team, a filled-in Sailboat, ranked questions, actors, and four metro lines (drivers,
mechanics, planners, management) that share stations, the first stations planned, and a badge for drivers who
complete their line. Built through the real services;
idempotent."""

import datetime

from django.utils import timezone

from mhw.accounts.models import Campus, Organisation, User
from mhw.credentials.models import Achievement
from mhw.demo.data import DEMO_DOMAIN
from mhw.demo.seed_learning import item_code
from mhw.metro.models import CanvasKind, Cluster, CoreTeamMember, MetroLine, Station, StationSession
from mhw.metro.services import canvases, clusters, lines, planner
from mhw.skills.models import UloItem

COMPANIES = ["Transport Vennootschap Lauwersmeer", "Wadden Distributie Groningen B.V.", "Busvervoer Hunzeland"]
# name, phase, work form, hours, provider (or None), outcomes (ULO key, item index)
STATIONS = [
    ("Kick-off: waterstof in de logistiek", 1, "workshop", 3, None, []),
    ("Excursie waterstoftankstation", 1, "experience", 3, None, [("h2-gevaren-herkennen", 0)]),
    ("Veilig tanken en rijden", 2, "simulation", 4, "Veiligheidsacademie Noordkust", [("h2-gevaren-herkennen", 1)]),
    ("Rijden op een brandstofcel", 3, "experience", 6, None, []),
    ("Brandstofcelsystemen in het voertuig", 2, "e_learning", 4, "Hogeschool Waterstof Noord", []),
    ("Veilig werken aan waterstofvoertuigen", 2, "workshop", 8, "Veiligheidsacademie Noordkust",
     [("h2-gevaren-herkennen", 4)]),
    ("Werkplaats inrichten", 3, "peer_to_peer", 4, None, []),
    ("Ritplanning met tankstops", 2, "workshop", 4, None, []),
    ("Business case waterstoftrucks", 2, "strategic_discussion", 3, None, []),
    ("Planning op eigen routes", 3, "simulation", 6, None, []),
    ("Routekaart ombouw wagenpark", 3, "strategic_discussion", 4, None, []),
    ("Intervisie: wat hebben we geleerd?", 3, "peer_to_peer", 2, None, []),
]  # fmt: skip
# name, target group, goal, desired reaction, stations (indexes into STATIONS), outcomes
LINES = [
    ("Chauffeurs", "Vrachtwagen- en buschauffeurs", "Veilig en zuinig rijden en tanken met waterstof.",
     "Chauffeurs tanken zelfstandig en melden afwijkingen volgens de procedure.", [0, 1, 2, 3, 11],
     [("h2-gevaren-herkennen", 0), ("h2-gevaren-herkennen", 1)]),
    ("Monteurs", "Monteurs van de werkplaats", "Onderhoud aan waterstofvoertuigen veilig uitvoeren.",
     "Monteurs werken volgens de werkinstructies voor waterstofvoertuigen.", [0, 1, 4, 5, 6, 11],
     [("h2-gevaren-herkennen", 4)]),
    ("Planners", "Planners en disponenten", "Ritten plannen met de tankmogelijkheden van waterstof.",
     "Planners plannen tankstops mee en gebruiken de planningstool.", [0, 1, 7, 8, 9, 11], []),
    ("Management", "Directie en fleetmanagers", "Een onderbouwd besluit over de ombouw van het wagenpark.",
     "Het management stelt een routekaart voor de ombouw vast.", [0, 8, 6, 10, 11], []),
]  # fmt: skip


def _items(pairs):
    return UloItem.objects.filter(code__in=[item_code(key, index) for key, index in pairs])


def seed_metro() -> None:
    campus = Campus.objects.get(slug="noord")
    if Cluster.objects.filter(campus=campus, name="Waterstof op de weg").exists():
        return
    broker = User.objects.get(email=f"makelaar.noord@{DEMO_DOMAIN}")
    manager = User.objects.get(email=f"accountmanager-bedrijven.noord@{DEMO_DOMAIN}")
    companies = Organisation.objects.filter(campus=campus, name__in=COMPANIES)
    cluster = clusters.create_cluster(
        broker,
        Cluster(
            campus=campus, name="Waterstof op de weg", broker=broker, account_manager=manager,
            theme="Hoe kunnen we ons wagenpark omschakelen naar waterstof?",
            commitment="De drie vervoerders leveren elk twee medewerkers per lijn en stellen hun werkplaats "
            "beschikbaar voor praktijkstations.",
        ),
        companies,
    )  # fmt: skip
    for name, company, kind in [
        ("Jelle Hoekstra", COMPANIES[0], "front_runner"),
        ("Anouk Bakker", COMPANIES[1], "key_player"),
        ("Fieldlab Waterstof Mobiliteit", None, "innovation_lab"),
    ]:
        organisation = companies.filter(name=company).first() if company else None
        member = CoreTeamMember(cluster=cluster, name=name, organisation=organisation, kind=kind)
        clusters.add_core_team_member(broker, member)
    sailboat = canvases.create_canvas(broker, cluster, kind=CanvasKind.SAILBOAT, title="Zeilboot ombouw wagenpark")
    canvases.save_canvas(
        broker, sailboat, title=sailboat.title, expected_version=sailboat.version,
        content={
            "island": "In 2030 rijdt de helft van onze vrachtwagens en bussen op waterstof.",
            "wind": "Subsidie voor emissievrije voertuigen; klanten vragen om schone logistiek.",
            "anchors": "Weinig tankstations; onbekendheid bij chauffeurs en monteurs.",
            "rocks": "Hoge aanschafprijs; veiligheidsincidenten door onvoldoende kennis.",
        },
    )  # fmt: skip
    for text in ["Hoe kunnen we chauffeurs enthousiast maken voor waterstof?",
                 "Hoe kunnen we onze werkplaats veilig geschikt maken?"]:  # fmt: skip
        canvases.add_question(broker, cluster, text)
    canvases.add_actor(broker, cluster, name="Provincie Groningen", goal="Emissievrij regionaal vervoer in 2035.")
    stations = []
    for name, phase, work_form, hours, provider, outcomes in STATIONS:
        station = Station(
            cluster=cluster, name=name, phase=phase, work_form=work_form, hours=hours,
            provider=Organisation.objects.filter(campus=campus, name=provider).first() if provider else None,
        )  # fmt: skip
        stations.append(lines.save_station(broker, station, _items(outcomes)))
    for name, group, goal, reaction, stops, outcomes in LINES:
        line = lines.save_line(
            broker, MetroLine(cluster=cluster, name=name, target_group=group, goal=goal, desired_reaction=reaction),
            _items(outcomes),
        )  # fmt: skip
        for index in stops:
            lines.add_stop(broker, line, stations[index])
    _recognise_drivers(cluster, outcomes=LINES[0][5])
    _plan_sessions(broker, stations)


def _recognise_drivers(cluster, *, outcomes) -> None:
    """The campus awards a badge to every driver who completes the drivers' line."""
    badge = Achievement.objects.create(
        campus=cluster.campus, name_nl="Metrolijn Chauffeurs: rijden op waterstof",
        name_en="Metro line Drivers: driving on hydrogen",
        description_nl="Heeft alle stations van de metrolijn voor chauffeurs gevolgd.",
        description_en="Took part in every station of the metro line for drivers.",
        criteria_nl="Aanwezig bij elk station van de lijn.", criteria_en="Present at every station of the line.",
    )  # fmt: skip
    badge.outcomes.set(_items(outcomes))
    MetroLine.objects.filter(cluster=cluster, name="Chauffeurs").update(achievement=badge)


def _plan_sessions(broker, stations) -> None:
    """The first two stations planned a few weeks ahead, so that the sign-up pages have something to offer."""
    today = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
    for station, days, place in [(stations[0], 12, "Transport Vennootschap Lauwersmeer, Leeuwarden"),
                                 (stations[1], 19, "Waterstoftankstation Groningen-Zuid")]:  # fmt: skip
        starts = today + datetime.timedelta(days=days)
        planner.plan_session(
            broker, StationSession(station=station, starts_at=starts, ends_at=starts + datetime.timedelta(hours=3),
                                   location=place, capacity=24, teacher="Esther Wiersma"),
        )  # fmt: skip
