"""The site as `make run` serves it, in a process of its own: the development settings, SQLite
and the embedded cache in a folder of their own, the demo content, an administrator, and
`runserver` with the page cache on. Nothing in the test process touches its database: what
the tests check, they check through HTTP and the browser, as a person would."""

import os
import subprocess
import sys

from ..servers import ROOT, Server

ADMIN = "coordinatrice"
PASSWORD = "mot de passe très sûr « 2026 »"


class SiteProcess(Server):
    """`make setup` then `make run`, in `var_dir`, on a free port."""

    def __init__(self, var_dir, **env):
        clean = {
            name: value
            for name, value in os.environ.items()
            if name not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
        }
        super().__init__(
            **{
                **clean,
                "DJANGO_SETTINGS_MODULE": "infomie.settings.dev",
                "INFOMIE_VAR_DIR": str(var_dir),
                "DJANGO_SUPERUSER_USERNAME": ADMIN,
                "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
                "PAGE_CACHE_ENABLED": "1",
                **env,
            }
        )
        # Server() starts from the test process's environment; keep only ours.
        for name in ("DATABASE_URL", "REDIS_URL"):
            if name not in env:
                self.env.pop(name, None)

    def manage(self, *args, check=True):
        """Run a management command against this site, as `make` would."""
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=check,
            timeout=300,
        )

    def setup(self):
        """What `make setup` does after installing."""
        for command in (
            ["migrate", "--noinput"],
            ["update_translation_fields", "--verbosity", "0"],
            ["collectstatic", "--noinput", "--verbosity", "0"],
            ["load_demo"],
            ["ensure_admin"],
        ):
            self.manage(*command)
        return self
