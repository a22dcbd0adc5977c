"""Submitting many pages for review at once (an import whose rows say "in review"), as
`Workflow.start` does page by page: a workflow state, the task state of its first task, the
signals Wagtail sends (its notifications listen to them) and the "workflow started" history
entry. Page by page that is about fifteen queries a page; here a few for all of them."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import (
    GroupApprovalTask,
    Page,
    PageLogEntry,
    TaskState,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.signals import task_submitted, workflow_submitted

from .page_imports import in_review

BATCH = 500


def workflows_of(pages):
    """{page pk: the active workflow Page.get_workflow gives it, or None}: the page's own
    assignment, else its nearest ancestor's."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return dict.fromkeys((page.pk for page in pages), None)
    paths = {
        page.path[: depth * Page.steplen] for page in pages for depth in range(1, page.depth + 1)
    }
    assigned = {
        wp.page.path: wp.workflow
        for wp in WorkflowPage.objects.filter(
            page__path__in=paths, workflow__active=True
        ).select_related("page", "workflow")
    }
    found = {}
    for page in pages:
        found[page.pk] = next(
            (
                assigned[page.path[: depth * Page.steplen]]
                for depth in range(page.depth, 0, -1)
                if page.path[: depth * Page.steplen] in assigned
            ),
            None,
        )
    return found


def start_workflows(pages, user):
    """Submits each of `pages` (saved, specific, each with its latest revision) to its
    workflow, unless it has none or one is already in progress."""
    if not pages:
        return
    busy = in_review(pages)
    workflows = workflows_of(pages)
    pages = [page for page in pages if page.pk not in busy and workflows[page.pk] is not None]
    first_tasks = {}
    for link in (
        WorkflowTask.objects.filter(
            workflow__in={workflows[page.pk].pk for page in pages}, task__active=True
        )
        .select_related("task")
        .order_by("workflow_id", "sort_order")
    ):
        first_tasks.setdefault(link.workflow_id, link.task.specific)
    # What this does not reproduce goes through Wagtail's own start, page by page: a page
    # someone has locked (a group approval may unlock it), a task of another kind.
    plain = {
        workflow_id
        for workflow_id, task in first_tasks.items()
        if type(task) in (GroupApprovalTask,) and task.get_task_state_class() is TaskState
    }
    one_by_one = [
        page
        for page in pages
        if getattr(page, "locked", False)
        # Not plain, or with no active task: Wagtail's start (which then finishes it at once).
        or workflows[page.pk].pk not in plain
    ]
    for page in one_by_one:
        workflows[page.pk].start(page, user)
    started = {page.pk for page in one_by_one}
    pages = [page for page in pages if page.pk not in started]
    if not pages:
        return
    base_type = ContentType.objects.get_for_model(Page)
    states = WorkflowState.objects.bulk_create(
        [
            WorkflowState(
                content_type=ContentType.objects.get_for_model(page),
                base_content_type=base_type,
                object_id=str(page.pk),
                workflow=workflows[page.pk],
                status=WorkflowState.STATUS_IN_PROGRESS,
                requested_by=user,
            )
            for page in pages
        ],
        batch_size=BATCH,
    )
    with_task = [
        (page, state)
        for page, state in zip(pages, states, strict=True)
        if state.workflow_id in first_tasks
    ]
    task_states = TaskState.objects.bulk_create(
        [
            TaskState(
                workflow_state=state,
                status=TaskState.STATUS_IN_PROGRESS,
                revision_id=page.latest_revision_id,
                task=first_tasks[state.workflow_id],
            )
            for page, state in with_task
        ],
        batch_size=BATCH,
    )
    for (_page, state), task_state in zip(with_task, task_states, strict=True):
        state.current_task_state = task_state
    WorkflowState.objects.bulk_update(
        [state for _page, state in with_task], ["current_task_state"], batch_size=BATCH
    )
    for (_page, _state), task_state in zip(with_task, task_states, strict=True):
        task_submitted.send(sender=type(task_state), instance=task_state, user=user)
    entries, now = [], timezone.now()
    for page, state in zip(pages, states, strict=True):
        task_state = state.current_task_state if state.current_task_state_id else None
        workflow_submitted.send(sender=WorkflowState, instance=state, user=user)
        entries.append(
            PageLogEntry(
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=page.get_admin_display_title(),
                action="wagtail.workflow.start",
                data={
                    "workflow": {
                        "id": state.workflow_id,
                        "title": state.workflow.name,
                        "status": state.status,
                        "next": {"id": task_state.task.id, "title": task_state.task.name}
                        if task_state
                        else None,
                        "task_state_id": task_state.id if task_state else None,
                    }
                },
                revision_id=page.latest_revision_id,
                user=user,
                page_id=page.pk,
                timestamp=now,
            )
        )
    PageLogEntry.objects.bulk_create(entries, batch_size=BATCH)
