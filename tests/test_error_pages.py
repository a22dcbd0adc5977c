"""The bilingual error pages: each message written once (one template rendered under each
language), shown in the visitor's language, then in the other one with its own `lang`; the 500
and database-outage pages render without a single query."""

import re

import pytest

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from core.views import server_error
from infomie.reliability import database_unavailable_response

pytestmark = pytest.mark.django_db

HEADINGS = {
    "404.html": {"fr": "Page introuvable", "en": "Page not found"},
    "500.html": {"fr": "Une erreur est survenue", "en": "Something went wrong"},
    "database_unavailable.html": {
        "fr": "Momentanément indisponible",
        "en": "Temporarily unavailable",
    },
    "admin_locked_out.html": {
        "fr": "Trop de tentatives de connexion échouées",
        "en": "Too many failed sign-in attempts",
    },
}


def render(template_name, lang, **context):
    request = RequestFactory().get(f"/{lang}/")
    with translation.override(lang):
        return render_to_string(template_name, {"minutes": 15, **context}, request=request)


@pytest.mark.parametrize("template_name", sorted(HEADINGS))
@pytest.mark.parametrize(("lang", "other"), [("fr", "en"), ("en", "fr")])
def test_each_error_page_says_it_in_both_languages(site_tree, template_name, lang, other):
    html = render(template_name, lang)
    headings = HEADINGS[template_name]
    assert f'<html lang="{lang}">' in html
    body = html.split("<main", 1)[1]
    block = re.search(
        r'<div class="other-language"><div lang="(\w+)">(.*?)</div></div>', body, re.S
    )
    assert block and block.group(1) == other
    first, second = body.split(block.group(0))[0], block.group(2)
    assert f"<h1>{headings[lang]}</h1>" in first and headings[other] not in first
    assert f"<h2>{headings[other]}</h2>" in second and headings[lang] not in second
    # The home link of each block leads to the home page in that block's language.
    if template_name in ("404.html", "500.html"):
        assert f'<a href="/{other}/">' in block.group(2)
        assert f'<a href="/{lang}/">' in first


def test_the_lockout_page_says_how_long_in_both_languages():
    html = render("admin_locked_out.html", "fr", minutes=42)
    assert html.count("42") == 2


def test_the_404_page_links_the_news_in_each_language(news_index):
    html = render("404.html", "fr")
    assert f'href="{news_index.get_url_in("fr")}"' in html
    assert f'href="{news_index.get_url_in("en")}"' in html


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_500_and_outage_pages_need_no_database(django_assert_num_queries, lang):
    with translation.override(lang), django_assert_num_queries(0):
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            response = server_error(RequestFactory().get(f"/{lang}/"))
        outage = database_unavailable_response()
    assert response.status_code == 500 and outage.status_code == 503
    for html in (response.content.decode(), outage.content.decode()):
        assert f'<html lang="{lang}">' in html and "<script" not in html and "style=" not in html
