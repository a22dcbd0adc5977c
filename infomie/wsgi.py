import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infomie.settings.production")

from pagecache.wsgi import PageCacheApplication  # noqa: E402 (needs the settings module)

# Cached pages are answered before Django's middleware chain (pagecache/wsgi.py).
application = PageCacheApplication(get_wsgi_application())
