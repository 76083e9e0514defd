"""Under concurrency on PostgreSQL: a double submit stores one exemption (and one file), and
two deciders at once give one decision."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from convenant import services
from convenant.models import Categorie, Uitzondering, UitzonderingStatus
from convenant.services.uitzondering_regels import Aanvraag
from pilot.workflow import TransitionNotAllowed
from tests.convenant.afspraken.test_concurrency import MOTIVATIE, race
from tests.convenant.factories import DelegatieFactory, UitzonderingFactory, pdf_bytes

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_double_submit_stores_one_exemption_and_one_file(org):
    def submit():
        return services.uitzondering_aanvragen(
            actor=org["eigenaar"],
            aanvraag=Aanvraag(
                categorie=Categorie.EERDERE_AFSPRAAK,
                kantoordagen=Decimal(1),
                ingangsdatum=date(2026, 12, 1),
                einddatum=date(2027, 6, 30),
            ),
            bestand=SimpleUploadedFile("a.pdf", pdf_bytes(), content_type="application/pdf"),
        )

    outcomes = race(*[submit] * 4)
    assert sum(isinstance(o, Uitzondering) for o in outcomes) == 1
    assert sum(isinstance(o, ValidationError) for o in outcomes) == 3
    assert Uitzondering.objects.count() == 1
    files = [p for p in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if p.is_file()]
    assert [f.name for f in files] == [Path(Uitzondering.objects.get().bewijsstuk).name]


def test_manager_and_vervanger_deciding_at_once_give_one_decision(org):
    DelegatieFactory(leidinggevende=org["leider"], vervanger=org["vervanger"])
    uitzondering = UitzonderingFactory(medewerker=org["eigenaar"])
    outcomes = race(
        lambda: services.uitzondering_toekennen(actor=org["leider"], uitzondering=uitzondering),
        lambda: services.uitzondering_afwijzen(
            actor=org["vervanger"], uitzondering=uitzondering, motivatie=MOTIVATIE
        ),
    )
    assert sum(isinstance(o, Uitzondering) for o in outcomes) == 1
    assert sum(isinstance(o, TransitionNotAllowed) for o in outcomes) == 1
    uitzondering.refresh_from_db()
    assert uitzondering.status in (UitzonderingStatus.TOEGEKEND, UitzonderingStatus.AFGEWEZEN)
