"""Settings shared by every environment, safe on their own: DEBUG off, secrets from the
environment, nothing only a developer wants."""

import os
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("INFOMIE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # wagtail_modeltranslation patches Wagtail's models: it must come before them.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "core",
    "association",
    "home",
    "articles",
    "library",
    "guides",
    "agenda",
    "notices",
    "editorial",
    "pagecache",
    "spip",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app, with the users and groups listings of editorial/accounts.py.
    "editorial.apps.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CSP, Permissions-Policy; then a bilingual 503 when the database is unreachable.
    "infomie.security.ContentSecurityPolicyMiddleware",
    "infomie.security.PermissionsPolicyMiddleware",
    "infomie.reliability.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the language and the user are known: 503 for visitors during a suspension.
    "notices.middleware.SuspensionMiddleware",
    # Whole anonymous pages, per language, purged on every content change (pagecache/): once
    # the language is known and the suspension checked, before the view.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # An old SPIP address (spip.php?article12, IMG/pdf/…) that would be a 404: its 301.
    # Listed before Wagtail's redirects, so that it sees a 404 after them: a redirect an
    # editor made for the same address wins.
    "spip.middleware.OldAddressMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin POSTs in one transaction; a save that cannot reach Redis or the database is
    # rolled back and says so in French (editorial/saving.py).
    "editorial.saving.EditorSaveMiddleware",
    # Admin login throttling; django-axes wants to be last.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # AxesBackend, not the standalone one: it can also load users (force_login uses the first).
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "infomie.urls"
WSGI_APPLICATION = "infomie.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "association.context_processors.site_settings",
                "notices.context_processors.notices",
            ],
        },
    },
]

# One line: PostgreSQL whenever DATABASE_URL says so, SQLite as the embedded default.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Every connection has a timeout: a database that hangs is handled like one that is down
# (infomie/reliability.py). Seconds to connect; to run a statement (PostgreSQL cancels it);
# to wait for any answer at all (a server that hangs cannot cancel anything: the connection
# is dropped, infomie/postgresql/). 0 turns one off. Management commands run without the
# statement and answer limits unless these are set (manage.py).
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "15"))
DATABASE_ANSWER_TIMEOUT = float(
    os.environ.get(
        "DATABASE_ANSWER_TIMEOUT",
        str(DATABASE_STATEMENT_TIMEOUT + 5 if DATABASE_STATEMENT_TIMEOUT else 0),
    )
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "infomie.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every process: through Redis when REDIS_URL is set (site settings and notices are
# purged there on save), through files under var/ otherwise (`make run`, a command such as
# import_articles, a second server: each sees the others' purges at its next request).
REDIS_URL = os.environ.get("REDIS_URL", "")
# Seconds a Redis call may wait (to connect, then for each answer).
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "1"))
# Seconds a dependency that just failed (Redis, the database) is not asked again: requests
# meanwhile get what they get when it is down, at once (infomie/reliability.py's Circuit).
DEPENDENCY_RETRY_SECONDS = float(os.environ.get("DEPENDENCY_RETRY_SECONDS", "5"))
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis, with reads and fills that fail treated as misses (infomie/cache.py).
            "BACKEND": "infomie.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "infomie",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT, "SOCKET_TIMEOUT": REDIS_TIMEOUT},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# How long cached settings and notices live at most. Saves purge them at once, in every
# process: a safety net only.
INFOMIE_CACHE_TIMEOUT = 60 * 60 * 24

# Retry-After (seconds) of a suspension that has no end date.
NOTICES_RETRY_AFTER = int(os.environ.get("NOTICES_RETRY_AFTER", "3600"))

# Whole-page cache of anonymous GETs (pagecache/): never stale, purged on every change.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(60 * 60 * 24)))
# The query parameters pages read: the others (utm_*, fbclid…) make no entry of their own.
PAGE_CACHE_QUERY_PARAMETERS = ("page", "q", "theme", "year")
# Larger pages are served, not stored.
PAGE_CACHE_MAX_BYTES = int(os.environ.get("PAGE_CACHE_MAX_BYTES", str(1024 * 1024)))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the default and the fallback.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Editors type dates as jj/mm/aaaa (and jj/mm/aaaa hh:mm): the admin's date pickers write and
# show them so, and the forms read them so in both admin languages (infomie/formats/: no
# month-first reading in English, where 05/11 would become the 11th of May).
FORMAT_MODULE_PATH = ["infomie.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr",)}
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# The admin's article import: the largest file it accepts (the command has no limit), and the
# private folder (never under MEDIA_ROOT) holding a file between its preview and the
# confirmation; several app servers must share it, as they share the media.
ARTICLES_IMPORT_MAX_SIZE = int(os.environ.get("ARTICLES_IMPORT_MAX_SIZE", 5 * 1024 * 1024))
ARTICLES_IMPORT_DIR = Path(os.environ.get("ARTICLES_IMPORT_DIR", VAR_DIR / "imports"))
# The library's import in the admin takes a ZIP of PDFs: a larger limit (same private folder).
LIBRARY_IMPORT_MAX_SIZE = int(os.environ.get("LIBRARY_IMPORT_MAX_SIZE", 200 * 1024 * 1024))
# The SPIP import in the admin (spip/forms.py): the MySQL/MariaDB hosts a moderator may name,
# and the folder under which the old site's IMG/ folder must be. `manage.py import_spip`, run by
# the server's administrator, takes any address and any folder.
SPIP_IMPORT_HOSTS = env_list("SPIP_IMPORT_HOSTS", "127.0.0.1,localhost")
SPIP_IMPORT_ROOT = Path(os.environ.get("SPIP_IMPORT_ROOT", VAR_DIR / "spip"))

WAGTAIL_SITE_NAME = "InfoMIE"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Slugs in plain ASCII, transliterated from the title (« Été » → `ete`), as editors coming from
# SPIP or WordPress expect (core/slugs.py); addresses with accents still lead to the page.
WAGTAIL_ALLOW_UNICODE_SLUGS = env_bool("WAGTAIL_ALLOW_UNICODE_SLUGS", False)
WAGTAIL_I18N_ENABLED = False  # translations are per field (modeltranslation), one page tree
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's login form with a translated "Mot de passe" label.
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.accounts.LoginForm"
# No third-party requests from the admin either: editors' avatars are not fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Images: SVG allowed for logos, cleaned on upload (core/images.py); renditions in WebP with a
# JPEG fallback (core/pictures.py).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.images.SanitisedImageForm"
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_JPEG_QUALITY = 78
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]

SESSION_COOKIE_HTTPONLY = True
# What a public page may load: only this site's own files; no inline script or style, no
# frames. The admin gets a looser policy (infomie/security.py): Wagtail uses inline code. The
# admin's preview of a page may be framed by the admin (same origin), nothing else.
CSP_EXTRA_SOURCES = env_list("CSP_EXTRA_SOURCES")  # e.g. a media host on object storage
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_EXTRA_SOURCES],
        "media-src": ["'self'", *CSP_EXTRA_SOURCES],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Admin logins: locked for a while after a few failures, per user name and address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "infomie.security.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "infomie.security.client_ip"
# The proxies in front (addresses or networks): only a request coming from one of them may
# say whose it is (X-Forwarded-For, X-Real-IP); the documented nginx and edge cache run on
# loopback. Empty: the connection's address, always.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
# A header of your proxy naming the visitor, read after X-Forwarded-For (default X-Real-IP).
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# A CDN in front (Wagtail's frontend cache): purged with the page cache, once per transaction
# at commit (pagecache). Not wagtail.contrib.frontend_cache's app: its signal handlers purge each
# published page again, one request per page, before the transaction commits.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }
# The edge cache in front (Varnish, deploy/varnish/default.vcl), e.g. http://127.0.0.1:6081:
# one BAN per transaction that changes what pages show (infomie/edge.py), and public pages
# marked for it with Surrogate-Control: kept EDGE_CACHE_SECONDS, served EDGE_STALE_SECONDS
# longer while the application is down.
EDGE_CACHE_URL = os.environ.get("EDGE_CACHE_URL", "")
if EDGE_CACHE_URL:
    WAGTAILFRONTENDCACHE["edge"] = {
        "BACKEND": "infomie.edge.EdgeBanBackend",
        "LOCATION": EDGE_CACHE_URL,
    }
EDGE_CACHE_SECONDS = int(os.environ.get("EDGE_CACHE_SECONDS", "300" if EDGE_CACHE_URL else "0"))
EDGE_STALE_SECONDS = int(os.environ.get("EDGE_STALE_SECONDS", str(60 * 60 * 24)))
# Seconds a CDN may keep a public page (s-maxage); 0: no Cache-Control added.
FRONTEND_CACHE_MAX_AGE = int(os.environ.get("FRONTEND_CACHE_MAX_AGE", "0"))
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING").upper()},
}

# Labels used in the admin language picker (translated for French-speaking editors).
LANGUAGE_NAMES = {"fr": _("French"), "en": _("English")}
