"""The partners app's admin: each domain registers its own models (importing them here lets Django find them)."""

from partners.agreements import admin as agreement_admin  # noqa: F401
from partners.directory import admin as directory_admin  # noqa: F401
