"""What every domain's views share: fetching an object for an action, going back to it, saying a refusal,
and putting a service's refusal on a form."""

from django.contrib import messages
from django.shortcuts import redirect

from portal.access import get_for_user
from portal.lib.errors import StaleEditError


def object_for(request, queryset, action: str = "view", **lookup):
    """The object ``lookup`` finds in ``queryset`` if the person may do ``action`` on it: 404 for outsiders,
    403 for those who see it but may not (:func:`portal.access.get_for_user`)."""
    return get_for_user(request.user, queryset, action=action, **lookup)


def back_to(obj, anchor: str = ""):
    """A redirect to the object's page (``get_absolute_url``), at ``anchor`` (a section's id) when given."""
    url = obj.get_absolute_url()
    return redirect(f"{url}#{anchor}" if anchor else url)


def refuse(request, obj, error, anchor: str = ""):
    """A refusal no form input can mend (the object's state): said on the object's page."""
    messages.error(request, " ".join(error.messages))
    return back_to(obj, anchor)


def show_errors(form, error) -> None:
    """A service's refusal on the form: next to the field when the form has it, else above the form.

    A stale edit also moves the form's hidden ``version`` to the saved one, so that saving again
    deliberately replaces what the other person saved.
    """
    if isinstance(error, StaleEditError) and error.current_version is not None and "version" in form.fields:
        form.data = form.data.copy()
        form.data[form.add_prefix("version")] = error.current_version.isoformat()
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def refuse_or_show(request, form, obj, error, anchor: str = ""):
    """A refusal about the object's state (one message) is said on its page: returns that redirect. One about
    the form's fields goes on the form: returns None, and the view shows the form again, input kept."""
    if hasattr(error, "error_dict") or isinstance(error, StaleEditError):
        show_errors(form, error)
        return None
    return refuse(request, obj, error, anchor)
