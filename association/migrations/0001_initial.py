"""The association's settings and donation page, moved here from `home` (issue 12). Their
tables were renamed by home/0003 and keep their rows, translation columns included: this
migration only takes them over in Django's state, and moves their content types, so that the
donation page stays a donation page with its revisions, log entries and permissions."""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MOVED = ("associationsettings", "donationpage", "donationsettings")


def move_content_types(apps, schema_editor, source="home", target="association"):
    """Pages, revisions, log entries and permissions point at these rows: relabelled, not
    recreated. A `target` row already there was made by a `migrate` run after these migrations
    were rolled back (post_migrate creates the rows of every installed model): nothing but
    its own permissions can point at it, and it gives way. If a page points at it, stop."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    for model in MOVED:
        moving = ContentType.objects.filter(app_label=source, model=model).first()
        if moving is None:  # a fresh database: post_migrate creates the row later
            continue
        stale = ContentType.objects.filter(app_label=target, model=model).first()
        if stale is not None:
            if Page.objects.filter(content_type=stale).exists():
                raise RuntimeError(f"pages use both {source}.{model} and {target}.{model}")
            stale.delete()
        moving.app_label = target
        moving.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="association", target="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_association_models_moved"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AssociationSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(default='InfoMIE', max_length=120, verbose_name='association name')),
                        ('name_fr', models.CharField(default='InfoMIE', max_length=120, null=True, verbose_name='association name')),
                        ('name_en', models.CharField(default='InfoMIE', max_length=120, null=True, verbose_name='association name')),
                        ('tagline', models.CharField(blank=True, help_text='E.g. “Centre de ressources pour les mineurs isolés étrangers”.', max_length=200, verbose_name='tagline')),
                        ('tagline_fr', models.CharField(blank=True, help_text='E.g. “Centre de ressources pour les mineurs isolés étrangers”.', max_length=200, null=True, verbose_name='tagline')),
                        ('tagline_en', models.CharField(blank=True, help_text='E.g. “Centre de ressources pour les mineurs isolés étrangers”.', max_length=200, null=True, verbose_name='tagline')),
                        ('postal_address', models.TextField(blank=True, max_length=400, verbose_name='postal address')),
                        ('contact_name', models.CharField(blank=True, max_length=120, verbose_name='contact person')),
                        ('contact_role', models.CharField(blank=True, max_length=120, verbose_name='their role')),
                        ('contact_role_fr', models.CharField(blank=True, max_length=120, null=True, verbose_name='their role')),
                        ('contact_role_en', models.CharField(blank=True, max_length=120, null=True, verbose_name='their role')),
                        ('contact_email', models.EmailField(blank=True, help_text="Never written in the pages' source: visitors reveal it with a button, out of reach of the robots that collect addresses for spam.", max_length=254, verbose_name='contact email')),
                    ],
                    options={
                        'verbose_name': 'association and footer',
                    },
                ),
                migrations.CreateModel(
                    name='DonationPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                        ('introduction_fr', wagtail.fields.RichTextField(blank=True, null=True, verbose_name='introduction')),
                        ('introduction_en', wagtail.fields.RichTextField(blank=True, null=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'donation page',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='DonationSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('heading', models.CharField(blank=True, max_length=120, verbose_name='heading')),
                        ('heading_fr', models.CharField(blank=True, max_length=120, null=True, verbose_name='heading')),
                        ('heading_en', models.CharField(blank=True, max_length=120, null=True, verbose_name='heading')),
                        ('text', wagtail.fields.RichTextField(blank=True, verbose_name='short text')),
                        ('text_fr', wagtail.fields.RichTextField(blank=True, null=True, verbose_name='short text')),
                        ('text_en', wagtail.fields.RichTextField(blank=True, null=True, verbose_name='short text')),
                        ('donation_url', models.URLField(blank=True, help_text="For example the association's HelloAsso page.", verbose_name='online donation link')),
                        ('cheque_payee', models.CharField(blank=True, max_length=200, verbose_name='cheques payable to')),
                        ('cheque_address', models.TextField(blank=True, max_length=400, verbose_name='address to send cheques to')),
                        ('tax_relief', models.CharField(blank=True, help_text='Optional, e.g. “66 % of your donation is deductible from income tax.”', max_length=300, verbose_name='tax relief')),
                        ('tax_relief_fr', models.CharField(blank=True, help_text='Optional, e.g. “66 % of your donation is deductible from income tax.”', max_length=300, null=True, verbose_name='tax relief')),
                        ('tax_relief_en', models.CharField(blank=True, help_text='Optional, e.g. “66 % of your donation is deductible from income tax.”', max_length=300, null=True, verbose_name='tax relief')),
                        ('share_text', models.CharField(blank=True, help_text="Suggested text when a visitor shares a page (the association's name when empty).", max_length=200, verbose_name='text of the share links')),
                        ('share_text_fr', models.CharField(blank=True, help_text="Suggested text when a visitor shares a page (the association's name when empty).", max_length=200, null=True, verbose_name='text of the share links')),
                        ('share_text_en', models.CharField(blank=True, help_text="Suggested text when a visitor shares a page (the association's name when empty).", max_length=200, null=True, verbose_name='text of the share links')),
                    ],
                    options={
                        'verbose_name': 'donation call-out',
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
