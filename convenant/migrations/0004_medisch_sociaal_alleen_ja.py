"""The medical/social consideration becomes a yes: remove any text stored under it, keep the yes.

The leidinggevende reads the agreement; medical matters go through an exemption in category
medisch, where no diagnosis is recorded either. A version that held text under the key now
holds true (it plays a part); the text is gone, also from older versions.
"""

from django.db import migrations

SLEUTEL = "medisch_sociaal"


def alleen_ja(apps, schema_editor):
    Afspraak = apps.get_model("convenant", "Afspraak")
    for afspraak in Afspraak.objects.filter(overwegingen__has_key=SLEUTEL).only("overwegingen"):
        if afspraak.overwegingen[SLEUTEL] is not True:
            afspraak.overwegingen[SLEUTEL] = True
            afspraak.save(update_fields=["overwegingen"])


class Migration(migrations.Migration):
    dependencies = [("convenant", "0003_concept_naast_wachtend_voorstel")]

    # Backwards it changes nothing: the removed text, which could hold medical details, is gone.
    operations = [migrations.RunPython(alleen_ja, migrations.RunPython.noop, elidable=False)]
