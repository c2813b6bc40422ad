"""Stable matching of candidates to companies with places (the hospitals/residents problem), by deferred acceptance.

Pure module. After the job fair both sides rank whom they want to continue with; a pair is acceptable only when each
side ranked the other. `stable_matching` returns the candidate-optimal matching (candidates propose) or the
company-optimal one (companies propose): both are stable, and each is unique, so any correct implementation gives
the same answer. `blocking_pairs` checks stability and is what the tests assert on.

Work is proportional to the number of ranked pairs (each proposal is made at most once), with a heap per company to
find its worst held candidate.
"""

import heapq
from collections import deque
from collections.abc import Hashable, Mapping, Sequence

Candidate = Hashable
Company = Hashable


def _acceptable(candidate_prefs, company_prefs):
    """Rank tables restricted to mutually ranked pairs: rank[x][y] = position of y in x's list."""
    company_rank = {h: {c: i for i, c in enumerate(prefs)} for h, prefs in company_prefs.items()}
    candidate_rank = {c: {h: i for i, h in enumerate(prefs)} for c, prefs in candidate_prefs.items()}
    candidate_lists = {
        c: [h for h in prefs if h in company_rank and c in company_rank[h]] for c, prefs in candidate_prefs.items()
    }
    company_lists = {
        h: [c for c in prefs if c in candidate_rank and h in candidate_rank[c]] for h, prefs in company_prefs.items()
    }
    return candidate_lists, company_lists, candidate_rank, company_rank


def _candidates_propose(candidate_lists, company_rank, capacities) -> dict:
    held: dict[Company, list] = {h: [] for h in company_rank}  # max-heap by rank: (-rank, candidate)
    next_choice = dict.fromkeys(candidate_lists, 0)
    free = deque(c for c in candidate_lists if candidate_lists[c])
    while free:
        candidate = free.popleft()
        choices = candidate_lists[candidate]
        if next_choice[candidate] >= len(choices):
            continue
        company = choices[next_choice[candidate]]
        next_choice[candidate] += 1
        capacity = capacities.get(company, 0)
        if capacity <= 0:
            free.append(candidate)
            continue
        heap = held[company]
        rank = company_rank[company][candidate]
        if len(heap) < capacity:
            heapq.heappush(heap, (-rank, candidate))
        elif -heap[0][0] > rank:
            _worst, rejected = heapq.heapreplace(heap, (-rank, candidate))
            free.append(rejected)
        else:
            free.append(candidate)
    return {candidate: company for company, heap in held.items() for _rank, candidate in heap}


def _companies_propose(company_lists, candidate_rank, capacities) -> dict:
    engaged: dict[Candidate, Company] = {}
    next_choice = dict.fromkeys(company_lists, 0)
    filled = dict.fromkeys(company_lists, 0)
    active = deque(h for h in company_lists if capacities.get(h, 0) > 0)
    while active:
        company = active.popleft()
        choices = company_lists[company]
        while filled[company] < capacities[company] and next_choice[company] < len(choices):
            candidate = choices[next_choice[company]]
            next_choice[company] += 1
            current = engaged.get(candidate)
            if current is None:
                engaged[candidate] = company
                filled[company] += 1
            elif candidate_rank[candidate][company] < candidate_rank[candidate][current]:
                engaged[candidate] = company
                filled[company] += 1
                filled[current] -= 1
                active.append(current)
    return engaged


def stable_matching(
    candidate_prefs: Mapping[Candidate, Sequence[Company]],
    company_prefs: Mapping[Company, Sequence[Candidate]],
    capacities: Mapping[Company, int],
    *,
    proposing: str = "candidates",
) -> dict[Candidate, Company]:
    """The stable matching (candidate -> company) that is best for the proposing side ("candidates"/"companies")."""
    if proposing not in ("candidates", "companies"):
        raise ValueError("proposing must be 'candidates' or 'companies'")
    if any(capacity < 0 for capacity in capacities.values()):
        raise ValueError("a company cannot have a negative number of places")
    candidate_lists, company_lists, candidate_rank, company_rank = _acceptable(candidate_prefs, company_prefs)
    if proposing == "candidates":
        return _candidates_propose(candidate_lists, company_rank, capacities)
    return _companies_propose(company_lists, candidate_rank, capacities)


def blocking_pairs(
    matching: Mapping[Candidate, Company],
    candidate_prefs: Mapping[Candidate, Sequence[Company]],
    company_prefs: Mapping[Company, Sequence[Candidate]],
    capacities: Mapping[Company, int],
) -> list[tuple[Candidate, Company]]:
    """Mutually acceptable pairs who would both rather have each other than what the matching gives them."""
    candidate_lists, _company_lists, candidate_rank, company_rank = _acceptable(candidate_prefs, company_prefs)
    assigned: dict[Company, list[Candidate]] = {h: [] for h in company_prefs}
    for candidate, company in matching.items():
        assigned.setdefault(company, []).append(candidate)
    worst = {h: max((company_rank[h][c] for c in members), default=-1) for h, members in assigned.items() if members}
    pairs = []
    for candidate, choices in candidate_lists.items():
        current = matching.get(candidate)
        for company in choices:
            if current is not None and candidate_rank[candidate][company] >= candidate_rank[candidate][current]:
                break
            has_room = len(assigned.get(company, [])) < capacities.get(company, 0)
            prefers = company in worst and company_rank[company][candidate] < worst[company]
            if has_room or prefers:
                pairs.append((candidate, company))
    return pairs
