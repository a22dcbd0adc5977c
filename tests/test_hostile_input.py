"""What a visitor's request may carry that no page should fail on, and whose address the
limits count: the client's, behind the documented proxy, never one a visitor can write."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.test import Client

from articles.factories import ArticlePageFactory, ThemeFactory
from association.models import AssociationSettings
from association.views import REVEALS_PER_WINDOW
from notices.models import Notice

pytestmark = pytest.mark.django_db

CONTACT = "contact@infomie.example"


@pytest.fixture
def banner(home_page):
    return Notice.objects.create(
        name="strike",
        level="warning",
        enabled=True,
        message_fr="<p>Grève des transports</p>",
        message_en="<p>Transport strike</p>",
    )


COOKIES = [
    "9" * 5000,
    "0." * 5000,
    "²³",
    "-1.+2. 3.0x4",
    "٣".encode().decode("latin-1"),
    "9" * 19,
    "",
    ".....",
    "%00\x7f",
]


@pytest.mark.parametrize("cookie", COOKIES, ids=range(len(COOKIES)))
def test_a_dismissal_cookie_of_any_shape_shows_the_page(client, banner, cookie):
    client.cookies["infomie_dismissed"] = cookie
    for url, message in (("/fr/", "Grève des transports"), ("/en/", "Transport strike")):
        response = client.get(url)
        assert response.status_code == 200, (url, cookie[:20])
        assert message in response.content.decode()


def test_a_dismissed_banner_stays_hidden_beside_garbage(client, banner):
    client.cookies["infomie_dismissed"] = f"{'9' * 5000}.{banner.pk}.x"
    assert "Grève des transports" not in client.get("/fr/").content.decode()


def test_robots_txt_answers_head_like_get(client):
    get = client.get("/robots.txt")
    head = client.head("/robots.txt")
    assert get.status_code == head.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b"" and b"Sitemap:" in get.content


@pytest.fixture
def association(home_page):
    settings = AssociationSettings.load()
    settings.contact_email = CONTACT
    settings.save()
    return settings


def reveal(client, **extra):
    return client.post("/en/contact/email/", HTTP_ACCEPT="application/json", **extra)


def use_up_reveals(client, **extra):
    for _ in range(REVEALS_PER_WINDOW):
        assert reveal(client, **extra).json() == {"email": CONTACT}
    assert reveal(client, **extra).status_code == 429


def test_visitors_behind_the_proxy_are_limited_each_on_their_own(client, association):
    """The documented deployment: nginx (and the edge cache) on loopback in front, adding the
    visitor's address to X-Forwarded-For and X-Real-IP."""
    use_up_reveals(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    other = reveal(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.json() == {"email": CONTACT}
    # Through nginx then the edge cache: the last hop is nginx's, on loopback; a visitor's
    # own X-Forwarded-For stays on the left and changes nothing.
    chained = "203.0.113.9, 198.51.100.1, 127.0.0.1"
    assert reveal(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=chained).status_code == 429
    # nginx as the README configures it: X-Real-IP only.
    use_up_reveals(client, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.3")
    assert reveal(client, REMOTE_ADDR="::1", HTTP_X_REAL_IP="198.51.100.4").status_code == 200


def test_without_a_proxy_a_forged_header_does_not_escape_the_limit(client, association):
    use_up_reveals(client, REMOTE_ADDR="192.0.2.10")
    for forged in ({"HTTP_X_FORWARDED_FOR": "198.51.100.77"}, {"HTTP_X_REAL_IP": "10.1.2.3"}):
        assert reveal(client, REMOTE_ADDR="192.0.2.10", **forged).status_code == 429


FORWARDED = ["garbage", "1.2.3.4.5", "", ",,,", "x" * 10000, "::ffff:zzz", "1.2.3.4, nonsense"]


@pytest.mark.parametrize("forwarded", FORWARDED, ids=range(len(FORWARDED)))
def test_garbage_in_x_forwarded_for_is_not_an_error(client, association, forwarded):
    response = reveal(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert response.json() == {"email": CONTACT}


def test_the_login_lockout_counts_each_visitor_behind_the_proxy(client, django_user_model):
    from axes.models import AccessAttempt

    django_user_model.objects.create_user("camille", password="right-password")
    for visitor in ("198.51.100.1", "198.51.100.2"):
        client.post(
            "/admin/login/",
            {"username": "camille", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=visitor,
        )
    addresses = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert addresses == {"198.51.100.1", "198.51.100.2"}


DEAD_REDIS = {
    "default": {
        "BACKEND": "infomie.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "KEY_PREFIX": "infomie-tests",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def test_an_editors_save_without_redis_says_so_in_french_and_writes_nothing(
    news_index, django_user_model, settings
):
    from wagtail.models import PageLogEntry, Revision

    from .admin_forms import article_form_data

    theme = ThemeFactory()
    article = ArticlePageFactory(parent=news_index, title_fr="Titre publié", title_en="Title")
    article.themes.set([theme])
    article.save_revision().publish()
    revisions, log_entries = Revision.objects.count(), PageLogEntry.objects.count()
    editor = django_user_model.objects.create_superuser("coordinatrice", "c@example.org", "pw")
    client = Client(raise_request_exception=False)
    client.force_login(editor)

    settings.CACHES = DEAD_REDIS
    data = article_form_data(
        title_fr="Titre corrigé",
        slug_fr=article.slug_fr,
        slug_en=article.slug_en,
        themes=[theme.pk],
    )
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)

    assert response.status_code == 503
    html = response.content.decode()
    assert "Vos modifications n’ont pas été enregistrées" in html
    assert "rien n’a été enregistré" in html and "Traceback" not in html
    article.refresh_from_db()
    assert article.title_fr == "Titre publié" and not article.has_unpublished_changes
    assert (Revision.objects.count(), PageLogEntry.objects.count()) == (revisions, log_entries)


HEADERS = st.sampled_from(
    [
        "HTTP_HOST",
        "HTTP_ACCEPT_LANGUAGE",
        "HTTP_COOKIE",
        "HTTP_X_FORWARDED_FOR",
        "HTTP_X_REAL_IP",
        "HTTP_X_FORWARDED_HOST",
        "HTTP_X_FORWARDED_PROTO",
        "HTTP_RANGE",
        "HTTP_IF_MODIFIED_SINCE",
        "HTTP_IF_NONE_MATCH",
        "HTTP_ACCEPT",
        "HTTP_REFERER",
    ]
)
# What a WSGI server hands Django: each byte of the header one character (Latin-1).
LATIN1 = st.text(alphabet=st.characters(max_codepoint=255, exclude_categories=("Cc",)))
VALUES = st.one_of(
    LATIN1,
    st.builds(lambda text, n: text * n, LATIN1.filter(bool), st.integers(1, 3000)),
    st.builds(lambda n: "infomie_dismissed=" + "9" * n, st.integers(1, 6000)),
    st.builds(
        ".".join,
        st.lists(
            st.sampled_from(["1", "99", "x", "", "١".encode().decode("latin-1"), "-3"]), max_size=50
        ),
    ),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(headers=st.dictionaries(HEADERS, VALUES, min_size=1, max_size=4))
def test_no_header_value_gives_a_500(banner, headers):
    client = Client(raise_request_exception=False)
    for path in ("/", "/fr/", "/en/news/", "/robots.txt", "/fr/recherche/?q=asile"):
        for method in (client.get, client.head):
            response = method(path, **headers)
            assert response.status_code < 500, (path, headers, response.status_code)
