"""Editors and moderators with the guides: where pages may go, the edit form (which never moves
the review date), the moderators' list of guides to review and its button, the dashboard."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from editorial.roles import MODERATORS, WRITERS
from guides.factories import GuidePageFactory, GuideSectionPageFactory
from guides.models import GuideIndexPage, GuidePage, GuideSectionPage
from home.site_tree import ensure_guides_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def writer(make_user):
    return make_user("redactrice", WRITERS)


@pytest.fixture
def moderator(make_user):
    return make_user("coordinatrice", MODERATORS)


@pytest.fixture
def guides_index(home_page):
    return ensure_guides_section(home_page)


def dated_guide(index, title, last_reviewed, interval=12):
    guide = GuidePageFactory(parent=index, title_fr=title, review_interval=interval)
    guide.save_revision().publish()
    GuidePage.objects.filter(pk=guide.pk).update(last_reviewed=last_reviewed)
    guide = GuidePage.objects.get(pk=guide.pk)
    guide.save()  # recomputes the due date from the review date
    return guide


def guide_form_data(**overrides):
    data = {
        "title_fr": "Placement et protection de l’enfance",
        "title_en": "Placement and child protection",
        "slug_fr": "placement-et-protection",  # as the editor's browser fills it in
        "slug_en": "placement-and-protection",
        "lead_fr": "Qui accueille un mineur « isolé », et sur quelle décision.",
        "lead_en": "Who takes in an unaccompanied minor, and on whose decision.",
        "body_fr": streamfield([("paragraph", rich_text("<p>Texte français.</p>"))]),
        "body_en": streamfield([("paragraph", rich_text("<p>English text.</p>"))]),
        "see_also": streamfield([]),
        "review_interval": "12",
        "seo_title_fr": "",
        "seo_title_en": "",
        "search_description_fr": "",
        "search_description_en": "",
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
    }
    data.update(overrides)
    return nested_form_data(data)


def test_where_guide_pages_go(home_page, guides_index):
    guide = GuidePageFactory(parent=guides_index)
    chapter = GuideSectionPageFactory(parent=guide)
    assert GuideIndexPage.can_create_at(home_page) is False  # there is one already
    assert GuidePage.can_create_at(guides_index)
    assert not GuidePage.can_create_at(home_page)
    assert not GuidePage.can_create_at(guide)
    assert GuideSectionPage.can_create_at(guide)
    assert GuideSectionPage.can_create_at(chapter)
    assert not GuideSectionPage.can_create_at(guides_index)


def test_moderator_creates_a_guide_in_french(client, moderator, guides_index):
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:add", args=("guides", "guidepage", guides_index.pk))
    response = client.post(url, {**guide_form_data(), "action-publish": "action-publish"})
    assert response.status_code == 302, _errors(response)
    guide = GuidePage.objects.get(title_fr="Placement et protection de l’enfance")
    assert guide.live
    assert guide.last_reviewed == timezone.localdate()
    assert guide.review_due == guide.last_reviewed.replace(year=guide.last_reviewed.year + 1)


def test_editing_in_the_admin_keeps_the_review_date(client, moderator, guides_index):
    guide = dated_guide(guides_index, "Minorité et état civil", datetime.date(2024, 3, 1))
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:edit", args=(guide.pk,))
    data = guide_form_data(
        title_fr="Minorité et état civil", slug_fr=guide.slug_fr, lead_fr="Chapeau réécrit."
    )
    response = client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302, _errors(response)
    guide.refresh_from_db()
    assert guide.lead_fr == "Chapeau réécrit."
    assert guide.last_reviewed == datetime.date(2024, 3, 1)
    assert guide.review_due == datetime.date(2025, 3, 1)
    form = client.get(url).content.decode()
    assert 'name="last_reviewed"' not in form and 'name="review_due"' not in form
    assert "Relu le 01/03/2024" in form and "Prochaine relecture prévue le 01/03/2025" in form


def test_moderators_list_the_guides_to_review_oldest_first(client, moderator, guides_index):
    today = timezone.localdate()
    dated_guide(guides_index, "Dossier récent", today)
    late = dated_guide(guides_index, "Dossier en retard", today - datetime.timedelta(days=400))
    later = dated_guide(
        guides_index, "Dossier très en retard", today - datetime.timedelta(days=900)
    )
    client.force_login(moderator)
    html = client.get(reverse("guides_to_review")).content.decode()
    assert "Dossier récent" not in html
    assert html.index("Dossier très en retard") < html.index("Dossier en retard")
    assert "Relu, toujours exact" in html and "en retard" in html

    response = client.post(reverse("guides_mark_reviewed", args=(later.pk,)), follow=True)
    assert "est marqué comme relu aujourd’hui" in response.content.decode()
    later.refresh_from_db()
    assert later.last_reviewed == today
    assert later.revisions.count() == 1  # none made by the review
    entry = PageLogEntry.objects.filter(page=later, action="guides.reviewed").get()
    assert entry.user == moderator
    html = client.get(reverse("guides_to_review")).content.decode()
    assert "Dossier très en retard" not in html and "Dossier en retard" in html
    assert late.pk


def test_writers_cannot_mark_a_guide_reviewed(client, writer, guides_index):
    guide = dated_guide(guides_index, "Dossier en retard", datetime.date(2020, 1, 1))
    client.force_login(writer)
    assert client.get(reverse("guides_to_review")).status_code in (302, 403)
    assert client.post(reverse("guides_mark_reviewed", args=(guide.pk,))).status_code in (302, 403)
    guide.refresh_from_db()
    assert guide.last_reviewed == datetime.date(2020, 1, 1)
    assert client.get(reverse("guides_mark_reviewed", args=(guide.pk,))).status_code == 405
    assert "Dossiers à relire" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_shows_the_guides_due(client, moderator, guides_index):
    dated_guide(guides_index, "Minorité et état civil", datetime.date(2023, 1, 31))
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Dossiers à relire" in html
    assert "Minorité et état civil</a> — à relire le 31/01/2024" in html


def _errors(response):
    form = response.context and response.context.get("form")
    return form.errors if form is not None else response.status_code


def section_form_data(**overrides):
    fields = {
        "title_fr": "Les recours « en urgence »",
        "title_en": "Urgent remedies",
        "slug_fr": "les-recours-en-urgence",
        "slug_en": "urgent-remedies",
    }
    data = guide_form_data(**{**fields, **overrides})
    del data["review_interval"]
    return data


@pytest.mark.parametrize("mode", ["fr", "en"])
def test_preview_of_a_new_section_shows_its_guide(client, moderator, guides_index, mode):
    guide = GuidePageFactory(parent=guides_index, title_fr="Minorité et état civil")
    chapter = GuideSectionPageFactory(parent=guide, title_fr="Détermination de la minorité")
    for page in (guide, chapter):
        page.save_revision().publish()
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("guides", "guidesectionpage", chapter.pk)
    )
    assert client.post(url, section_form_data()).json()["is_valid"]
    response = client.get(url, {"mode": mode})
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Les recours « en urgence »" if mode == "fr" else "Urgent remedies") in html
    assert 'class="guide__toc"' in html  # the guide's table of contents
    assert chapter.title_fr in html or chapter.title_en in html


def test_preview_of_an_edited_section(client, moderator, guides_index):
    guide = GuidePageFactory(parent=guides_index)
    section = GuideSectionPageFactory(parent=guide)
    for page in (guide, section):
        page.save_revision().publish()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(section.pk,))
    data = section_form_data(slug_fr=section.slug_fr)
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url, {"mode": "fr"})
    assert response.status_code == 200
    assert 'aria-current="page">Les recours « en urgence »</a>' in response.content.decode()


def test_a_section_cannot_take_the_printable_versions_address(client, moderator, guides_index):
    guide = GuidePageFactory(parent=guides_index)
    guide.save_revision().publish()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:add", args=("guides", "guidesectionpage", guide.pk))
    data = section_form_data(slug_fr="print")
    response = client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert "réservée à la version imprimable" in str(_errors(response)["slug_fr"])
