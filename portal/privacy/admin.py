"""Erasing people in the Django admin: the admin's delete of a person is an erasure (the account is
anonymised, shared records stay), through a confirmation page that says what goes and what stays."""

from django.contrib import admin, messages
from django.contrib.admin import ActionLocation, helpers
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.lib.errors import DomainError
from portal.privacy import services

CONFIRMATION = "admin/portal/user/erase_confirmation.html"


class ErasureAdminMixin:
    """For the admin of people: "Erase" instead of delete, one person or several."""

    actions = ["erase_people"]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    def _erase(self, request, people) -> None:
        erased, refused = 0, []
        for person in people:
            try:
                services.account_erase(user=person, by=request.user)
            except DomainError as error:
                refused.append(f"{person}: {error}")
            else:
                erased += 1
        if erased:
            message = ngettext("%(count)d person erased.", "%(count)d people erased.", erased) % {"count": erased}
            self.message_user(request, message, messages.SUCCESS)
        for refusal in refused:
            self.message_user(request, refusal, messages.ERROR)

    def _confirmation(self, request, people, *, action=None):
        context = {
            **self.admin_site.each_context(request),
            "title": _("Erase people"),
            "opts": self.model._meta,
            "people": [(person, services.erasure_refusals(person)) for person in people],
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, CONFIRMATION, context)

    @admin.action(description=gettext_lazy("Erase the selected people"), permissions=["delete"])
    def erase_people(self, request, queryset):
        if request.POST.get("confirm") == "yes":
            self._erase(request, queryset)
            return None
        return self._confirmation(request, list(queryset), action="erase_people")

    def delete_view(self, request, object_id, extra_context=None):
        person = self.get_object(request, object_id)
        if person is None or not self.has_delete_permission(request, person):
            return super().delete_view(request, object_id, extra_context)
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            self._erase(request, [person])
            return HttpResponseRedirect(reverse("admin:portal_user_changelist"))
        return self._confirmation(request, [person])

    def delete_model(self, request, obj):
        services.account_erase(user=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for person in queryset:
            services.account_erase(user=person, by=request.user)
