"""What the views of one agreement share: fetching it for an action, going back to it, showing a service's refusal."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from partners.agreements.models import Agreement
from portal.access import get_for_user


def agreement_for(request, pk, action: str) -> Agreement:
    """The agreement ``pk``, if the person may do ``action`` on it (404 for outsiders, 403 otherwise)."""
    return get_for_user(request.user, Agreement.objects.select_related("network"), action=action, pk=pk)


def to_detail(agreement: Agreement):
    return redirect("agreements:agreement_detail", pk=agreement.pk)


def refuse(request, agreement: Agreement, error: ValidationError):
    """A refusal that no form input can mend (the agreement's state): said on the agreement's page."""
    messages.error(request, " ".join(error.messages))
    return to_detail(agreement)


def add_service_errors(form, error: ValidationError) -> None:
    """A service's refusal on the form: next to the field when the form has it, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
