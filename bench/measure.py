"""`make bench`'s measurements under load: every server started at once, then rounds in
which each measurement runs once, one side right after the other (this tree, the baseline,
this tree, …), so that both meet the same machine: on a shared machine the rate moves by
a fifth from one minute to the next, and only figures taken side by side compare."""

import gzip
import json
import re
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bench.knobs import (
    MIXED_CONNECTIONS,
    MIXED_SECONDS,
    PUBLISH_EVERY,
    ROUNDS,
    WARMUP_SECONDS,
)
from bench.servers import fetch, load_average, nginx_serving, say, wrk
from bench.sides import INPROCESS

# (kind, page) measured on every side, in this order within a round.
SIDE_BY_SIDE = [
    ("uncached", "article"),
    ("uncached", "listing"),
    ("uncached", "home"),
    ("cached", "article"),
]


def side_by_side_urls(pages):
    return {"article": pages["article"], "listing": pages["news index"], "home": pages["home"]}


def interleaved_rounds(sides, pages, edge_side):
    """{(kind, page, side name): [wrk result per round]}, with ("file", "article", "nginx")
    and ("edge", "article", "Varnish") for `edge_side` in the same rounds; the load average
    at each round's start and end; the article's HTML as this tree serves it."""
    urls = side_by_side_urls(pages)
    with ExitStack() as stack:
        bases = {}
        for side in sides:
            say(f"Starting {side.name}'s servers…")
            bases[side.name, "uncached"] = stack.enter_context(side.serving(page_cache=False))
            bases[side.name, "cached"] = stack.enter_context(side.serving(page_cache=True))
        ours = sides[0].name
        _status, _headers, article_html = fetch(bases[ours, "cached"] + urls["article"])
        targets = []
        for kind, page in SIDE_BY_SIDE:
            for side in sides:
                targets.append(((kind, page, side.name), bases[side.name, kind] + urls[page]))
        file_url = stack.enter_context(nginx_serving(article_html))
        targets.append((("file", "article", "nginx"), file_url))
        if edge_side is not None:
            edge_url = stack.enter_context(edge_side.edge_serving()) + urls["article"]
            targets.append((("edge", "article", "Varnish"), edge_url))
        warm_up(targets)
        results, loads = {}, []
        for number in range(1, ROUNDS + 1):
            loads.append(load_average())
            for key, url in targets:
                say(f"round {number}/{ROUNDS}: wrk {' '.join(key)}…")
                results.setdefault(key, []).append(wrk(url))
            loads.append(load_average())
        extra = {
            "css_js": asset_sizes(bases[ours, "cached"], article_html.decode()),
            # Each side in turn, this tree first: the floor is this tree's, the baseline's
            # run tells what the same load costs the code it replaces.
            "mixed": {
                side.name: mixed_run(side, bases[side.name, "cached"], pages) for side in sides
            },
        }
    return results, loads, article_html, extra


def warm_up(targets):
    """Every page answers 200, cached pages are hits, and each server's workers have read
    what they keep per generation (the first requests after a start are not measured)."""
    for (kind, _page, side), url in targets:
        status, headers, _body = fetch(url)
        assert status == 200, (url, status)
        if kind == "cached":
            fetch(url)
            assert fetch(url)[1].get("x-cache") == "HIT", (side, url)
        if kind == "edge":
            fetch(url)
            assert fetch(url)[1].get("x-edge") == "hit", url
        wrk(url, seconds=WARMUP_SECONDS)


def asset_sizes(base_url, html):
    """Bytes of the CSS and JS the page loads (as sent, and gzipped)."""
    urls = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    urls += re.findall(r'<script[^>]+src="([^"]+)"', html)
    raw = compressed = 0
    for url in urls:
        _status, _headers, body = fetch(base_url + url)
        raw += len(body)
        compressed += len(gzip.compress(body))
    return raw, compressed, len(urls)


def mixed_run(side, base, pages):
    """Every page in turn under 64 connections for MIXED_SECONDS against the side's server
    (page cache on), while an editor publishes an article in another process, PUBLISH_EVERY
    seconds after each publication (bench/inprocess.py publish): errors (non-2xx/3xx answers
    and socket errors), hits and misses together, and whether each publication shows at
    once."""
    paths = ", ".join(f'"{url}"' for url in pages.values())
    script = f"""
local paths = {{{paths}}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
"""
    with tempfile.TemporaryDirectory(prefix="infomie-bench-") as tmp:
        lua = Path(tmp) / "mixed.lua"
        lua.write_text(script)
        editor = subprocess.Popen(  # noqa: S603
            [sys.executable, str(INPROCESS), "publish", str(MIXED_SECONDS),
             str(PUBLISH_EVERY), base],
            cwd=side.root, env=side.env(), stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            while (line := editor.stdout.readline()) and line.strip() != "ready":
                say(line.rstrip())
            say(
                f"wrk mixed on {side.name}, {MIXED_CONNECTIONS} connections, {MIXED_SECONDS} s, "
                f"a publication {PUBLISH_EVERY} s after the last…"
            )
            result = wrk(base + "/", MIXED_CONNECTIONS, str(lua), MIXED_SECONDS)
            out, _err = editor.communicate(timeout=MIXED_SECONDS + 120)
        finally:
            if editor.poll() is None:
                editor.kill()
                editor.wait()
    if editor.returncode != 0:
        raise RuntimeError("the publishing editor failed")
    result["editor"] = json.loads(out.splitlines()[-1])
    return result
