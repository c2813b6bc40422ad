import datetime
from dataclasses import dataclass, field

import pytest
from django.core.cache import caches
from django.utils import timezone
from hypothesis import settings as hypothesis_settings

from mhw.accounts.models import ApiToken, Campus, Organisation, User
from mhw.accounts.roles import Role
from mhw.accounts.tokens import new_token_secret, token_hash
from mhw.candidates.models import (
    Candidate,
    CoachingSession,
    Consent,
    DeclarationOfIntent,
    EmploymentContract,
    Enrolment,
)
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import consent as consent_services
from mhw.demo.seed_route import seed_consent_texts
from mhw.learning.models import Module
from mhw.learning.services import import_offer
from mhw.matching.models import JobFair
from mhw.recruitment.models import EventRegistration, RecruitmentEvent
from mhw.skills.mapping_sheet import MappingGrid
from mhw.skills.models import Qualification, SkillsMapping, SkillsProfile, UloVersion
from mhw.skills.services import catalogue, mapping, profiles
from tests.factories import (
    CampusFactory,
    CandidateFactory,
    OrganisationFactory,
    UserFactory,
    national_admin,
    organisation_user,
    staff,
)

# Tests check behaviour, never timing: no hypothesis deadline on these shared, noisy machines.
hypothesis_settings.register_profile("mhw", deadline=None)
hypothesis_settings.load_profile("mhw")

#: Every kind of actor the permission matrix walks through. Staff roles are at campus A unless the name says B.
ACTORS = (
    "anonymous",
    "candidate",
    "company_hr",
    "provider_staff",
    "candidate_account_manager",
    "coach",
    "teacher",
    "company_account_manager",
    "broker",
    "expert",
    "campus_admin",
    "national_admin",
    "coach_campus_b",
    # Companies as the candidate's consent and their match make them: company A's HR (matched with candidate A by a
    # declaration of intent) while candidate A consents to showing the profile to matched companies, after that
    # consent was withdrawn, and the HR of a company without a match while candidate A consents.
    "company_hr_consent_given",
    "company_hr_consent_withdrawn",
    "company_hr_unmatched",
)


@dataclass
class World:
    """Two campuses with one user of each kind, a company and provider at campus A, and candidates on both."""

    campus_a: Campus
    campus_b: Campus
    company_a: Organisation
    provider_a: Organisation
    candidate_a: Candidate
    candidate_b: Candidate
    users: dict[str, User | None] = field(default_factory=dict)
    coach_token: ApiToken | None = None
    skills: "SkillsWorld | None" = None
    consent_a: Consent | None = None
    module_a: Module | None = None
    declaration_a: DeclarationOfIntent | None = None
    event_a: RecruitmentEvent | None = None
    registration_a: EventRegistration | None = None
    session_a: CoachingSession | None = None
    enrolment_a: Enrolment | None = None
    fair_a: JobFair | None = None

    def user(self, actor: str) -> User | None:
        return self.users[actor]


def build_world() -> World:
    campus_a = CampusFactory(name="Campus A", slug="campus-a")
    campus_b = CampusFactory(name="Campus B", slug="campus-b")
    company_a = OrganisationFactory(campus=campus_a, name="Elektrolyse A B.V.")
    provider_a = OrganisationFactory(campus=campus_a, name="Opleider A", kind=Organisation.Kind.EDUCATION_PROVIDER)
    users: dict[str, User | None] = {"anonymous": None}
    for role in (
        Role.CANDIDATE_ACCOUNT_MANAGER,
        Role.COACH,
        Role.TEACHER,
        Role.COMPANY_ACCOUNT_MANAGER,
        Role.BROKER,
        Role.EXPERT,
        Role.CAMPUS_ADMIN,
    ):
        users[role.value] = staff(role, campus_a)
    users["coach_campus_b"] = staff(Role.COACH, campus_b)
    users["national_admin"] = national_admin()
    users["company_hr"] = organisation_user(Role.COMPANY_HR, company_a)
    users["provider_staff"] = organisation_user(Role.PROVIDER_STAFF, provider_a)
    users["company_hr_consent_given"] = users["company_hr_consent_withdrawn"] = users["company_hr"]
    users["company_hr_unmatched"] = organisation_user(
        Role.COMPANY_HR, OrganisationFactory(campus=campus_a, name="Geen match B.V.")
    )
    users["candidate"] = UserFactory(full_name="Michael Zwart")
    seed_consent_texts()
    candidate_a = CandidateFactory(campus=campus_a, user=users["candidate"], coach=users["coach"])
    candidate_b = CandidateFactory(campus=campus_b, first_name="Tarik", coach=users["coach_campus_b"])
    prefix, raw = new_token_secret()
    coach_token = ApiToken.objects.create(user=users["coach"], name="script", prefix=prefix, key_hash=token_hash(raw))
    world = World(campus_a, campus_b, company_a, provider_a, candidate_a, candidate_b, users, coach_token)
    world.consent_a = consent_services.give_consent(users["candidate"], candidate_a, ConsentScope.PROGRAMME)
    world.skills = build_skills_world(world)
    item = world.skills.published.items.get(kind="knowledge")
    world.module_a = import_offer(
        users["broker"],
        provider_a,
        [(2, {"code": "H2-BASIS", "title_nl": "Basis", "title_en": "Basics", "hours": 16, "duration_weeks": 2,
              "format": "classroom", "cost": 450, "language": "nl", "is_basic": "yes", "outcomes": f"{item.code}:2",
              "runs": "2027-01-11;16;ma"})],
    )[0]  # fmt: skip
    world.declaration_a = DeclarationOfIntent.objects.create(
        candidate=candidate_a, company=company_a, role_title="Pipe-engineer", contract_start="2027-07-01",
        minimum_months=12, work_experience_months=6, hours_per_week=38, salary_band="schaal 7",
        signed_by_company_at=timezone.now(), signed_by_candidate_at=timezone.now(),
    )  # fmt: skip
    EmploymentContract.objects.create(
        declaration=world.declaration_a, starts_on="2027-07-01", duration_months=12, hours_per_week=38
    )
    starts = timezone.now() + datetime.timedelta(days=10)
    world.event_a = RecruitmentEvent.objects.create(
        campus=campus_a, kind="information", title="Informatiesessie waterstof", starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2), location="Groningen", capacity=2, host=users["coach"],
    )  # fmt: skip
    world.session_a = CoachingSession.objects.create(
        candidate=candidate_a, kind="coaching", planned_at=starts, coach=users["coach"], topic="Intake"
    )
    world.enrolment_a = Enrolment.objects.create(candidate=candidate_a, run=world.module_a.runs.get())
    world.fair_a = JobFair.objects.create(campus=campus_a, title="Banenmarkt", held_on="2027-02-01", rounds=3)
    world.fair_a.companies.create(company=company_a, role_title="Pipe-engineer", tables=1, places=1)
    world.fair_a.candidates.create(candidate=candidate_a)
    world.registration_a = EventRegistration.objects.create(
        event=world.event_a, name="Joost", email="joost@example.org", status="confirmed"
    )
    return world


@dataclass
class SkillsWorld:
    """Campus A's skills work: a published and a draft ULO, a qualification, a mapping and a profile."""

    published: UloVersion
    draft: UloVersion
    qualification: Qualification
    mapping: SkillsMapping
    profile: SkillsProfile


def build_skills_world(world: World) -> SkillsWorld:
    from tests.skills.conftest import complete_items, ulo_data

    teacher, expert = world.user("teacher"), world.user("expert")
    published = catalogue.create_ulo(teacher, campus=world.campus_a, data=ulo_data(), items=complete_items())
    for actor, action in ((teacher, "submit"), (expert, "validate"), (expert, "publish")):
        published = catalogue.take_transition(actor, published, action)
    draft = catalogue.create_ulo(
        teacher, campus=world.campus_a, data=ulo_data(title_nl="Concept"), items=complete_items()
    )
    qualification = Qualification.objects.create(campus=world.campus_a, name_nl="Monteur H2", name_en="H2 fitter")
    qualification.ulo_versions.add(published)
    grid = MappingGrid(
        roles=[("Monteur", "Fitter"), ("Engineer", "Engineer")],
        specialisms=[(1, "ATEX", "ATEX"), (2, "Druk", "Pressure"), (3, "Lassen", "Welding")],
        cells={(0, 0): (1, 3), (0, 1): (2, 2), (0, 2): (1, 4), (1, 0): (2, 4), (1, 1): (3, 4), (1, 2): (0, 1)},
    )
    skills_mapping = mapping.create_mapping(
        world.user("broker"),
        campus=world.campus_a,
        title_nl="Waterstof",
        title_en="Hydrogen",
        description="",
        grid=grid,
    )
    item = published.items.get(kind="skill", position=1)
    profile = profiles.create_profile(
        world.user("company_account_manager"),
        campus=world.campus_a,
        organisation=world.company_a,
        title_nl="Elektrolyser-monteur",
        title_en="Electrolyser installer",
        vacancy_text="Wij zoeken een monteur.",
        requirements=[{"item": item, "level": 3, "weight": 1}],
    )
    return SkillsWorld(published, draft, qualification, skills_mapping, profile)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is the production hasher (tests/test_settings.py checks it); MD5 keeps hundreds of test users fast.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _pages_drawn_unless_kept_on_purpose(request, settings):
    """Most tests read what a view put in its template context, which an answer kept from memory does not have, so
    they see every page drawn; tests marked `page_cache` (tests/web/test_page_cache.py, the browser journeys) keep
    pages as production does. Each test's database starts over, and with it the data stamp: nothing kept by one test
    is any use to the next."""
    if not request.node.get_closest_marker("page_cache"):
        settings.PAGE_CACHE_SECONDS = 0
    caches["pages"].clear()


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture
def client_for(client):
    """A test client logged in as `user` (or anonymous for None)."""

    def make(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return make
