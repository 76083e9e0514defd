from collections import Counter

from django.utils import timezone

from comite import panel
from comite.demo import build_zaken
from comite.models import Geschil, Zaak
from comite.selectors import te_laat


def test_demo_cases_cover_every_state_without_conflicts(demo):
    assert build_zaken("small") == {"zaken": 12}
    assert Counter(Zaak.objects.values_list("status", flat=True)) == {
        "aangemeld": 2,
        "in_behandeling": 2,
        "zitting_gepland": 1,
        "advies_uitgebracht": 1,
        "opgelost": 1,
        "niet_opgelost": 3,
        "ingetrokken": 1,
        "niet_ontvankelijk": 1,
    }
    assert sorted(Geschil.objects.values_list("status", flat=True)) == [
        "in_behandeling",
        "uitspraak",
    ]
    assert Zaak.objects.filter(te_laat(timezone.localdate())).count() == 2
    assert Zaak.objects.filter(panelleden__lid=demo["comitelid"]).count() == 9
    for zaak in Zaak.objects.filter(panelleden__isnull=False).distinct():
        for lid in zaak.panelleden.select_related("lid__team"):
            assert panel.conflict(zaak, lid.lid) is None
    # The demo employee's case waits for the demo leidinggevende's response.
    eigen = Zaak.objects.get(medewerker=demo["medewerker"])
    assert (eigen.status, eigen.leidinggevende, eigen.reactie) == (
        "in_behandeling",
        demo["leidinggevende"],
        "",
    )
    assert build_zaken("small") == {"zaken": 0}
