"""Models of the glossary: terms, the history of their definitions, comments, and rounds of endorsement."""

from networks.glossary.models.endorsement import TermAnswer, TermRound, TermRoundQuerySet
from networks.glossary.models.terms import (
    DefinitionVersion,
    Term,
    TermComment,
    TermQuerySet,
    TermStatus,
)

__all__ = [
    "DefinitionVersion",
    "Term",
    "TermAnswer",
    "TermComment",
    "TermQuerySet",
    "TermRound",
    "TermRoundQuerySet",
    "TermStatus",
]
