"""Demo skills profiles for the roles Michael and Sophie aim at, built from the demo catalogue, and their targets."""

from mhw.accounts.models import Campus, Organisation, User
from mhw.candidates.models import Candidate
from mhw.demo import skills_data
from mhw.demo.data import DEMO_DOMAIN
from mhw.skills.models import SkillsProfile, UloStatus, UloVersion
from mhw.skills.services import profiles

# (title nl, title en, company or None, [(ULO key, item index, level)])
PROFILES = [
    ("Waterstof pipe-engineer", "Hydrogen pipe engineer", "Waddenpijp Leidingbouw B.V.", [
        ("h2-gevaren-herkennen", 0, 2), ("lekdichtheid-controleren", 0, 3), ("lekdichtheid-controleren", 1, 3),
        ("lekdichtheid-controleren", 2, 3), ("ped-drukapparatuur-classificeren", 0, 3),
        ("ped-drukapparatuur-classificeren", 1, 3),
    ]),
    ("Elektrolyser-monteur", "Electrolyser installer", "Noorderwind Elektrolyse B.V.", [
        ("h2-gevaren-herkennen", 0, 2), ("h2-gevaren-herkennen", 1, 2), ("elektrolyser-veilig-installeren", 0, 3),
        ("elektrolyser-veilig-installeren", 1, 3),
    ]),
]  # fmt: skip
TARGETS = {"Michael": "Waterstof pipe-engineer", "Sophie": "Elektrolyser-monteur"}


def _item(key: str, index: int):
    ulo = next(u for u in skills_data.ULOS if u["key"] == key)
    version = UloVersion.objects.get(title_nl=ulo["title_nl"], status=UloStatus.PUBLISHED)
    return version.items.order_by("position")[index]


def seed_profiles() -> None:
    campus = Campus.objects.get(slug="noord")
    manager = User.objects.get(email=f"accountmanager-bedrijven.noord@{DEMO_DOMAIN}")
    for title_nl, title_en, company, requirements in PROFILES:
        if SkillsProfile.objects.filter(campus=campus, title_nl=title_nl).exists():
            continue
        profiles.create_profile(
            manager,
            campus=campus,
            organisation=Organisation.objects.get(campus=campus, name=company),
            title_nl=title_nl,
            title_en=title_en,
            vacancy_text="",
            requirements=[{"item": _item(k, i), "level": level, "weight": 1} for k, i, level in requirements],
        )
    for first_name, title in TARGETS.items():
        candidate = Candidate.objects.filter(campus=campus, first_name=first_name).first()
        if candidate is not None:
            candidate.target_roles.add(SkillsProfile.objects.get(campus=campus, title_nl=title))
