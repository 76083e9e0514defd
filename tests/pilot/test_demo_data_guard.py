"""demo_data creates logins with a published password: production settings refuse it."""

import pytest
from django.core.management import CommandError, call_command

from pilot.models import Medewerker
from tests.pilot.production import manage


def test_demo_data_refuses_to_run_under_production_settings():
    result = manage("demo_data", "--scale", "small")
    assert result.returncode != 0
    assert "demo_data weigert te draaien" in result.stderr
    assert "pilot.settings.production" in result.stderr
    assert "Demo-logins" not in result.stdout


def test_demo_data_creates_nobody_where_settings_forbid_it(db, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="horen niet in productie"):
        call_command("demo_data", "--scale", "small")
    assert not Medewerker.objects.filter(username="medewerker").exists()
