"""The platform the portal stands on: database, Redis, Celery, production settings."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from pilot.models import Afdeling, Medewerker, Periode, Roltoewijzing, Team


def test_healthz_reports_the_database(client, db, settings):
    settings.REDIS_URL = ""
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_redis_is_unreachable(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "redis": "fout"}


@pytest.mark.redis
def test_healthz_checks_the_real_redis(client, db, settings):
    settings.REDIS_URL = os.environ["REDIS_URL"]
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["checks"]["redis"] == "ok"


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL"), reason="DATABASE_URL is niet gezet (SQLite-run)"
)
def test_database_is_postgresql_whenever_database_url_is_set(db):
    assert connection.vendor == "postgresql"


@pytest.mark.postgres
def test_postgres_enforces_the_team_tree_constraint(db):
    from django.db import IntegrityError, transaction

    team = Team.objects.create(code="X", naam="X", afdeling=Afdeling.objects.create(code="A"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Team.objects.filter(pk=team.pk).update(bovenliggend_team=team)


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pilot.settings.production",
        "DJANGO_SECRET_KEY": "x" * 20
        + "-production-like-secret-key-for-the-deploy-check-"
        + "y" * 20,
        "DJANGO_ALLOWED_HOSTS": "kantoordagen.uwv.example",
        "DATABASE_URL": "sqlite:///:memory:",
        "REDIS_URL": "redis://redis:6379/0",
    }
    result = subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY is required"),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS must name the hosts"),
        ("REDIS_URL", "REDIS_URL must name the Redis broker"),
    ],
)
def test_production_settings_refuse_to_start_without_secrets(missing, message):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pilot.settings.production",
        "DJANGO_SECRET_KEY": "s" * 60,
        "DJANGO_ALLOWED_HOSTS": "kantoordagen.uwv.example",
        "REDIS_URL": "redis://redis:6379/0",
    }
    env.pop(missing)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_pilot_period_exists_from_the_first_migration(db):
    pilot = Periode.objects.get(is_demo=False)
    assert (pilot.startdatum.isoformat(), pilot.einddatum.isoformat()) == (
        "2025-10-01",
        "2026-06-30",
    )


def test_demo_data_creates_the_demo_organisation_and_a_second_run_changes_nothing(db):
    out = StringIO()
    call_command("demo_data", "--scale", "small", stdout=out)
    text = out.getvalue()
    for login in (
        "medewerker",
        "leidinggevende",
        "comitelid",
        "secretaris",
        "orlid",
        "facilitair",
        "hr",
    ):
        assert login in text
    assert "kantoor2025" in text
    assert Afdeling.objects.count() >= 3
    assert Team.objects.count() >= 12
    assert Medewerker.objects.count() >= 150
    assert Medewerker.objects.filter(hybride_functie=False).exists()
    assert Medewerker.objects.values("contracturen").distinct().count() >= 5
    medewerker = Medewerker.objects.get(username="medewerker")
    assert medewerker.team.leidinggevende.username == "leidinggevende"
    assert medewerker.check_password("kantoor2025")
    assert Periode.objects.filter(is_demo=True).exists()

    snapshot = (
        list(
            Medewerker.objects.order_by("pk").values_list(
                "pk", "personeelsnummer", "team_id", "contracturen", "hybride_functie"
            )
        ),
        list(
            Team.objects.order_by("pk").values_list(
                "pk", "bovenliggend_team_id", "leidinggevende_id"
            )
        ),
        list(Roltoewijzing.objects.order_by("pk").values_list("pk", "medewerker_id", "rol")),
    )
    out = StringIO()
    call_command("demo_data", "--scale", "small", stdout=out)
    assert "0 afdelingen, 0 teams, 0 medewerkers" in out.getvalue()
    assert snapshot == (
        list(
            Medewerker.objects.order_by("pk").values_list(
                "pk", "personeelsnummer", "team_id", "contracturen", "hybride_functie"
            )
        ),
        list(
            Team.objects.order_by("pk").values_list(
                "pk", "bovenliggend_team_id", "leidinggevende_id"
            )
        ),
        list(Roltoewijzing.objects.order_by("pk").values_list("pk", "medewerker_id", "rol")),
    )


@pytest.mark.parametrize(
    ("module", "redis_url", "eager"),
    [
        ("pilot.settings.local", "", True),
        ("pilot.settings.local", "redis://127.0.0.1:6379/0", False),
        ("pilot.settings.production", "redis://redis:6379/0", False),
    ],
)
def test_celery_runs_tasks_in_process_only_on_a_laptop_without_redis(module, redis_url, eager):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": module,
        "DJANGO_SECRET_KEY": "s" * 60,
        "DJANGO_ALLOWED_HOSTS": "kantoordagen.uwv.example",
        "REDIS_URL": redis_url,
    }
    result = subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.CELERY_TASK_ALWAYS_EAGER)",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == str(eager), result.stderr


def _production_settings(**extra_env) -> dict:
    # Only the variables production requires, plus the ones under test: nothing from this shell.
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "pilot.settings.production",
        "DJANGO_SECRET_KEY": "s" * 60,
        "DJANGO_ALLOWED_HOSTS": "kantoordagen.uwv.example",
        "DATABASE_URL": "postgres://portaal@db.example:5432/kantoordagen",
        "REDIS_URL": "redis://redis:6379/0",
        **extra_env,
    }
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "db = settings.DATABASES['default']; print(json.dumps({"
        "'conn_max_age': db['CONN_MAX_AGE'], 'health_checks': db['CONN_HEALTH_CHECKS'], "
        "'options': db.get('OPTIONS', {}), "
        "'save_every_request': settings.SESSION_SAVE_EVERY_REQUEST, "
        "'idle_seconds': settings.SESSION_COOKIE_AGE, 'middleware': settings.MIDDLEWARE}))"
    )
    result = subprocess.run(  # noqa: S603 - fixed argv, our own settings module
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_keeps_database_connections_open_and_checks_them():
    values = _production_settings()
    assert (values["conn_max_age"], values["health_checks"]) == (60, True)


def test_production_connection_lifetime_comes_from_the_environment():
    assert _production_settings(DATABASE_CONN_MAX_AGE="0")["conn_max_age"] == 0


def test_production_plans_for_ssd_storage_unless_told_otherwise():
    assert _production_settings()["options"] == {"options": "-c random_page_cost=1.1"}
    assert _production_settings(DATABASE_RANDOM_PAGE_COST="2")["options"] == {
        "options": "-c random_page_cost=2.0"
    }
    assert _production_settings(DATABASE_RANDOM_PAGE_COST="")["options"] == {}


def test_production_sessions_expire_when_idle_without_a_write_per_request():
    values = _production_settings()
    assert values["save_every_request"] is False
    assert values["idle_seconds"] == 30 * 60
    sessions = values["middleware"].index("django.contrib.sessions.middleware.SessionMiddleware")
    assert values["middleware"][sessions + 1] == "pilot.middleware.IdleSessionMiddleware"


def test_a_wrong_method_gets_a_page_in_the_site_layout(client, db):
    from tests.factories import MedewerkerFactory

    client.force_login(MedewerkerFactory())
    response = client.get(reverse("notificaties_alles_gelezen"))
    assert response.status_code == 405
    assert "Dat kan hier niet" in response.text
    assert "Kantoordagen-portaal" in response.text
    assert response["Allow"] == "POST"


def test_the_api_keeps_its_own_answer_to_a_wrong_method(client, db):
    from tests.factories import MedewerkerFactory

    client.force_login(MedewerkerFactory())
    response = client.delete(reverse("periode-list"))
    assert response.status_code == 405
    assert response.json() == {"detail": 'Methode "DELETE" niet toegestaan.'}


def test_api_docs_send_a_logged_out_person_to_the_login_page(client, db):
    response = client.get(reverse("api_docs"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_make_run_serves_as_users_see_it():
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "pilot.settings.local",
    }
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.STORAGES['staticfiles']['BACKEND'].rsplit('.', 1)[-1])"
    )
    result = subprocess.run(  # noqa: S603 - fixed argv, our own settings module
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["False", "StaticFilesStorage"]
