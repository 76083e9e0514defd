import os
import shutil
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from pilot.demo import build_organisation
from pilot.models import Medewerker

pytest_plugins = ["tests.browser"]
CHROMIUM = "/usr/bin/chromium"
ROLES = ("medewerker", "leidinggevende", "comitelid", "secretaris", "orlid", "facilitair", "hr")
# Leaders the probes of the organisation rules need beside the demo logins: the head of
# medewerker's afdeling (who leads its top team and sits in it), a team leader who stands in for
# that head, and the head of another afdeling.
PERSONAS = ("afdelingshoofd", "vervanger", "topleider")


def pytest_collection_modifyitems(config, items):
    """Service-bound tests skip with the reason in the summary (-ra) when the service is absent."""
    reasons = {
        "postgres": (
            None
            if settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
            else "DATABASE_URL wijst niet naar PostgreSQL"
        ),
        "redis": None if os.environ.get("REDIS_URL") else "REDIS_URL is niet gezet",
        "browser": None if shutil.which(CHROMIUM) else f"geen Chromium op {CHROMIUM}",
    }
    missing = {marker: reason for marker, reason in reasons.items() if reason}
    if missing and os.environ.get("REQUIRE_SERVICES") == "1":
        raise pytest.UsageError(
            "REQUIRE_SERVICES=1 but these tests cannot run: "
            + "; ".join(f"{marker}: {reason}" for marker, reason in missing.items())
        )
    for item in items:
        for marker, reason in reasons.items():
            if reason and item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def demo(db):
    """The demo organisation with one login per role, as `demo_data --scale small` makes it,
    plus the PERSONAS (same password), the vervanger standing in for the afdelingshoofd."""
    from convenant.models import Delegatie

    build_organisation("small")
    for username, team in (
        ("afdelingshoofd", "KCD-MT"),
        ("vervanger", "KCD-02"),
        ("topleider", "SMZ-MT"),
    ):
        Medewerker.objects.filter(geleide_teams__code=team).update(username=username)
    users = {u.username: u for u in Medewerker.objects.filter(username__in=ROLES + PERSONAS)}
    today = timezone.localdate()
    Delegatie.objects.create(
        leidinggevende=users["afdelingshoofd"],
        vervanger=users["vervanger"],
        startdatum=today - timedelta(days=1),
        einddatum=today + timedelta(days=30),
    )
    return users


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
