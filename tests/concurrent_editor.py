"""One of the processes of tests/test_concurrent_edits.py: edits a candidate's record in rounds, through the API on
even rounds and the edit page on odd ones, and reports what each attempt was answered.

Started by multiprocessing with the "spawn" method, so it sets Django up itself against the DATABASE_URL the test
put in the environment. In every round both processes first read the record, wait for each other, then save: each
round is a real conflict that exactly one of them must win.
"""

import json
import os
import re

VERSION_INPUT = re.compile(r'name="version" value="(\d+)"')


def edit_rounds(label: str, user_id: int, candidate_id: int, rounds: int, barrier, results) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mhw.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(pk=user_id))
    api_url = f"/api/v1/candidates/{candidate_id}"
    page_url = f"/candidates/{candidate_id}/edit/"
    outcomes = []
    for number in range(rounds):
        record = client.get(api_url).json()
        value = f"{label}-{number}"
        if number % 2 == 0:
            barrier.wait()
            response = client.patch(
                api_url, json.dumps({"version": record["version"], "city": value}), content_type="application/json"
            )
            message = response.json().get("detail", "")
            version = record["version"]
        else:
            version = int(VERSION_INPUT.search(client.get(page_url).content.decode()).group(1))
            form = {name: record[name] for name in ("first_name", "last_name", "email", "phone", "trajectory")}
            form |= {"city": value, "current_occupation": record["current_occupation"], "version": version}
            form |= {"employer": record["employer_id"] or "", "coach": record["coach_id"] or ""}
            barrier.wait()
            response = client.post(page_url, form)
            message = response.content.decode() if response.status_code == 200 else ""
        outcomes.append({"round": number, "value": value, "read_version": version,
                         "status": response.status_code, "message": message})  # fmt: skip
        barrier.wait()
    results.put((label, outcomes))
