from datetime import date

from django.db import migrations


def create_pilot_period(apps, schema_editor):
    Periode = apps.get_model("pilot", "Periode")
    Periode.objects.get_or_create(
        naam="Pilot Twee dagen op kantoor",
        defaults={"startdatum": date(2025, 10, 1), "einddatum": date(2026, 6, 30)},
    )


class Migration(migrations.Migration):
    dependencies = [("pilot", "0001_organisation")]

    operations = [migrations.RunPython(create_pilot_period, migrations.RunPython.noop)]
