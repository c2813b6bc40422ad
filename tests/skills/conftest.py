import pytest

from mhw.accounts.roles import Role
from mhw.skills.services import catalogue as services
from tests.factories import CampusFactory, staff


def ulo_data(**changes) -> dict:
    data = {
        "title_nl": "Veilig installeren van elektrolysers",
        "title_en": "Installing electrolysers safely",
        "eqf_level": 4,
        "bloom_level": 3,
        "subject_nl": "een PEM-elektrolyser",
        "subject_en": "a PEM electrolyser",
        "verb_nl": "installeren",
        "verb_en": "install",
        "context_nl": "een industriële ATEX-zone",
        "context_en": "an industrial ATEX zone",
        "conditions_nl": "de ATEX-richtlijnen en PGS 35",
        "conditions_en": "the ATEX directives and PGS 35",
        "observable_result_nl": "de installatie is lekdicht opgeleverd",
        "observable_result_en": "the installation is handed over leak-tight",
        "tasks": "Elektrolyser plaatsen\nLeidingen aansluiten",
        "functions": "Elektrolyser-monteur",
    }
    data.update(changes)
    return data


def item(kind: str, object_nl: str, verb_nl: str = "", code: str = "", **extra) -> dict:
    return {
        "code": code,
        "kind": kind,
        "verb_nl": verb_nl,
        "verb_en": "install" if verb_nl else "",
        "object_nl": object_nl,
        "object_en": f"{object_nl} (en)",
        "preposition_nl": "in",
        "preposition_en": "in",
        "context_nl": "een ATEX-zone",
        "context_en": "an ATEX zone",
        "regulation_nl": extra.get("regulation_nl", ""),
        "regulation_en": extra.get("regulation_en", ""),
    }


def complete_items() -> list[dict]:
    return [
        item("responsibility", "de elektrolyser", "installeert"),
        item("skill", "de stack", "monteert"),
        item("skill", "de drukleidingen", "sluit aan", regulation_nl="PED"),
        item("knowledge", "eigenschappen van waterstof"),
    ]


def publish(world, title: str, items: list[dict]):
    """A ULO of campus A with `items`, written by the teacher and validated and published by the expert."""
    teacher, expert = world.user("teacher"), world.user("expert")
    version = services.create_ulo(teacher, campus=world.campus_a, data=ulo_data(title_nl=title), items=items)
    for actor, action in ((teacher, "submit"), (expert, "validate"), (expert, "publish")):
        version = services.take_transition(actor, version, action)
    return version


class Team:
    def __init__(self):
        self.campus = CampusFactory()
        self.other_campus = CampusFactory()
        self.teacher = staff(Role.TEACHER, self.campus)
        self.expert = staff(Role.EXPERT, self.campus)
        self.other_teacher = staff(Role.TEACHER, self.other_campus)
        self.coach = staff(Role.COACH, self.campus)

    def draft(self, **changes):
        return services.create_ulo(self.teacher, campus=self.campus, data=ulo_data(**changes), items=complete_items())

    def published(self, **changes):
        version = self.draft(**changes)
        services.take_transition(self.teacher, version, "submit")
        services.take_transition(self.expert, version, "validate", remarks="Klopt met de praktijk")
        return services.take_transition(self.expert, version, "publish")


@pytest.fixture
def team(db) -> Team:
    return Team()
