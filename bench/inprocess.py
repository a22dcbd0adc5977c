"""What `make bench` does inside Django, run in a tree's root with that tree's code and
settings (bench/sides.py runs it: `python <this file> COMMAND …` with the tree as working
directory), so that a baseline commit is seeded and measured by its own code:

    seed N                   the tree's own bench/seed.py, then VACUUM ANALYZE
    pages                    the pages `make bench` measures, by name (this tree's models)
    measure PAGES_JSON       SQL queries and median render time per page, in process
    publish SECONDS EVERY URL   an editor publishing an article again EVERY seconds after
                             each publication, each time checking that the server at URL
                             shows the change at once

The answer is one line of JSON, the last of its output. Django's modules are imported inside
the functions: only once this file has put the tree on the path and set Django up."""

import json
import os
import statistics
import sys
import time
import urllib.request
from pathlib import Path

import django

RENDERS = 15
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def seed(articles):
    from django.db import connection

    from bench.seed import seed as seed_tree

    start = time.monotonic()
    seed_tree(articles=articles, themes=20, stdout=lambda message: print(message, flush=True))
    seconds = time.monotonic() - start
    with connection.cursor() as cursor:
        # As autovacuum leaves a live database: update_translation_fields rewrites every page
        # row on each run, and the planner needs fresh statistics.
        cursor.execute("VACUUM ANALYZE")
    return {"seconds": seconds}


def pages():
    from django.test import Client
    from django.utils import translation

    from articles.models import ArticlePage, Theme
    from articles.navigation import news_index_url
    from pagecache import purge_page_cache

    purge_page_cache()  # nothing kept from another database using the same Redis
    theme = Theme.objects.order_by("pk").first()
    article = ArticlePage.objects.live().exclude(title_en=None).order_by("-pk").first()
    found = {"home": "/fr/", "news index": "/fr/actualites/"}
    with translation.override("fr"):
        found["theme"] = news_index_url() + f"themes/{theme.slug_fr}/"
    found["article"] = article.get_url_in("fr")
    search = "/fr/recherche/?q=protection"
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    if client.get(search).status_code == 200:
        found["search"] = search
    found["articles"] = ArticlePage.objects.count()
    return found


def measure(pages_by_name):
    """Queries (the most of RENDERS renders once warm) and median render time per page,
    the page cache off, then on; a page this tree does not answer with 200 is left out."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from pagecache import purge_page_cache

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    results = {}
    for name, url in pages_by_name.items():
        row = {}
        for label, enabled in (("uncached", False), ("cached", True)):
            with override_settings(PAGE_CACHE_ENABLED=enabled):
                purge_page_cache()
                status = client.get(url).status_code  # warms what is kept per generation
                if status != 200:
                    row = {"status": status}
                    break
                times, queries = [], []
                for _ in range(RENDERS):
                    with CaptureQueriesContext(connection) as captured:
                        start = time.perf_counter()
                        client.get(url)
                        times.append((time.perf_counter() - start) * 1000)
                    queries.append(len(captured))
            row[label] = {"queries": max(queries), "median_ms": statistics.median(times)}
        results[name] = row
    return results


def publish(seconds, every, base_url):
    """Publish a new revision of the newest article (on the home page and the news index)
    `every` seconds after the previous one ended, as an editor would in the admin, and fetch
    it from the server at once: a page still showing the old lead is counted stale. The lead
    is put back at the end."""
    from articles.models import ArticlePage

    article = ArticlePage.objects.live().order_by("pk").first()
    original = article.lead_fr
    url = base_url + article.get_url_in("fr")
    published, failures, stale = [], [], 0
    print("ready", flush=True)
    deadline = time.monotonic() + seconds
    count = 0
    while time.monotonic() + every < deadline:
        time.sleep(every)
        count += 1
        lead = f"{original[:280]} ({count})"
        start = time.perf_counter()
        try:
            _publish_lead(ArticlePage.objects.get(pk=article.pk), lead)
        except Exception as error:  # noqa: BLE001 - counted and reported, the run goes on
            failures.append(repr(error))
            continue
        published.append((time.perf_counter() - start) * 1000)
        request = urllib.request.Request(url, headers=PROXY_HEADERS)
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            if lead.encode() not in response.read():
                stale += 1
    _publish_lead(ArticlePage.objects.get(pk=article.pk), original)
    return {"published_ms": published, "failures": failures, "stale": stale}


def _publish_lead(article, lead):
    article.lead = article.lead_fr = lead
    article.save_revision().publish()


def main():
    sys.path[0] = str(Path.cwd())  # the measured tree's code, not this file's directory
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infomie.settings.production")
    django.setup()
    command, *args = sys.argv[1:]
    if command == "seed":
        answer = seed(int(args[0]))
    elif command == "pages":
        answer = pages()
    elif command == "measure":
        answer = measure(json.loads(args[0]))
    elif command == "publish":
        answer = publish(float(args[0]), float(args[1]), args[2])
    else:
        sys.exit(f"unknown command {command}")
    print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
