"""`make bench`: how fast this tree serves its pages, side by side with a baseline commit
(BENCH_BASELINE, default ddfd354: `main` before issue 12's simplification), beside nginx
serving the same article from a file and Varnish in front of this tree.

1. The baseline commit is extracted under var/bench/ (git archive). Each side migrates and
   seeds its own PostgreSQL database with its own code (BENCH_ARTICLES articles over 20
   themes); this tree also seeds a small one (100 articles) for the queries check.
2. In process (bench/inprocess.py, run with each side's code): SQL queries per page once
   warm and the median render time, with 100 and with BENCH_ARTICLES articles.
3. Every server starts at once, each side's production server (gunicorn, 2 sync workers;
   BENCH_SERVER=granian for granian) with its page cache off and on, nginx, Varnish; then
   BENCH_ROUNDS rounds in which each measurement runs once with wrk, the sides one after the
   other: uncached article, listing and home, cached article, nginx's file, the edge.
4. A mixed run of every page under 64 connections on each side in turn, while an editor
   publishes, 2 s after each publication.

The report (min–max per side, the ratio per round, issue 12's floors) goes between the
markers of BENCH_OUTPUT (docs/benchmarks.md; "-" for none). Knobs: bench/knobs.py and
README, "Benchmark: `make bench`"."""

import datetime
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `bench` and the site

from bench import edge as edge_cache  # noqa: E402 - from the root, put on the path above
from bench import knobs, report  # noqa: E402
from bench.measure import interleaved_rounds  # noqa: E402
from bench.servers import say, server_label  # noqa: E402
from bench.sides import Side, describe_this_tree, extract, this_tree  # noqa: E402

RAW = knobs.ROOT / "var" / "bench" / "last-run.json"  # every wrk result of the last run


def main():
    started = time.monotonic()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: `make bench` installs it (apt-get install {tool})")
    ours = this_tree()
    sides = [ours]
    if knobs.BASELINE:
        baseline_root = extract(knobs.BASELINE)
        sides.append(
            Side(
                knobs.BASELINE,
                baseline_root,
                knobs.BASELINE_DATABASE_URL,
                knobs.BASELINE_REDIS_URL,
            )
        )
    for side in sides:
        side.prepare(knobs.ARTICLES)
    small = this_tree(knobs.SMALL_DATABASE_URL)
    small.prepare(knobs.SMALL_ARTICLES)

    say("Queries and render times, in process…")
    pages = ours.inprocess("pages")
    articles = pages.pop("articles")
    small_pages = small.inprocess("pages")
    small_articles = small_pages.pop("articles")
    run = {
        "date": datetime.datetime.now(datetime.UTC),
        "this_tree": describe_this_tree(),
        "server": server_label(),
        "sides": sides,
        "pages": pages,
        "articles": articles,
        "small_articles": small_articles,
        "queries": ours.inprocess("measure", json.dumps(pages)),
        "queries_small": small.inprocess("measure", json.dumps(small_pages)),
        "note": knobs.NOTE,
    }
    if len(sides) > 1:
        run["queries_baseline"] = sides[1].inprocess("measure", json.dumps(pages))

    edge_side = ours if edge_cache.available() else None
    results, loads, article_html, extra = interleaved_rounds(sides, pages, edge_side)
    run.update(results=results, loads=loads, article_html=article_html, **extra)

    raw = {" ".join(key): measured for key, measured in results.items()}
    RAW.parent.mkdir(parents=True, exist_ok=True)
    RAW.write_text(json.dumps({"loads": loads, "wrk": raw, "mixed": run["mixed"]}, indent=1))
    text = report.render(run)
    print(text)
    if knobs.OUTPUT != "-":
        report.write_section(Path(knobs.OUTPUT), text)
        say(f"Written to {knobs.OUTPUT} in {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
