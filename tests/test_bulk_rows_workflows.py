"""The two bulk helpers of core/ against what they stand for: `update_rows` leaves the rows
Django's `bulk_update` leaves (NULLs, dates, JSON, a parent table's columns), and
`start_workflows` the workflow state, task state and history Wagtail's `Workflow.start`
records, so that an upgrade of Wagtail that changes them fails here."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision, Task, TaskState, WorkflowState

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from core.bulk_rows import update_rows
from core.workflows import start_workflows, workflows_of
from editorial import roles

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2014, 3, 9, 8, 30, tzinfo=datetime.UTC)


def test_update_rows_writes_what_bulk_update_writes(news_index):
    ours = [ArticlePageFactory(parent=news_index, title_fr=f"Été {n}") for n in range(3)]
    theirs = [ArticlePageFactory(parent=news_index, title_fr=f"Hiver {n}") for n in range(3)]
    for pages in (ours, theirs):
        pages[0].first_published_at, pages[0].source_url_en = WHEN, None
        pages[0].lead_fr = pages[2].lead_fr = "Le même chapô"
        pages[1].first_published_at, pages[1].lead_fr = None, "« Chapô » réécrit, l’été"
        pages[2].first_published_at = WHEN + datetime.timedelta(days=1)
    update_rows(ArticlePage, ours, ["first_published_at"])  # a column of Page's table
    update_rows(ArticlePage, ours, ["lead_fr", "source_url_en"])
    ArticlePage.objects.bulk_update(theirs, ["first_published_at"])
    ArticlePage.objects.bulk_update(theirs, ["lead_fr", "source_url_en"])
    columns = ["first_published_at", "lead_fr", "source_url_en"]
    read = [ArticlePage.objects.values(*columns).get(pk=page.pk) for page in ours + theirs]
    assert read[:3] == read[3:]
    assert read[0]["first_published_at"] == WHEN and read[1]["first_published_at"] is None
    # JSON with accents and typographic quotes, there and back.
    revision = Revision.objects.get(pk=ours[0].save_revision().pk)
    revision.content = {"title": "« Été » l’an passé", "nothing": None, "n": [1, 2]}
    update_rows(Revision, [revision], ["content"])
    revision.refresh_from_db()
    assert revision.content == {"title": "« Été » l’an passé", "nothing": None, "n": [1, 2]}


def test_update_rows_refuses_columns_of_two_tables(news_index):
    page = ArticlePageFactory(parent=news_index)
    with pytest.raises(ValueError, match="one table"):
        update_rows(ArticlePage, [page], ["first_published_at", "lead_fr"])


def _states(page):
    state = WorkflowState.objects.get(object_id=str(page.pk))
    task_state = TaskState.objects.get(workflow_state=state)
    entry = PageLogEntry.objects.get(page=page, action="wagtail.workflow.start")
    data = entry.data["workflow"]
    return {
        "state": (
            state.content_type_id,
            state.base_content_type_id,
            state.workflow_id,
            state.status,
            state.requested_by_id,
            state.current_task_state_id == task_state.pk,
        ),
        "task_state": (
            task_state.content_type_id,
            task_state.status,
            task_state.task_id,
            task_state.revision_id == page.latest_revision_id,
        ),
        "log": (
            entry.content_type_id,
            entry.label == page.get_admin_display_title(),
            entry.revision_id == page.latest_revision_id,
            entry.user_id,
            data["id"],
            data["title"],
            data["status"],
            data["next"],
            data["task_state_id"] == task_state.pk,
        ),
    }


def _drafts(news_index, user, titles):
    """Articles with a revision by `user`, as an import leaves them before their workflow."""
    pages = []
    for title in titles:
        page = ArticlePageFactory(parent=news_index, title_fr=title)
        page.save_revision(user=user)
        pages.append(ArticlePage.objects.get(pk=page.pk))
    return pages


def test_start_workflows_records_what_workflow_start_records(news_index, django_user_model):
    roles.apply_roles()
    user = django_user_model.objects.create_user("rédactrice", password="pw")
    pages = _drafts(news_index, user, [f"« Mineurs » isolés, épisode {n}" for n in range(3)])
    workflow = workflows_of(pages)[pages[0].pk]
    assert workflow is not None and workflow == pages[0].get_workflow()
    workflow.start(pages[0], user)
    start_workflows(pages, user)  # the first is in progress already: left alone
    assert WorkflowState.objects.filter(object_id=str(pages[0].pk)).count() == 1
    wagtail_rows = _states(pages[0])
    for page in pages[1:]:
        assert page.workflow_in_progress
        assert _states(page) == wagtail_rows
    assert ContentType.objects.get_for_id(wagtail_rows["state"][0]).model_class() is ArticlePage
    assert Page.objects.get(pk=pages[1].pk).specific.current_workflow_task is not None
    assert timezone.now() - PageLogEntry.objects.latest("timestamp").timestamp < datetime.timedelta(
        minutes=5
    )


def test_a_workflow_without_an_active_task_ends_as_wagtail_ends_it(news_index, django_user_model):
    """The coordinator switched off the review task: Wagtail's own start finishes such a
    workflow at once, and publishes (an import is a moderator's). The bulk start must not
    leave the pages « en cours de relecture » forever (later imports would leave them alone)."""
    roles.apply_roles()
    user = django_user_model.objects.create_user("coordinatrice", password="pw")
    user.groups.add(Group.objects.get(name=roles.MODERATORS))
    pages = _drafts(news_index, user, [f"Évaluation « {n} »" for n in range(2)])
    workflow = workflows_of(pages)[pages[0].pk]
    Task.objects.filter(workflow_tasks__workflow=workflow).update(active=False)
    start_workflows(pages, user)
    for page in pages:
        assert not WorkflowState.objects.filter(
            object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
        ).exists()
        assert Page.objects.get(pk=page.pk).live
