"""The browser harness shared by every browser test: Debian's Chromium driven by Playwright,
axe-core from the axe-playwright-python package (never a CDN), screenshots for people.

Registered as a pytest plugin in tests/conftest.py, so test modules just ask for `page`,
`organisation` and friends.
"""

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from pilot.demo import DEMO_PASSWORD
from pilot.models import Notificatie, Periode
from tests.conftest import CHROMIUM

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
GENERIC_LOGIN_ERROR = "De combinatie van gebruikersnaam en wachtwoord is onjuist."


@pytest.fixture(scope="module")
def _orm_beside_playwright():
    """Playwright's sync API keeps an event loop in this thread; Django then refuses ORM calls
    (SynchronousOnlyOperation) unless told that this is deliberate. Only for this module."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def browser(_orm_beside_playwright):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def csp_errors() -> list[str]:
    """Filled by `page`: every Content-Security-Policy violation the browser reports."""
    return []


@pytest.fixture
def page(browser, csp_errors):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # A blocked inline script or style, or a resource from elsewhere, shows in the console.
    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            csp_errors.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    yield page
    context.close()


@pytest.fixture
def organisation(transactional_db, demo):
    """The `demo` organisation of tests/conftest.py, committed (transactional_db, so the live
    server thread sees it), plus one read and one unread notification per demo login so the
    notification list shows both states."""
    # A transactional test's flush removes what the data migration made; put the pilot back.
    Periode.objects.get_or_create(
        naam="Pilot Twee dagen op kantoor",
        defaults={"startdatum": date(2025, 10, 1), "einddatum": date(2026, 6, 30)},
    )
    users = dict(demo)
    for user in users.values():
        Notificatie.objects.create(
            ontvanger=user,
            onderwerp="Uw kantoordagen voor volgende week",
            tekst="Controleer uw planning.\nDe teamafspraak staat op dinsdag.",
            link=reverse("start"),
        )
        Notificatie.objects.create(
            ontvanger=user, onderwerp="Welkom in de pilot", gelezen_op=timezone.now()
        )
    return users


def log_in(page, base_url: str, username: str, password: str = DEMO_PASSWORD):
    page.goto(base_url + reverse("login"))
    page.get_by_label("Gebruikersnaam", exact=True).fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    path = page.url.split("//", 1)[-1].split("/", 1)[-1]
    lines = []
    for violation in results.response["violations"]:
        lines.append(
            f"/{path} — {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl'].split('?')[0]}>"
        )
        for node in violation["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            detail = checks[0]["message"] if checks else ""
            lines.append(f"    {' '.join(node['target'])}: {detail}")
    return lines


def screenshot(page, role: str, url: str):
    """For people, not for the assertion: test-artifacts/<role>--<page>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    slug = url.strip("/").replace("/", "-") or "start"
    page.screenshot(path=str(ARTIFACTS / f"{role}--{slug}.png"), full_page=True)
