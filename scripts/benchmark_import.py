"""Benchmark (not a test): how long `import_articles` takes for a big spreadsheet.

    .venv/bin/python scripts/benchmark_import.py            # 5,000 rows, temporary SQLite
    BENCHMARK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/infomie_bench \\
        .venv/bin/python scripts/benchmark_import.py --rows 5000

It builds a throwaway database (a temporary SQLite file, or the PostgreSQL database given,
which it empties), writes a CSV of N press items in both languages with 12 themes, then times
a first import (everything created and published), a second one (nothing changes) and a third
with every English title changed. Results go in docs/benchmarks.md.
"""

import argparse
import csv
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def write_csv(path, rows, title_suffix=""):
    from articles.interchange import COLUMNS

    themes = [f"Thème {n}" for n in range(12)]
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for n in range(rows):
            writer.writerow(
                {
                    "id": str(uuid.UUID(int=n + 1)),  # the second run updates the same articles
                    "source_url": f"https://presse.example.org/articles/{n}",
                    "title_fr": f"Article de presse numéro {n} sur les mineurs isolés",
                    "title_en": f"Press article number {n} on unaccompanied minors{title_suffix}",
                    "lead_fr": "Un chapô de deux phrases. Il résume l’article cité.",
                    "lead_en": "A two-sentence lead. It sums up the quoted piece.",
                    "body_fr": "Premier paragraphe du résumé.\n\nSecond paragraphe, plus long, "
                    "qui cite la source et donne les chiffres.",
                    "body_en": "First paragraph of the summary.\n\nSecond paragraph, longer, "
                    "quoting the source and giving the figures.",
                    "source_name": "Le Journal",
                    "authors": "Camille Martin",
                    "original_date": f"2023-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                    "original_language": "fr" if n % 3 else "en",
                    "themes": f"{themes[n % 12]}; {themes[(n * 7) % 12]}",
                    "published_date": f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                    "status": "live" if n % 10 else "draft",
                }
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="infomie-bench-"))
    database_url = os.environ.get("BENCHMARK_DATABASE_URL")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["INFOMIE_VAR_DIR"] = str(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infomie.settings.dev")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.models import ArticlePage
    from home.site_tree import ensure_site_tree

    if database_url:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("update_translation_fields", verbosity=0)
    ensure_site_tree()

    path = workdir / "articles.csv"
    write_csv(path, args.rows)
    print(f"{args.rows} rows, {connection.vendor}, {os.cpu_count()} CPU(s)", flush=True)

    def timed(label, *extra):
        start = time.perf_counter()
        call_command("import_articles", str(path), *extra, verbosity=1)
        elapsed = time.perf_counter() - start
        print(f"  {label}: {elapsed:.1f} s", flush=True)
        return elapsed

    try:
        timed("dry run (validation only)", "--dry-run")
        first = timed("first import (all created)")
        assert ArticlePage.objects.count() == args.rows
        timed("same file again (nothing changes)")
        write_csv(path, args.rows, title_suffix=" (updated)")
        timed("every English title changed")
        print(f"Created {args.rows} articles in {first:.1f} s ({args.rows / first:.0f} rows/s).")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
