"""Browser and accessibility harness: every page a role may open, checked in Chromium with axe-core.

Per role (and anonymous) a real browser logs in through the login form, opens every page of
tests/matrix.py that the role may see (expected 200) and runs axe-core with the WCAG 2.0/2.1 A and
AA rules: the pages must have 0 violations. The browser is Debian's /usr/bin/chromium (never a
downloaded one) and axe.min.js comes from the pip package axe-playwright-python (never a CDN).
The Content-Security-Policy stays on, so a page that needs an inline script or style fails here too.

Screenshots of every page checked, per role, land in test-artifacts/ (gitignored) for people.
"""

import pytest
from django.urls import reverse

from tests.browser import axe_violations, log_in, screenshot
from tests.matrix import ALL, ANON, MATRIX

pytestmark = [
    pytest.mark.browser,
    # live_server needs committed data; serialized_rollback brings back what the data migrations
    # created (the pilot Periode) after each test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GENERIC_LOGIN_ERROR = "De combinatie van gebruikersnaam en wachtwoord is onjuist."


def _pages_for(role: str, users: dict) -> list[str]:
    urls = []
    for name, entry in MATRIX.items():
        if entry.page and entry.method == "get" and entry.expected[role] == 200:
            urls.append(reverse(name, kwargs=entry.kwargs(users) if entry.kwargs else None))
    return urls


@pytest.mark.parametrize("role", ALL)
def test_every_page_the_role_may_open_has_noaxe_violations(
    live_server, organisation, page, csp_errors, role
):
    base_url = live_server.url
    if role != ANON:
        log_in(page, base_url, role)
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
        screenshot(page, role, url)
        problems.extend(axe_violations(page))
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
        log_in(page, base_url, username, password="fout-wachtwoord")
        assert page.url.startswith(base_url + reverse("login"))
        alert = page.get_by_role("alert")
        assert alert.inner_text().strip() == GENERIC_LOGIN_ERROR
    problems = axe_violations(page) + csp_errors
    assert not problems, "\n".join(problems)


def test_organisation_import_error_states_have_noaxe_violations(
    live_server, organisation, page, csp_errors, tmp_path
):
    """The states a form page only shows after a submit: field errors and an import report."""
    base_url = live_server.url
    log_in(page, base_url, "hr")
    page.goto(base_url + reverse("organisatie_import"))
    with page.expect_navigation():
        page.get_by_role("button", name="Importeren").click()
    assert page.locator(".invalid-feedback").count(), "no field error shown for a missing file"
    problems = axe_violations(page)

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
    screenshot(page, "hr", "organisatie/import/fouten")
    problems.extend(axe_violations(page))

    # A file that is not CSV at all.
    not_csv = tmp_path / "brief.pdf"
    not_csv.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    page.get_by_label("CSV-bestand").set_input_files(not_csv)
    with page.expect_navigation():
        page.get_by_role("button", name="Importeren").click()
    assert "Dit is geen CSV-bestand." in page.get_by_role("alert").inner_text()
    problems.extend(axe_violations(page))

    # The dry run's table of changes, then the confirm step that imports without a new upload.
    good = tmp_path / "goed.csv"
    good.write_text(
        "personeelsnummer;voornaam;achternaam;email;contracturen;hybride_functie;afdeling_code;"
        "afdeling_naam;team_code;team_naam;bovenliggend_team;leidinggevende\n"
        "9000002;Ada;Nieuw;ada@uwv.example;36;ja;XX;Nergens;XX-01;Team X;;9000002\n",
        encoding="utf-8",
    )
    page.get_by_label("CSV-bestand").set_input_files(good)
    page.get_by_label("Alleen controleren (proefdraai): niets opslaan").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Importeren", exact=True).click()
    assert page.get_by_role("table").count(), "no table of changes after a dry run"
    screenshot(page, "hr", "organisatie/import/proefdraai")
    problems.extend(axe_violations(page))
    with page.expect_navigation():
        page.get_by_role("button", name="Nu importeren").click()
    assert "Import verwerkt" in page.content()
    screenshot(page, "hr", "organisatie/import/verwerkt")
    problems.extend(axe_violations(page))
    problems.extend(csp_errors)
    assert not problems, "\n".join(problems)
