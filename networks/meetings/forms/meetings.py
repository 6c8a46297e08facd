"""Forms of the meeting pages: a meeting's details with its invitations, cancelling it, and the
meeting list's filters. Times are entered as a local date with start and end times (Europe/Helsinki)."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.meetings.checking import checker_candidates
from networks.meetings.models import Meeting, MeetingKind, MeetingStatus
from networks.meetings.selectors.lists import ALL, PAST, UPCOMING
from networks.meetings.services import CHECKER_FIELDS, MEETING_FIELDS, invitable_organisations, invitable_people
from portal.lib.forms import DateInput, VersionedFormMixin
from portal.lib.validators import validate_plausible_date


class TimeInput(forms.TimeInput):
    """The browser's time picker (hours and minutes)."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class ChairChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    """A meeting's details. A new meeting also names whom to invite; an existing one carries ``version`` (its
    ``updated_at`` when the form was opened) so that a save over someone else's is refused. Once the meeting
    has taken place only its kind, title, description and chair can change. The two minute checkers are
    named on an existing meeting, among its invitees and attendees, until the minutes are approved."""

    date = forms.DateField(label=_("Date"), widget=DateInput(), validators=[validate_plausible_date])
    start_time = forms.TimeField(label=_("Starts at"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends at"), widget=TimeInput())
    chair = ChairChoiceField(
        label=_("Chair"),
        queryset=None,
        required=False,
        help_text=_("Approves the minutes. Needed before the minutes are circulated."),
    )
    first_checker = ChairChoiceField(label=_("First minute checker"), queryset=None, required=False)
    second_checker = ChairChoiceField(
        label=_("Second minute checker"),
        queryset=None,
        required=False,
        help_text=_(
            "Two of the meeting's people who check the minutes with the chair: the minutes are approved once "
            "the chair and both checkers have confirmed them. Changing the checkers while the minutes are in "
            "draft clears the confirmations made so far."
        ),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Invite organisations"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("All of the organisation's people in the network are invited."),
    )
    people = PersonChoiceField(
        label=_("Invite people"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People of the network invited by name (someone in an invited organisation is invited once)."),
    )
    version = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Meeting
        fields = ["kind", "title", "description", "place", "online_link"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.instance
        self.network = network
        self.fields["chair"].queryset = invitable_people(network)
        self.fields["chair"].empty_label = _("No chair yet")
        self._checker_fields(meeting)
        if meeting.pk is None:
            del self.fields["version"]
            self.fields["organisations"].queryset = invitable_organisations(network)
            self.fields["people"].queryset = invitable_people(network)
        else:
            del self.fields["organisations"], self.fields["people"]
            self.initial.setdefault("version", meeting.updated_at.isoformat())
            self.initial.setdefault("chair", meeting.chair_id)
            starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
            self.initial.setdefault("date", starts.date())
            self.initial.setdefault("start_time", starts.time().replace(second=0, microsecond=0))
            self.initial.setdefault("end_time", ends.time().replace(second=0, microsecond=0))
            if not meeting.is_planned:
                for name in ("date", "start_time", "end_time", "place", "online_link"):
                    del self.fields[name]
            if meeting.minutes_circulated:
                del self.fields["chair"]  # the chair approves the minutes: fixed once they are circulated
        if "place" in self.fields:
            self.fields["place"].help_text = _("Address and room, or leave empty for an online meeting.")
        self.helper = FormHelper()
        self.helper.layout = Layout(*self._layout())
        self.helper.add_input(Submit("submit", _("Save") if meeting.pk else _("Create the meeting")))

    def _checker_fields(self, meeting: Meeting) -> None:
        """The minute checkers: on an existing meeting whose minutes have not been approved."""
        if meeting.pk is None or meeting.has_approved_minutes:
            del self.fields["first_checker"], self.fields["second_checker"]
            return
        candidates = checker_candidates(meeting)
        for name in CHECKER_FIELDS:
            self.fields[name].queryset = candidates
            self.fields[name].empty_label = _("No minute checker")
            self.initial.setdefault(name, getattr(meeting, f"{name}_id"))

    def _layout(self) -> list:
        has = self.fields.__contains__
        layout = ["kind", "title", "description"]
        if has("date"):
            layout.append(
                Fieldset(
                    pgettext_lazy("meeting", "Time"),
                    Row(
                        Column("date", css_class="col-md-4"),
                        Column("start_time", css_class="col-md-4"),
                        Column("end_time", css_class="col-md-4"),
                    ),
                )
            )
            layout += ["place", "online_link"]
        if has("chair"):
            layout.append("chair")
        if has("first_checker"):
            layout.append(Fieldset(_("Minute checkers"), Row(Column("first_checker"), Column("second_checker"))))
        if has("organisations"):
            layout.append(Fieldset(_("Invitations"), "organisations", "people"))
        if has("version"):
            layout.append("version")
        return layout

    def clean(self):
        cleaned = super().clean()
        date, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if "date" in self.fields and date and start and end:
            starts_at = timezone.make_aware(datetime.datetime.combine(date, start))
            ends_at = timezone.make_aware(datetime.datetime.combine(date, end))
            if ends_at <= starts_at:
                self.add_error("end_time", _("The meeting must end after it starts."))
            cleaned["starts_at"], cleaned["ends_at"] = starts_at, ends_at
        return cleaned

    def _post_clean(self):
        # The service validates the meeting as a whole (with its times); skip the model's own full_clean,
        # which would run on an instance without times.
        pass

    def meeting_data(self) -> dict:
        """The cleaned values of the meeting's own fields, for ``meeting_create`` / ``meeting_update``."""
        names = MEETING_FIELDS + CHECKER_FIELDS
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


class MeetingCancelForm(forms.Form):
    """Cancel a planned meeting: the reason goes to the invitees with the cancellation."""

    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the invitees with the cancellation, and shown on the meeting's page."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Cancel the meeting"), css_class="btn-danger"))

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for cancelling the meeting."))
        return reason


class MeetingFilterForm(forms.Form):
    """The meeting list's filters (GET). An invalid value is ignored, never an error page."""

    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[
            (UPCOMING, pgettext_lazy("meetings", "Upcoming")),
            (PAST, pgettext_lazy("meetings", "Past")),
            (ALL, pgettext_lazy("meetings", "All")),
        ],
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *MeetingKind.choices]
        self.fields["status"].choices = [("", _("Any status")), *MeetingStatus.choices]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.layout = Layout(
            Row(
                Column("when", css_class="col-md-3"),
                Column("kind", css_class="col-md-3"),
                Column("status", css_class="col-md-3"),
            )
        )
        self.helper.add_input(Submit("", _("Show meetings")))

    def filters(self) -> dict:
        """The valid filters, as keyword arguments of :func:`networks.meetings.selectors.lists.network_meetings`."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "when": data.get("when") or UPCOMING,
            "kind": data.get("kind") or "",
            "status": data.get("status") or "",
        }
