"""Property tests of the individual route: whatever order people try steps in, the route's rules hold."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mhw.candidates.pipeline import (
    ACTIONS,
    FACTS,
    FINAL_STAGES,
    LATERAL,
    STAGES,
    STEPS,
    UPSKILLING,
    StepRefused,
    available_steps,
    next_stage,
)

events = st.lists(
    st.one_of(
        st.tuples(st.just("fact"), st.sampled_from(sorted(FACTS))),
        st.tuples(st.just("step"), st.sampled_from(ACTIONS), st.sampled_from(["", "omdat"])),
    ),
    max_size=60,
)


def _run(trajectory, sequence):
    """Drive the machine; return the history of (action, from, to, facts at that moment)."""
    stage, facts, history = "interested", set(), []
    for event in sequence:
        if event[0] == "fact":
            facts.add(event[1])
            continue
        _kind, action, reason = event
        try:
            target = next_stage(stage, action, trajectory, frozenset(facts), reason)
        except StepRefused:
            continue
        history.append((action, stage, target, frozenset(facts)))
        stage = target
    return stage, history


@given(trajectory=st.sampled_from([LATERAL, UPSKILLING]), sequence=events)
def test_the_history_is_a_complete_chain_from_interested(trajectory, sequence):
    stage, history = _run(trajectory, sequence)
    expected_from = "interested"
    for _action, source, target, _facts in history:
        assert source == expected_from
        assert source not in FINAL_STAGES
        expected_from = target
    assert stage == expected_from
    assert stage in STAGES


@given(sequence=events)
def test_no_enrolment_and_no_contract_without_a_signed_declaration_of_intent(sequence):
    _stage, history = _run(LATERAL, sequence)
    for action, _source, target, facts in history:
        if target in ("enrolled", "contract_signed"):
            assert "intent_signed" in facts, action
        if target == "contract_signed":
            assert "contract_signed" in facts
            reached = [t for _a, _s, t, _f in history]
            assert "intent_signed" in reached[: reached.index("contract_signed")]


@given(trajectory=st.sampled_from([LATERAL, UPSKILLING]), sequence=events)
def test_no_go_no_go_before_the_basic_modules(trajectory, sequence):
    _stage, history = _run(trajectory, sequence)
    reached = []
    for action, _source, target, _facts in history:
        if action in ("go", "no_go"):
            assert "basic_modules_done" in reached
        reached.append(target)


@given(sequence=events)
def test_upskilling_never_passes_the_job_fair(sequence):
    _stage, history = _run(UPSKILLING, sequence)
    assert not {t for _a, _s, t, _f in history} & {"application_training_done", "at_job_fair", "matched"}


@given(trajectory=st.sampled_from([LATERAL, UPSKILLING]), sequence=events)
def test_nothing_follows_a_final_stage(trajectory, sequence):
    stage, _history = _run(trajectory, sequence)
    if stage in FINAL_STAGES:
        assert available_steps(stage, trajectory) == []


def test_each_trajectory_can_reach_completed():
    for trajectory, path in (
        (
            LATERAL,
            [
                "register", "complete_intake", "select", "complete_application_training", "attend_job_fair", "match",
                "sign_intent", "enrol", "kick_off", "complete_basic_modules", "go", "complete_training",
                "sign_contract", "start_onboarding", "complete",
            ],
        ),
        (
            UPSKILLING,
            ["register", "complete_intake", "select", "enrol", "kick_off", "complete_basic_modules", "go",
             "complete_training", "complete"],
        ),
    ):  # fmt: skip
        stage = "interested"
        for action in path:
            stage = next_stage(stage, action, trajectory, FACTS)
        assert stage == "completed"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("registered", "enrol", LATERAL, FACTS), "wrong_stage"),
        (("interested", "fly", LATERAL, FACTS), "unknown_action"),
        (("selected", "complete_application_training", UPSKILLING, FACTS), "wrong_trajectory"),
        (("matched", "sign_intent", LATERAL, frozenset()), "missing_facts"),
        (("intake_done", "reject", LATERAL, FACTS), "reason_required"),
    ],
)
def test_refusals_say_why(args, code):
    with pytest.raises(StepRefused) as refusal:
        next_stage(*args)
    assert refusal.value.code == code


def test_every_stage_but_the_final_ones_can_be_left_by_withdrawing():
    withdraw = next(s for s in STEPS if s.action == "withdraw")
    assert withdraw.sources == frozenset(STAGES) - FINAL_STAGES
