"""Rédacteurs write and submit, Modérateurs publish: the groups, their permissions and the
review workflow (submit → approve → live)."""

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowState

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage, Theme
from editorial import roles
from editorial.roles import MODERATORS, WRITERS

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db


def form_data(theme, **overrides):
    data = article_form_data(**overrides)
    data["themes"] = [theme.pk]
    return data


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


def test_one_pair_of_groups_made_from_wagtails():
    names = set(Group.objects.values_list("name", flat=True))
    assert {WRITERS, MODERATORS} <= names
    assert not names & {"Editors", "Moderators"}


def test_the_migration_renames_wagtails_groups_keeping_their_members(django_user_model):
    """What editorial.0001 does on a site that already has Wagtail's groups and members."""
    Group.objects.filter(name__in=[WRITERS, MODERATORS]).delete()
    editors = Group.objects.create(name="Editors")
    moderators = Group.objects.create(name="Moderators")
    volunteer = django_user_model.objects.create_user("benevole")
    volunteer.groups.add(editors)
    coordinator = django_user_model.objects.create_user("coordination")
    coordinator.groups.add(moderators)

    roles.rename_wagtail_groups(apps)
    roles.apply_roles(apps)

    assert set(Group.objects.values_list("name", flat=True)) == {WRITERS, MODERATORS}
    assert list(volunteer.groups.values_list("name", flat=True)) == [WRITERS]
    assert list(coordinator.groups.values_list("name", flat=True)) == [MODERATORS]
    assert Group.objects.get(name=WRITERS).pk == editors.pk


def test_rerunning_the_setup_adds_nothing():
    before = (Group.objects.count(), Workflow.objects.count(), Permission.objects.count())
    roles.apply_roles()
    roles.grant_after_migrate(sender=None)
    after = (Group.objects.count(), Workflow.objects.count(), Permission.objects.count())
    assert after == before


def test_the_news_section_goes_through_the_moderators(news_index):
    article = ArticlePageFactory(parent=news_index)
    workflow = article.get_workflow()
    assert workflow is not None and workflow.name == roles.WORKFLOW_NAME
    assert news_index.get_workflow() == workflow
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == [roles.TASK_NAME]
    assert list(tasks[0].groups.values_list("name", flat=True)) == [MODERATORS]


def test_writer_can_write_but_not_publish(writer, news_index):
    article = ArticlePageFactory(parent=news_index)
    perms = article.permissions_for_user(writer)
    assert perms.can_edit()
    assert not perms.can_publish()
    assert not perms.can_unpublish()
    assert news_index.permissions_for_user(writer).can_add_subpage()
    assert writer.has_perm("wagtailadmin.access_admin")
    assert writer.has_perm("articles.add_theme") and writer.has_perm("articles.change_theme")
    assert not writer.has_perm("articles.delete_theme")
    assert not writer.has_perm("auth.change_user")


def test_moderator_can_publish_and_manage_users(moderator, news_index):
    article = ArticlePageFactory(parent=news_index)
    perms = article.permissions_for_user(moderator)
    assert perms.can_publish() and perms.can_unpublish()
    assert moderator.has_perm("auth.add_user") and moderator.has_perm("auth.change_user")
    assert moderator.has_perm("articles.delete_theme")
    assert moderator.has_perm("wagtailredirects.add_redirect")


def test_writer_publish_button_does_not_publish(client, writer, news_index):
    client.force_login(writer)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", news_index.pk))
    response = client.post(url, form_data(ThemeFactory(), **{"action-publish": "publish"}))
    assert response.status_code == 302
    article = ArticlePage.objects.get(title_fr="Des enfants disparus des foyers")
    assert not article.live


def test_writer_cannot_unpublish(client, writer, news_index):
    article = ArticlePageFactory(parent=news_index)
    client.force_login(writer)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,)))
    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=article.pk).live


def test_writer_can_add_a_theme_in_the_admin(client, writer):
    client.force_login(writer)
    response = client.post(
        reverse("wagtailsnippets_articles_theme:add"),
        {
            "name_fr": "Scolarisation",
            "name_en": "Schooling",
            "slug_fr": "",
            "slug_en": "",
            "description_fr": "",
            "description_en": "",
        },
    )
    assert response.status_code == 302
    assert Theme.objects.filter(name_fr="Scolarisation").exists()


def test_submit_approve_live(client, writer, moderator, news_index):
    theme = ThemeFactory()
    client.force_login(writer)
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", news_index.pk))
    # The admin's JavaScript fills the slugs from the titles; here we send them.
    data = form_data(
        theme, slug_fr="des-enfants-disparus", slug_en="children-missing", **{"action-submit": "1"}
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(title_fr="Des enfants disparus des foyers")
    assert not article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == writer

    # The writer cannot approve their own submission.
    task_state = state.current_task_state
    action_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)
    )
    client.post(action_url, {"comment": ""})
    article.refresh_from_db()
    assert not article.live

    client.force_login(moderator)
    response = client.post(action_url, {"comment": "Parfait"})
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    state.refresh_from_db()
    assert article.live
    assert state.status == WorkflowState.STATUS_APPROVED
    assert article.title_en == "Children missing from care homes"
    assert client.get(article.get_url_in("en")).status_code == 200


def test_moderator_rejection_sends_it_back(client, writer, moderator, news_index):
    article = ArticlePageFactory(parent=news_index, live=False)
    article.save_revision(user=writer)
    workflow = article.get_workflow()
    state = workflow.start(article, writer)
    task_state = state.current_task_state
    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "reject", task_state.pk)),
        {"comment": "Il manque la source."},
    )
    state.refresh_from_db()
    article.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not article.live


# Notices (issue 3, the `notices` app) and the site settings (wagtail.contrib.settings models,
# in association/): these tests run whenever those models are installed.
def _settings_models():
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return [
        model
        for model in apps.get_models()
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting))
    ]


@pytest.mark.skipif(
    not apps.is_installed("notices"),
    reason="the notices app (issue 3) is not installed on this branch yet",
)
def test_only_moderators_can_switch_a_notice_on(writer, moderator):
    models = list(apps.get_app_config("notices").get_models())
    assert models
    for model in models:
        opts = model._meta
        change = f"{opts.app_label}.change_{opts.model_name}"
        add = f"{opts.app_label}.add_{opts.model_name}"
        assert moderator.has_perm(change) and moderator.has_perm(add)
        assert not writer.has_perm(change) and not writer.has_perm(add)


@pytest.mark.skipif(
    not _settings_models(),
    reason="no site settings model (issue 3, association/) is installed on this branch yet",
)
def test_only_moderators_can_edit_the_site_settings(writer, moderator):
    for model in _settings_models():
        opts = model._meta
        change = f"{opts.app_label}.change_{opts.model_name}"
        assert moderator.has_perm(change)
        assert not writer.has_perm(change)
