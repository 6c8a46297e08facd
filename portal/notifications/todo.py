"""The coordinators' weekly to-do: who gets it and what it says come from above (the composition,
:mod:`portal.coordinator_todo`, which reads the domains); this package only sends it, once a week."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TodoSource:
    recipients: Callable[[], object]  # () -> queryset of the people who coordinate something
    render: Callable[..., str | None]  # (person, today) -> the to-do as text in the active language, None: nothing


_source: list[TodoSource] = []


def register_todo(*, recipients, render) -> None:
    """Register the to-do (the last registration wins)."""
    _source[:] = [TodoSource(recipients, render)]


def todo_source() -> TodoSource | None:
    return _source[0] if _source else None
