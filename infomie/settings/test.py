"""Settings for the test suite: fast hashing, plain static storage, no HTTPS redirect."""

from .base import *  # noqa: F401

SECRET_KEY = "tests-only-not-a-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache is tested on its own (tests/test_page_cache.py turns it on); elsewhere a test
# that changes rows without signals would read a stale page.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)

if not REDIS_URL:
    # Files of their own: never the pages and settings of `make run` in the same checkout. The
    # server processes the tests start read the same settings, so they share them.
    # One folder per pytest-xdist worker, if run with several: one worker's cache.clear()
    # must not empty the other's.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    CACHES["default"]["LOCATION"] = os.environ.get(
        "CACHE_DIR", str(VAR_DIR / "-".join(filter(None, ("cache-tests", _worker))))
    )
