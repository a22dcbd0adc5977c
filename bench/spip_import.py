"""The SPIP import's benchmark: a sample SPIP site scaled to about 10,000 items (press articles
and brèves multiplied; scale 89 makes 10,056), imported into a fresh database of the site,
timed. Run with DATABASE_URL set to an empty, migrated database:

    .venv/bin/python bench/spip_import.py --scale 89

The figure goes in docs/benchmarks.md."""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infomie.settings.test")
django.setup()

from home.site_tree import (  # noqa: E402
    ensure_agenda,
    ensure_guides_section,
    ensure_library_sections,
    ensure_site_tree,
)
from spip.run import run_import  # noqa: E402
from spip.sample import create_database, create_sample, drop_database  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=89)
    parser.add_argument("--mariadb", default="mysql://root@127.0.0.1:3306")
    args = parser.parse_args()
    url = f"{args.mariadb}/infomie_spip_bench_{os.getpid()}"
    with tempfile.TemporaryDirectory() as folder:
        create_database(url, replace=True)
        try:
            counts = create_sample(url, Path(folder) / "IMG", scale=args.scale)
            home, _news = ensure_site_tree()
            ensure_library_sections(home)
            ensure_guides_section(home)
            ensure_agenda(home)
            started = time.perf_counter()
            report = run_import(url, Path(folder) / "IMG")
            first = time.perf_counter() - started
            started = time.perf_counter()
            again = run_import(url, Path(folder) / "IMG")
            second = time.perf_counter() - started
        finally:
            drop_database(url)
    print(f"SPIP items in the sample: {counts.items}")
    print(f"first import: {first:.1f} s ({report.succeeded=}), second run: {second:.1f} s")
    print("\n".join(report.lines()[:6]))
    print("\n".join(again.lines()[:4]))


if __name__ == "__main__":
    main()
