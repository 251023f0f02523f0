from django.db import migrations, models
from django.db.models import Q


def mark_existing(apps, schema_editor):
    """Tokens issued before this field: count as issued with the second factor only where the
    person had a confirmed authenticator app no newer than the token (the token page refused
    password-only sessions of such a person). Anyone else who needs a second factor issues a new
    token; the tokens of people who need none keep working either way."""
    ApiToken = apps.get_model("core", "ApiToken")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for token in ApiToken.objects.filter(revoked=False).iterator():
        older_device = TOTPDevice.objects.filter(user_id=token.user_id, confirmed=True).filter(
            Q(created_at__isnull=True) | Q(created_at__lte=token.created_at)
        )
        if older_device.exists():
            ApiToken.objects.filter(pk=token.pk).update(second_factor=True)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_knownsignin'),
        ('otp_totp', '0003_add_timestamps'),
    ]

    operations = [
        migrations.AddField(
            model_name='apitoken',
            name='second_factor',
            field=models.BooleanField(default=False, help_text='Issued from a session that had passed the second factor. A token without it stops working while its owner needs a second factor (e.g. after a promotion).'),
        ),
        migrations.RunPython(mark_existing, migrations.RunPython.noop),
    ]
