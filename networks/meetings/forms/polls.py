"""Forms of finding a time, invitations and replies: the poll with its proposed times, an
answer to a poll, picking a time, inviting more people to a meeting and replying to an invitation."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.meetings.models import Meeting, Reply, SlotAnswer, TimePoll
from networks.meetings.polls import MAX_SLOTS, MIN_SLOTS, POLL_FIELDS
from networks.meetings.services import invitable_organisations, invitable_people
from portal.lib.forms import DateInput, PlausibleDateField


def slot_label(starts_at, ends_at) -> str:
    """A proposed time in local time: "Tue 12.1.2027 9.00–11.00" in the reader's language."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    day = formats.date_format(start, "D ") + formats.date_format(start, "SHORT_DATE_FORMAT")
    until = formats.time_format(end, "TIME_FORMAT")
    if start.date() != end.date():
        until = formats.date_format(end, "SHORT_DATE_FORMAT") + " " + until
    return f"{day} {formats.time_format(start, 'TIME_FORMAT')}–{until}"


def _people_label(person) -> str:
    return person.get_full_name() or person.email


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _people_label(obj)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _people_label(obj)


class InviteesMixin:
    """The organisations and people of the network to invite: only the network's own are offered."""

    def _add_invitee_fields(self, network, *, exclude_organisations=(), exclude_people=()):
        self.fields["organisations"] = forms.ModelMultipleChoiceField(
            label=_("Invite organisations"),
            queryset=invitable_organisations(network).exclude(pk__in=list(exclude_organisations)),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("All the organisation's people in the network are invited."),
        )
        self.fields["people"] = PeopleChoiceField(
            label=_("Invite people"),
            queryset=invitable_people(network).exclude(pk__in=list(exclude_people)),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )


class PollForm(InviteesMixin, forms.ModelForm):
    """The meeting to find a time for: its details and whom to ask. The times are :data:`SlotFormSet`."""

    class Meta:
        model = TimePoll
        fields = list(POLL_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_invitee_fields(network)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def poll_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in POLL_FIELDS}


class TimeInput(forms.TimeInput):
    """The browser's time picker, the value as HH:MM."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class SlotForm(forms.Form):
    """One proposed time: a day and a start and end time, in Finnish time."""

    date = PlausibleDateField(label=_("Date"), widget=DateInput(attrs={"class": "form-control"}))
    start = forms.TimeField(label=_("Starts"), widget=TimeInput(attrs={"class": "form-control"}))
    end = forms.TimeField(label=_("Ends"), widget=TimeInput(attrs={"class": "form-control"}))

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start"), cleaned.get("end")
        if day and start and end:
            if end <= start:
                self.add_error("end", _("The time must end after it starts."))
            else:
                cleaned["starts_at"] = timezone.make_aware(datetime.datetime.combine(day, start))
                cleaned["ends_at"] = timezone.make_aware(datetime.datetime.combine(day, end))
        return cleaned


class BaseSlotFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        slots = [(form.cleaned_data["starts_at"], form.cleaned_data["ends_at"]) for form in self.filled()]
        if len(slots) < MIN_SLOTS:
            raise forms.ValidationError(_("Propose at least %(min)s times.") % {"min": MIN_SLOTS})
        if len(set(slots)) != len(slots):
            raise forms.ValidationError(_("The same time is proposed twice."))
        now = timezone.now()
        if any(start < now for start, _end in slots):
            raise forms.ValidationError(_("Propose only times in the future."))

    def filled(self):
        return [form for form in self.forms if form.has_changed() and form.cleaned_data]

    def slots(self) -> list[tuple]:
        return [(form.cleaned_data["starts_at"], form.cleaned_data["ends_at"]) for form in self.filled()]


def slot_formset(data=None, *, rows: int = 5):
    """The proposed times' rows: ``rows`` empty rows (at most 10), of which at least two are filled."""
    rows = max(MIN_SLOTS, min(MAX_SLOTS, rows))
    formset_class = forms.formset_factory(
        SlotForm, formset=BaseSlotFormSet, extra=rows, max_num=MAX_SLOTS, absolute_max=MAX_SLOTS, validate_max=True
    )
    return formset_class(data, prefix="slots")


class PollAnswerForm(forms.Form):
    """An invitee's answer to each proposed time."""

    def __init__(self, *args, poll: TimePoll, slots, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for slot in slots:
            self.fields[f"slot_{slot.pk}"] = forms.ChoiceField(
                label=slot_label(slot.starts_at, slot.ends_at),
                choices=SlotAnswer.Answer.choices,
                widget=forms.RadioSelect,
                initial=current.get(slot.pk),
            )
        self.helper = FormHelper()
        self.helper.attrs = {"aria-label": _("Your answers")}
        self.helper.form_action = _poll_url("meetings:poll_answer", poll)
        self.helper.add_input(Submit("submit", _("Save my answers")))

    def answers(self) -> dict[int, str]:
        return {int(name.removeprefix("slot_")): value for name, value in self.cleaned_data.items()}


def _poll_url(name: str, poll: TimePoll) -> str:
    return reverse(name, kwargs={"pk": poll.pk})


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return slot_label(obj.starts_at, obj.ends_at)


class PollPickForm(forms.Form):
    """Pick the time: the meeting is created then, and the poll's people are invited to it."""

    slot = SlotChoiceField(label=_("The meeting's time"), queryset=None, widget=forms.RadioSelect, empty_label=None)
    chair = PersonChoiceField(
        label=_("Chair"),
        queryset=None,
        required=False,
        empty_label=_("Not yet named"),
        help_text=_("Approves the minutes."),
    )

    def __init__(self, *args, poll: TimePoll, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = poll.slots.all()
        # the prefetched slots are offered as they are (no query for the choices)
        self.fields["slot"].choices = [(slot.pk, slot_label(slot.starts_at, slot.ends_at)) for slot in slots]
        self.fields["chair"].queryset = invitable_people(poll.network)
        self.helper = FormHelper()
        self.helper.form_action = _poll_url("meetings:poll_pick", poll)
        self.helper.add_input(Submit("submit", _("Create the meeting at this time"), css_id="submit-id-pick"))


class InviteForm(InviteesMixin, forms.Form):
    """Invite more organisations and people to a planned meeting (those invited already are not offered)."""

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_invitee_fields(
            meeting.network,
            exclude_organisations=[row.organisation_id for row in meeting.invited_organisations.all()],
            exclude_people=[row.user_id for row in meeting.invitees.all()],
        )
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Send the invitations")))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisations") and not cleaned.get("people"):
            raise forms.ValidationError(_("Choose the organisations or people to invite."))
        return cleaned


class ReplyForm(forms.Form):
    """An invitee's reply: will they come."""

    answer = forms.ChoiceField(
        label=pgettext_lazy("invitation", "Will you attend?"), choices=Reply.choices, widget=forms.RadioSelect
    )
