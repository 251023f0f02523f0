from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("publishing", "0004_delivery_rounds_and_key_window"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="policy_version",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="post",
            name="scholarly",
            field=models.BooleanField(default=False),
        ),
    ]
