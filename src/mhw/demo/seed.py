"""Builds the demo data set. Every step looks records up by their natural key first, so running it again changes
nothing that is already there."""

from mhw.accounts.models import Campus, Membership, Organisation, User
from mhw.candidates.models import Candidate
from mhw.demo import data
from mhw.demo.seed_credentials import seed_credentials
from mhw.demo.seed_ecosystem import seed_ecosystem
from mhw.demo.seed_learning import seed_learning
from mhw.demo.seed_metro import seed_metro
from mhw.demo.seed_profiles import seed_profiles
from mhw.demo.seed_route import seed_route
from mhw.demo.seed_skills import seed_skills


def demo_email(local: str) -> str:
    return f"{local}@{data.DEMO_DOMAIN}"


def _user(local: str, full_name: str) -> User:
    user = User.objects.filter(email=demo_email(local)).first()
    if user is None:
        user = User.objects.create_user(demo_email(local), data.DEMO_PASSWORD, full_name=full_name)
    return user


def _membership(user: User, role: str, campus: Campus | None = None, organisation: Organisation | None = None):
    Membership.objects.get_or_create(user=user, role=role, campus=campus, organisation=organisation)


def seed_campuses() -> dict[str, Campus]:
    campuses = {}
    for slug, name, region, city, description in data.CAMPUSES:
        campus, _created = Campus.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "region": region,
                "city": city,
                "description": description,
                "contact_email": demo_email(f"info.{slug}"),
            },
        )
        campuses[slug] = campus
    return campuses


def seed_partners(campuses: dict[str, Campus]) -> None:
    for slug, campus in campuses.items():
        rows = data.PARTNERS.get(slug) or [
            (name.format(city=campus.city), kind, size, city.format(city=campus.city))
            for name, kind, size, city in data.DEFAULT_PARTNERS
        ]
        for name, kind, size_class, city in rows:
            Organisation.objects.get_or_create(
                campus=campus, name=name, defaults={"kind": kind, "size_class": size_class, "city": city,
                                                    "education_type": data.EDUCATION_TYPES.get(name, "")},
            )  # fmt: skip


def seed_staff(campuses: dict[str, Campus]) -> None:
    for slug, campus in campuses.items():
        rows = data.STAFF.get(slug) or [
            (local.format(slug=slug), full_name.format(name=campus.name), role)
            for local, full_name, role in data.DEFAULT_STAFF
        ]
        for local, full_name, role in rows:
            _membership(_user(local, full_name), role, campus=campus)
    local, full_name, role = data.NATIONAL_ADMIN
    _membership(_user(local, full_name), role)
    for local, full_name, role, slug, organisation_name in data.ORGANISATION_USERS:
        organisation = Organisation.objects.get(campus=campuses[slug], name=organisation_name)
        _membership(_user(local, full_name), role, organisation=organisation)


def seed_candidates(campuses: dict[str, Campus]) -> None:
    for slug, first, last, local, occupation, trajectory, employer, has_account, coach in data.CANDIDATES:
        campus = campuses[slug]
        email = demo_email(local)
        if Candidate.objects.filter(campus=campus, email=email).exists():
            continue
        Candidate.objects.create(
            campus=campus,
            first_name=first,
            last_name=last,
            email=email,
            city=campus.city,
            current_occupation=occupation,
            trajectory=trajectory,
            employer=Organisation.objects.get(campus=campus, name=employer) if employer else None,
            user=_user(local, f"{first} {last}") if has_account else None,
            coach=User.objects.get(email=demo_email(coach)) if coach else None,
        )


def seed_all() -> None:
    campuses = seed_campuses()
    seed_partners(campuses)
    seed_staff(campuses)
    seed_candidates(campuses)
    seed_skills(campuses)
    seed_learning()
    seed_profiles()
    seed_route()
    seed_credentials()
    seed_metro()
    seed_ecosystem()


def demo_logins() -> list[tuple[str, str]]:
    """(role description, e-mail address) of one login per kind of user, for the README and `make run`."""
    logins = [("national_admin", demo_email(data.NATIONAL_ADMIN[0]))]
    logins += [(role, demo_email(local)) for local, _name, role in data.STAFF["noord"]]
    logins += [(role, demo_email(local)) for local, _name, role, _slug, _org in data.ORGANISATION_USERS[:3:2]]
    logins += [("candidate", demo_email(row[3])) for row in data.CANDIDATES if row[7]][:3]
    logins.append(("coach (other campus)", demo_email("coach.rijnmond")))
    return logins
