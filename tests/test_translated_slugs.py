"""A slug is free in each language when no sibling answers to it there; checked by the
database, not by loading every sibling (core/translated_slugs.py)."""

import pytest

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models.signals import post_init
from django.urls import reverse

from wagtail.models import Page

from articles.factories import ArticlePageFactory
from core.models import BasePage

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db


def published(parent, **fields):
    page = ArticlePageFactory(parent=parent, **fields)
    page.save_revision().publish()
    return page


def test_no_page_model_keeps_the_sibling_scans():
    """Fails when wagtail-modeltranslation changes how it wraps clean() or the page form:
    core/translated_slugs.py must then be looked at again."""
    page_models = [Page] + [model for model in apps.get_models() if issubclass(model, BasePage)]
    assert len(page_models) > 5
    for model in page_models:
        assert "_patch_clean" not in model.clean.__qualname__, model
        assert model.base_form_class.__name__ != "WagtailFixedAdminPageForm", model


def test_a_slug_taken_in_english_is_refused_on_the_english_field(news_index):
    published(news_index, title_fr="Été 2026 : « rentrée »", title_en="Back to school")
    other = published(news_index, title_fr="Les mineurs à Mayotte", title_en="Minors in Mayotte")
    other.slug_en = "back-to-school"
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert refused.value.message_dict == {"slug_en": ["Ce slug est déjà utilisé"]}
    other.slug_en = "minors-in-mayotte"
    other.full_clean()


def test_a_page_without_an_english_slug_answers_to_its_french_one(news_index):
    # Its English address is its French slug: another page cannot take it in English.
    published(news_index, title_fr="Protection de l'enfance", title_en="", slug_en="")
    other = published(news_index, title_fr="Autre titre", title_en="Another title")
    other.slug_en = "protection-de-lenfance"
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert "slug_en" in refused.value.message_dict


def pages_built(callable_):
    """How many page objects `callable_` builds from the database."""
    built = []

    def count(sender, instance, **kwargs):
        if isinstance(instance, Page):
            built.append(instance)

    post_init.connect(count)
    try:
        callable_()
    finally:
        post_init.disconnect(count)
    return len(built)


def test_checking_a_slug_builds_no_sibling(news_index):
    page = published(news_index, title_fr="Document « unique »", title_en="Unique")
    for number in range(1, 21):
        published(news_index, title_fr=f"Voisin {number}", title_en=f"Neighbour {number}")
    page.refresh_from_db()
    # Its parent, at most: wagtail-modeltranslation's check built every sibling, per language.
    assert pages_built(page.full_clean) <= 2


def test_the_admin_form_says_which_slug_is_taken_in_french(admin_client, news_index):
    published(news_index, title_fr="Un premier article", title_en="A first article")
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", news_index.pk))
    data = article_form_data(
        title_fr="Un autre article", title_en="Another article", slug_en="a-first-article"
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, nothing created
    form = response.context["form"]
    assert form.errors["slug_en"] == ["Ce slug est déjà utilisé"]
    assert not Page.objects.filter(title_fr="Un autre article").exists()
