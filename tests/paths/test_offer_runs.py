"""The regional offer as the path engine reads it: every upcoming run of an offered module, with what the module
teaches and needs, in a fixed number of queries however large the offer."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mhw.learning.models import Module, ModuleOutcome, ModulePrerequisite, ModuleRun
from mhw.paths.services import offer_runs

pytestmark = pytest.mark.django_db
START = datetime.date(2027, 3, 1)


def _module(world, code: str, **fields) -> Module:
    values = {"title_nl": code, "title_en": code, "hours": 24, "duration_weeks": 3, "format": "classroom",
              "cost": 600, "language": "nl"} | fields  # fmt: skip
    return Module.objects.create(provider=world.provider_a, code=code, **values)


def test_each_upcoming_run_carries_its_module_s_teaching_needs_and_terms(world):
    items = list(world.skills.published.items.all()[:3])
    basics = _module(world, "BASIS-2")
    advanced = _module(world, "GEVORDERD", hours=40, duration_weeks=5, cost=1250.5, online=True)
    retired = _module(world, "OUD", is_active=False)
    ModuleOutcome.objects.create(module=advanced, item=items[0], level=4)
    ModuleOutcome.objects.create(module=advanced, item=items[1], level=3)
    ModulePrerequisite.objects.create(module=advanced, item=items[2], level=2)
    advanced.prerequisite_modules.add(basics)
    ModuleRun.objects.create(module=advanced, starts_on=START - datetime.timedelta(days=1), seats=10)  # started
    later = ModuleRun.objects.create(module=advanced, starts_on=START + datetime.timedelta(weeks=3, days=2), seats=10)
    first = ModuleRun.objects.create(module=advanced, starts_on=START, seats=10)
    ModuleRun.objects.create(module=retired, starts_on=START, seats=10)

    runs, by_id = offer_runs(START)

    mine = [run for run in runs if run.module_id == advanced.pk]
    assert [(run.run_id, run.start_week) for run in mine] == [(f"run:{first.pk}", 0), (f"run:{later.pk}", 3)]
    assert by_id[f"run:{later.pk}"] == later.pk
    assert not any(run.module_id == retired.pk for run in runs)
    for run in mine:
        assert (run.duration_weeks, run.hours, run.cost, run.online) == (5, 40, 1250.5, True)
        assert run.teaches == {f"item:{items[0].code}": 4, f"item:{items[1].code}": 3}
        assert run.prerequisite_levels == {f"item:{items[2].code}": 2}
        assert run.prerequisite_modules == frozenset({basics.pk})
        assert run.provider == world.provider_a.name


def test_the_offer_is_read_in_the_same_number_of_queries_however_large_it_is(world):
    item = world.skills.published.items.first()

    def questions() -> int:
        with CaptureQueriesContext(connection) as captured:
            offer_runs(START)
        return len(captured)

    before = questions()
    for n in range(5):
        module = _module(world, f"EXTRA-{n}")
        ModuleOutcome.objects.create(module=module, item=item, level=2)
        ModulePrerequisite.objects.create(module=module, item=item, level=1)
        module.prerequisite_modules.add(world.module_a)
        ModuleRun.objects.create(module=module, starts_on=START, seats=8)
    assert questions() == before
