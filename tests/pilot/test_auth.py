import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import MedewerkerFactory

GENERIC = "De combinatie van gebruikersnaam en wachtwoord is onjuist."


@pytest.fixture
def person(db):
    return MedewerkerFactory(username="jan", email="jan@uwv.example")


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_correct_login_leads_to_the_start_page(client, person):
    response = login(client, "jan", "kantoor2025")
    assert response.status_code == 302
    assert response.url == reverse("start")


@pytest.mark.parametrize(("username", "password"), [("jan", "fout"), ("onbekend", "kantoor2025")])
def test_wrong_user_or_password_gets_the_same_generic_message(client, person, username, password):
    response = login(client, username, password)
    assert response.status_code == 200
    assert GENERIC in response.content.decode()


def test_five_failures_lock_the_account_even_for_the_right_password(client, person):
    for _ in range(5):
        login(client, "jan", "fout")
    response = login(client, "jan", "kantoor2025")
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_failures_still_allow_the_right_password(client, person):
    for _ in range(4):
        login(client, "jan", "fout")
    assert login(client, "jan", "kantoor2025").status_code == 302


def test_pages_need_a_login(client, db):
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_session_expires_when_idle(client, person, settings):
    client.force_login(person)
    client.get(reverse("start"))
    assert not settings.SESSION_SAVE_EVERY_REQUEST
    assert client.session.get_expiry_age() == 30 * 60
    assert client.session.get_expire_at_browser_close()


def test_logout_needs_post_and_ends_the_session(client, person):
    client.force_login(person)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("start")).status_code == 302


def test_password_reset_mails_a_working_link(client, person):
    response = client.post(reverse("password_reset"), {"email": "jan@uwv.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Nieuw wachtwoord voor het Kantoordagen-portaal"
    link = next(line for line in message.body.splitlines() if "/account/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Nieuw wachtwoord kiezen" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Zomer-kantoor-2026", "new_password2": "Zomer-kantoor-2026"},
    )
    assert done.status_code == 302
    assert login(client, "jan", "Zomer-kantoor-2026").status_code == 302


def test_password_reset_for_unknown_address_reveals_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "niemand@uwv.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_the_portal_speaks_dutch_and_english_can_be_chosen(client, person):
    client.force_login(person)
    page = client.get(reverse("start")).content.decode()
    assert '<html lang="nl">' in page
    assert "Uitloggen" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("start")).content.decode()
    assert '<html lang="en">' in page
    assert "Log out" in page


def test_an_english_browser_still_gets_dutch_until_english_is_chosen(client, person):
    client.force_login(person)
    page = client.get(reverse("start"), headers={"accept-language": "en-US,en;q=0.9"})
    assert '<html lang="nl">' in page.content.decode()
