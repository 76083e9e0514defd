"""A reservation is for a desk or for a seat at a location without a particular desk.

Schema only: existing reservations all have a desk, so they satisfy the new constraints.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("werkplekken", "0002_indexen_voor_de_capaciteitscheck"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="dagdeelbezetting",
            name="locatie",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="werkplekken.locatie",
            ),
        ),
        migrations.AddField(
            model_name="reservering",
            name="locatie",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="werkplekken.locatie",
                verbose_name="locatie (plek zonder vaste werkplek)",
            ),
        ),
        migrations.AlterField(
            model_name="dagdeelbezetting",
            name="werkplek",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="werkplekken.werkplek",
            ),
        ),
        migrations.AlterField(
            model_name="reservering",
            name="werkplek",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="werkplekken.werkplek",
                verbose_name="werkplek",
            ),
        ),
        migrations.AddConstraint(
            model_name="dagdeelbezetting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("locatie__isnull", True), ("werkplek__isnull", False)),
                    models.Q(("locatie__isnull", False), ("werkplek__isnull", True)),
                    _connector="OR",
                ),
                name="bezetting_werkplek_of_locatie",
            ),
        ),
        migrations.AddConstraint(
            model_name="reservering",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("locatie__isnull", True), ("werkplek__isnull", False)),
                    models.Q(("locatie__isnull", False), ("werkplek__isnull", True)),
                    _connector="OR",
                ),
                name="reservering_werkplek_of_locatie",
            ),
        ),
    ]
