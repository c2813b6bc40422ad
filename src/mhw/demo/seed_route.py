"""Consent texts and the demo candidates' first steps on the route, taken through the real services."""

import datetime

from django.utils import timezone

from mhw.accounts.models import Campus, User
from mhw.candidates.models import Candidate, ConsentText
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import consent, intake, route
from mhw.demo.data import DEMO_DOMAIN
from mhw.learning.models import Module
from mhw.recruitment.models import RecruitmentEvent

CONSENT_TEXTS = {
    ConsentScope.PROGRAMME: (
        "Ik geef de campus toestemming mijn gegevens te verwerken voor mijn route in Make Hydrogen Work: aanmelding, "
        "intake en assessments, ontwikkelpad, opleiding en begeleiding naar werk. Intake- en assessmentresultaten "
        "zien alleen ikzelf, mijn coach en de medewerkers van de campus die ze nodig hebben; elke inzage wordt "
        "vastgelegd. Ik kan deze toestemming altijd intrekken.",
        "I allow the campus to process my data for my route in Make Hydrogen Work: registration, intake and "
        "assessments, development path, training and guidance into work. Only I, my coach and the campus staff who "
        "need them see intake and assessment results; every reading is recorded. I can withdraw this consent at "
        "any time.",
    ),
    ConsentScope.SHARE_WITH_COMPANIES: (
        "Ik geef toestemming mijn profiel (ervaring, skills en ontwikkelpad, geen testresultaten) te tonen aan "
        "bedrijven waarmee ik na de banenmarkt wederzijds ben gematcht. Intrekken kan altijd; bedrijven zien mijn "
        "profiel dan direct niet meer.",
        "I allow my profile (experience, skills and development path, no test results) to be shown to companies I "
        "am mutually matched with after the job fair. I can withdraw at any time; companies then no longer see my "
        "profile.",
    ),
    ConsentScope.KEEP_AFTER_REJECTION: (
        "Word ik nu niet geselecteerd, dan mag de campus mijn gegevens een jaar bewaren om mij bij een volgende ronde "
        "te benaderen. Zonder deze toestemming worden ze vier weken na de beslissing gewist.",
        "If I am not selected now, the campus may keep my data for a year to approach me for a next round. Without "
        "this consent they are erased four weeks after the decision.",
    ),
    ConsentScope.SHARE_WITH_REGISTERS: (
        "Ik geef toestemming de credentials die ik via Make Hydrogen Work behaal automatisch door te sturen naar de "
        "registers waarmee mijn campus samenwerkt (zoals het sectorregister van gekwalificeerde waterstofvakmensen). "
        "Intrekken kan altijd; daarna wordt niets meer doorgestuurd.",
        "I allow the credentials I earn through Make Hydrogen Work to be sent automatically to the registers my "
        "campus works with (such as the sector register of qualified hydrogen technicians). I can withdraw at any "
        "time; nothing is sent after that.",
    ),
}


def seed_consent_texts() -> None:
    for scope, (nl, en) in CONSENT_TEXTS.items():
        ConsentText.objects.get_or_create(scope=scope, version=1, defaults={"text_nl": nl, "text_en": en})


def seed_route() -> None:
    """Candidates with a portal account have consented and registered; Michael's intake is done."""
    seed_consent_texts()
    seed_events()
    for candidate in Candidate.objects.filter(user__isnull=False, stage="interested").select_related("user"):
        consent.give_consent(candidate.user, candidate, ConsentScope.PROGRAMME)
        consent.give_consent(candidate.user, candidate, ConsentScope.SHARE_WITH_COMPANIES)
        route.take_step(candidate.user, candidate, "register")
    michael = Candidate.objects.filter(first_name="Michael", stage="registered").first()
    if michael is not None:
        coach = User.objects.get(email=f"coach.noord@{DEMO_DOMAIN}")
        intake.record_intake_result(
            coach,
            michael,
            data={
                "kind": "interview",
                "taken_on": datetime.date(2026, 11, 2),
                "source": "Bram Hoekstra (coach)",
                "summary": "Sterk technisch profiel uit de machinekamer: ervaring met druk, leidingwerk en "
                "veiligheidsprocedures aan boord. Gemotiveerd voor werk aan land met vaste tijden.",
                "conclusions_for_candidate": "Je ervaring met leidingen en druksystemen sluit goed aan op de rol "
                "van waterstof pipe-engineer; we richten je pad op ATEX, drukapparatuur en lekdichtheid.",
            },
        )
        route.take_step(coach, michael, "complete_intake")


def seed_events() -> None:
    """Upcoming recruitment events at Noord and Rijnmond, weeks ahead of whenever the demo is built."""
    soon = timezone.localtime().replace(hour=19, minute=0, second=0, microsecond=0) + datetime.timedelta(days=14)
    plans = [
        ("noord", "information", "Informatiesessie: werken in de waterstof", 0, 2, "Zernike Campus, Groningen", 40),
        ("noord", "in_depth", "Verdiepingssessie: veilig werken met waterstof", 7, 2, "Noordelijk Vakcollege", 20),
        ("noord", "trial_study", "Proefstuderen: lekdichtheid beproeven", 10, 4, "Fieldlab Zoutcaverne", 12),
        ("rijnmond", "information", "Informatiesessie Rijnmond: banen in de waterstofhaven", 3, 2, "", 60),
    ]
    for slug, kind, title, days, hours, location, capacity in plans:
        campus = Campus.objects.get(slug=slug)
        starts = soon + datetime.timedelta(days=days)
        if RecruitmentEvent.objects.filter(campus=campus, title=title).exists():
            continue
        module = Module.objects.filter(code="H2-BASIS").first() if kind == "in_depth" else None
        RecruitmentEvent.objects.create(
            campus=campus, kind=kind, title=title, starts_at=starts, ends_at=starts + datetime.timedelta(hours=hours),
            location=location, online_url="" if location else "https://meet.makehydrogenwork.example/rijnmond",
            capacity=capacity, host=User.objects.get(email=f"coach.{slug}@{DEMO_DOMAIN}"), module=module,
        )  # fmt: skip
