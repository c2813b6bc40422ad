"""Form widgets for choices by the thousand.

Django draws each `<option>` of a select through a template of its own: about 0.1 ms an option, so a select of the
national offer (5,000 modules) costs half a second and a form with two of them a second. These widgets draw the same
HTML in one pass; `tests/test_widgets.py` holds them to Django's own output for any choices and values.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class _DrawnInOnePass:
    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final["multiple"] = True
        chosen = set(self.format_value(value))
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((str(option), " selected" if str(option) in chosen else "", label) for option, label in self.choices),
        )
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final), options)


class LongSelect(_DrawnInOnePass, forms.Select):
    """A select of many plain choices (no groups); one may be chosen."""


class LongSelectMultiple(_DrawnInOnePass, forms.SelectMultiple):
    """A select of many plain choices (no groups); several may be chosen."""
