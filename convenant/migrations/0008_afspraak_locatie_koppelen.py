"""The agreement's office location becomes a real werkplekken.Locatie.

This step adds the link and fills it by matching the old text to a location's name (or its
town), ignoring case and surrounding spaces. Names that match no location are reported, with
how many agreements carry them, so facilitair beheer can add the location and link them.
The old text column is dropped in the next migration, after this one has committed.
"""

from collections import Counter

import django.db.models.deletion
from django.db import migrations, models


def koppel_locaties(apps, schema_editor):
    Afspraak = apps.get_model("convenant", "Afspraak")
    Locatie = apps.get_model("werkplekken", "Locatie")
    per_naam = {}
    for locatie in Locatie.objects.order_by("pk"):
        per_naam.setdefault(locatie.plaats.strip().casefold(), locatie.pk)
    for locatie in Locatie.objects.order_by("pk"):
        per_naam[locatie.naam.strip().casefold()] = locatie.pk
    niet_gekoppeld = Counter()
    # One grouped read for all texts, then one UPDATE per matched text: set-based, so it stays
    # quick with every agreement of the organisation in the table.
    per_tekst = (
        Afspraak.objects.exclude(locatie="")
        .values("locatie")
        .annotate(aantal=models.Count("pk"))
        .order_by()
    )
    for rij in list(per_tekst):
        tekst = rij["locatie"]
        locatie_id = per_naam.get(tekst.strip().casefold())
        if locatie_id is None:
            niet_gekoppeld[tekst] = rij["aantal"]
        else:
            Afspraak.objects.filter(locatie=tekst).update(locatie_ref_id=locatie_id)
    if niet_gekoppeld:
        print("\n  Kantoorlocaties zonder bijpassende locatie (tekst: aantal afspraken):")
        for tekst, aantal in sorted(niet_gekoppeld.items()):
            print(f"    {tekst!r}: {aantal}")


def terug(apps, schema_editor):
    Afspraak = apps.get_model("convenant", "Afspraak")
    for afspraak in Afspraak.objects.filter(locatie_ref__isnull=False).select_related(
        "locatie_ref"
    ):
        afspraak.locatie = afspraak.locatie_ref.naam
        afspraak.save(update_fields=["locatie"])


class Migration(migrations.Migration):
    dependencies = [
        ("convenant", "0007_afspraak_bron"),
        ("werkplekken", "0001_locaties_werkplekken_reserveringen_aanwezigheid"),
    ]

    operations = [
        migrations.AddField(
            model_name="afspraak",
            name="locatie_ref",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="werkplekken.locatie",
                verbose_name="kantoorlocatie",
            ),
        ),
        migrations.RunPython(koppel_locaties, terug),
    ]
