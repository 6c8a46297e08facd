"""What every domain's views share: fetching an object for an action, going back to it, saying a refusal,
putting a service's refusal on a form, and answering an htmx request with the page's region alone."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.html import format_html

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


# The status of the region sent back with its form's errors or a refusal in it: base.html's htmx-config swaps
# it in like a success, while any other 4xx and 5xx leaves the page as it is (static/js/inline-outcome.js).
REFUSED = 422


def render_partial(
    request, template: str, partial: str, context: dict, *, status_id: str = "", message: str = "", status=200
):
    """The region of a page alone, for an htmx request: the partial ``template#partial`` (a ``{% partialdef %}``
    of the page's template) rendered with ``context``. ``message`` goes into the page's live region
    ``status_id`` (an element with ``role="status"`` that stays in the page, outside the region) as an
    out-of-band swap, so that screen readers say it. The ``<template>`` around it keeps it parseable after a
    table row. ``status``: :data:`REFUSED` when the region shows why the action was not done."""
    response = render(request, f"{template}#{partial}", context, status=status)
    if status_id and message:
        response.write(
            format_html('<template><div id="{}" data-hx-swap-oob="innerHTML">{}</div></template>', status_id, message)
        )
    return response


def render_partial_or_redirect(
    request, template: str, partial: str, context, redirect_to, *, status_id: str = "", message: str = ""
):
    """After a successful POST: for htmx the page's region again (:func:`render_partial`, ``message`` in its
    live region); without JavaScript ``message`` as a success message and a redirect to ``redirect_to`` (what
    :func:`django.shortcuts.redirect` takes). ``context`` may be a function that makes it: it is then called
    (and its queries run) only for htmx."""
    if request.htmx:
        context = context() if callable(context) else context
        return render_partial(request, template, partial, context, status_id=status_id, message=message)
    if message:
        messages.success(request, message)
    return redirect(redirect_to)
