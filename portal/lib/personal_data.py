"""The registry of personal data: what each part of the portal keeps about a person, how it is exported
(the right of access and to portability, GDPR articles 15 and 20) and how it is erased (article 17).

Each domain declares its share in its own ``personal_data.py`` with one :func:`register` call:

- ``fields``: the personal fields of its models, in one list of ``(model, [field names])``;
- ``export(user)``: ``{section: iterable of JSON-able dicts}`` about the person (iterables, so that a
  large export is written row by row);
- ``erase(user)``: removes or anonymises what is the person's own, inside the erasure's transaction,
  keeping shared records (they stay, attributed to the removed-user marker the account becomes);
- ``refuse(user)``: optional, messages why the person cannot be erased now (e.g. a network's only
  coordinator);
- ``choices``: the choices (``TextChoices``) of a key, so the readable page shows their labels;
- ``sections``: a translated heading for each section of the export, for the readable page;
- ``not_personal``: fields whose names look personal but hold no personal data (a meeting's title), each
  with the reason, so that :func:`uncovered_fields` does not list them.

:mod:`portal.privacy` finds the ``personal_data`` modules (:func:`discover`) and runs them in ``order``
(erasure of the account itself comes last). This module knows no domain.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from pkgutil import iter_modules

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.module_loading import module_has_submodule

# The names of fields that hold personal data, kept here and nowhere else. A field is personal when it
# points to a person (a foreign key, one-to-one or many-to-many to the user model), when its name contains
# one of PERSONAL_NAME_PARTS (``phone2``, ``contact_email``) or when one of the words of its name (split at
# ``_``) is one of PERSONAL_NAME_WORDS (``ip``, but not ``description``).
PERSONAL_NAME_PARTS = (
    "name",
    "email",
    "phone",
    "address",
    "birth",
    "user_agent",
    "useragent",
    "comment",
    "reflection",
    "signatory",
)
PERSONAL_NAME_WORDS = ("ip", "title", "note", "reason", "body")
# The apps whose models the coverage rule walks.
PROJECT_APPS = ("portal", "partners", "networks", "audit")

Records = Iterable[dict]


@dataclass(frozen=True)
class PersonalData:
    """One domain's declaration (see the module's docstring)."""

    name: str  # the file's name in the export: ``<name>/data.json``
    title: str  # a (lazily) translated heading for the readable page
    fields: list[tuple[type[models.Model], list[str]]]
    export: Callable[..., dict[str, Records]]
    erase: Callable[..., None]
    order: int = 50
    refuse: Callable[..., list[str]] | None = None
    not_personal: list[tuple[type[models.Model], list[str], str]] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)  # section → (lazily) translated heading
    choices: dict[str, type] = field(default_factory=dict)  # key → its TextChoices, for the readable page

    def display(self, key: str, value):
        """``value`` as the readable page shows it: a choice's label instead of its stored value."""
        choices = self.choices.get(key)
        if choices is not None and value in choices.values:
            return str(choices(value).label)
        return value

    def section_title(self, section: str) -> str:
        return str(self.sections.get(section) or section.replace("_", " ").capitalize())


_registry: dict[str, PersonalData] = {}


def register(**declaration) -> PersonalData:
    """Register one domain's personal data (keyword arguments of :class:`PersonalData`); idempotent by name."""
    entry = PersonalData(**declaration)
    _registry[entry.name] = entry
    return entry


def discover() -> None:
    """Import every ``personal_data`` module of the project's apps and of their domain packages (one level
    down, ``networks/meetings/personal_data.py``), as the admin discovers ``admin`` modules."""
    for app_config in apps.get_app_configs():
        if app_config.label not in PROJECT_APPS:
            continue
        package = app_config.module
        if module_has_submodule(package, "personal_data"):
            import_module(f"{package.__name__}.personal_data")
        for info in iter_modules(package.__path__):
            if info.ispkg and module_has_submodule(import_module(f"{package.__name__}.{info.name}"), "personal_data"):
                import_module(f"{package.__name__}.{info.name}.personal_data")


def registered() -> list[PersonalData]:
    """The declarations, in their order."""
    discover()
    return sorted(_registry.values(), key=lambda entry: (entry.order, entry.name))


# --- the coverage rule ----------------------------------------------------------------------------------


def _points_to_person(model_field) -> bool:
    related = getattr(model_field, "related_model", None)
    if related is None or related == "self":
        return False
    label = related if isinstance(related, str) else related._meta.label
    return label == settings.AUTH_USER_MODEL


def personal_fields(model) -> list[str]:
    """The names of ``model``'s own fields that hold personal data by the rule above."""
    found = []
    for model_field in model._meta.get_fields():
        if model_field.auto_created and not model_field.concrete:
            continue  # reverse relations: declared by the model that holds them
        name = model_field.name.lower()
        words = set(name.split("_"))
        if (
            _points_to_person(model_field)
            or isinstance(model_field, models.EmailField | models.GenericIPAddressField)
            or any(part in name for part in PERSONAL_NAME_PARTS)
            or words.intersection(PERSONAL_NAME_WORDS)
        ):
            found.append(model_field.name)
    return found


def project_models() -> Iterator[type[models.Model]]:
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            if not model._meta.abstract and not model._meta.proxy:
                yield model


def uncovered_fields(models_to_check=None, declarations=None) -> list[str]:
    """``app_label.Model.field`` of every personal field that no declaration exports and erases, nor names as
    not personal."""
    declarations = registered() if declarations is None else declarations
    covered = set()
    for entry in declarations:
        for model, names in entry.fields:
            covered.update((model._meta.label, name) for name in names)
        for model, names, _reason in entry.not_personal:
            covered.update((model._meta.label, name) for name in names)
    missing = []
    for model in project_models() if models_to_check is None else models_to_check:
        missing.extend(
            f"{model._meta.label}.{name}" for name in personal_fields(model) if (model._meta.label, name) not in covered
        )
    return missing


def rows(queryset, *fields: str) -> Records:
    """The rows of ``queryset`` as dicts of ``fields``, fetched in chunks (an export never holds them all)."""
    return queryset.values(*fields).iterator(chunk_size=500)
