"""National scale on top of the normal demo: thousands of generated but plausible companies, providers, modules with
runs, vacancies and candidates on the route, for measuring the platform under load (`seed_demo --scale national`).

Everything is generated from a seeded random generator, so two runs make the same data. Records are written with
bulk_create in batches; each kind is looked up by its natural key first (organisation: campus and name; module:
provider and code; vacancy: company, role and date; candidate: campus and e-mail address), so running it again
adds nothing. The records are what the services would make: a candidate's stage is reached through the route's
steps (`candidates/pipeline.py`), each stored as a pipeline event with actor, time and reason and as an audit line;
a registered candidate has the programme consent it requires, one past the intake an intake result.
"""

import datetime
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Model
from django.utils import timezone

from mhw.accounts.models import AuditEvent, Campus, Organisation, User
from mhw.candidates import pipeline
from mhw.candidates.models import Candidate, Consent, ConsentText, IntakeResult, PipelineEvent
from mhw.candidates.models.consent import ConsentScope
from mhw.demo.data import DEMO_DOMAIN
from mhw.ecosystem.models import Vacancy
from mhw.learning.models import Module, ModuleOutcome, ModuleRun
from mhw.skills.models import SkillsProfile, UloItem, UloStatus

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Scale:
    candidates: int
    companies: int
    providers: int
    modules: int
    vacancies: int


NATIONAL = Scale(candidates=20_000, companies=2_000, providers=140, modules=5_000, vacancies=3_000)
BATCH = 2_000
SEED = 20_261_206

# Share of the national programme per campus (the big industrial regions carry more).
CAMPUS_WEIGHTS = {"noord": 4, "rijnmond": 5, "noord-holland": 2, "zeeland": 2, "brabant": 3, "limburg": 2, "oost": 2}

CITIES = {
    "noord": ["Groningen", "Delfzijl", "Veendam", "Assen", "Emmen", "Leeuwarden", "Hoogezand", "Winschoten"],
    "noord-holland": ["Den Helder", "Alkmaar", "Hoorn", "Schagen", "Heerhugowaard", "Enkhuizen"],
    "rijnmond": ["Rotterdam", "Spijkenisse", "Vlaardingen", "Schiedam", "Maassluis", "Delft", "Barendrecht"],
    "zeeland": ["Vlissingen", "Middelburg", "Terneuzen", "Goes", "Bergen op Zoom", "Roosendaal"],
    "brabant": ["Eindhoven", "Helmond", "Tilburg", "Breda", "'s-Hertogenbosch", "Veghel", "Oss"],
    "limburg": ["Geleen", "Sittard", "Maastricht", "Heerlen", "Venlo", "Roermond", "Weert"],
    "oost": ["Arnhem", "Nijmegen", "Apeldoorn", "Deventer", "Enschede", "Zwolle", "Hengelo"],
}
NAME_PARTS = [
    "Noorderlicht", "Kustwind", "Polder", "Delta", "Rivierland", "Havenmond", "Duinrand", "Veenkoloniaal",
    "Zilvermeeuw", "Brugwachter", "Kanaalzijde", "Heidebloem", "Dijkgraaf", "Sluiswerk", "Stroomdal", "Waddenzicht",
    "Zoutkoepel", "Lichtboei", "Windhoek", "Molenveld", "Groenkracht", "Blauwe Golf", "Ijsselzoom", "Maasoever",
    "Scheldedal", "Peelrand", "Kempenhof", "Betuwe", "Twentse Poort", "Heuvelland",
]  # fmt: skip
TRADES = [
    "Waterstoftechniek", "Elektrolyse", "Leidingbouw", "Procestechniek", "Installatietechniek", "Montage",
    "Onderhoudsdiensten", "Tanktechniek", "Brandstofcellen", "Energiesystemen", "Meet- en Regeltechniek",
    "Compressortechniek", "Transport", "Logistiek", "Veiligheidsdiensten", "Metaalbewerking", "Engineering",
    "Ketelbouw", "Netbeheer", "Havendiensten",
]  # fmt: skip
LEGAL_FORMS = ["B.V.", "B.V.", "& Zonen", "Groep", "Nederland B.V.", "Services"]
PROVIDER_KINDS = [
    ("Vakcollege {part}", "mbo"), ("Technische Academie {part}", "private"), ("Hogeschool {part}", "hbo"),
    ("Opleidingscentrum {part}", "private"), ("Veiligheidsinstituut {part}", "private"),
]  # fmt: skip
TOPICS = [
    ("Veilig werken met waterstof", "Working safely with hydrogen"),
    ("Lekdichtheid beproeven", "Leak-tightness testing"),
    ("Elektrolysers installeren", "Installing electrolysers"),
    ("Drukapparatuur en de PED", "Pressure equipment and the PED"),
    ("Explosieveiligheid en ATEX-zones", "Explosion safety and ATEX zones"),
    ("Brandstofcellen onderhouden", "Maintaining fuel cells"),
    ("Waterstofleidingen lassen", "Welding hydrogen pipelines"),
    ("Compressoren en opslag", "Compressors and storage"),
    ("Meet- en regeltechniek voor waterstof", "Instrumentation and control for hydrogen"),
    ("Vergunningen voor waterstofinstallaties", "Permits for hydrogen installations"),
    ("Waterstoftankstations bedienen", "Operating hydrogen refuelling stations"),
    ("Risicoanalyse en HAZOP", "Risk analysis and HAZOP"),
]
SCHEDULES = ["ma en wo 18:00-21:30", "di 08:30-16:30", "in eigen tempo"]
CONCLUSION = "We stemmen je pad af op je ervaring en de rol die je zoekt."
LEVEL_WORDS = [("basis", "basics"), ("gevorderd", "advanced"), ("praktijk", "in practice"), ("verdieping", "in depth")]
FIRST_NAMES = [
    "Sanne", "Daan", "Lotte", "Sem", "Emma", "Lucas", "Julia", "Milan", "Fleur", "Bram", "Noa", "Thijs", "Anna",
    "Jesse", "Sara", "Ruben", "Eva", "Youssef", "Fatima", "Mehmet", "Ayşe", "Kevin", "Linda", "Mark", "Ingrid",
    "Kees", "Marieke", "Johan", "Priya", "Tomasz", "Agnieszka", "Rachid", "Nadia", "Wim", "Petra", "Hendrik",
]  # fmt: skip
LAST_NAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
    "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "El Idrissi", "Yılmaz", "Kowalski", "Nowak",
    "Postma", "Kuipers", "Veenstra", "Hoekstra", "Wiersma", "Bulut",
]  # fmt: skip
OCCUPATIONS = [
    "Monteur installatietechniek", "Lasser", "Procesoperator", "Elektromonteur", "Scheepswerktuigkundige",
    "Vrachtwagenchauffeur", "Onderhoudsmonteur", "Servicetechnicus cv", "Leidingmonteur", "Bouwvakker",
    "Mechanisch engineer", "Instrumentatietechnicus", "Magazijnmedewerker", "Storingsmonteur", "Werkvoorbereider",
]  # fmt: skip
ROLES = [
    "Elektrolyser-installateur", "Waterstof pipe-engineer", "H2-veiligheidskundige", "Vergunningverlener waterstof",
    "Onderhoudsmonteur brandstofcellen", "Procesoperator waterstof", "Servicetechnicus tankstations",
    "Lasser waterstofleidingen", "Meet- en regeltechnicus",
]  # fmt: skip
CHANNELS = [c for c, _label in Candidate._meta.get_field("recruitment_channel").choices]

# Where generated candidates stand, with the route's steps that lead there (each checked against the pipeline).
STAGE_PATHS = [
    (20, "interested", []),
    (24, "registered", ["register"]),
    (18, "intake_done", ["register", "complete_intake"]),
    (10, "selected", ["register", "complete_intake", "select"]),
    (8, "not_selected", ["register", "complete_intake", "reject"]),
    (6, "application_training_done", ["register", "complete_intake", "select", "complete_application_training"]),
    (5, "at_job_fair", ["register", "complete_intake", "select", "complete_application_training", "attend_job_fair"]),
    (5, "withdrawn", ["register", "withdraw"]),
    (4, "withdrawn", ["register", "complete_intake", "withdraw"]),
]
REASONS = {
    "reject": "Motivatie en verwachtingen sluiten (nog) niet aan op de rol.",
    "withdraw": "Heeft elders werk gevonden.",
}


def _batched(records: list[Model], model, progress: Progress, label: str) -> list[Model]:
    created = []
    for start in range(0, len(records), BATCH):
        created += model.objects.bulk_create(records[start : start + BATCH])
        progress(label, min(start + BATCH, len(records)), len(records))
    if not records:
        progress(label, 1, 1)
    return created


def _bulk(model, records: Iterable[Model], progress: Progress, label: str) -> list[Model]:
    return _batched(list(records), model, progress, label)


def _ascii(text: str) -> str:
    table = str.maketrans({"ş": "s", "ı": "i", "'": "", " ": ""})
    return text.lower().translate(table)


def _share(total: int, campuses: list[Campus]) -> dict[int, int]:
    """Split `total` over the campuses by weight, exactly."""
    weights = [CAMPUS_WEIGHTS.get(c.slug, 1) for c in campuses]
    counts = [total * w // sum(weights) for w in weights]
    counts[0] += total - sum(counts)
    return {c.pk: n for c, n in zip(campuses, counts, strict=True)}


def _staff(campus: Campus, local_parts: list[str]) -> User:
    """The first of these demo staff members the campus has (the demo has full staff at two campuses only)."""
    for local in local_parts:
        user = User.objects.filter(email=f"{local}.{campus.slug}@{DEMO_DOMAIN}").first()
        if user is not None:
            return user
    raise LookupError(f"no staff for {campus.slug}")


def seed_organisations(rng: random.Random, campuses: list[Campus], scale: Scale, progress: Progress):
    existing = set(Organisation.objects.values_list("campus_id", "name"))
    new = []
    for kind, total in (("company", scale.companies), ("education_provider", scale.providers)):
        for campus in campuses:
            count, seen = _share(total, campuses)[campus.pk], set()
            while len(seen) < count:
                part = rng.choice(NAME_PARTS)
                if kind == "company":
                    name = f"{part} {rng.choice(TRADES)} {rng.choice(LEGAL_FORMS)}"
                    education_type, size = "", "large" if rng.random() < 0.25 else "sme"
                else:
                    pattern, education_type = rng.choice(PROVIDER_KINDS)
                    name, size = f"{pattern.format(part=part)} {rng.choice(CITIES[campus.slug])}", ""
                city = rng.choice(CITIES[campus.slug])
                if name in seen:
                    continue
                seen.add(name)
                if (campus.pk, name) not in existing:
                    new.append(Organisation(campus=campus, name=name, kind=kind, size_class=size,
                                            education_type=education_type, city=city))  # fmt: skip
    _bulk(Organisation, new, progress, "organisations")


def seed_modules(rng: random.Random, campuses: list[Campus], scale: Scale, progress: Progress) -> None:
    providers = list(Organisation.objects.filter(kind="education_provider", campus__in=campuses).order_by("pk"))
    items = list(
        UloItem.objects.filter(version__status=UloStatus.PUBLISHED).order_by("pk").values_list("pk", flat=True)
    )
    existing = set(Module.objects.values_list("provider_id", "code"))
    modules, plans = [], []
    for number in range(scale.modules):
        provider = providers[number % len(providers)]
        code = f"NL-{number + 1:05d}"
        (topic_nl, topic_en), (level_nl, level_en) = rng.choice(TOPICS), rng.choice(LEVEL_WORDS)
        hours = rng.choice([8, 16, 24, 32, 40, 80])
        fmt = rng.choice(Module.Format.values)
        online = fmt == Module.Format.E_LEARNING
        outcomes = rng.sample(items, min(len(items), rng.randint(1, 4)))
        runs = rng.randint(1, 3)
        cost, english, basic = Decimal(rng.randrange(150, 2500, 5)), rng.random() < 0.1, rng.random() < 0.2
        if (provider.pk, code) in existing:
            continue
        modules.append(
            Module(
                provider=provider, code=code, title_nl=f"{topic_nl} ({level_nl})", title_en=f"{topic_en} ({level_en})",
                description=f"{topic_nl}: {level_nl} voor vakmensen die overstappen naar waterstof.", hours=hours,
                duration_weeks=max(1, hours // 8), format=fmt, location="" if online else provider.city,
                online=online, cost=cost, language="en" if english else "nl",
                credential="Certificaat en Open Badge", is_basic=basic,
            )
        )  # fmt: skip
        plans.append((outcomes, runs))
    modules = _batched(modules, Module, progress, "modules")
    today = timezone.localdate()
    outcomes, runs = [], []
    for module, (items_taught, run_count) in zip(modules, plans, strict=True):
        outcomes += [ModuleOutcome(module=module, item_id=item, level=rng.randint(2, 4)) for item in items_taught]
        for _ in range(run_count):
            starts = today + datetime.timedelta(days=rng.randint(-120, 300))
            seats, schedule = rng.choice([8, 12, 16, 20, 24]), rng.choice(SCHEDULES)
            runs.append(ModuleRun(module=module, starts_on=starts, seats=seats, schedule=schedule))
    _bulk(ModuleOutcome, outcomes, progress, "module outcomes")
    _bulk(ModuleRun, runs, progress, "module runs")


def seed_vacancies(rng: random.Random, campuses: list[Campus], scale: Scale, progress: Progress) -> None:
    companies = {c.pk: list(Organisation.objects.filter(campus=c, kind="company").order_by("pk")) for c in campuses}
    profiles = {c.pk: list(SkillsProfile.objects.filter(campus=c).order_by("pk")) for c in campuses}
    # The vacancy's reference in its text is its natural key (the dates move with the day the demo is built).
    existing = set(Vacancy.objects.filter(text__contains="(ref. NLV-").values_list("text", flat=True))
    existing = {text.rsplit("(ref. ", 1)[1] for text in existing}
    today = timezone.localdate()
    new, actor_by_campus, number = [], {c.pk: _staff(c, ["accountmanager-bedrijven", "beheer"]) for c in campuses}, 0
    for campus in campuses:
        for _ in range(_share(scale.vacancies, campuses)[campus.pk]):
            number += 1
            company, role = rng.choice(companies[campus.pk]), rng.choice(ROLES)
            posted = today - datetime.timedelta(days=rng.randint(0, 364))
            profile = rng.choice(profiles[campus.pk]) if profiles[campus.pk] and rng.random() < 0.3 else None
            places = rng.randint(1, 6)
            reference = f"NLV-{number:05d})"
            if reference in existing:
                continue
            new.append(
                Vacancy(campus=campus, company=company, role_title=role, number=places, posted_on=posted,
                        region=campus.region, profile=profile,
                        text=f"{company.name} zoekt een {role.lower()} in {company.city}. (ref. {reference}")
            )  # fmt: skip
    vacancies = _batched(new, Vacancy, progress, "vacancies")
    _bulk(AuditEvent, (_audit(actor_by_campus[v.campus_id], "vacancy.recorded", v, v.campus_id, timezone.now(),
                              details={"vacancy": v.pk}) for v in vacancies), progress, "vacancy audit")  # fmt: skip


def _audit(actor: User, action: str, obj: Model, campus_id: int, at, *, reason="", details=None) -> AuditEvent:
    return AuditEvent(
        actor=actor, actor_label=actor.email, action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk),
        campus_id=campus_id, at=at, reason=reason, details=details or {},
    )  # fmt: skip


def _check_path(trajectory: str, actions: list[str], target: str) -> None:
    """The route's own state machine confirms the generated path (with the facts the generated records give)."""
    stage = "interested"
    facts = frozenset({"consent", "intake_results", "employer_sponsor"})
    for action in actions:
        stage = pipeline.next_stage(stage, action, trajectory, facts, REASONS.get(action, ""))
    assert stage == target, (actions, stage, target)


def seed_candidates(rng: random.Random, campuses: list[Campus], scale: Scale, progress: Progress) -> None:
    texts = {scope: ConsentText.current(scope) for scope in (ConsentScope.PROGRAMME, ConsentScope.SHARE_WITH_COMPANIES)}
    existing = set(Candidate.objects.values_list("campus_id", "email"))
    companies = {c.pk: list(Organisation.objects.filter(campus=c, kind="company").order_by("pk")) for c in campuses}
    profiles = {c.pk: list(SkillsProfile.objects.filter(campus=c).order_by("pk")) for c in campuses}
    office = {c.pk: _staff(c, ["accountmanager-kandidaten", "beheer"]) for c in campuses}
    coaches = {c.pk: _staff(c, ["coach"]) for c in campuses}
    weights = [w for w, _stage, _actions in STAGE_PATHS]
    now = timezone.now()
    candidates, plans, number = [], [], 0
    for campus in campuses:
        for _ in range(_share(scale.candidates, campuses)[campus.pk]):
            number += 1
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            _weight, stage, actions = rng.choices(STAGE_PATHS, weights)[0]
            upskilling = rng.random() < 0.15 and "complete_application_training" not in actions
            trajectory = Candidate.Trajectory.UPSKILLING if upskilling else Candidate.Trajectory.LATERAL_ENTRY
            created = now - datetime.timedelta(
                days=rng.randint(len(actions) * 14 + 1, 540), minutes=rng.randint(0, 600)
            )
            times = [created]
            for _action in actions:
                times.append(times[-1] + datetime.timedelta(days=rng.randint(3, 14), hours=rng.randint(0, 8)))
            share = rng.random() < 0.6
            target_roles = rng.sample(profiles[campus.pk], min(len(profiles[campus.pk]), rng.randint(0, 2)))
            email = f"{_ascii(first)}.{_ascii(last)}.{number:05d}@{DEMO_DOMAIN}"
            phone, city = f"06-{rng.randint(0, 99_999_999):08d}", rng.choice(CITIES[campus.slug])
            occupation, channel = rng.choice(OCCUPATIONS), rng.choice(CHANNELS)
            employer = rng.choice(companies[campus.pk]) if upskilling else None
            if (campus.pk, email) in existing:
                continue
            candidates.append(
                Candidate(
                    campus=campus, first_name=first, last_name=last, email=email, phone=phone, city=city,
                    current_occupation=occupation, trajectory=trajectory, employer=employer,
                    coach=coaches[campus.pk] if actions else None, stage=stage, recruitment_channel=channel,
                    created_at=created, updated_at=created, stage_since=times[-1], version=1 + len(actions),
                )
            )  # fmt: skip
            plans.append((actions, times[1:], share, target_roles))
    # A path is what the route's state machine allows; check each kind once.
    for _weight, stage, actions in STAGE_PATHS:
        for trajectory in Candidate.Trajectory.values:
            if trajectory == Candidate.Trajectory.LATERAL_ENTRY or "complete_application_training" not in actions:
                _check_path(trajectory, actions, stage)
    candidates = _batched(candidates, Candidate, progress, "candidates")
    events, consents, intakes, audit, roles = [], [], [], [], []
    through = Candidate.target_roles.through
    for candidate, (actions, times, share, target_roles) in zip(candidates, plans, strict=True):
        actor, coach = office[candidate.campus_id], coaches[candidate.campus_id]
        stage = "interested"
        audit.append(_audit(actor, "candidate.registered", candidate, candidate.campus_id, candidate.created_at))
        roles += [through(candidate_id=candidate.pk, skillsprofile_id=p.pk) for p in target_roles]
        for action, at in zip(actions, times, strict=True):
            if action == "register":
                scopes = [ConsentScope.PROGRAMME] + ([ConsentScope.SHARE_WITH_COMPANIES] if share else [])
                for scope in scopes:
                    consents.append(Consent(candidate=candidate, text=texts[scope], given_at=at, given_by=actor))
                    audit.append(_audit(actor, "consent.given", candidate, candidate.campus_id, at,
                                        details={"scope": scope, "version": texts[scope].version}))  # fmt: skip
            if action == "complete_intake":
                intakes.append(
                    IntakeResult(candidate=candidate, kind=IntakeResult.Kind.INTERVIEW, taken_on=at.date(),
                                 source=f"{coach.full_name} (coach)", recorded_by=coach, recorded_at=at,
                                 summary="Intakegesprek: technische achtergrond en motivatie besproken.",
                                 conclusions_for_candidate=CONCLUSION)
                )  # fmt: skip
                audit.append(_audit(coach, "candidate.intake_recorded", candidate, candidate.campus_id, at,
                                    details={"kind": "interview"}))  # fmt: skip
            target = pipeline.next_stage(stage, action, candidate.trajectory,
                                         frozenset({"consent", "intake_results", "employer_sponsor"}),
                                         REASONS.get(action, ""))  # fmt: skip
            reason = REASONS.get(action, "")
            events.append(PipelineEvent(candidate=candidate, action=action, from_stage=stage, to_stage=target,
                                        actor=actor, at=at, reason=reason))  # fmt: skip
            audit.append(_audit(actor, f"candidate.step.{action}", candidate, candidate.campus_id, at, reason=reason))
            stage = target
    _bulk(through, roles, progress, "roles aimed at")
    _bulk(Consent, consents, progress, "consents")
    _bulk(IntakeResult, intakes, progress, "intake results")
    _bulk(PipelineEvent, events, progress, "route steps")
    _bulk(AuditEvent, audit, progress, "audit log")


def seed_national(progress: Progress, scale: Scale = NATIONAL) -> None:
    """Add the national-scale data to the normal demo (which must be in place)."""
    rng = random.Random(SEED)
    campuses = list(Campus.objects.order_by("pk"))
    seed_organisations(rng, campuses, scale, progress)
    seed_modules(random.Random(SEED + 1), campuses, scale, progress)
    seed_vacancies(random.Random(SEED + 2), campuses, scale, progress)
    seed_candidates(random.Random(SEED + 3), campuses, scale, progress)
