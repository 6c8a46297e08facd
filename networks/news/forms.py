"""Forms of a network's news: an item in three languages with its links, and a comment."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.news.models import COMMENT_LENGTH, LANGUAGES, NewsItem
from networks.news.services import LINK_FIELDS, TEXT_FIELDS
from portal.lib.forms import VersionedFormMixin

# How far back the meetings and joint activities an item can link to go (a select of every meeting would not
# load at a network's size); the one an item links to already stays offered.
LINK_MEETINGS_SINCE = datetime.timedelta(days=365)
LINK_ACTIVITIES_SINCE = datetime.timedelta(days=365)

LEGENDS = {
    "fi": pgettext_lazy("news", "In Finnish"),
    "sv": pgettext_lazy("news", "In Swedish"),
    "en": pgettext_lazy("news", "In English"),
}
TITLE_LABELS = {"fi": _("Headline in Finnish"), "sv": _("Headline in Swedish"), "en": _("Headline in English")}
BODY_LABELS = {"fi": _("Text in Finnish"), "sv": _("Text in Swedish"), "en": _("Text in English")}


class LinkChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        when = getattr(obj, "starts_at", None) or getattr(obj, "starts_on", None)
        if when is None:
            return str(obj)
        day = timezone.localtime(when).date() if isinstance(when, datetime.datetime) else when
        return f"{obj} ({formats.date_format(day, 'SHORT_DATE_FORMAT')})"


class NewsItemForm(VersionedFormMixin, forms.ModelForm):
    """An item as its author writes it: a headline and a text in at least one language, whether it is pinned
    (coordinators only) and the network's records it concerns; an existing one carries ``version``."""

    class Meta:
        model = NewsItem
        fields = [*TEXT_FIELDS, "pinned", *LINK_FIELDS]
        field_classes = dict.fromkeys(LINK_FIELDS, LinkChoiceField)

    def __init__(self, *args, may_pin: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        item = self.instance
        self.carry_version(item)
        for code in LANGUAGES:
            title, body = self.fields[f"title_{code}"], self.fields[f"body_{code}"]
            title.label, body.label = TITLE_LABELS[code], BODY_LABELS[code]
            title.widget.attrs["lang"] = body.widget.attrs["lang"] = code
            body.widget = forms.Textarea(attrs={"rows": 8 if code == "fi" else 4, "lang": code})
        self.fields["title_fi"].help_text = _("Write in at least one language; Finnish first when you can.")
        if not may_pin:
            del self.fields["pinned"]
        self._limit_links(item)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            *(Fieldset(LEGENDS[code], f"title_{code}", f"body_{code}") for code in LANGUAGES),
            *(["pinned"] if may_pin else []),
            Fieldset(_("What the item concerns"), *LINK_FIELDS),
            *(["version"] if "version" in self.fields else []),
        )
        self.helper.add_input(Submit("submit", pgettext_lazy("news", "Publish") if item.pk is None else _("Save")))

    def _limit_links(self, item: NewsItem) -> None:
        """Offer only the records of the item's network (the service checks it again)."""
        network = item.network
        today = timezone.localdate()
        since = timezone.now() - LINK_MEETINGS_SINCE

        def keep(field):
            current = getattr(item, f"{field}_id")
            return Q(pk=current) if current else Q(pk__in=[])

        self.fields["goal"].queryset = network.goals.order_by("title", "pk")
        self.fields["meeting"].queryset = network.meetings.filter(Q(starts_at__gte=since) | keep("meeting")).order_by(
            "-starts_at", "pk"
        )
        self.fields["agreement"].queryset = network.agreements.order_by("title", "pk")
        self.fields["activity"].queryset = network.activities.filter(
            Q(starts_on__gte=today - LINK_ACTIVITIES_SINCE) | keep("activity")
        ).order_by("-starts_on", "pk")
        self.fields["meeting"].help_text = _("The network's meetings of the past year and those ahead.")
        self.fields["activity"].help_text = _("The network's joint activities of the past year and those ahead.")
        for field in LINK_FIELDS:
            self.fields[field].empty_label = pgettext_lazy("news", "No link")

    def _post_clean(self):
        # The service validates the item (with the network it belongs to); the form only its own input.
        pass

    def item_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in (*TEXT_FIELDS, "pinned", *LINK_FIELDS) if name in self.fields}


class CommentForm(forms.Form):
    """A comment on an item."""

    text = forms.CharField(
        label=pgettext_lazy("news", "Your comment"),
        max_length=COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": pgettext_lazy("news", "Write a comment.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_id = "comment-form"
        self.helper.add_input(Submit("comment", _("Send the comment")))
