from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("convenant", "0008_afspraak_locatie_koppelen")]

    operations = [
        migrations.RemoveField(model_name="afspraak", name="locatie"),
        migrations.RenameField(model_name="afspraak", old_name="locatie_ref", new_name="locatie"),
    ]
