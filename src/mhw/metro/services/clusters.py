"""Use cases of a cluster: start it (with the first round of the six-step cycle), change it, its core team, and the
steps of the cycle, which can be run again."""

from django.db import transaction
from django.utils import timezone

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import save_versioned
from mhw.metro.models import Cluster, CoreTeamMember, CycleRound, CycleStep, CycleStepRecord
from mhw.metro.services.common import require_manager

CLUSTER_FIELDS = ["name", "theme", "commitment", "committed_on", "broker", "account_manager"]


def _start_round(cluster: Cluster, number: int) -> CycleRound:
    cycle_round = CycleRound.objects.create(cluster=cluster, number=number)
    CycleStepRecord.objects.bulk_create(CycleStepRecord(round=cycle_round, step=step) for step in CycleStep.values)
    return cycle_round


@transaction.atomic
def create_cluster(actor, cluster: Cluster, companies) -> Cluster:
    require_manager(actor, cluster)
    cluster.save()
    cluster.companies.set(companies)
    _start_round(cluster, 1)
    record_event(actor, "cluster.created", cluster)
    return cluster


@transaction.atomic
def update_cluster(actor, cluster: Cluster, companies, *, expected_version: int) -> Cluster:
    """Save the changed cluster; refused with ConcurrentEditError when someone saved it after it was opened."""
    require_manager(actor, cluster)
    save_versioned(
        cluster, [f.attname for f in Cluster._meta.concrete_fields if f.name in CLUSTER_FIELDS], expected_version
    )
    cluster.companies.set(companies)
    record_event(actor, "cluster.changed", cluster)
    return cluster


@transaction.atomic
def add_core_team_member(actor, member: CoreTeamMember) -> CoreTeamMember:
    require_manager(actor, member.cluster)
    member.save()
    record_event(actor, "cluster.core_team_added", member.cluster, details={"member": member.pk})
    return member


@transaction.atomic
def remove_core_team_member(actor, member: CoreTeamMember) -> None:
    require_manager(actor, member.cluster)
    record_event(actor, "cluster.core_team_removed", member.cluster, details={"member": member.pk})
    member.delete()


@transaction.atomic
def update_step(actor, record: CycleStepRecord, *, status: str, products: str, expected_version: int) -> None:
    """Record a step's status and products; whoever saves it is counted among those who worked on it."""
    cluster = record.round.cluster
    require_manager(actor, cluster)
    record.status, record.products, record.updated_at = status, products, timezone.now()
    save_versioned(record, ["status", "products", "updated_at"], expected_version)
    record.worked_on_by.add(actor)
    record_event(actor, "cluster.step_updated", cluster, details={"step": record.step, "status": status})


@transaction.atomic
def start_next_round(actor, cluster: Cluster) -> CycleRound:
    """Run the cycle again: a new round with all six steps open; the earlier rounds stay as they were."""
    require_manager(actor, cluster)
    cluster = Cluster.objects.select_for_update().get(pk=cluster.pk)
    number = (cluster.current_round.number if cluster.current_round else 0) + 1
    cycle_round = _start_round(cluster, number)
    record_event(actor, "cluster.round_started", cluster, details={"round": number})
    return cycle_round
