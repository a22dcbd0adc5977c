# InfoMIE's edge cache: Varnish (Debian's `varnish` package) in front of the app server.
#
# What it keeps is decided by the application: a response carrying `Surrogate-Control:
# max-age=N, stale-if-error=M` (infomie/edge.py: public pages for anonymous visitors, and the
# suspension page) is kept N seconds, and served up to M seconds longer while the application
# cannot answer. Anything else is fetched every time. Every change the site shows sends one
# BAN at commit (infomie.edge.EdgeBanBackend, through Wagtail's frontend cache), which drops
# every object, stale copies included.
#
# Varnish listens on loopback behind the TLS proxy (deploy/nginx/infomie.conf); the app
# server on 127.0.0.1:8000 (`make serve EDGE=1` and the tests substitute the port).
vcl 4.1;

import std;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

# The same server, only asked whether it answers: a dead or hung application is noticed within
# seconds, and stale copies are then served without waiting for it. Never used to fetch, so a
# failing check (say `localhost` missing from ALLOWED_HOSTS) costs no page, only fresher
# copies. robots.txt needs no database.
backend app_health {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = {
        .request = "GET /robots.txt HTTP/1.1"
            "Host: localhost"
            "X-Forwarded-Proto: https"
            "Connection: close"
            "User-Agent: varnish-probe";
        .interval = 2s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may ban: the application, on this host.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.restarts == 0) {
        unset req.http.X-Edge-Stale;
        unset req.http.X-Edge-Dismissed;
    }

    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every object, whatever its host: any change may show on any page (listings, themes,
        # feeds, home), and the site is small enough to refill at once.
        if (std.ban("obj.status != 0")) {
            return (synth(200, "Banned"));
        }
        return (synth(500, std.ban_error()));
    }
    if (req.method == "PURGE") {
        return (synth(405, "Not allowed"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Only the language prefixes are public pages. "/" redirects by Accept-Language (and the
    # language cookie), the admin and previews are the editors', documents are served with
    # their own permissions: all fetched every time, cookies untouched.
    if (req.url !~ "^/(fr|en)/") {
        return (pass);
    }
    # Editors (session), a password-protected page's visitor (session), a message waiting,
    # credentials: never from the cache.
    if (req.http.Authorization ||
        req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }

    # The only cookie that changes a public page: the banners a visitor dismissed. Kept when
    # it looks like what the site writes (a few notice ids joined by dots), dropped otherwise
    # (the banners show again); every other cookie is dropped, so the application sees no
    # cookie it could answer differently to.
    if (req.http.Cookie ~ "(^|;\s*)infomie_dismissed=") {
        set req.http.X-Edge-Dismissed = regsub(req.http.Cookie,
            "^(?:.*;\s*)?infomie_dismissed=([^;]*).*$", "\1");
        if (req.http.X-Edge-Dismissed !~ "^[0-9]{1,9}(\.[0-9]{1,9}){0,9}$") {
            unset req.http.X-Edge-Dismissed;
        }
    }
    if (req.http.X-Edge-Dismissed) {
        set req.http.Cookie = "infomie_dismissed=" + req.http.X-Edge-Dismissed;
    } else {
        unset req.http.Cookie;
    }

    # Tracking parameters never change a page; the order of the others does not either.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    set req.url = std.querysort(req.url);

    # While the application answers, a copy past its max-age is refetched before anything is
    # served (never a stale page in front of a suspension the application has just decided).
    # When the application is down (probe) or has just failed (restart from vcl_synth), the
    # copy's whole stale-if-error applies.
    set req.backend_hint = app;
    if (!req.http.X-Edge-Stale && std.healthy(app_health)) {
        set req.grace = 0s;
    } else {
        # The copy's own (req.grace is an upper limit, and a restart keeps the first pass's).
        set req.grace = 3650d;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.Host);
    # The scheme the TLS proxy saw: absolute links in a page (canonical, feeds) depend on it.
    hash_data(req.http.X-Forwarded-Proto);
    # One variant per dismissal cookie that passed the check above, none for the rest.
    if (req.http.X-Edge-Dismissed) {
        hash_data(req.http.X-Edge-Dismissed);
    }
    return (lookup);
}

sub vcl_backend_fetch {
    # Long admin actions (an import of thousands of rows) are not a failure; a public page
    # that takes this long is one (its stale copy is served instead).
    if (bereq.url ~ "^/admin/") {
        set bereq.first_byte_timeout = 600s;
    } elsif (bereq.url ~ "^/(fr|en)/") {
        set bereq.first_byte_timeout = 15s;
    }
    unset bereq.http.X-Edge-Dismissed;
}

sub vcl_backend_response {
    # The suspension is deliberate: never replaced by a stale copy (and the switch that
    # turned it on banned them all). Kept like a page when the application says so.
    if (beresp.status >= 500 && !beresp.http.X-Suspension) {
        if (bereq.is_bgfetch || !bereq.http.X-Edge-Stale) {
            # Keep (or look for, after a restart) the last good copy.
            return (abandon);
        }
        # No copy to serve: the application's own error page, not kept.
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+" && !beresp.http.Set-Cookie &&
        bereq.url ~ "^/(fr|en)/") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control,
            "^.*max-age=([0-9]+).*$", "\1s"), 0s);
        set beresp.grace = 0s;
        if (beresp.http.Surrogate-Control ~ "stale-if-error=[0-9]+") {
            set beresp.grace = std.duration(regsub(beresp.http.Surrogate-Control,
                "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
        }
        set beresp.keep = 0s;
        # Consumed here (Edge Architecture Specification): browsers and other caches never
        # see it; what they see is that they must ask again (only this cache is purged).
        unset beresp.http.Surrogate-Control;
        if (beresp.status != 503) {
            set beresp.http.Cache-Control = "no-cache";
        }
        if (beresp.ttl > 0s) {
            return (deliver);
        }
    }
    # Everything else is the application's to answer every time.
    set beresp.uncacheable = true;
    set beresp.ttl = 30s;
    return (deliver);
}

sub vcl_backend_error {
    if (bereq.is_bgfetch || !bereq.http.X-Edge-Stale) {
        return (abandon);
    }
    # The application cannot be reached and there is no copy: say so in both languages.
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    set beresp.body = {"<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Momentanément indisponible · Temporarily unavailable</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Momentanément indisponible</h1><p>Le site ne peut pas répondre pour l’instant. Merci de réessayer dans quelques minutes.</p>
<h1 lang="en">Temporarily unavailable</h1><p lang="en">The site cannot answer right now. Please try again in a few minutes.</p></main></body></html>
"};
    return (deliver);
}

sub vcl_synth {
    # A fetch that failed (abandoned above): once, look again for a copy, however stale
    # (within its stale-if-error), before answering with an error.
    if (resp.status == 503 && req.restarts == 0 && !req.http.X-Edge-Stale &&
        req.method != "BAN") {
        set req.http.X-Edge-Stale = "1";
        return (restart);
    }
}

sub vcl_deliver {
    unset resp.http.Via;
    # What the edge did: hit, stale (served while the application failed), miss, pass.
    if (obj.uncacheable) {
        set resp.http.X-Edge = "pass";
    } elsif (obj.ttl < 0s) {
        set resp.http.X-Edge = "stale";
    } elsif (obj.hits > 0) {
        set resp.http.X-Edge = "hit";
    } else {
        set resp.http.X-Edge = "miss";
    }
}
