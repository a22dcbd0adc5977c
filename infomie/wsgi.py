import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infomie.settings.production")

django_application = get_wsgi_application()

from infomie.edge import EdgeCacheHeaders  # noqa: E402 (needs the apps loaded)

# What leaves the application is marked for the edge cache in front (infomie/edge.py).
application = EdgeCacheHeaders(django_application)
