"""An achievement of campus A with two catalogue outcomes, and issuing it to Michael as the teacher does."""

import pytest

from mhw.credentials import services
from mhw.credentials.models import Achievement


@pytest.fixture
def achievement(world):
    badge = Achievement.objects.create(
        campus=world.campus_a, name_nl="Veilig werken met waterstof", name_en="Working safely with hydrogen",
        description_nl="Werkt veilig aan waterstofinstallaties.", description_en="Works safely on hydrogen systems.",
        criteria_nl="Voert een lekdetectie uit volgens de rubric.", criteria_en="Tests for leaks by the rubric.",
        nlqf_level=4, valid_months=24,
    )  # fmt: skip
    badge.outcomes.set(world.skills.published.items.all()[:2])
    return badge


def issue_badge(world, achievement):
    return services.issue(
        world.user("teacher"), achievement, world.candidate_a, narrative="Lekdetectie foutloos uitgevoerd.",
        evidence=[{"name": "Rubric lekdetectie", "narrative": "Niveau 3 op alle criteria"}],
    )  # fmt: skip
