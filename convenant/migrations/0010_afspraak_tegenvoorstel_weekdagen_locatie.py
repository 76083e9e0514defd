import django.db.models.deletion
from django.db import migrations, models

import convenant.validators


class Migration(migrations.Migration):
    dependencies = [
        ("convenant", "0009_afspraak_locatie_is_locatie"),
        ("werkplekken", "0002_indexen_voor_de_capaciteitscheck"),
    ]

    operations = [
        migrations.AddField(
            model_name="afspraak",
            name="tegenvoorstel_locatie",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="werkplekken.locatie",
                verbose_name="kantoorlocatie in het tegenvoorstel",
            ),
        ),
        migrations.AddField(
            model_name="afspraak",
            name="tegenvoorstel_voorkeursdagen",
            field=models.JSONField(
                blank=True,
                null=True,
                validators=[convenant.validators.validate_weekdagen],
                verbose_name="voorkeursdagen in het tegenvoorstel",
            ),
        ),
    ]
