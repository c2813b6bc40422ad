"""The demo offer: modules of several providers that teach the demo catalogue's items, loaded through the same
sheet import a provider uses."""

from mhw.accounts.models import Organisation, User
from mhw.demo import skills_data
from mhw.demo.data import DEMO_DOMAIN
from mhw.learning.models import Module
from mhw.learning.services import import_offer
from mhw.skills.models import UloStatus, UloVersion

# provider -> modules: (code, title_nl, title_en, hours, weeks, format, online, cost, basic,
#                       outcomes [(ulo key, item index, level)], prerequisite module codes, runs)
OFFER = {
    "Noordelijk Vakcollege Techniek": [
        ("H2-BASIS", "Veilig werken met waterstof", "Working safely with hydrogen", 16, 2, "classroom", False, 450,
         True, [("h2-gevaren-herkennen", 0, 2), ("h2-gevaren-herkennen", 1, 2), ("h2-gevaren-herkennen", 4, 2)],
         [], ["2027-01-11;16;ma en wo 18:00-21:30", "2027-03-01;16;ma en wo 18:00-21:30"]),
        ("H2-LEK", "Lekdichtheid beproeven", "Leak-tightness testing", 24, 3, "practical", False, 780, False,
         [("lekdichtheid-controleren", 0, 3), ("lekdichtheid-controleren", 1, 3), ("lekdichtheid-controleren", 2, 3)],
         ["H2-BASIS"], ["2027-02-01;12;di 08:30-16:30", "2027-04-05;12;di 08:30-16:30"]),
        ("H2-ELEK", "Elektrolysers installeren", "Installing electrolysers", 40, 5, "practical", False, 1450, False,
         [("elektrolyser-veilig-installeren", 0, 3), ("elektrolyser-veilig-installeren", 1, 3)],
         ["H2-BASIS"], ["2027-02-15;10;do en vr 08:30-16:30"]),
    ],
    "Hogeschool Waterstof Noord": [
        ("PED-DRUK", "Drukapparatuur en de PED", "Pressure equipment and the PED", 32, 4, "blended", False, 1200,
         False, [("ped-drukapparatuur-classificeren", 0, 3), ("ped-drukapparatuur-classificeren", 1, 3)], [],
         ["2027-01-18;20;wo 13:00-17:00"]),
    ],
    "Veiligheidsacademie Noordkust": [
        ("ATEX-E", "Explosieveiligheid (e-learning)", "Explosion safety (e-learning)", 8, 2, "e_learning", True, 195,
         True, [("atex-gevarenzones-beoordelen", 4, 2)], [], ["2027-01-04;200;in eigen tempo"]),
    ],
}  # fmt: skip


def item_code(key: str, index: int) -> str:
    ulo = next(u for u in skills_data.ULOS if u["key"] == key)
    version = UloVersion.objects.get(title_nl=ulo["title_nl"], status=UloStatus.PUBLISHED)
    return version.items.order_by("position")[index].code


def seed_learning() -> None:
    actor = User.objects.get(email=f"makelaar.noord@{DEMO_DOMAIN}")
    for provider_name, modules in OFFER.items():
        provider = Organisation.objects.get(name=provider_name)
        if Module.objects.filter(provider=provider).exists():
            continue
        records = []
        for row, (code, nl, en, hours, weeks, fmt, online, cost, basic, outcomes, prerequisites, runs) in enumerate(
            modules, start=2
        ):
            records.append(
                (
                    row,
                    {
                        "code": code, "title_nl": nl, "title_en": en, "hours": hours, "duration_weeks": weeks,
                        "format": fmt, "online": "yes" if online else "no", "cost": cost, "language": "nl",
                        "is_basic": "yes" if basic else "no", "location": "" if online else provider.city,
                        "credential": "Certificaat en Open Badge",
                        "outcomes": " | ".join(f"{item_code(k, i)}:{level}" for k, i, level in outcomes),
                        "prerequisite_modules": " | ".join(prerequisites), "runs": " | ".join(runs),
                    },
                )
            )  # fmt: skip
        import_offer(actor, provider, records)
