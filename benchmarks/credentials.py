"""Benchmark of issuing and verifying Open Badges 3.0 credentials with eddsa-rdfc-2022 Data Integrity proofs.
Goal: canonicalisation several times faster than a general JSON-LD library (pyld) while byte for byte the same.

Run with ``.venv/bin/python benchmarks/credentials.py [credentials]`` (default 300). Measured in the same run, medians
of three rounds, per credential: the bare Ed25519 signature and verification, the canonical form by the general
library and by the platform's template, and signing and verifying a whole credential (two canonical forms, two
hashes and one signature each), and the same as VC-JWT (a JWS over the JSON, no canonical form). Every credential
differs (names, outcomes, dates, recipients).
"""

import statistics
import sys
import time

from mhw.credentials import canonical, fastcanon, jose, keys, openbadges, signing


def credential(n: int) -> dict:
    achievement = openbadges.AchievementData(
        id=f"https://mhw.example/achievements/{n % 7}", name=f"Lekdichtheid beproeven {n}",
        description="Beproeft waterstofleidingen op lekdichtheid.", criteria=f"Praktijkassessment nummer {n}",
        alignments=[openbadges.Alignment(f"Uitkomst {n}-{i}", f"VO-{n:04d}{i}", f"https://mhw.example/c/{n}/{i}")
                    for i in range(1 + n % 4)],
        ects=1.0,
    )  # fmt: skip
    return openbadges.credential_document(
        credential_id=f"urn:uuid:00000000-0000-4000-8000-{n:012d}", achievement=achievement,
        issuer=openbadges.IssuerData("did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", "Campus Noord"),
        recipient=openbadges.RecipientData(f"deelnemer{n}@example.org", f"zout{n}"),
        valid_from="2026-11-29T10:00:00Z", valid_until="2028-11-29T10:00:00Z", narrative=f"Behaald op dag {n}",
        evidence=[{"name": "Rubric", "narrative": f"Vakbekwaam op alle criteria ({n})"}],
        statuses=[openbadges.StatusEntry("https://mhw.example/credentials/status/k/revocation", n, "revocation")],
    )  # fmt: skip


def per_item(action, items, rounds=3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for item in items:
            action(item)
        times.append((time.perf_counter() - start) / len(items))
    return statistics.median(times)


def main() -> None:
    count = int((sys.argv[1:] or ["300"])[0])
    documents = [credential(n) for n in range(count)]
    secret = keys.new_secret()
    public = keys.public_bytes(secret)
    method = keys.verification_method(public)
    message = b"x" * 64
    signature = keys.sign(secret, message)
    assert all(fastcanon.canonical_nquads(d) == canonical.canonical_nquads(d) for d in documents[:50])
    bare_sign = per_item(lambda _d: keys.sign(secret, message), documents)
    bare_verify = per_item(lambda _d: keys.verify(public, signature, message), documents)
    general = per_item(canonical.canonical_nquads, documents)
    template = per_item(fastcanon.canonical_nquads, documents)
    signed = []
    issue = per_item(
        lambda d: signed.append(signing.sign(d, secret, verification_method=method, created="2026-11-29T10:00:00Z")),
        documents,
    )
    verify = per_item(lambda d: signing.verify(d).valid or sys.exit("a credential did not verify"), signed[:count])
    tokens = []
    jwt_issue = per_item(lambda d: tokens.append(jose.encode(d, secret, kid=method)), documents)
    jwt_verify = per_item(lambda t: jose.decode(t)[1].valid or sys.exit("a VC-JWT did not verify"), tokens[:count])
    print(f"{count} different Open Badges 3.0 credentials, medians of three rounds, per credential")
    print(f"bare Ed25519 sign / verify            {bare_sign * 1e3:7.3f} / {bare_verify * 1e3:7.3f} ms")
    print(f"canonical form, general JSON-LD (pyld) {general * 1e3:7.3f} ms")
    print(f"canonical form, template (ours)        {template * 1e3:7.3f} ms   {general / template:5.1f}x faster, "
          "byte for byte the same")  # fmt: skip
    print(f"issue (sign a whole credential)        {issue * 1e3:7.3f} ms   {1 / issue:7.0f} per second")
    print(f"verify a whole credential              {verify * 1e3:7.3f} ms   {1 / verify:7.0f} per second")
    print(f"issue / verify as VC-JWT               {jwt_issue * 1e3:7.3f} / {jwt_verify * 1e3:7.3f} ms   "
          f"{1 / jwt_issue:7.0f} / {1 / jwt_verify:7.0f} per second")  # fmt: skip


if __name__ == "__main__":
    main()
