"""Accounts as the coordinator manages them (Paramètres → Utilisateurs, Groupes): who is a
Rédacteur or a Modérateur, and what each group may do, in French.

Wired through Wagtail's public extension points: the users app's `user_viewset` and
`group_viewset` (editorial.apps.WagtailUsersConfig) and WAGTAILADMIN_USER_LOGIN_FORM."""

from django import forms
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.users.forms import GroupForm as WagtailGroupForm
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import groups, users

from .roles import DESCRIPTIONS


class LoginForm(WagtailLoginForm):
    """Wagtail's login form leaves the password's label to Django, which makes it from the
    field's name, untranslated ("Password")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


def describe(group):
    return DESCRIPTIONS.get(group.name, "")


class GroupChoiceField(forms.ModelMultipleChoiceField):
    """Each group's box says what its members may do."""

    def label_from_instance(self, group):
        description = describe(group)
        if not description:
            return group.name
        return format_html("<strong>{}</strong> : {}", group.name, description)


class GroupsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            field = self.fields["groups"]
            self.fields["groups"] = GroupChoiceField(
                queryset=field.queryset,
                required=field.required,
                widget=field.widget,
                label=field.label,
                help_text=_(
                    "Volunteers are Rédacteurs, the coordinator is a Modérateur. Administrators "
                    "need no group."
                ),
            )


class AccountCreationForm(GroupsMixin, UserCreationForm):
    pass


class AccountEditForm(GroupsMixin, UserEditForm):
    pass


class StatusColumn(Column):
    """Active or not, said in words (Wagtail's tick column reads "True" to screen readers)."""

    def get_value(self, instance):
        return _("Active") if instance.is_active else _("Deactivated")


def group_names(user):
    return ", ".join(group.name for group in user.groups.all())


class UserIndexView(users.IndexView):
    @cached_property
    def columns(self):
        columns = []
        for column in super().columns:
            if isinstance(column, BooleanColumn) and column.name == "is_active":
                column = StatusColumn(
                    "is_active",
                    label=column.label,
                    sort_key=column.sort_key,
                    classname=column.classname,
                    width=column.width,
                )
            columns.append(column)
            if column.name == "is_superuser":
                columns.append(
                    Column("groups", label=_("Groups"), accessor=group_names, width="20%")
                )
        return columns

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")


class UserViewSet(users.UserViewSet):
    index_view_class = UserIndexView

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


class GroupIndexView(groups.IndexView):
    columns = [
        *groups.IndexView.columns,
        Column("description", label=_("What members may do"), accessor=describe, width="65%"),
    ]


class GroupForm(WagtailGroupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and describe(self.instance):
            self.fields["name"].help_text = describe(self.instance)


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView

    def get_form_class(self, for_update=False):
        return GroupForm
