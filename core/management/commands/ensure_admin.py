import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an administrator account exists: from DJANGO_SUPERUSER_USERNAME and "
        "DJANGO_SUPERUSER_PASSWORD when set, otherwise 'admin' with a random password printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "").strip()
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
        if username:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": email, "is_staff": True, "is_superuser": True}
            )
            if password:
                user.set_password(password)
                user.is_staff = user.is_superuser = True
                user.save()
            verb = "Created" if created else "Updated"
            self.stdout.write(f"{verb} the administrator '{username}' from the environment.")
            return
        if User.objects.filter(is_superuser=True).exists():
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email or "", password)
        self.stdout.write(
            self.style.SUCCESS(
                "Created the administrator account 'admin' with the password "
                f"{password}\nIt is shown only this once: note it now, or set "
                "DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD and run again."
            )
        )
