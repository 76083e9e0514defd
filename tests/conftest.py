import os
import shutil

import pytest
from django.conf import settings

from pilot.demo import build_organisation
from pilot.models import Medewerker

pytest_plugins = ["tests.browser"]
CHROMIUM = "/usr/bin/chromium"
ROLES = ("medewerker", "leidinggevende", "comitelid", "secretaris", "orlid", "facilitair", "hr")


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
    """The demo organisation with one login per role, as `demo_data --scale small` makes it."""
    build_organisation("small")
    return {user.username: user for user in Medewerker.objects.filter(username__in=ROLES)}


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
