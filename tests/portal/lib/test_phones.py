"""Telephone numbers become ``tel:`` links in E.164 form (a space in a ``tel:`` address is not valid HTML)."""

import pytest
from django.template import Context, Template

from portal.lib.phones import e164


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("040 123 4567", "+358401234567"),
        ("09 1234 567", "+35891234567"),
        ("(09) 1234-567", "+35891234567"),
        ("0800 12345", "+35880012345"),
        ("+358 40 765 4321", "+358407654321"),
        ("+358 (0)40 765 4321", "+358407654321"),
        ("+358401234567", "+358401234567"),
        ("+46 8 123 456", "+468123456"),
        ("0046 8 123 456", "+468123456"),
        ("112", None),
        ("040 123 4567 (vaihde)", None),
        ("040 123 4567 ext 2", None),
        ("puhelinvaihde", None),
        ("0", None),
        ("+1234567890123456", None),
        ("", None),
    ],
)
def test_numbers_in_e164(number, expected):
    assert e164(number) == expected


def test_a_number_that_cannot_be_dialled_is_shown_without_a_link():
    template = Template("{% load portal_tags %}{% phone_link a %}|{% phone_link b %}")
    rendered = template.render(Context({"a": "040 123 4567", "b": "vaihde 123"}))
    assert rendered == '<a href="tel:+358401234567">040 123 4567</a>|vaihde 123'
