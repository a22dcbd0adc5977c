"""The release: a fingerprint of the deployed code, for cache keys that one deployment must not
read from another (pages, kept values, pickled settings), since both run side by side during a
rolling restart and classes may have moved between them."""

import functools
import hashlib
import importlib.metadata
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings

# Files whose content shapes a page: code, templates, translations, the static manifest.
RELEASE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".mo", ".json")


@functools.cache
def release():
    """A fingerprint of what renders the pages: the project's code, templates, translations,
    static manifest and installed packages. A new deployment never serves the pages cached
    by the previous one, and both can run side by side during a rolling restart."""
    base = Path(settings.BASE_DIR)
    roots = [Path(app.path) for app in apps.get_app_configs() if Path(app.path).parent == base]
    roots.append(Path(import_module(settings.ROOT_URLCONF).__file__).parent)
    for template in settings.TEMPLATES:
        roots += [Path(directory) for directory in template.get("DIRS", [])]
    roots += [Path(directory) for directory in settings.LOCALE_PATHS]
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    packages = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    return fingerprint(roots, extra=[manifest], text="\n".join(packages))


def fingerprint(roots, extra=(), text=""):
    """A short hash of `text` and of the files below `roots` (and `extra`) that shape pages."""
    files = {path for path in extra if path.is_file()}
    for root in roots:
        if root.is_dir():
            files.update(path for path in root.rglob("*") if path.suffix in RELEASE_SUFFIXES)
    digest = hashlib.sha256(text.encode())
    for path in sorted(files):
        if path.is_file():
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
