"""The errors services raise: one class for a refusal, and its kind for a stale edit.

A service that refuses raises :class:`DomainError` with a translated message for the person. It is a
:class:`~django.core.exceptions.ValidationError`, so it takes the same shapes:

- one message: the refusal is about the object's state (no form input can mend it), and a view says it on
  the object's page (:func:`portal.lib.views.refuse_or_show`);
- a dict of field → message: it is about the form's input, and goes next to those fields
  (:func:`portal.lib.views.show_errors`).

Views show ``str(error)`` or put the error on their form; they never look inside it for a code.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class DomainError(ValidationError):
    """A service refuses; the message (translated) is for the person."""

    def __str__(self):
        return " ".join(self.messages)


def validated(instance, *, exclude=(), validate_constraints=True) -> None:
    """``instance.full_clean()``, raising a :class:`DomainError` (field by field) instead of Django's error.

    ``exclude``: fields the service checks or sets itself (or that are not there yet, such as a file before
    it is stored)."""
    try:
        instance.full_clean(exclude=list(exclude), validate_constraints=validate_constraints)
    except ValidationError as error:
        raise DomainError(error.error_dict if hasattr(error, "error_dict") else error.messages) from None


class StaleEditError(DomainError):
    """Someone else saved the record after the form was opened: nothing was saved.

    ``current_version`` is the saved version (the record's ``updated_at``): the view puts it into the
    form, so that saving again deliberately replaces what the other person saved.
    """

    def __init__(self, message, *, current_version=None):
        super().__init__(message)
        self.current_version = current_version


STALE_EDIT = _(
    "Someone else saved this while you were editing it. Your changes have not been saved: they are still in "
    "the form below. Open the page in another tab to see the saved version, then save again to replace it."
)


def check_version(locked, version, message=STALE_EDIT) -> None:
    """Refuse a save from a form opened before the last save: ``locked`` is the row as locked for the write,
    ``version`` the ``updated_at`` the form carried (None: not from a versioned form, nothing to compare)."""
    if version is not None and locked.updated_at != version:
        raise StaleEditError(message, current_version=locked.updated_at)
