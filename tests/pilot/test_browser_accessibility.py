"""Browser and accessibility harness: every page a role may open, checked in Chromium with axe-core.

Per role (and anonymous) a real browser logs in through the login form, opens every page of
tests/matrix.py that the role may see (expected 200) and runs axe-core with the WCAG 2.0/2.1 A and
AA rules: the pages must have 0 violations. The browser is Debian's /usr/bin/chromium (never a
downloaded one) and axe.min.js comes from the pip package axe-playwright-python (never a CDN).
The Content-Security-Policy stays on, so a page that needs an inline script or style fails here too.

Screenshots of every page checked, per role, land in test-artifacts/ (gitignored) for people.
"""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from pilot.demo import DEMO_PASSWORD
from pilot.models import Notificatie
from tests.conftest import CHROMIUM
from tests.matrix import ALL, ANON, MATRIX

pytestmark = [
    pytest.mark.browser,
    # live_server needs committed data; serialized_rollback brings back what the data migrations
    # created (the pilot Periode) after each test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
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


@pytest.fixture(scope="module", autouse=True)
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


def _log_in(page, base_url: str, username: str, password: str = DEMO_PASSWORD):
    page.goto(base_url + reverse("login"))
    page.get_by_label("Gebruikersnaam", exact=True).fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()


def _axe_violations(page) -> list[str]:
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


def _screenshot(page, role: str, url: str):
    """For people, not for the assertion: test-artifacts/<role>--<page>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    slug = url.strip("/").replace("/", "-") or "start"
    page.screenshot(path=str(ARTIFACTS / f"{role}--{slug}.png"), full_page=True)


def _pages_for(role: str, users: dict) -> list[str]:
    urls = []
    for name, entry in MATRIX.items():
        if entry.page and entry.method == "get" and entry.expected[role] == 200:
            urls.append(reverse(name, kwargs=entry.kwargs(users) if entry.kwargs else None))
    return urls


@pytest.mark.parametrize("role", ALL)
def test_every_page_the_role_may_open_has_no_axe_violations(
    live_server, organisation, page, csp_errors, role
):
    base_url = live_server.url
    if role != ANON:
        _log_in(page, base_url, role)
        assert page.url == base_url + reverse("start"), f"{role} could not log in: {page.url}"

    urls = _pages_for(role, organisation)
    assert urls, f"the matrix allows {role} no pages at all"
    problems = []
    for url in urls:
        response = page.goto(base_url + url)
        if response is None or response.status != 200 or page.url != base_url + url:
            status = response.status if response else "no response"
            problems.append(f"{url}: expected 200 without redirect, got {status} at {page.url}")
            continue
        _screenshot(page, role, url)
        problems.extend(_axe_violations(page))
    problems.extend(csp_errors)
    assert not problems, f"{role}: {len(problems)} problem(s)\n" + "\n".join(problems)


def test_login_page_is_dutch_with_skip_link_first_and_a_generic_error(
    live_server, organisation, page, csp_errors
):
    base_url = live_server.url
    page.goto(base_url + reverse("login"))
    assert page.locator("html").get_attribute("lang") == "nl"

    # The first Tab from the top of the page reaches the skip link, which moves focus to <main>.
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.textContent.trim(), document.activeElement.hash]"
    )
    assert focused == ["Direct naar de inhoud", "#inhoud"]
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhoud"

    # A wrong password and an unknown user give the same message, which says neither which.
    for username in ("medewerker-die-niet-bestaat", "hr"):
        _log_in(page, base_url, username, password="fout-wachtwoord")
        assert page.url.startswith(base_url + reverse("login"))
        alert = page.get_by_role("alert")
        assert alert.inner_text().strip() == GENERIC_LOGIN_ERROR
    problems = _axe_violations(page) + csp_errors
    assert not problems, "\n".join(problems)


def test_organisation_import_error_states_have_no_axe_violations(
    live_server, organisation, page, csp_errors, tmp_path
):
    """The states a form page only shows after a submit: field errors and an import report."""
    base_url = live_server.url
    _log_in(page, base_url, "hr")
    page.goto(base_url + reverse("organisatie_import"))
    with page.expect_navigation():
        page.get_by_role("button", name="Importeren").click()
    assert page.locator(".invalid-feedback").count(), "no field error shown for a missing file"
    problems = _axe_violations(page)

    broken = tmp_path / "kapot.csv"
    broken.write_text(
        "personeelsnummer;voornaam;achternaam;email;contracturen;hybride_functie;afdeling_code;"
        "afdeling_naam;team_code;team_naam;bovenliggend_team;leidinggevende\n"
        "9000001;Ada;Fout;geen-adres;50;misschien;XX;Nergens;XX-01;Team;;9999999\n",
        encoding="utf-8",
    )
    page.get_by_label("CSV-bestand").set_input_files(broken)
    with page.expect_navigation():
        page.get_by_role("button", name="Importeren").click()
    assert page.get_by_role("alert").count(), "no error report shown for a broken CSV"
    _screenshot(page, "hr", "organisatie/import/fouten")
    problems.extend(_axe_violations(page))
    problems.extend(csp_errors)
    assert not problems, "\n".join(problems)
