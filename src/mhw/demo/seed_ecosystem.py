"""Demo campus ecosystems of the northern and the Rijnmond campus: the L&D network's members, questions and a meeting
with decisions, the relations of the key players on the ecosystem map, who fills the KennisCirkel's functions, and
the hydrogen developments of the innovation system analysis, a microlearning community, and vacancies.
Built through the real services; idempotent."""

import datetime

from django.utils import timezone

from mhw.accounts.models import Campus, Organisation, User
from mhw.demo.data import DEMO_DOMAIN
from mhw.demo.seed_learning import item_code
from mhw.ecosystem.innovation import SYSTEM_FUNCTIONS
from mhw.ecosystem.models import (
    Community,
    Development,
    NetworkMeeting,
    NetworkMember,
    NetworkQuestion,
    Relation,
    Vacancy,
)
from mhw.ecosystem.services import communities, innovation, knowledge, network, vacancies
from mhw.skills.models import SkillsMapping, UloItem, UloStatus

# campus slug → (manager e-mail local part, members: name, organisation, role, position)
NETWORKS = {
    "noord": (
        "accountmanager-bedrijven.noord",
        [
            ("Maaike Dijkstra", "Noorderwind Elektrolyse B.V.", "strategic_hr", "HR-directeur"),
            ("Ruben Smit", "Eemsdelta Procestechniek B.V.", "strategic_hr", "Manager opleidingen"),
            ("Niels Brouwer", "Waddenpijp Leidingbouw B.V.", "strategic_hr", "Bedrijfsleider"),
            ("Ilse Mulder", "Wadden Distributie Groningen B.V.", "strategic_hr", "HR-adviseur"),
            ("Gerrit Zijlstra", "Noordelijk Vakcollege Techniek", "educator", "Teamleider techniek"),
            ("Femke de Boer", "Hogeschool Waterstof Noord", "educator", "Lector waterstoftechnologie"),
            ("Harm Kloosterman", "Provincie Noorderland (fictief)", "government", "Beleidsadviseur arbeidsmarkt"),
            ("Wendy Veenstra", None, "labour_market", "Adviseur werkgeversdienstverlening (UWV)"),
        ],
    ),
    "rijnmond": (
        "accountmanager-bedrijven.rijnmond",
        [
            ("Pieter Visser", "Maasvlakte Waterstofterminal B.V.", "strategic_hr", "HR business partner"),
            ("Anna Jansen", "Rijnmond Elektrolyserbouw B.V.", "strategic_hr", "Talent manager"),
            ("Mohamed El Amrani", "Botlek Pijpleidingtechniek B.V.", "strategic_hr", "Directeur"),
            ("Lotte de Wit", "Vakschool Haven en Proces", "educator", "Opleidingsmanager"),
            ("Sander Bos", "Gemeente Havenstad (fictief)", "government", "Programmamanager energietransitie"),
        ],
    ),
}
# campus slug → relations on the ecosystem map: (from, kind, to)
RELATIONS = {
    "noord": [
        ("Noordelijk Vakcollege Techniek", "training", "Noorderwind Elektrolyse B.V."),
        ("Hogeschool Waterstof Noord", "research", "Energie Onderzoekscentrum Noord (fictief)"),
        ("Provincie Noorderland (fictief)", "funding", "Fieldlab Zoutcaverne"),
        ("Werkplein Groningen (UWV, fictief)", "collaboration", "Transport Vennootschap Lauwersmeer"),
        ("Waddenpijp Leidingbouw B.V.", "supply", "Noorderwind Elektrolyse B.V."),
        ("Vereniging Waterstof Noord", "collaboration", "Waterstof Innovatielab Zernike"),
    ],
    "rijnmond": [
        ("Vakschool Haven en Proces", "training", "Maasvlakte Waterstofterminal B.V."),
        ("Onderzoeksinstituut Haven Energie (fictief)", "research", "Rijnmond Elektrolyserbouw B.V."),
        ("Gemeente Havenstad (fictief)", "funding", "Fieldlab Haven Waterstof"),
        ("Werkgeversservicepunt Rijnmond (UWV, fictief)", "collaboration", "Botlek Pijpleidingtechniek B.V."),
    ],
}
# campus slug → who fills which knowledge function (1–6, see ecosystem/models/knowledge.py) and how strongly (1–3)
FILLS = {
    "noord": [
        ("Energie Onderzoekscentrum Noord (fictief)", 1, 3),
        ("Hogeschool Waterstof Noord", 1, 2),
        ("Fieldlab Zoutcaverne", 1, 2),
        ("Vereniging Waterstof Noord", 2, 2),
        ("Noordelijk Vakcollege Techniek", 3, 3),
        ("Hogeschool Waterstof Noord", 3, 2),
        ("Veiligheidsacademie Noordkust", 4, 1),
        ("Waterstof Innovatielab Zernike", 5, 2),
        ("Werkplein Groningen (UWV, fictief)", 6, 1),
    ],
    "rijnmond": [
        ("Onderzoeksinstituut Haven Energie (fictief)", 1, 3),
        ("Brancheorganisatie Procesindustrie Rijnmond", 2, 3),
        ("Vakschool Haven en Proces", 3, 3),
        ("Opleidingscentrum Procesveiligheid Rijnmond", 4, 3),
        ("Fieldlab Haven Waterstof", 5, 2),
        ("Werkgeversservicepunt Rijnmond (UWV, fictief)", 6, 2),
    ],
}
# campus slug → hydrogen developments: name, description, scores on the seven system functions (in the order of
# innovation.SYSTEM_FUNCTIONS), skills asked (ULO key, item index, level)
DEVELOPMENTS = {
    "noord": [
        (
            "Groene waterstof uit wind op zee",
            "Elektrolyse bij de Eemshaven met stroom van windparken op zee.",
            [4, 4, 3, 4, 3, 4, 4],
            [
                ("elektrolyser-veilig-installeren", 0, 3),
                ("h2-gevaren-herkennen", 0, 2),
                ("lekdichtheid-controleren", 0, 3),
            ],
        ),
        (
            "Waterstof in het wagenpark",
            "Vrachtwagens en bussen op brandstofcellen, met tankstations in de regio.",
            [3, 2, 3, 3, 2, 2, 3],
            [("h2-gevaren-herkennen", 1, 2), ("h2-gevaren-herkennen", 3, 3)],
        ),
    ],
    "rijnmond": [
        (
            "Importterminal voor waterstofdragers",
            "Overslag en kraken van ammoniak tot waterstof in de haven.",
            [4, 3, 3, 4, 4, 4, 3],
            [("h2-gevaren-herkennen", 2, 3), ("lekdichtheid-controleren", 1, 3)],
        ),
    ],
}
# campus slug → vacancies: company, role, places, region, months ago
VACANCIES = {
    "noord": [
        ("Noorderwind Elektrolyse B.V.", "Operator elektrolyse", 4, "Eemsdelta", 1),
        ("Noorderwind Elektrolyse B.V.", "Monteur waterstofinstallaties", 3, "Eemsdelta", 2),
        ("Waddenpijp Leidingbouw B.V.", "Leidingmonteur waterstof", 2, "Veendam", 0),
        ("Eemsdelta Procestechniek B.V.", "Operator elektrolyse", 2, "Eemsdelta", 5),
        ("Transport Vennootschap Lauwersmeer", "Monteur waterstofvoertuigen", 2, "Leeuwarden", 3),
    ],
    "rijnmond": [
        ("Maasvlakte Waterstofterminal B.V.", "Procesoperator waterstof", 6, "Maasvlakte", 1),
        ("Botlek Pijpleidingtechniek B.V.", "Leidingmonteur waterstof", 3, "Botlek", 4),
        ("Rijnmond Elektrolyserbouw B.V.", "Monteur waterstofinstallaties", 4, "Rotterdam", 2),
    ],
}
QUESTIONS = [
    ("inflow", "Hoe trekken we technici uit andere sectoren naar waterstof?", "active"),
    ("retention", "Hoe houden we onze monteurs bij met nieuwe installaties?", "open"),
    ("transition", "Welke functies veranderen als we overstappen op elektrolyse?", "open"),
]


def seed_ecosystem() -> None:
    for slug, (manager_local, members) in NETWORKS.items():
        campus = Campus.objects.get(slug=slug)
        if NetworkMember.objects.filter(campus=campus).exists():
            continue
        manager = User.objects.get(email=f"{manager_local}@{DEMO_DOMAIN}")
        for name, organisation, role, position in members:
            org = Organisation.objects.get(campus=campus, name=organisation) if organisation else None
            network.add_member(
                manager, NetworkMember(campus=campus, name=name, organisation=org, role=role, position=position)
            )
        questions = [
            network.add_question(manager, NetworkQuestion(campus=campus, theme=theme, text=text, status=status))
            for theme, text, status in QUESTIONS
        ]
        for source, kind, target in RELATIONS[slug]:
            relation = Relation(campus=campus, source=Organisation.objects.get(campus=campus, name=source),
                                target=Organisation.objects.get(campus=campus, name=target), kind=kind)  # fmt: skip
            network.add_relation(manager, relation)
        for name, position, strength in FILLS[slug]:
            knowledge.set_fill(manager, campus, organisation=Organisation.objects.get(campus=campus, name=name),
                               position=position, strength=strength)  # fmt: skip
        for name, description, scores, needs in DEVELOPMENTS[slug]:
            development = innovation.create_development(
                manager, Development(campus=campus, name=name, description=description)
            )
            innovation.score(manager, development, {f: (v, "") for f, v in zip(SYSTEM_FUNCTIONS, scores, strict=True)})
            for key, index, level in needs:
                item = UloItem.objects.get(code=item_code(key, index), version__status=UloStatus.PUBLISHED)
                innovation.set_skill(manager, development, item=item, level=level)
            mapping = SkillsMapping.objects.filter(campus=campus).first()
            if mapping is not None:  # the skills issue: the development touches the mapping's first specialisms
                innovation.set_impact(manager, development, list(mapping.specialisms.all()[:2]))
        communities.start(
            manager,
            Community(campus=campus, name="Van schip naar waterstof" if slug == "noord" else "Haven leert waterstof",
                      question=questions[0]),
            list(Organisation.objects.filter(campus=campus, kind__in=["company", "education_provider"])[:3]),
        )  # fmt: skip
        today = timezone.localdate()
        for company, role, number, region, months_ago in VACANCIES[slug]:
            posted = (today.replace(day=1) - datetime.timedelta(days=28 * months_ago)).replace(day=10)
            vacancies.record_vacancy(
                manager,
                Vacancy(campus=campus, company=Organisation.objects.get(campus=campus, name=company), role_title=role,
                        number=number, region=region, posted_on=posted),
            )  # fmt: skip
        network.record_meeting(
            manager,
            NetworkMeeting(campus=campus, held_on=datetime.date(2026, 10, 14), title="Netwerkbijeenkomst najaar",
                           notes="Terugblik op de eerste banenmarkt en keuze van de prioriteiten voor 2027."),
            [{"text": "Een microlearning community starten over instroom uit de scheepvaart.", "owner": "Campus",
              "question": questions[0]},
             {"text": "Elk bedrijf levert twee koplopers voor de skills-mapping.", "owner": "HR van de bedrijven"}],
        )  # fmt: skip
