"""Mijn afspraak shows every version in the same, pinned number of queries (the other pages:
tests/convenant/test_query_counts.py)."""

from django.urls import reverse

from convenant.models import Status
from tests.convenant.factories import AfspraakFactory


def test_mijn_afspraak_with_many_versions(client, org, django_assert_num_queries):
    for versie in range(1, 21):
        AfspraakFactory(medewerker=org["eigenaar"], status=Status.VERVALLEN, versie=versie)
    client.force_login(org["eigenaar"])
    # As for one version; one more than with none (then there is no timeline to read).
    with django_assert_num_queries(10):
        response = client.get(reverse("mijn_afspraak"))
    assert response.status_code == 200
    for versie in range(1, 21):
        assert f"Versie {versie} — vervallen" in response.text
