from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def locatie_van_de_werkplek(apps, schema_editor):
    """A desk's half days get the desk's location (a seat's rows already have theirs)."""
    Dagdeelbezetting = apps.get_model("werkplekken", "Dagdeelbezetting")
    Werkplek = apps.get_model("werkplekken", "Werkplek")
    Dagdeelbezetting.objects.filter(locatie__isnull=True).update(
        locatie_id=Subquery(
            Werkplek.objects.filter(pk=OuterRef("werkplek_id")).values("zone__locatie_id")[:1]
        )
    )


def alleen_plekken_zonder_werkplek(apps, schema_editor):
    """Back to the old rule: a location only on a seat's rows."""
    Dagdeelbezetting = apps.get_model("werkplekken", "Dagdeelbezetting")
    Dagdeelbezetting.objects.filter(werkplek__isnull=False).update(locatie=None)


class Migration(migrations.Migration):
    dependencies = [
        ("werkplekken", "0005_index_redenen_per_dag"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="dagdeelbezetting",
            name="bezetting_werkplek_of_locatie",
        ),
        migrations.RunPython(
            locatie_van_de_werkplek, alleen_plekken_zonder_werkplek, elidable=False
        ),
        migrations.AlterField(
            model_name="dagdeelbezetting",
            name="locatie",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE,
                related_name="+",
                to="werkplekken.locatie",
            ),
        ),
        migrations.RemoveIndex(
            model_name="dagdeelbezetting",
            name="bezetting_datum",
        ),
        migrations.AddIndex(
            model_name="dagdeelbezetting",
            index=models.Index(fields=["locatie", "datum"], name="bezetting_locatie_datum"),
        ),
    ]
