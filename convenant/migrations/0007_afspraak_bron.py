from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("convenant", "0006_afspraak_ingetrokken")]

    operations = [
        migrations.AddField(
            model_name="afspraak",
            name="bron",
            field=models.CharField(
                blank=True,
                choices=[
                    ("advies_comite", "advies comité"),
                    ("uitspraak_geschil", "uitspraak geschil"),
                ],
                default="",
                max_length=30,
                verbose_name="bron",
            ),
        ),
    ]
