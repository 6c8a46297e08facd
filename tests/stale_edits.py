"""The one check every edit form gets (no lost updates): open the form, let someone else save
the record, send the stale form. The save is refused with the clear message, the person's input is still in
the form, nothing is saved; the form the refusal returns carries the saved version, so saving it again
deliberately replaces the other save; a fresh form saves."""

import datetime

from django.db.models import Model

EN = {"accept-language": "en"}
STALE = "Someone else saved this while you were editing it."


def _value(value):
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [str(item.pk if isinstance(item, Model) else item) for item in value]
    return str(value)


def form_data(form, **overrides) -> dict:
    """What the browser sends for ``form`` as the page gave it (its values), with ``overrides``."""
    data = {}
    for name in form.fields:
        value = _value(form[name].value())
        if value is not None:
            data[form.add_prefix(name)] = value
    return data | overrides


def assert_stale_refused(client, url, *, change, overrides: dict, saved, message=STALE, extra=None):
    """The stale-form check on the page at ``url``.

    ``change()`` saves the record as someone else would; ``overrides`` are the person's input (a field
    whose value must come back in the refused form); ``saved()`` reads the stored values of the overridden
    fields (a dict), which must still be the other person's after the refusal. ``extra``: more POST data
    (a button's name)."""
    page = client.get(url, headers=EN)
    assert page.status_code == 200
    form = page.context["form"]
    assert "version" in form.fields, "the edit form carries no version"
    assert 'name="version"' in page.content.decode() or f'name="{form.add_prefix("version")}"' in page.content.decode()
    data = form_data(form, **overrides) | (extra or {})
    change()
    before = saved()
    response = client.post(url, data, headers=EN)
    assert response.status_code == 200, "a stale form was saved (or sent elsewhere) instead of being refused"
    content = response.content.decode()
    assert message in content
    for value in overrides.values():
        assert str(value) in content, f"the input {value!r} was lost"
    assert saved() == before, "a stale form wrote over the newer save"
    # The refused form carries the saved version: sending it again replaces the other save on purpose.
    again = response.context["form"].data
    assert client.post(url, again, headers=EN).status_code == 302
    assert saved() != before


def version_of(obj) -> dict:
    """The hidden ``version`` an edit form of ``obj`` carries now (read from the database), as POST data."""
    return {"version": type(obj).objects.get(pk=obj.pk).updated_at.isoformat()}
