import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_secondfactorthrottle'),
    ]

    operations = [
        migrations.CreateModel(
            name='KnownSignIn',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('username', models.CharField(max_length=150)),
                ('ip', models.GenericIPAddressField()),
                ('last_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('username', 'ip'), name='known_sign_in_unique')],
            },
        ),
    ]
