"""`make bench`'s report: the side-by-side table, the edge beside nginx, queries per page,
the mixed run and issue 12's floors, in Markdown; written between the markers of
docs/benchmarks.md, leaving the rest of the file alone."""

import gzip
import math
import os
import platform
import statistics
from pathlib import Path

from bench.knobs import (
    CONNECTIONS,
    FLOOR_EDGE,
    FLOOR_QUERIES,
    FLOOR_UNCACHED,
    MIXED_CONNECTIONS,
    MIXED_SECONDS,
    PUBLISH_EVERY,
    ROUNDS,
    SECONDS,
)
from bench.measure import SIDE_BY_SIDE, side_by_side_urls

START, END = "<!-- make bench: start -->", "<!-- make bench: end -->"
FLOORED_PAGES = ("home", "news index", "theme", "article")  # queries ≤ FLOOR_QUERIES, flat
LABELS = {"article": "article", "listing": "listing", "home": "home"}


def span(values, digits=0):
    low, high = min(values), max(values)
    if f"{low:,.{digits}f}" == f"{high:,.{digits}f}":
        return f"{low:,.{digits}f}"
    return f"{low:,.{digits}f}–{high:,.{digits}f}"


def ratios(results, key, other):
    return [a["rps"] / b["rps"] for a, b in zip(results[key], results[other], strict=True)]


def ratio_span(values):
    """Rounded down: 0.397 shows as 0.39, not as a 0.40 that missed a floor of 0.4."""
    return span([math.floor(value * 100) / 100 for value in values], 2)


def verdict(values, floor):
    """Met when every round meets the floor, missed when none does."""
    passed = sum(value >= floor for value in values)
    if passed == len(values):
        return f"≥ {floor}: **met**"
    if passed == 0:
        return f"≥ {floor}: **missed**"
    return f"≥ {floor}: met in {passed} of {len(values)} rounds"


def render(run):
    """`run`: what bench/run.py gathered (see its main)."""
    sides, pages, results = run["sides"], run["pages"], run["results"]
    ours, baseline = sides[0].name, (sides[1].name if len(sides) > 1 else None)
    loads = run["loads"]
    lines = [
        f"`make bench`, {run['date']:%Y-%m-%d %H:%M} UTC, this tree at `{run['this_tree']}`"
        + (f" beside `{baseline}`" if baseline else "")
        + f": {run['articles']:,} articles each, {run['server']} each (production settings, "
        f"PostgreSQL, Redis; a database, a Redis database and a var directory per side), "
        f"wrk -t2 -c{CONNECTIONS} -d{SECONDS}s on loopback, {ROUNDS} rounds in which every "
        f"measurement runs once, the sides one right after the other; {os.cpu_count()} cores "
        f"shared with other work, load average (1 min) {span(loads, 1)} during the rounds; "
        f"Python {platform.python_version()}. Uncached: the page cache off, what is kept per "
        "content generation warm (between two publications).",
        "",
    ]
    urls = side_by_side_urls(pages)
    if baseline:
        lines += [
            f"| req/s (min–max of {ROUNDS} rounds) | this tree | `{baseline}` "
            f"| this / `{baseline}`, per round | floor |",
            "| --- | ---: | ---: | ---: | --- |",
        ]
    else:
        lines += ["| req/s (min–max) | this tree |", "| --- | ---: |"]
    for kind, page in SIDE_BY_SIDE:
        mine = results[kind, page, ours]
        row = f"| {kind} {LABELS[page]} (`{urls[page]}`) | {span([r['rps'] for r in mine])} |"
        if baseline:
            theirs = results[kind, page, baseline]
            per_round = ratios(results, (kind, page, ours), (kind, page, baseline))
            floored = kind == "uncached" and page != "home"
            row += f" {span([r['rps'] for r in theirs])} | {ratio_span(per_round)} | "
            row += (verdict(per_round, FLOOR_UNCACHED) if floored else "–") + " |"
        lines.append(row)
    lines += ["", *edge_table(results, ours), "", *queries_table(run, baseline)]
    lines += ["", *mixed_lines(run, results)]
    raw, compressed, count = run["css_js"]
    html = run["article_html"]
    lines += [
        f"- Article HTML: {len(html) / 1024:.1f} KB ({len(gzip.compress(html)) / 1024:.1f} KB "
        f"gzipped); CSS + JS a page loads: {raw / 1024:.1f} KB in {count} file(s) "
        f"({compressed / 1024:.1f} KB gzipped).",
    ]
    lines += ["", "Issue 12's floors:", *(f"- {line}" for line in floors(run))]
    if run["note"]:
        lines += ["", run["note"]]
    return "\n".join(lines) + "\n"


def edge_table(results, ours):
    nginx = ("file", "article", "nginx")
    rows = [("nginx, the article's HTML from a file", nginx, None)]
    edge = ("edge", "article", "Varnish")
    if edge in results:
        rows.append(("Varnish (the edge, deploy/varnish/default.vcl), the article", edge, True))
    rows.append(("this tree's page cache, the article, no edge", ("cached", "article", ours), None))
    lines = [
        "| in the same rounds | req/s (min–max) | p50 / p99 ms (median round) "
        "| / nginx, per round | floor |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for label, key, floored in rows:
        measured = results[key]
        middle = sorted(measured, key=lambda r: r["rps"])[len(measured) // 2]
        per_round = ratios(results, key, nginx)
        lines.append(
            f"| {label} | {span([r['rps'] for r in measured])} | {middle['p50']:.1f} / "
            f"{middle['p99']:.1f} | {ratio_span(per_round)} | "
            f"{verdict(per_round, FLOOR_EDGE) if floored else '–'} |"
        )
    if edge not in results:
        lines.append("| Varnish (the edge): varnishd not installed, not measured | | | | |")
    return lines


def queries_table(run, baseline):
    """SQL queries per page once warm (page cache off; cached in brackets), at both sizes."""
    small, large, theirs = run["queries_small"], run["queries"], run.get("queries_baseline")
    heads = [f"queries, {run['small_articles']:,} articles", f"queries, {run['articles']:,}"]
    heads.append("median render ms")
    if theirs:
        heads += [f"`{baseline}`: queries", f"`{baseline}`: ms"]
    lines = [
        "| page, in process | " + " | ".join(heads) + " |",
        "| --- |" + " ---: |" * len(heads),
    ]
    for name, url in run["pages"].items():
        cells = [_queries(small.get(name)), _queries(large[name])]
        cells.append(f"{large[name]['uncached']['median_ms']:.1f}")
        if theirs:
            theirs_row = theirs.get(name, {})
            cells.append(_queries(theirs_row))
            cells.append(
                f"{theirs_row['uncached']['median_ms']:.1f}" if "uncached" in theirs_row else "–"
            )
        lines.append(f"| {name} (`{url}`) | " + " | ".join(cells) + " |")
    return lines


def _queries(row):
    if not row or "uncached" not in row:
        return f"– ({row['status']})" if row else "–"
    return f"{row['uncached']['queries']} ({row['cached']['queries']})"


def mixed_lines(run, results):
    errors = sum(r["errors"] for measured in results.values() for r in measured)
    errors_by_kind = "; ".join(
        f"{' '.join(key)}: {r['breakdown']}"
        for key, measured in results.items()
        for r in measured
        if r["errors"]
    )
    lines = [
        f"- Mixed run, each side in turn: every page in turn, {MIXED_CONNECTIONS} connections, "
        f"{MIXED_SECONDS} s, the page cache on, an editor publishing an article again "
        f"{PUBLISH_EVERY} s after each publication, in another process. Errors are non-2xx/3xx "
        f"answers and socket errors (a timeout: no answer within 5 s). Every other run "
        f"together: {errors} errors" + (f" ({errors_by_kind})." if errors else "."),
    ]
    for side in run["sides"]:
        mixed = run["mixed"][side.name]
        editor = mixed["editor"]
        published, failures = editor["published_ms"], editor["failures"]
        line = (
            f"  - {side.name}: {mixed['requests']:,} requests, {mixed['rps']:,.0f} req/s, "
            f"p99 {mixed['p99']:.1f} ms, **{mixed['errors']} errors**"
            + (f" ({mixed['breakdown']})" if mixed["errors"] else "")
            + f"; {len(published)} publications"
        )
        if published:
            line += (
                f", {statistics.median(published) / 1000:.1f} s each (median), "
                f"{max(published) / 1000:.1f} s at most, the article fetched right after each "
                f"showing the change {len(published) - editor['stale']} times of {len(published)}"
            )
        if failures:
            line += f"; {len(failures)} failed, the first: {failures[0]}"
        lines.append(line + ".")
    return lines


def floors(run):
    """Issue 12's floors, met or not, as a list for the report."""
    lines = []
    results, sides = run["results"], run["sides"]
    if len(sides) > 1:
        ours, baseline = sides[0].name, sides[1].name
        for page in ("article", "listing"):
            key = ("uncached", page, ours)
            per_round = ratios(results, key, ("uncached", page, baseline))
            lines.append(f"uncached {page}: {verdict(per_round, FLOOR_UNCACHED)}")
    edge = ("edge", "article", "Varnish")
    if edge in results:
        per_round = ratios(results, edge, ("file", "article", "nginx"))
        lines.append(f"edge / nginx: {verdict(per_round, FLOOR_EDGE)}")
    flat = all(
        _queries(run["queries_small"].get(name)) == _queries(run["queries"][name])
        and run["queries"][name]["uncached"]["queries"] <= FLOOR_QUERIES
        for name in FLOORED_PAGES
    )
    lines.append(
        f"queries ≤ {FLOOR_QUERIES} and the same at {run['small_articles']:,} and "
        f"{run['articles']:,} articles (home, listings, article): "
        + ("**met**" if flat else "**missed**")
    )
    mixed_errors = run["mixed"][run["sides"][0].name]["errors"]
    lines.append(
        f"mixed run, this tree: 0 errors: {'**met**' if mixed_errors == 0 else '**missed**'}"
    )
    return lines


def write_section(path, report):
    """Replace the part of the file `make bench` owns, leaving the rest."""
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    section = f"{START}\n{report.strip()}\n{END}\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip() + "\n\n" + section
    Path(path).write_text(text)
