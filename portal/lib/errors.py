"""The errors services raise: one class for a refusal, one for a stale edit.

A service that refuses raises :class:`DomainError` with a translated message for the person; with
``field`` it names the form field the message belongs to. Views show ``str(error)`` (or put the error on
their form with :func:`portal.lib.views.show_errors`) and never look inside it for a code.
"""

from django.core.exceptions import ValidationError

NON_FIELD = None


class DomainError(Exception):
    """A service refuses; the message (translated) is for the person, the field (if any) for the form."""

    def __init__(self, message="", *, field: str | None = NON_FIELD, errors: dict | None = None):
        self.errors: dict[str | None, list[str]] = errors if errors is not None else {field: [str(message)]}
        super().__init__(str(self))

    @property
    def messages(self) -> list[str]:
        return [str(message) for messages in self.errors.values() for message in messages]

    def __str__(self):
        return " ".join(self.messages)

    @classmethod
    def from_validation(cls, error: ValidationError) -> "DomainError":
        """A model's ``full_clean()`` refusal as a domain error, field by field."""
        if hasattr(error, "error_dict"):
            errors = {
                (None if field == "__all__" else field): [str(message) for message in ValidationError(messages)]
                for field, messages in error.error_dict.items()
            }
            return cls(errors=errors)
        return cls(" ".join(error.messages))


def validated(instance) -> None:
    """``instance.full_clean()``, raising a :class:`DomainError` instead of Django's ValidationError."""
    try:
        instance.full_clean()
    except ValidationError as error:
        raise DomainError.from_validation(error) from None


class StaleEditError(DomainError):
    """Someone else saved the record after the form was opened: nothing was saved.

    ``current_version`` is the saved version (the record's ``updated_at``): the view puts it into the
    form, so that saving again deliberately replaces what the other person saved.
    """

    def __init__(self, message, *, current_version=None):
        self.current_version = current_version
        super().__init__(message)
