"""The two editorial roles and the review workflow.

- **Rédacteurs** (writers, Wagtail's "Editors" renamed): create and edit articles and themes,
  save drafts, submit for review. They cannot publish, unpublish, switch a notice on or edit
  the site settings.
- **Modérateurs** (moderators, Wagtail's "Moderators" renamed): everything writers do, plus
  publish and unpublish, approve or reject submissions, manage notices, site settings, redirects
  and user accounts.

The data migration `editorial.0001` renames Wagtail's default groups and applies this. After
every `migrate`, `grant_after_migrate` grants what is listed here again (it never removes a
permission an administrator added), including the permissions of apps and site settings that
appeared since: the notices app and the settings models are picked up when they exist.
"""

from django.apps import apps as global_apps
from django.utils.translation import gettext_lazy as _

WRITERS = "Rédacteurs"
MODERATORS = "Modérateurs"
# What each group may do, in the words the coordinator uses: shown where accounts get their
# groups and in the groups listing (editorial/accounts.py). Django's Group has no description.
DESCRIPTIONS = {
    WRITERS: _(
        "Volunteers: write and edit articles and themes, add images and documents, save "
        "drafts and submit them for review. They cannot publish."
    ),
    MODERATORS: _(
        "The coordinator: everything writers do, plus publish and unpublish, approve or send "
        "back submissions, manage notices, site settings, redirects and user accounts."
    ),
}
# Wagtail's migrations create these two; ours renames them (one pair of groups, not four).
WAGTAIL_NAMES = {WRITERS: "Editors", MODERATORS: "Moderators"}

WORKFLOW_NAME = "Relecture avant publication"
TASK_NAME = "Validation par un modérateur"

# (app label, model name, codenames)
WRITER_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", ["access_admin"]),
    ("articles", "theme", ["add_theme", "change_theme", "view_theme"]),
]
MODERATOR_MODEL_PERMISSIONS = WRITER_MODEL_PERMISSIONS + [
    ("articles", "theme", ["delete_theme"]),
    ("guides", "guidepage", ["review_guide"]),
    ("auth", "user", ["add_user", "change_user", "delete_user", "view_user"]),
    (
        "wagtailredirects",
        "redirect",
        ["add_redirect", "change_redirect", "delete_redirect", "view_redirect"],
    ),
]
# Every permission of these apps goes to moderators, when the app is installed.
MODERATOR_APPS = ["notices"]

# On the root page, so that they cover the news section and everything added later.
WRITER_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
# On the root collection (images and documents used in articles).
WRITER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]
MODERATOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image", "delete_image"]),
    (
        "wagtaildocs",
        "document",
        ["add_document", "change_document", "choose_document", "delete_document"],
    ),
]


def rename_wagtail_groups(apps):
    """Editors → Rédacteurs, Moderators → Modérateurs, keeping their members and permissions."""
    Group = apps.get_model("auth", "Group")
    for name, wagtail_name in WAGTAIL_NAMES.items():
        if Group.objects.filter(name=name).exists():
            continue
        Group.objects.filter(name=wagtail_name).update(name=name)


def apply_roles(apps=global_apps):
    """Make sure both groups, their permissions and the review workflow exist. Idempotent;
    works with the historical models of a migration and with the real ones."""
    Group = apps.get_model("auth", "Group")
    writers, _ = Group.objects.get_or_create(name=WRITERS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)

    writers.permissions.add(*_permissions(apps, WRITER_MODEL_PERMISSIONS))
    moderators.permissions.add(*_permissions(apps, MODERATOR_MODEL_PERMISSIONS))

    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        _grant_page_permissions(apps, writers, root, WRITER_PAGE_PERMISSIONS)
        _grant_page_permissions(apps, moderators, root, MODERATOR_PAGE_PERMISSIONS)
        _ensure_workflow(apps, moderators, root)

    Collection = apps.get_model("wagtailcore", "Collection")
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        _grant_collection_permissions(apps, writers, root_collection, WRITER_COLLECTION_PERMISSIONS)
        _grant_collection_permissions(
            apps, moderators, root_collection, MODERATOR_COLLECTION_PERMISSIONS
        )
    return writers, moderators


def grant_after_migrate(sender, using="default", **kwargs):
    """post_migrate: the groups' model permissions, plus notices and site settings once their
    models exist. Page and workflow rights come from the data migration: at post_migrate time
    wagtail-modeltranslation has not yet added the Page translation columns, so pages cannot be
    queried with the real models."""
    Group = global_apps.get_model("auth", "Group")
    writers, _ = Group.objects.get_or_create(name=WRITERS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    writers.permissions.add(*_permissions(global_apps, WRITER_MODEL_PERMISSIONS))
    moderators.permissions.add(*_permissions(global_apps, MODERATOR_MODEL_PERMISSIONS))
    moderators.permissions.add(*runtime_moderator_permissions())


def runtime_moderator_permissions():
    """Every permission on the notices app's models and on the site settings models
    (wagtail.contrib.settings), looked up among the installed models at run time."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    models = []
    for label in MODERATOR_APPS:
        if global_apps.is_installed(label):
            models.extend(global_apps.get_app_config(label).get_models())
    models.extend(
        model
        for model in global_apps.get_models()
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting)) and model not in models
    )
    permissions = []
    for model in models:
        opts = model._meta
        codenames = [f"{action}_{opts.model_name}" for action in opts.default_permissions]
        codenames += [codename for codename, _name in opts.permissions]
        permissions += _permissions(global_apps, [(opts.app_label, opts.model_name, codenames)])
    return permissions


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return content_type


def _permissions(apps, spec):
    """The Permission rows for `spec`, created when missing: on a fresh database they only
    appear after the last migration (as Wagtail's own migrations do)."""
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for app_label, model, codenames in spec:
        content_type = _content_type(apps, app_label, model)
        for codename in codenames:
            action = codename.split("_", 1)[0]
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {action} {model}"},
            )
            permissions.append(permission)
    return permissions


def _grant_page_permissions(apps, group, page, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in _permissions(apps, [("wagtailcore", "page", codenames)]):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection_permissions(apps, group, collection, spec):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for permission in _permissions(apps, spec):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def _ensure_workflow(apps, moderators, root):
    """One workflow, one task: writers' submissions go to the moderators. Wagtail's migrations
    made "Moderators approval" (task and workflow) on the root page: it is renamed, not doubled."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = (
        GroupApprovalTask.objects.filter(name__in=[TASK_NAME, "Moderators approval"])
        .order_by("pk")
        .first()
    )
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME,
            active=True,
            content_type=_content_type(apps, "wagtailcore", "groupapprovaltask"),
        )
    elif task.name != TASK_NAME:
        task.name = TASK_NAME
        task.save(update_fields=["name"])
    task.groups.add(moderators)

    workflow_page = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if workflow_page is not None:
        workflow = workflow_page.workflow
    else:
        workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first() or Workflow.objects.create(
            name=WORKFLOW_NAME, active=True
        )
        WorkflowPage.objects.create(workflow=workflow, page=root)
    if workflow.name in (WORKFLOW_NAME, "Moderators approval"):
        if workflow.name != WORKFLOW_NAME:
            workflow.name = WORKFLOW_NAME
            workflow.save(update_fields=["name"])
        if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow
