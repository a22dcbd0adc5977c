import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infomie.settings.production")

django_application = get_wsgi_application()

from infomie.edge import EdgeCacheHeaders  # noqa: E402 (needs the apps loaded)
from pagecache.wsgi import PageCacheApplication  # noqa: E402

# Cached pages are answered before Django's middleware chain (pagecache/wsgi.py); what leaves
# the application is marked for the edge cache in front (infomie/edge.py).
application = EdgeCacheHeaders(PageCacheApplication(django_application))
