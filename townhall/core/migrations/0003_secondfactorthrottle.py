import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_user_notify_by_email'),
    ]

    operations = [
        migrations.CreateModel(
            name='SecondFactorThrottle',
            fields=[
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='mfa_throttle', serialize=False, to=settings.AUTH_USER_MODEL)),
                ('failures', models.PositiveIntegerField(default=0)),
                ('last_failure_at', models.DateTimeField(blank=True, null=True)),
            ],
        ),
    ]
