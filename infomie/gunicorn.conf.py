"""gunicorn's configuration for production and `make serve`: sync workers behind a reverse
proxy (nginx), every knob from the environment.

Sync workers suit this site: requests are short (a cached page is a dictionary look-up; an
uncached one a few milliseconds of rendering) and the proxy buffers slow clients."""

import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# (2 x cores) + 1 is gunicorn's advice; set WEB_CONCURRENCY on small or shared hosts.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so a slow leak never becomes an outage.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Load the application once, before forking: faster start, shared memory.
preload_app = True
# The proxy's address(es) whose X-Forwarded-* headers are trusted.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Access log to stdout only when asked (the proxy keeps one already).
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG") else None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
proc_name = "infomie"
raw_env = ["DJANGO_SETTINGS_MODULE=infomie.settings.production"]
