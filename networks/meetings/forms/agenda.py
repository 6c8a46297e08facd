"""Forms of a meeting's agenda, attendance and minutes: they validate and offer only what the
person may choose; the services in :mod:`networks.meetings.agenda` and :mod:`networks.meetings.minutes`
persist and refuse what the meeting's state does not allow."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.meetings.agenda import ITEM_FIELDS, agenda_goals, agenda_presenters
from networks.meetings.models import AgendaItem, AgendaItemStatus, Meeting
from portal.lib.forms import VersionedFormMixin

MARKDOWN_HELP = _(
    "Markdown: a blank line starts a new paragraph; **bold**, *italics*, a list with lines starting “- ” or "
    "“1. ”, a heading with “# ”, a link as [text](https://…). Other HTML is removed."
)


class _PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class AgendaItemForm(VersionedFormMixin, forms.ModelForm):
    """An agenda item: added or edited by those who manage the meeting, or proposed by its people. An edit
    carries the item's version: a save over someone else's is refused."""

    class Meta:
        model = AgendaItem
        fields = list(ITEM_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"presenter": _PersonChoice}

    def __init__(self, *args, meeting: Meeting, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.carry_version(self.instance)
        self.fields["presenter"].queryset = agenda_presenters(meeting)
        self.fields["presenter"].empty_label = _("No presenter named")
        self.fields["goal"].queryset = agenda_goals(meeting)
        self.fields["goal"].empty_label = _("No linked goal")
        self.fields["planned_minutes"].min_value = 1
        self.fields["planned_minutes"].widget.attrs.update({"min": 1, "max": 1440})
        self.fields["planned_minutes"].help_text = _("How long the item is expected to take, in minutes.")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "title",
            "description",
            Row(Column("presenter", css_class="col-md-6"), Column("planned_minutes", css_class="col-md-6")),
            "goal",
            *(["version"] if "version" in self.fields else []),
        )
        self.helper.add_input(Submit("submit", submit_label or _("Save")))

    def item_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in ITEM_FIELDS}


def _action_label(action) -> str:
    return _("%(what)s (%(owner)s, due %(due)s, from %(meeting)s)") % {
        "what": action.what,
        "owner": action.owner,
        "due": date_format(action.due_on, "SHORT_DATE_FORMAT"),
        "meeting": action.meeting.title,
    }


def _item_label(item) -> str:
    return _("%(title)s (unfinished at %(meeting)s)") % {"title": item.title, "meeting": item.meeting.title}


class _Chosen(forms.TypedMultipleChoiceField):
    """Checkboxes of rows already fetched; cleans to the chosen rows (a value not offered is refused)."""

    def __init__(self, *args, rows=(), label_of=str, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(*args, coerce=int, required=False, **kwargs)
        self.set_rows(rows, label_of)

    def set_rows(self, rows, label_of=str) -> None:
        self.rows = {row.pk: row for row in rows}
        self.choices = [(row.pk, label_of(row)) for row in rows]

    def clean(self, value):
        return [self.rows[pk] for pk in super().clean(value)]


class CarryForm(forms.Form):
    """Which of the offers from earlier meetings go on the agenda."""

    actions = _Chosen(label=_("Open action items to follow up"))
    items = _Chosen(label=_("Unfinished items of the previous meeting"))

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        actions, items = offers
        # The offers are already fetched: the choices come from them, without another query.
        self.fields["actions"].set_rows(actions, _action_label)
        self.fields["items"].set_rows(items, _item_label)
        if not actions:
            del self.fields["actions"]
        if not items:
            del self.fields["items"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("actions") and not cleaned.get("items"):
            raise forms.ValidationError(_("Choose what to put on the agenda."))
        return cleaned


class MoveForm(forms.Form):
    direction = forms.ChoiceField(
        choices=[("up", pgettext_lazy("agenda", "Up")), ("down", pgettext_lazy("agenda", "Down"))]
    )


class AttendanceForm(forms.Form):
    """Who attended: the invitees and the network's people, each with the organisation they came from."""

    people = _Chosen(label=_("Attended"))

    def __init__(self, *args, people, organisations: dict, **kwargs):
        super().__init__(*args, **kwargs)

        def label(person) -> str:
            organisation = organisations.get(person.pk)
            return f"{person} ({organisation})" if organisation else str(person)

        self.fields["people"].set_rows(people, label)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Save the attendance")))


class MinutesForm(VersionedFormMixin, forms.Form):
    """One item's minutes, and whether the item continues at the next meeting (with the item's version)."""

    minutes = forms.CharField(
        label=_("Minutes"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=MARKDOWN_HELP,
    )
    unfinished = forms.BooleanField(
        label=_("Unfinished: continue at the next meeting"),
        required=False,
        help_text=_("The item is offered for the agenda of the network's next meeting."),
    )
    version = forms.CharField(widget=forms.HiddenInput)


class AmendForm(VersionedFormMixin, forms.Form):
    """A recorded change to an item's approved minutes (with the item's version)."""

    minutes = forms.CharField(
        label=_("Minutes"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=MARKDOWN_HELP,
    )
    reason = forms.CharField(
        label=_("Reason for the amendment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown with the minutes, with the text before and after, your name and the time."),
    )
    version = forms.CharField(widget=forms.HiddenInput)


class _ItemChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class CommentForm(forms.Form):
    """A comment on the draft minutes, on one item or on the whole."""

    item = _ItemChoice(
        label=_("About"), queryset=AgendaItem.objects.none(), required=False, empty_label=_("The minutes as a whole")
    )
    body = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = AgendaItem.objects.filter(
            meeting=meeting, status=AgendaItemStatus.ACCEPTED
        ).order_by("position", "pk")
