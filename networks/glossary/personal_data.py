"""The glossary's share of a person's data: terms they proposed, definitions they wrote or replaced, their
comments, the rounds they opened and the answers they gave for their organisation (see
:mod:`portal.lib.personal_data`).

Erasure keeps the shared records (the network's glossary), attributed to the removed-user marker; a person's
comments are their own words and are deleted.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.glossary.models import DefinitionVersion, Term, TermAnswer, TermComment, TermRound, TermStatus
from networks.goals.models import EndorsementAnswer
from portal.lib.personal_data import register, rows


def export(user):
    return {
        "terms_proposed_or_defined": rows(
            Term.objects.filter(Q(proposed_by=user) | Q(defined_by=user)).order_by("proposed_at", "pk"),
            "network__name",
            "term_fi",
            "definition_fi",
            "status",
            "proposed_at",
            "defined_at",
        ),
        "earlier_definitions": rows(
            DefinitionVersion.objects.filter(Q(defined_by=user) | Q(replaced_by=user)).order_by("replaced_at", "pk"),
            "term__term_fi",
            "definition_fi",
            "defined_at",
            "replaced_at",
        ),
        "term_comments": rows(
            TermComment.objects.filter(author=user).order_by("created_at", "pk"), "term__term_fi", "body", "created_at"
        ),
        "term_rounds_opened": rows(
            TermRound.objects.filter(opened_by=user).order_by("opened_at", "pk"), "term__term_fi", "opened_at"
        ),
        "term_answers": rows(
            TermAnswer.objects.filter(answered_by=user).order_by("answered_at", "pk"),
            "round__term__term_fi",
            "organisation__name",
            "answer",
            "reason",
            "answered_at",
        ),
    }


def erase(user):
    TermComment.objects.filter(author=user).delete()


register(
    name="glossary",
    title=_("Glossary"),
    order=15,
    fields=[
        (Term, ["proposed_by", "defined_by"]),
        (DefinitionVersion, ["defined_by", "replaced_by"]),
        (TermComment, ["author", "body"]),
        (TermRound, ["opened_by"]),
        (TermAnswer, ["answered_by", "reason"]),
    ],
    export=export,
    erase=erase,
    choices={"status": TermStatus, "answer": EndorsementAnswer},
    sections={
        "terms_proposed_or_defined": _("Glossary terms you proposed or defined"),
        "earlier_definitions": _("Earlier definitions you wrote or replaced"),
        "term_comments": _("Your comments on glossary terms"),
        "term_rounds_opened": _("Rounds of endorsement of terms you opened"),
        "term_answers": _("Your answers on glossary terms"),
    },
)
