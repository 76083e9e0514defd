import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from pilot.models import Notificatie
from pilot.notifications import notify
from pilot.tasks import send_notification_email
from tests.factories import MedewerkerFactory, NotificatieFactory

# Written out: a change in this number is a decision, not a side effect.
QUERIES = 7


@pytest.fixture
def person(db):
    return MedewerkerFactory(email="jan@uwv.example")


def test_notify_shows_in_the_bell_and_mails_after_commit(
    client, person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=person, subject="Nieuw voorstel", body="Bekijk het voorstel.", link="/")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jan@uwv.example"]
    assert mail.outbox[0].subject == "Nieuw voorstel"
    client.force_login(person)
    page = client.get(reverse("start")).content.decode()
    assert 'id="notificatie-teller">1<' in page


def test_no_mail_when_the_state_change_is_rolled_back(person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                notify(recipient=person, subject="Wordt teruggedraaid")
                raise RuntimeError
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not Notificatie.objects.exists()


def test_sending_twice_mails_once(person):
    notification = NotificatieFactory(ontvanger=person)
    assert send_notification_email(notification.pk) is True
    assert send_notification_email(notification.pk) is False
    assert len(mail.outbox) == 1


def test_marking_read_lowers_the_count_and_follows_the_link(client, person):
    notification = NotificatieFactory(ontvanger=person, link="/toegankelijkheid/")
    client.force_login(person)
    response = client.post(reverse("notificatie_gelezen", args=[notification.pk]))
    assert response.url == "/toegankelijkheid/"
    notification.refresh_from_db()
    assert notification.gelezen_op is not None
    assert 'id="notificatie-teller">0<' in client.get(reverse("start")).content.decode()


def test_an_external_link_is_not_followed(client, person):
    notification = NotificatieFactory(ontvanger=person, link="https://evil.example/")
    client.force_login(person)
    response = client.post(reverse("notificatie_gelezen", args=[notification.pk]))
    assert response.url == reverse("notificaties")


def test_someone_elses_notification_is_not_found(client, person):
    other = NotificatieFactory()
    client.force_login(person)
    response = client.post(reverse("notificatie_gelezen", args=[other.pk]))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.gelezen_op is None


def test_mark_all_read(client, person):
    NotificatieFactory.create_batch(3, ontvanger=person)
    NotificatieFactory()  # someone else's stays unread
    client.force_login(person)
    response = client.post(reverse("notificaties_alles_gelezen"), follow=True)
    assert "3 notificaties gemarkeerd als gelezen." in response.content.decode()
    assert Notificatie.objects.filter(gelezen_op__isnull=True).count() == 1


def test_list_shows_only_own_notifications(client, person):
    NotificatieFactory(ontvanger=person, onderwerp="Voor mij")
    NotificatieFactory(onderwerp="Voor een ander")
    client.force_login(person)
    page = client.get(reverse("notificaties")).content.decode()
    assert "Voor mij" in page
    assert "Voor een ander" not in page


def test_notification_list_runs_a_pinned_number_of_queries_at_two_sizes(
    client, person, django_assert_num_queries
):
    client.force_login(person)
    for batch in (3, 30):
        NotificatieFactory.create_batch(batch, ontvanger=person)
        with django_assert_num_queries(QUERIES):
            response = client.get(reverse("notificaties"))
        assert response.status_code == 200


def test_a_failed_send_is_released_for_the_retry_and_then_sent_once(person, monkeypatch):
    notification = NotificatieFactory(ontvanger=person, onderwerp="Herinnering")

    def smtp_down(**kwargs):
        raise OSError("SMTP unreachable")

    monkeypatch.setattr("pilot.notifications.send_mail", smtp_down)
    with pytest.raises(OSError):
        send_notification_email(notification.pk)
    notification.refresh_from_db()
    assert notification.email_verzonden_op is None
    assert mail.outbox == []
    monkeypatch.undo()
    assert send_notification_email(notification.pk) is True
    assert send_notification_email(notification.pk) is False
    assert [message.subject for message in mail.outbox] == ["Herinnering"]


def test_opening_what_a_notification_points_to_reads_it(client, db):
    from tests.convenant.factories import AfspraakFactory, vervolgperiode

    vervolgperiode()
    eigenaar = MedewerkerFactory()
    afspraak = AfspraakFactory(medewerker=eigenaar, status="akkoord")
    link = reverse("afspraak_detail", args=[afspraak.pk])
    NotificatieFactory(ontvanger=eigenaar, link=link)
    NotificatieFactory(ontvanger=eigenaar, link="/elders/")
    client.force_login(eigenaar)
    client.get(link)
    assert list(
        Notificatie.objects.filter(ontvanger=eigenaar, gelezen_op__isnull=True).values_list(
            "link", flat=True
        )
    ) == ["/elders/"]


def test_nobody_is_notified_of_their_own_action(client, db):
    from pilot.audit import reset_actor, set_actor

    person = MedewerkerFactory(email="zelf@uwv.example")
    other = MedewerkerFactory(email="ander@uwv.example")
    token = set_actor(lambda: person.pk)
    try:
        assert notify(recipient=person, subject="Uw eigen besluit") is None
        assert notify(recipient=other, subject="Besluit van een ander") is not None
    finally:
        reset_actor(token)
    assert list(Notificatie.objects.values_list("onderwerp", flat=True)) == [
        "Besluit van een ander"
    ]
