"""A cluster at campus A with company A in it, one line stopping at one station, a canvas, a question and a core team
member, a planned session with a registration; each made on first use and found again after (the permission matrix
asks for them per actor)."""

import datetime

from django.utils import timezone

from mhw.metro.models import (
    Canvas,
    Cluster,
    CoreTeamMember,
    CycleRound,
    CycleStep,
    CycleStepRecord,
    LineStop,
    MetroLine,
    Question,
    Registration,
    Station,
    StationSession,
)


def cluster(world) -> Cluster:
    made, created = Cluster.objects.get_or_create(
        campus=world.campus_a, name="Waterstof op de weg", defaults={"theme": "Hoe schakelen we ons wagenpark om?"}
    )
    if created:
        made.companies.add(world.company_a)
        cycle_round = CycleRound.objects.create(cluster=made, number=1)
        CycleStepRecord.objects.bulk_create(CycleStepRecord(round=cycle_round, step=s) for s in CycleStep.values)
    return made


def line(world) -> MetroLine:
    return MetroLine.objects.get_or_create(
        cluster=cluster(world), name="Chauffeurs", defaults={"target_group": "Chauffeurs"}
    )[0]


def station(world) -> Station:
    return Station.objects.get_or_create(cluster=cluster(world), name="Kick-off")[0]


def stop(world) -> LineStop:
    return LineStop.objects.get_or_create(line=line(world), station=station(world), defaults={"position": 1})[0]


def canvas(world) -> Canvas:
    return Canvas.objects.get_or_create(cluster=cluster(world), kind="sailboat", title="Zeilboot")[0]


def question(world) -> Question:
    return Question.objects.get_or_create(
        cluster=cluster(world),
        text="Hoe maken we chauffeurs enthousiast?",
        defaults={"created_by": world.user("broker")},
    )[0]


def member(world) -> CoreTeamMember:
    return CoreTeamMember.objects.get_or_create(cluster=cluster(world), name="Jelle Hoekstra", kind="front_runner")[0]


def step(world) -> CycleStepRecord:
    return cluster(world).current_round.steps.get(step=CycleStep.ANALYSE)


def session(world) -> StationSession:
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=20)
    made, _created = StationSession.objects.get_or_create(
        station=stop(world).station, defaults={"starts_at": starts, "ends_at": starts + datetime.timedelta(hours=3),
                                               "capacity": 2, "location": "Werkplaats Leeuwarden"},
    )  # fmt: skip
    return made


def registration(world) -> Registration:
    made, _created = Registration.objects.get_or_create(
        session=session(world),
        email="jan@lauwersmeer.example",
        defaults={"name": "Jan de Vries", "status": Registration.Status.CONFIRMED, "company": world.company_a},
    )
    return made
