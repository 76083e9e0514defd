"""`make bench`: every main page and list endpoint, per role, timed against a bare request.

For each scale (small, then UWV) a child process prepares a PostgreSQL database of its own
(created when missing, migrated, filled by `demo_data` when it holds too few people), runs
collectstatic, serves the portal with gunicorn under the production settings on 127.0.0.1, and
logs in through the login form as every demo role and as the afdelingshoofd with the largest
span. With both scales served, this process times them side by side: per role and page,
BENCH_REPEAT rounds of a logged-in bare request (`/healthz` with the session cookie) and the
page on small, then the same on UWV, so the bare request and both scales see the same machine
load. The table goes to stdout and, for a run of both scales, to docs/benchmarks.md.

Query counts come from running each page once more inside this process, against the same
database and with the same session cookie, under CaptureQueriesContext: the served portal needs
no bench-only code path.

    make bench                  both scales, writes docs/benchmarks.md
    make bench-small            small scale only, prints the table (a quick smoke run)

After the pages it times the heatmap as facilitair beheer, the booking race (many people at
once for a few desks, each on its own connection), booking throughput and the jobs; the report
also states how long `demo_data` took to fill each database.

Environment: DATABASE_URL (UWV database; the small one adds `_small` to its name), BENCH_REPEAT
(rounds per page, default 30), BENCH_JOB_REPEAT (runs per job, default 3), BENCH_PORT (small's
gunicorn port and UWV's the next; default free ones the system picks), BENCH_REDIS_URL (the
broker production settings require, default redis://127.0.0.1:6379/9).
"""

import argparse
import http.client
import json
import math
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/kantoordagen_bench"
DOC = BASE_DIR / "docs" / "benchmarks.md"
PASSWORD = "kantoor2025"
DEMO_ROLES = (
    "medewerker",
    "leidinggevende",
    "comitelid",
    "secretaris",
    "orlid",
    "facilitair",
    "hr",
)
AFDELINGSHOOFD = "afdelingshoofd"
# A database with fewer people than this has not been filled for the scale yet.
MIN_PEOPLE = {"small": 150, "uwv": 25_000}
MIN_LOCATIES = {"small": 3, "uwv": 50}
SCALES = ("small", "uwv")
# A production-like secret of the required length; it signs only this run's sessions.
BENCH_SECRET_KEY = "bench-only-" + "k" * 60


def _visible(model_label: str) -> Callable:
    """URL kwargs for the newest submitted row of `model_label` the user is likely to see.

    Their own first, else one of a person in a team they lead, else any: a role that may not
    see it gets a 404, and the page is then left out for that role.
    """

    def kwargs(user) -> dict:
        from django.apps import apps

        from pilot.permissions import managed_team_ids

        rows = apps.get_model(model_label).objects.exclude(status="concept").order_by("-pk")
        row = (
            rows.filter(medewerker=user).first()
            or rows.filter(medewerker__team_id__in=managed_team_ids(user)).first()
            or rows.first()
        )
        return {"pk": row.pk}

    return kwargs


def _onderwerp_afspraak(user) -> dict:
    """The user's latest agreement version that a case could be about (or any: then a 404)."""
    from convenant.models import Afspraak

    rows = Afspraak.objects.exclude(status="concept").order_by("-pk")
    row = rows.filter(medewerker=user).first() or rows.first()
    return {"soort": "afspraak", "pk": row.pk} if row else None


def _comite(model_label: str, **wanted) -> Callable:
    """URL kwargs for the newest case (or geschil) the user is a party to, else any."""

    def kwargs(user) -> dict:
        from django.apps import apps
        from django.db.models import Q

        rows = apps.get_model(model_label).objects.order_by("-pk")
        if wanted.get("advies"):
            rows = rows.filter(advies__isnull=False)
        if wanted.get("uitspraak"):
            rows = rows.filter(status="uitspraak")
        zaak = "zaak__" if model_label.endswith("Geschil") else ""
        mine = rows.filter(
            Q(**{f"{zaak}medewerker": user})
            | Q(**{f"{zaak}leidinggevende": user})
            | Q(**{f"{zaak}panelleden__lid": user})
        )
        row = mine.first() or rows.first()
        return {"pk": row.pk} if row else None

    return kwargs


def _locatie(**extra) -> Callable:
    """A query string naming the first location (by name): the ids differ per database."""

    def query(user) -> dict | None:
        from werkplekken.models import Locatie

        locatie = Locatie.objects.order_by("naam").first()
        return {"locatie": locatie.pk, **extra} if locatie else None

    return query


def _eerste(model_label: str) -> Callable:
    """URL kwargs for the first row of `model_label` by id: facilitair's pages reach them all."""

    def kwargs(user) -> dict | None:
        from django.apps import apps

        row = apps.get_model(model_label).objects.order_by("pk").first()
        return {"pk": row.pk} if row else None

    return kwargs


def _team_van_het_teamplan(user) -> dict | None:
    """The team the team plan page opens on (the first team led, else one's own): the page
    that loads this fragment."""
    from django.utils import timezone

    from convenant.selectors.teamplannen import teamplan_pagina

    team = teamplan_pagina(user, None, timezone.localdate()).team
    return {"team_pk": team.pk} if team else None


@dataclass(frozen=True)
class Page:
    name: str
    kwargs: Callable | None = None
    # A fixed query string, or one built per user (then `title` names it in the table).
    query: dict | Callable | None = None
    title: str = ""
    # An htmx fragment that a page loads: not a page of the matrix, but timed like one.
    fragment: bool = False

    @property
    def label(self) -> str:
        if self.title:
            return self.title
        return self.name + (f"?{urlencode(self.query, doseq=True)}" if self.query else "")

    def query_for(self, user) -> dict | None:
        return self.query(user) if callable(self.query) else self.query


# Every HTML page of tests/matrix.py (page=True) and every API list. A new page: one line.
PAGES: tuple[Page, ...] = (
    Page("start"),
    Page("notificaties"),
    Page("toegankelijkheid"),
    Page("organisatie_import"),
    Page("inlogblokkades"),
    Page("api_tokens"),
    Page("mijn_afspraak"),
    Page("afspraak_nieuw"),
    Page("afspraak_detail", kwargs=_visible("convenant.Afspraak")),
    Page("mijn_team"),
    Page("afspraak_voorstel_lid"),
    Page("delegaties"),
    Page("teamplan"),
    Page("mijn_uitzonderingen"),
    Page("uitzondering_nieuw"),
    Page("uitzondering_detail", kwargs=_visible("convenant.Uitzondering")),
    Page("team_uitzonderingen"),
    Page("uitzondering_verificatie"),
    Page("mijn_zaken"),
    Page("mijn_panels"),
    Page("comite_wachtrij"),
    Page("zaak_aanmelden", kwargs=_onderwerp_afspraak),
    Page("zaak_detail", kwargs=_comite("comite.Zaak")),
    Page("zaak_brief", kwargs=_comite("comite.Zaak", advies=True)),
    Page("geschil_brief", kwargs=_comite("comite.Geschil", uitspraak=True)),
    Page("werkplek_reserveren"),
    Page("mijn_reserveringen"),
    Page("aanwezigheid_week"),
    Page("teamdag"),
    Page("bezetting"),
    Page("wie_is_er"),
    Page("wie_is_er_instellingen"),
    Page("agenda"),
    Page("werkplek_labels"),
    Page("werkplek_inchecken", kwargs=_eerste("werkplekken.Werkplek")),
    Page("beheer_locaties"),
    Page("beheer_locatie_nieuw"),
    Page("beheer_locatie_bewerken", kwargs=_eerste("werkplekken.Locatie")),
    Page("beheer_zones"),
    Page("beheer_zone_nieuw"),
    Page("beheer_zone_bewerken", kwargs=_eerste("werkplekken.Zone")),
    Page("beheer_werkplekken"),
    Page("beheer_werkplek_nieuw"),
    Page("beheer_werkplek_bewerken", kwargs=_eerste("werkplekken.Werkplek")),
    Page("werkplekken_import"),
    Page("loonexport"),
    Page(
        "capaciteit_fragment",
        query=_locatie(voorkeursdagen=[2, 4]),
        title="capaciteit_fragment?locatie&voorkeursdagen=2,4",
        fragment=True,
    ),
    Page("capaciteit_team", kwargs=_team_van_het_teamplan, fragment=True),
    Page("periode-list"),
    Page("api-token-list"),
    Page("afspraak-list"),
    Page("teamplan-list"),
    Page("uitzondering-list"),
    Page("zaak-list"),
    Page("geschil-list"),
    Page("locatie-list"),
    Page("werkplek-list"),
    Page("reservering-list"),
    Page("aanwezigheid-list"),
    Page("capaciteit-list", query=_locatie(weekdag=2), title="capaciteit-list?locatie&weekdag=2"),
)
# Pages of the matrix that are not timed, and why.
NOT_TIMED = {
    "login": "a logged-in person is sent on to the start page",
    "password_reset": "a form for people who cannot log in",
    "password_reset_done": "a fixed text for people who cannot log in",
}

# Scheduled jobs, by task path. Each runs in a transaction that is rolled back afterwards, so
# the bench data stay as demo_data made them; the time is the job's own work, without commit.
JOBS: tuple[str, ...] = (
    "pilot.tasks.clear_expired_sessions",
    "pilot.tasks.clear_expired_api_tokens",
    "convenant.tasks.herinner_openstaande_voorstellen",
    "convenant.tasks.laat_verlopen_afspraken_vervallen",
    "convenant.tasks.laat_uitzonderingen_verlopen",
    "comite.tasks.herinner_termijnen",
    "werkplekken.tasks.geef_no_shows_vrij",
    "werkplekken.tasks.bereken_capaciteit",
)

# What the data sizes table counts, per scale.
DATA_SIZES: tuple[tuple[str, str], ...] = (
    ("medewerkers", "pilot.Medewerker"),
    ("teams", "pilot.Team"),
    ("afdelingen", "pilot.Afdeling"),
    ("afspraken (alle versies)", "convenant.Afspraak"),
    ("uitzonderingen", "convenant.Uitzondering"),
    ("delegaties", "convenant.Delegatie"),
    ("comitézaken", "comite.Zaak"),
    ("geschillen", "comite.Geschil"),
    ("locaties", "werkplekken.Locatie"),
    ("werkplekken", "werkplekken.Werkplek"),
    ("reserveringen", "werkplekken.Reservering"),
    ("bezette dagdelen", "werkplekken.Dagdeelbezetting"),
    ("aanwezigheid", "werkplekken.Aanwezigheid"),
)


# --- preparing a scale --------------------------------------------------------------------------
def database_url(scale: str) -> str:
    url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    if scale == "uwv":
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"{parts.path}_{scale}"))


def bench_env(scale: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pilot.settings.production",
        "DJANGO_SECRET_KEY": BENCH_SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # The client says it came over https (X-Forwarded-Proto, which production trusts), so
        # the secure cookies work on a plain loopback socket; nothing is redirected.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(scale),
        # Production requires a broker. No timed page queues a task, and /healthz (the bare
        # request) then also asks Redis, as it does in production.
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
        "LOG_LEVEL": "WARNING",
    }


def create_database_if_missing(url: str) -> None:
    import dj_database_url
    import psycopg2
    from psycopg2 import sql

    config = dj_database_url.parse(url)
    server = psycopg2.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"],
        host=config["HOST"],
        port=config["PORT"],
    )
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if cursor.fetchone() is None:
            print(f"database {config['NAME']} aanmaken")
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
    server.close()


def missing_data(scale: str) -> list[str]:
    """What a filled database of this scale lacks (empty when complete): each app's demo data,
    so that no page is measured empty because the database predates the app."""
    from comite.models import Zaak
    from pilot.models import Medewerker
    from werkplekken.models import Aanwezigheid, Locatie, Reservering

    missing = []
    if (people := Medewerker.objects.count()) < MIN_PEOPLE[scale]:
        missing.append(f"{people} medewerkers")
    if (locaties := Locatie.objects.count()) < MIN_LOCATIES[scale]:
        missing.append(f"{locaties} locaties")
    if not Reservering.objects.exists():
        missing.append("geen reserveringen")
    if not Aanwezigheid.objects.exists():
        missing.append("geen aanwezigheid")
    if not Zaak.objects.exists():
        missing.append("geen comitézaken")
    return missing


def demo_steps() -> list[str]:
    from pilot.registry import DEMO_STEPS

    return [step.__name__ for _order, step in DEMO_STEPS]


def fill_command(scale: str) -> str:
    return f"DJANGO_SETTINGS_MODULE=pilot.settings.local manage.py demo_data --scale {scale}"


def fill(scale: str) -> dict:
    """Runs demo_data in a child process under the local settings (production refuses demo
    logins), on this database, and times it. demo_data adds only what is missing."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pilot.settings.local",
        # Without a broker the comité demo's notifications run in-process, as in `make run`;
        # their mails stay in memory.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    env.pop("REDIS_URL", None)
    started = time.perf_counter()
    child = subprocess.Popen(  # noqa: S603 - fixed argv: our own manage.py
        [sys.executable, "manage.py", "demo_data", "--scale", scale],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    steps = {}
    for line in child.stdout:
        print("  " + line.rstrip(), flush=True)
        if match := re.match(r"(\w+): nieuw aangemaakt: (.*) \((\d+\.\d) s\)$", line.strip()):
            steps[match.group(1)] = {"aangemaakt": match.group(2), "seconden": float(match[3])}
    if child.wait():
        raise RuntimeError(f"demo_data --scale {scale} stopte met code {child.returncode}")
    return {
        "seconden": time.perf_counter() - started,
        # In UTC, like the report's own date (Django has set this process's zone).
        "gevuld_op": datetime.now(UTC).strftime("%Y-%m-%d %H:%M %Z"),
        "commit": _commit(),
        "stappen": steps,
    }


# The last fill is noted on the database itself (COMMENT ON DATABASE): a later run that finds
# the database complete can still say how long filling it took, and with which steps.
def read_fill_record() -> dict | None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [connection.settings_dict["NAME"]],
        )
        (text,) = cursor.fetchone()
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def write_fill_record(record: dict) -> None:
    from django.db import connection
    from psycopg2 import sql

    with connection.cursor() as cursor:
        statement = sql.SQL("COMMENT ON DATABASE {} IS {}").format(
            sql.Identifier(connection.settings_dict["NAME"]), sql.Literal(json.dumps(record))
        )
        cursor.execute(statement.as_string(cursor.cursor))


def prepare(scale: str) -> dict:
    """Migrate, fill what is missing, refresh the statistics. Returns the fill record, with
    `nu_gemeten` saying whether this run filled (and timed) it."""
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    record = read_fill_record()
    missing = missing_data(scale)
    # A database filled before a demo step existed lacks that step's data: fill again.
    if missing or record is None or list(record.get("stappen", {})) != demo_steps():
        print(f"{fill_command(scale)} ({', '.join(missing) or 'stappen gewijzigd'})", flush=True)
        record = fill(scale)
        write_fill_record(record)
        record["nu_gemeten"] = True
        print(f"demo_data klaar in {record['seconden']:.0f} s", flush=True)
        if missing := missing_data(scale):
            raise RuntimeError(f"na demo_data ontbreekt nog: {', '.join(missing)}")
    else:
        record["nu_gemeten"] = False
    # What autovacuum keeps in production: fresh statistics (right after a bulk load the planner
    # would otherwise guess row counts) and the visibility map, without which no index-only
    # scan skips the table. A server with autovacuum off (as some test servers run) would
    # otherwise measure plans no running portal uses.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    # The capacity check the pages read, as beat stores it every quarter in production.
    from werkplekken.services.capaciteit import capaciteit_vastleggen

    capaciteit_vastleggen()
    call_command("collectstatic", "--noinput", verbosity=0)
    return record


# --- the served portal --------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port: int, log) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - fixed argv: our own WSGI app on loopback
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "pilot.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            # One sync worker: requests are sent one at a time, and the machine is shared.
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        stdout=log,
        stderr=log,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Browser:
    """One person's cookies against the served portal, over a fresh loopback connection each
    request (gunicorn's sync worker closes it after every response anyway)."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None):
        self.port = port
        self.cookies: dict[str, str] = dict(cookies or {})

    def request(self, method: str, path: str, body: dict | None = None):
        origin = f"https://127.0.0.1:{self.port}"
        headers = {"Host": f"127.0.0.1:{self.port}", "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        payload = None
        if body is not None:
            payload = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = origin
            headers["Referer"] = origin + path
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            started = time.perf_counter()
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            content = response.read()
            elapsed_ms = (time.perf_counter() - started) * 1000
        finally:
            connection.close()
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, content, elapsed_ms

    def log_in(self, username: str) -> None:
        _status, form, _ms = self.request("GET", "/account/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        status, _body, _ms = self.request(
            "POST",
            "/account/login/",
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.decode()},
        )
        if status != 302:
            raise RuntimeError(f"inloggen als {username} gaf {status}, geen doorverwijzing")


def wait_until_serving(browser: Browser, gunicorn: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if gunicorn.poll() is not None:
            raise RuntimeError("gunicorn is gestopt voordat het portaal bereikbaar was")
        try:
            if browser.request("GET", "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("het portaal werd niet binnen 60 s bereikbaar")


# --- measuring ----------------------------------------------------------------------------------
def largest_span_leader():
    """The leader whose team subtree holds the most people (an afdelingshoofd at UWV scale)."""
    from django.db.models import Count

    from pilot.models import Medewerker, Team
    from pilot.permissions import teams_led_by

    leaders = Team.objects.exclude(leidinggevende=None).values_list("leidinggevende", flat=True)
    per_team = dict(
        Medewerker.objects.values("team").annotate(n=Count("pk")).values_list("team", "n")
    )
    spans = {
        leader: sum(per_team.get(team, 0) for team in teams)
        for leader, teams in teams_led_by(set(leaders)).items()
    }
    leader_id = max(sorted(spans), key=spans.__getitem__)
    return Medewerker.objects.get(pk=leader_id), spans[leader_id]


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def count_queries(session_cookies: dict[str, str], path: str) -> int:
    """Runs the page once in this process, as the same session, and counts its SQL queries."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    for name, value in session_cookies.items():
        client.cookies[name] = value
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    if status != 200:
        raise RuntimeError(f"{path} gaf {status} in het proces zelf")
    return len(queries.captured_queries)


def pages_of(browser: Browser, user) -> list[dict]:
    """The pages this role may open, with their paths and query counts (in this process)."""
    from django.urls import reverse

    pages = []
    for page in PAGES:
        kwargs = page.kwargs(user) if page.kwargs else None
        if page.kwargs and kwargs is None:
            continue  # No such object for this user (e.g. a person without a team).
        query = page.query_for(user)
        if page.query and query is None:
            continue
        path = reverse(page.name, kwargs=kwargs)
        if query:
            path += "?" + urlencode(query, doseq=True)
        status, _body, _ms = browser.request("GET", path)
        if status != 200:
            continue  # Not a page for this role (403/404/redirect): the matrix tests that.
        # Right after a served request, so the idle-session refresh (once a minute) is not due.
        pages.append(
            {"page": page.label, "path": path, "queries": count_queries(browser.cookies, path)}
        )
    return pages


def measure_pages(plans: dict[str, dict], repeat: int) -> dict[str, list[dict]]:
    """Times every role's pages on each scale's served portal, the scales side by side: per
    page `repeat` rounds of the bare request and the page on small, then on UWV. Both scales
    and the bare request see the same moments of machine load, so the growth from small to UWV
    compares like with like. `plans`: per scale what its child process wrote (`run_scale`)."""
    rows: dict[str, list[dict]] = {scale: [] for scale in plans}
    roles = {
        scale: {entry["role"]: entry for entry in plan["roles"]} for scale, plan in plans.items()
    }
    for role in dict.fromkeys(role for per_role in roles.values() for role in per_role):
        browsers, pages = {}, {}
        for scale, per_role in roles.items():
            if role in per_role:
                browsers[scale] = Browser(plans[scale]["port"], per_role[role]["cookies"])
                pages[scale] = {page["page"]: page for page in per_role[role]["pages"]}
        wie = ", ".join(f"{scale}: {roles[scale][role]['username']}" for scale in browsers)
        print(f"{role} ({wie})", flush=True)
        for label in dict.fromkeys(label for per_page in pages.values() for label in per_page):
            scales = [scale for scale in pages if label in pages[scale]]
            bare = {scale: [] for scale in scales}
            timed = {scale: [] for scale in scales}
            for _ in range(repeat):
                for scale in scales:
                    path = pages[scale][label]["path"]
                    bare[scale].append(browsers[scale].request("GET", "/healthz")[2])
                    status, _body, elapsed = browsers[scale].request("GET", path)
                    if status != 200:
                        raise RuntimeError(f"{scale}: {path} gaf {status} tijdens het meten")
                    timed[scale].append(elapsed)
            parts = []
            for scale in scales:
                row = {
                    "role": role,
                    "page": label,
                    "queries": pages[scale][label]["queries"],
                    "median": statistics.median(timed[scale]),
                    "p95": percentile(timed[scale], 0.95),
                    "bare": statistics.median(bare[scale]),
                }
                rows[scale].append(row)
                parts.append(
                    f"{scale} {row['queries']:>3} q {row['median']:6.1f} ms {ratio(row):4.1f}x"
                )
            print(f"  {label:<32} " + "   ".join(parts), flush=True)
    return rows


def time_jobs(repeat: int) -> dict[str, float]:
    from django.db import transaction
    from django.utils.module_loading import import_string

    result = {}
    for dotted in JOBS:
        task = import_string(dotted)
        runs = []
        for _ in range(repeat):
            with transaction.atomic():
                started = time.perf_counter()
                task()
                runs.append((time.perf_counter() - started) * 1000)
                transaction.set_rollback(True)
        result[dotted] = statistics.median(runs)
        print(f"  {dotted:<56} {result[dotted]:9.1f} ms", flush=True)
    return result


# --- workplaces: the booking race, throughput, the heatmap ----------------------------------------
RACE_ATTEMPTS = 200
RACE_DESKS = 10
# At most this many attempts hold a connection at once (PostgreSQL's default allows 100, and
# the served portal and other runs share them); the attempts still overlap on the same desks.
RACE_CONNECTIONS = 40
RACES = {"hele dag": ("hele_dag",), "hele dag tegen ochtend": ("hele_dag", "ochtend")}
THROUGHPUT_BOOKINGS = 200
HEATMAP_REPEAT = 50


def booking_day():
    """The last day one may book: the demo data leave it empty, so desks and people are free."""
    from django.utils import timezone

    from pilot.werkdagen import is_werkdag
    from werkplekken.rules import laatste_boekdag

    day = laatste_boekdag(timezone.localdate())
    while not is_werkdag(day):
        day -= timedelta(days=1)
    return day


def free_desks_and_people(day, desks: int, people: int) -> tuple[list, list]:
    from pilot.models import Medewerker
    from werkplekken.models import Dagdeelbezetting, Locatie, Werkplek

    bezet = Dagdeelbezetting.objects.filter(datum=day)
    open_ids = [loc.pk for loc in Locatie.objects.all() if loc.is_open_op(day.isoweekday())]
    free_desks = (
        Werkplek.objects.filter(reserveerbaar=True, zone__locatie_id__in=open_ids)
        .exclude(pk__in=bezet.values("werkplek_id"))
        .order_by("zone__locatie__naam", "pk")[:desks]
    )
    free_people = (
        Medewerker.objects.filter(is_active=True)
        .exclude(pk__in=bezet.values("medewerker_id"))
        .order_by("pk")[:people]
    )
    return list(free_desks), list(free_people)


def remove_bookings(day, people) -> None:
    """Takes the bench's own bookings (and their timeline rows) out again."""
    from pilot.models import AuditEvent
    from werkplekken.models import Reservering

    ids = list(
        Reservering.objects.filter(datum=day, medewerker__in=people).values_list("pk", flat=True)
    )
    AuditEvent.objects.filter(
        object_type="werkplekken.reservering", object_id__in=[str(pk) for pk in ids]
    ).delete()
    Reservering.objects.filter(pk__in=ids).delete()


def run_concurrently(calls: list[Callable]) -> tuple[list, float]:
    """Each call in its own thread on its own database connection, all released at once."""
    from django.db import connection

    barrier = threading.Barrier(len(calls))
    slots = threading.BoundedSemaphore(RACE_CONNECTIONS)
    outcomes: list = [None] * len(calls)

    def run(index: int, call: Callable) -> None:
        barrier.wait()
        with slots:
            try:
                outcomes[index] = call()
            except Exception as error:  # noqa: BLE001 - the outcome is what is counted
                outcomes[index] = error
            finally:
                connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, time.perf_counter() - started


def race_outcome(outcomes: list) -> dict:
    """Counts what the attempts got. `dubbel`: half days of one desk held by two bookings."""
    from collections import Counter

    from django.core.exceptions import ValidationError

    from werkplekken.models import HALVE_DAGEN, Dagdeel, Reservering

    booked = [o for o in outcomes if isinstance(o, Reservering)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    bezet = [o for o in refused if "werkplek" in o.message_dict]
    errors = [o for o in outcomes if not isinstance(o, Reservering | ValidationError)]
    held = Counter(
        (r.werkplek_id, half) for r in booked for half in HALVE_DAGEN[Dagdeel(r.dagdeel)]
    )
    return {
        "pogingen": len(outcomes),
        "gelukt": len(booked),
        "bezet": len(bezet),
        "anders geweigerd": len(refused) - len(bezet),
        "fouten": len(errors),
        "dubbel": sum(n - 1 for n in held.values()),
        "eerste fout": repr(errors[0])[:200] if errors else "",
    }


def booking_races() -> list[dict]:
    """RACE_ATTEMPTS people at once for RACE_DESKS free desks, through the booking service."""
    from werkplekken.services.reserveringen import reservering_aanmaken

    day = booking_day()
    results = []
    for variant, dagdelen in RACES.items():
        desks, people = free_desks_and_people(day, RACE_DESKS, RACE_ATTEMPTS)
        calls = [
            partial(
                reservering_aanmaken,
                actor=person,
                werkplek_id=desks[i % len(desks)].pk,
                datum=day,
                dagdeel=dagdelen[i % len(dagdelen)],
            )
            for i, person in enumerate(people)
        ]
        try:
            outcomes, seconds = run_concurrently(calls)
        finally:
            remove_bookings(day, people)
        results.append({"variant": variant, **race_outcome(outcomes), "seconden": seconds})
        print(f"  race {variant}: {results[-1]}", flush=True)
    return results


def booking_throughput() -> dict:
    """One booking after another, each a different desk and person: bookings per second."""
    from werkplekken.services.reserveringen import reservering_aanmaken

    day = booking_day()
    desks, people = free_desks_and_people(day, THROUGHPUT_BOOKINGS, THROUGHPUT_BOOKINGS)
    pairs = list(zip(people, desks, strict=False))
    try:
        started = time.perf_counter()
        for person, desk in pairs:
            reservering_aanmaken(actor=person, werkplek_id=desk.pk, datum=day, dagdeel="hele_dag")
        seconds = time.perf_counter() - started
    finally:
        remove_bookings(day, people)
    result = {"reserveringen": len(pairs), "seconden": seconds, "per seconde": len(pairs) / seconds}
    print(f"  doorvoer: {result}", flush=True)
    return result


def measure_heatmap(port: int, user) -> dict:
    """The heatmap as facilitair beheer, HEATMAP_REPEAT times, alternating with the bare
    request like every page."""
    from django.urls import reverse

    browser = Browser(port)
    browser.log_in(user.username)
    path = reverse("bezetting")
    queries = count_queries(browser.cookies, path)
    bare, timed = [], []
    for _ in range(HEATMAP_REPEAT):
        bare.append(browser.request("GET", "/healthz")[2])
        status, _body, elapsed = browser.request("GET", path)
        if status != 200:
            raise RuntimeError(f"{path} gaf {status} tijdens het meten")
        timed.append(elapsed)
    result = {
        "requests": HEATMAP_REPEAT,
        "queries": queries,
        "median": statistics.median(timed),
        "p95": percentile(timed, 0.95),
        "bare": statistics.median(bare),
    }
    print(f"  heatmap: {result}", flush=True)
    return result


def data_sizes() -> dict[str, int]:
    from django.apps import apps

    return {label: apps.get_model(model).objects.count() for label, model in DATA_SIZES}


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def plan_path(out: Path) -> Path:
    return out.with_suffix(".plan.json")


def run_scale(scale: str, out: Path) -> None:
    """One scale, in its own process (Django is set up once per process, for one database).

    Prepares the database, serves it with gunicorn, logs every role in and writes what the
    parent times (`plan_path(out)`: the port, each role's session cookie and pages with their
    query counts). Then it waits, serving, until the parent has timed both scales' pages side
    by side (a line on stdin), and times the heatmap, the booking races, the throughput and
    the jobs into `out`."""
    os.environ.update(bench_env(scale))
    sys.path.insert(0, str(BASE_DIR))
    create_database_if_missing(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from pilot.models import Medewerker

    demo_data = prepare(scale)
    hoofd, span = largest_span_leader()
    users = {role: Medewerker.objects.get(username=role) for role in DEMO_ROLES}
    users[AFDELINGSHOOFD] = hoofd
    # Both scales are served at once: BENCH_PORT for small, the port after it for UWV.
    base = int(os.environ.get("BENCH_PORT") or 0)
    port = base + SCALES.index(scale) if base else free_port()
    with tempfile.TemporaryFile() as log:
        gunicorn = start_gunicorn(port, log)
        try:
            wait_until_serving(Browser(port), gunicorn)
            roles = []
            for role, user in users.items():
                print(f"{scale} · {role} ({user.username}): pagina's en queries", flush=True)
                browser = Browser(port)
                browser.log_in(user.username)
                pages = pages_of(browser, user)
                roles.append(
                    {
                        "role": role,
                        "username": user.username,
                        "cookies": browser.cookies,
                        "pages": pages,
                    }
                )
            ready = out.with_suffix(".tmp")
            ready.write_text(json.dumps({"port": port, "roles": roles}))
            ready.rename(plan_path(out))
            if not sys.stdin.readline():
                raise SystemExit("de bench stopte voordat de pagina's gemeten waren")
            print(f"{scale} · heatmap", flush=True)
            heatmap = measure_heatmap(port, users["facilitair"])
        except BaseException:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace"))
            raise
        finally:
            stop(gunicorn)
    print(f"{scale} · werkplekken boeken", flush=True)
    races = booking_races()
    throughput = booking_throughput()
    print(f"{scale} · jobs", flush=True)
    jobs = time_jobs(int(os.environ.get("BENCH_JOB_REPEAT", "3")))
    out.write_text(
        json.dumps(
            {
                "scale": scale,
                "sizes": {**data_sizes(), "span van het afdelingshoofd (mensen)": span},
                "postgres": server_version(),
                "jobs": jobs,
                "demo_data": demo_data,
                "heatmap": heatmap,
                "races": races,
                "throughput": throughput,
            }
        )
    )


# --- reporting ----------------------------------------------------------------------------------
def machine() -> str:
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    model = cpu.group(1).strip() if cpu else "onbekende processor"
    return f"{os.cpu_count()} cores (nproc), {memory_kb / 1024 / 1024:.0f} GiB geheugen, {model}"


# The target of issue 9: at UWV scale at most this many times the bare request (median), and
# no page's ratio grows by more than GROWTH_TARGET from small to UWV.
RATIO_TARGET = 5.0
GROWTH_TARGET = 1.5


def ratio(row: dict) -> float:
    return row["median"] / row["bare"]


def meets_target(small: dict, uwv: dict) -> bool:
    return (
        small["queries"] == uwv["queries"]
        and ratio(uwv) <= RATIO_TARGET
        and ratio(uwv) / ratio(small) <= GROWTH_TARGET
    )


def target_summary(results: list[dict]) -> str:
    small, uwv = ({(r["role"], r["page"]): r for r in result["rows"]} for result in results)
    pairs = [(small[key], uwv[key]) for key in small.keys() & uwv.keys()]
    met = sum(meets_target(*pair) for pair in pairs)
    return f"{met} van de {len(pairs)} rijen halen het doel."


def table(results: list[dict]) -> str:
    scales = [result["scale"] for result in results]
    keyed = [{(row["role"], row["page"]): row for row in result["rows"]} for result in results]
    keys = list(dict.fromkeys(key for rows in keyed for key in rows))
    side_by_side = scales == list(SCALES)

    header = ["rol", "pagina"]
    for field in ("queries", "mediaan ms", "p95 ms", "× kaal"):
        header += [f"{field} {scale}" for scale in scales]
    if side_by_side:
        header += ["groei × kaal", "doel"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key in keys:
        line = list(key)
        rows = [by_key.get(key) for by_key in keyed]
        for value, fmt in (
            (lambda row: row["queries"], "d"),
            (lambda row: row["median"], ".1f"),
            (lambda row: row["p95"], ".1f"),
            (ratio, ".1f"),
        ):
            line += [format(value(row), fmt) if row else "—" for row in rows]
        if side_by_side:
            small, uwv = rows
            if small and uwv:
                growth = ratio(uwv) / ratio(small)
                line += [f"{growth:.1f}", "ja" if meets_target(small, uwv) else "**nee**"]
            else:
                line += ["—", "—"]
        lines.append("| " + " | ".join(line) + " |")
    return "\n".join(lines)


def run_summary(results: list[dict]) -> str:
    result = results[0]  # the scales are timed together
    return (
        f"{result['seconds'] / 60:.1f} min voor {' en '.join(r['scale'] for r in results)} samen, "
        f"load average (1 min) {result['load'][0]:.1f} bij het begin en "
        f"{result['load'][1]:.1f} aan het eind"
    )


def bare_summary(results: list[dict]) -> str:
    parts = []
    for result in results:
        bares = [row["bare"] for row in result["rows"]]
        parts.append(
            f"{result['scale']}: mediaan {statistics.median(bares):.1f} ms "
            f"(van {min(bares):.1f} tot {max(bares):.1f} ms over de paginaparen)"
        )
    return "; ".join(parts)


def sizes_table(results: list[dict]) -> str:
    lines = [
        "| | " + " | ".join(r["scale"] for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]
    for label in results[0]["sizes"]:
        lines.append(
            f"| {label} | "
            + " | ".join(f"{r['sizes'][label]:,}".replace(",", " ") for r in results)
            + " |"
        )
    return "\n".join(lines)


def jobs_table(results: list[dict]) -> str:
    lines = ["| job | " + " | ".join(f"mediaan ms {r['scale']}" for r in results) + " |"]
    lines.append("|---|" + "---|" * len(results))
    for job in results[0]["jobs"]:
        lines.append(f"| `{job}` | " + " | ".join(f"{r['jobs'][job]:.1f}" for r in results) + " |")
    return "\n".join(lines)


def _getal(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ")


def demo_data_section(results: list[dict]) -> str:
    parts = []
    for result in results:
        record = result["demo_data"]
        scale = result["scale"]
        when = (
            "in deze run gevuld (of aangevuld) en gemeten"
            if record["nu_gemeten"]
            else f"bestond al; de tijd is van de laatste vulling, {record['gevuld_op']} "
            f"(commit `{record['commit']}`)"
        )
        lines = [
            f"**{scale}** — `{fill_command(scale)}`: {record['seconden']:.0f} s in totaal "
            f"({when}).",
            "",
            "| stap | nieuw aangemaakt | s |",
            "|---|---|---|",
        ]
        lines += [
            f"| `{step}` | {info['aangemaakt']} | {info['seconden']:.1f} |"
            for step, info in record["stappen"].items()
        ]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def races_table(results: list[dict]) -> str:
    fields = ("pogingen", "gelukt", "bezet", "anders geweigerd", "fouten", "dubbel")
    lines = [
        "| schaal | wedloop | " + " | ".join(fields) + " | wandtijd s |",
        "|---|---|" + "---|" * (len(fields) + 1),
    ]
    for result in results:
        for race in result["races"]:
            values = " | ".join(str(race[field]) for field in fields)
            lines.append(
                f"| {result['scale']} | {race['variant']} | {values} | {race['seconden']:.2f} |"
            )
    errors = [
        f"{result['scale']}, {race['variant']}: `{race['eerste fout']}`"
        for result in results
        for race in result["races"]
        if race["eerste fout"]
    ]
    if errors:
        lines += ["", "Eerste fout per wedloop: " + "; ".join(errors) + "."]
    return "\n".join(lines)


def throughput_table(results: list[dict]) -> str:
    lines = ["| schaal | reserveringen | s | per seconde |", "|---|---|---|---|"]
    for result in results:
        t = result["throughput"]
        lines.append(
            f"| {result['scale']} | {t['reserveringen']} | {t['seconden']:.2f} | "
            f"{t['per seconde']:.0f} |"
        )
    return "\n".join(lines)


def heatmap_table(results: list[dict]) -> str:
    lines = [
        "| schaal | requests | queries | mediaan ms | p95 ms | kaal ms | × kaal |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in results:
        h = result["heatmap"]
        lines.append(
            f"| {result['scale']} | {h['requests']} | {h['queries']} | {h['median']:.1f} | "
            f"{h['p95']:.1f} | {h['bare']:.1f} | {ratio(h):.1f} |"
        )
    return "\n".join(lines)


def command() -> str:
    """The command line as run, with the settings that shape the measurement."""
    names = ("DATABASE_URL", "BENCH_REPEAT", "BENCH_JOB_REPEAT", "BENCH_REDIS_URL", "BENCH_PORT")
    settings = [f"{name}={os.environ[name]}" for name in names if os.environ.get(name)]
    return " ".join([*settings, "make bench"])


def document(results: list[dict]) -> str:
    import django

    repeat = results[0]["repeat"]
    return f"""# Benchmarks

Gemeten met `{command()}` op {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}
(commit `{_commit()}`). Machine: {machine()}; PostgreSQL {results[0]["postgres"]},
Python {sys.version.split()[0]}, Django {django.get_version()}.

## Hoe er gemeten is

- Per schaal een eigen PostgreSQL-database, gevuld met `manage.py demo_data --scale small` of
  `--scale uwv` en daarna `VACUUM (ANALYZE)`: verse statistieken en de visibility map, zoals
  autovacuum ze in productie bijhoudt (ook als autovacuum op de benchserver uit staat); het
  portaal draait onder gunicorn (1 sync worker) met de productie-instellingen op 127.0.0.1,
  achter een `X-Forwarded-Proto: https` zoals een TLS-proxy die zet.
- Elke rol logt in via het echte inlogformulier (met CSRF): de demo-rollen en het
  afdelingshoofd met de grootste span (het hoofd wiens teamboom de meeste mensen telt).
- Beide schalen worden tegelijk geserveerd (twee gunicorns, elk op de eigen database) en naast
  elkaar gemeten: per rol en pagina {repeat} rondes van een kale ingelogde request (`/healthz`
  met de sessiecookie) en de pagina op small, dan op UWV. **× kaal** = mediaan pagina ÷ mediaan
  kale request van dezelfde schaal en pagina. Zo zien beide schalen en de kale request dezelfde
  momenten van de machine, en vergelijkt de groei metingen van hetzelfde moment. Een pagina die
  een rol niet mag openen (403/404) staat er voor die rol niet in.
- Queries: de pagina draait één keer extra in het bench-proces zelf (Django test client, zelfde
  database, zelfde sessie) onder `CaptureQueriesContext`; het geserveerde portaal heeft zo geen
  aparte bench-modus nodig.
- Tijd is gemeten aan de clientkant: van versturen tot en met de laatste byte, inclusief het
  opzetten van de loopback-verbinding (bij kaal en pagina gelijk).
- Kale request: {bare_summary(results)}.
- Duur van de paginameting: {run_summary(results)}. De machine wordt gedeeld: absolute
  milliseconden schommelen met de load, de verhouding tot de kale request van hetzelfde moment
  veel minder.

**Doel** (issue 9): op UWV-schaal elke pagina ≤ {RATIO_TARGET:g}× de kale request (mediaan), voor
elke rol; en geen pagina groeit van small naar UWV met meer dan {GROWTH_TARGET:g}×
(**groei × kaal** = × kaal UWV ÷ × kaal small), en het aantal queries is op beide schalen
gelijk. **doel** zegt of een rij dat alles haalt. {target_summary(results)}

## Datagrootte

{sizes_table(results)}

## Pagina's per rol

{table(results)}

## Geplande jobs

Elke job draait {os.environ.get("BENCH_JOB_REPEAT", "3")} keer in het bench-proces, in een
transactie die daarna wordt teruggedraaid (de benchdata blijven zoals `demo_data` ze maakte).

{jobs_table(results)}

## Demodata

De bench vult elke database zelf met `manage.py demo_data` (in een eigen proces, onder de
lokale instellingen: productie weigert demo-logins). Dat gebeurt als er gegevens van een app
ontbreken (te weinig mensen of locaties, geen reserveringen, aanwezigheid of comitézaken) of als
de database is gevuld met andere demostappen dan er nu zijn; `demo_data` voegt alleen toe wat
ontbreekt. De tijd van de laatste vulling staat bij de database zelf (`COMMENT ON DATABASE`),
zodat een latere run hem ook noemt. Daarna volgt altijd `VACUUM (ANALYZE)`.

{demo_data_section(results)}

## Werkplekken: boekingswedloop (PostgreSQL)

{RACE_ATTEMPTS} pogingen tegelijk (met minder mensen in de database: zoveel als er zijn), elk
in een eigen thread met een eigen databaseverbinding (hoogstens {RACE_CONNECTIONS} tegelijk),
via de boekingsservice `reservering_aanmaken`, op {RACE_DESKS} vrije werkplekken op de laatste
dag die te boeken is. **bezet**: het nette "al bezet"-antwoord; **fouten**: elke andere
uitzondering (in het portaal een 5xx); **dubbel**: dagdelen van een werkplek met twee boekingen
(moet 0 zijn). In de tweede wedloop vraagt de helft een hele dag en de helft een ochtend. De
boekingen en hun tijdlijnregels worden daarna weer verwijderd.

{races_table(results)}

## Werkplekken: doorvoer

Boekingen na elkaar via `reservering_aanmaken` (elk een eigen transactie), telkens een andere
persoon en werkplek, hele dag, op dezelfde vrije dag; daarna weer verwijderd.

{throughput_table(results)}

## Heatmap

`/werkplekken/bezetting/` als facilitair beheer, {HEATMAP_REPEAT} keer, afgewisseld met de kale
request (zoals de pagina's hierboven).

{heatmap_table(results)}
"""


def _commit() -> str:
    return subprocess.run(  # noqa: S603 - fixed argv
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()


class Child:
    """This script for one scale in a process of its own (`run_scale`)."""

    def __init__(self, scale: str, workdir: Path):
        self.scale = scale
        self.out = Path(workdir) / f"{scale}.json"
        argv = [sys.executable, __file__, "--run-scale", scale, "--out", str(self.out)]
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, text=True)  # noqa: S603

    def plan(self) -> dict:
        """Waits while the child prepares its database (a UWV fill takes minutes)."""
        while not plan_path(self.out).exists():
            if self.process.poll() is not None:
                raise SystemExit(
                    f"{self.scale}: de meting stopte met code {self.process.returncode}"
                )
            time.sleep(0.5)
        return json.loads(plan_path(self.out).read_text())

    def finish(self) -> dict:
        """Lets the child go on to the heatmap, races and jobs, and returns all it measured."""
        self.process.stdin.write("verder\n")
        self.process.stdin.close()
        if code := self.process.wait():
            raise SystemExit(f"{self.scale}: de meting stopte met code {code}")
        return json.loads(self.out.read_text())

    def stop(self) -> None:
        if self.process.poll() is None:
            # SIGTERM unwinds the child like Ctrl+C, so it stops its gunicorn first.
            self.process.terminate()
            self.process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="alleen de kleine schaal, geen docs")
    parser.add_argument("--run-scale", choices=SCALES, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    # A stop signal unwinds like Ctrl+C, so the finally blocks stop gunicorn.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if args.run_scale:
        run_scale(args.run_scale, args.out)
        return
    repeat = int(os.environ.get("BENCH_REPEAT", "30"))
    results = []
    with tempfile.TemporaryDirectory() as workdir:
        children: list[Child] = []
        try:
            # One database after the other: filling one takes the machine.
            plans = {}
            for scale in ("small",) if args.small else SCALES:
                children.append(Child(scale, workdir))
                plans[scale] = children[-1].plan()
            load_before, started = os.getloadavg()[0], time.monotonic()
            rows = measure_pages(plans, repeat)
            measured = {
                "repeat": repeat,
                "seconds": time.monotonic() - started,
                "load": [load_before, os.getloadavg()[0]],
            }
            # The heatmap, races and jobs of one scale at a time.
            for child in children:
                results.append({**child.finish(), **measured, "rows": rows[child.scale]})
        finally:
            for child in children:
                child.stop()
    print()
    print(table(results))
    if not args.small:
        DOC.write_text(document(results))
        print(f"\ngeschreven: {DOC.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
