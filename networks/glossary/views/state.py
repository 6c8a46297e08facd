"""What a term's page shows, worked out once for the page and for its parts that htmx renders again (the
discussion, the endorsement)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from networks.glossary import endorsement, selectors
from networks.glossary.forms import TermCommentForm
from networks.goals.endorsement import active_member_ids, tally
from networks.goals.forms.endorsement import EndorsementAnswerForm
from networks.goals.models import rule_text
from portal.lib.once import with_token
from portal.lib.pagination import paginate
from portal.lib.views import object_for

RIGHTS = ("edit", "retire", "open", "answer", "comment")
# Said to the proposer of a term under endorsement, on its page and when they try to edit it.
EDIT_WAITS = gettext_lazy(
    "The term is under endorsement: until the round closes, only the network's coordinators can change it."
)


def term_for(request, queryset, action: str, pk: int):
    """The term for ``action``: 404 for outsiders, 403 for those who may not, and 403 for an administrator too
    when the term's state does not allow it (a retired term changes no more)."""
    term = object_for(request, queryset, action, pk=pk)
    if not term.permits(request.user, action):
        raise PermissionDenied
    return term


def endorsement_state(request, term, *, answer_form=None) -> dict:
    """The term's rounds (latest first, a few), the open one with its answers and the count of its rule, and
    the answer form for a representative."""
    rounds = list(term.rounds.select_related("opened_by").order_by("-opened_at", "-pk")[:5])
    open_round = next((round_ for round_ in rounds if round_.is_open), None)
    state = {"rounds": rounds, "open_round": open_round, "answers": [], "tally": None}
    if open_round is None:
        return state
    open_round.term = term
    answers = list(selectors.round_answers(open_round))
    state["answers"] = answers
    state["tally"] = tally(open_round, active_member_ids(term.network_id), answers)
    state["rule"] = rule_text(open_round.rule, open_round.set_size)
    state["deadline_passed"] = open_round.deadline < timezone.localdate()
    if term.permits(request.user, "answer") and not state["deadline_passed"]:
        if answer_form is None:
            organisations = endorsement.answering_organisations(term, request.user)
            answer_form = EndorsementAnswerForm(organisations=organisations, round_=open_round)
        answer_form.helper.form_action = reverse("glossary:term_answer", kwargs={"pk": term.pk})
        answer_form.helper.attrs = {
            "data-hx-post": answer_form.helper.form_action,
            "data-hx-target": "#endorsement",
            "data-hx-swap": "outerHTML",
        }
    state["answer_form"] = answer_form
    return state


def detail_context(request, term, *, comment_form=None, answer_form=None) -> dict:
    access = term.access(request.user)
    may = access.rights(*RIGHTS)
    if may["comment"] and comment_form is None:
        comment_form = with_token(TermCommentForm)()
    versions = selectors.term_versions(term)
    return {
        "term": term,
        "network": term.network,
        "may": may,
        "edit_waits": EDIT_WAITS if access.edit_waits_for_round() else "",
        "related_terms": list(term.related.all()),
        "versions": list(versions[: selectors.VERSIONS_SHOWN]),
        "version_count": versions.count(),
        # a comment just added (htmx) is shown on the first page, where the newest are
        "comments_page": paginate(
            request,
            selectors.term_comments(term),
            per_page=selectors.COMMENTS_PER_PAGE,
            number=1 if request.method == "POST" else None,
        ),
        "comment_form": comment_form,
        "languages": [
            (code, getattr(term, f"term_{code}"), getattr(term, f"definition_{code}")) for code in ("fi", "sv", "en")
        ],
        **endorsement_state(request, term, answer_form=answer_form),
    }
