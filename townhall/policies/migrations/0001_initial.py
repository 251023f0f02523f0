import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Institution",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200)),
                ("digital_team_email", models.EmailField(blank=True, max_length=254, verbose_name="Digital team e-mail")),
                ("governance_name", models.CharField(blank=True, max_length=200, verbose_name="Director of Governance")),
                ("governance_contact", models.CharField(blank=True, max_length=200, verbose_name="Director of Governance's contact")),
                ("policy_url", models.URLField(blank=True, verbose_name="Full social media policy")),
                ("brand_url", models.URLField(blank=True, verbose_name="Brand guidelines")),
                ("concern_howto", models.TextField(blank=True, verbose_name="How to report a concern")),
                ("breach_consequence", models.TextField(blank=True, default="Any breach of the Social Media Policy may result in disciplinary action.", verbose_name="What a breach of the policy may lead to")),
                ("monitoring_notice", models.TextField(blank=True, verbose_name="ICT monitoring notice")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
        ),
        migrations.CreateModel(
            name="PolicyVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("status", models.CharField(choices=[("draft", "Draft"), ("published", "Published")], default="draft", max_length=10)),
                ("number", models.PositiveIntegerField(blank=True, null=True)),
                ("yaml_text", models.TextField()),
                ("sha256", models.CharField(editable=False, max_length=64)),
                ("note", models.TextField(blank=True)),
                ("ack_mode", models.CharField(choices=[("required", "Staff must acknowledge it"), ("info", "For information")], default="info", max_length=10)),
                ("rolled_back_from", models.PositiveIntegerField(blank=True, null=True)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("published_at", models.DateTimeField(blank=True, null=True)),
                ("based_on", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="policies.policyversion")),
                ("created_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("institution", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="versions", to="policies.institution")),
                ("published_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "ordering": ["-number", "-pk"],
                "indexes": [models.Index(fields=["status", "number"], name="policies_po_status_5b2f0e_idx")],
                "constraints": [
                    models.UniqueConstraint(fields=("institution", "number"), name="policy_version_number_unique"),
                    models.UniqueConstraint(condition=models.Q(("status", "draft")), fields=("institution",), name="policy_one_draft"),
                ],
            },
        ),
        migrations.CreateModel(
            name="Acknowledgement",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="policy_acks", to=settings.AUTH_USER_MODEL)),
                ("version", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="acknowledgements", to="policies.policyversion")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("version", "user"), name="policy_ack_once")],
            },
        ),
        migrations.CreateModel(
            name="AckReminder",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("version", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="reminders", to="policies.policyversion")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("version", "user"), name="policy_reminder_once")],
            },
        ),
    ]
