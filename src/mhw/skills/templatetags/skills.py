from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def in_language(texts: dict):
    """Pick the active language's text from a {"nl": ..., "en": ...} dict (Dutch when there is no English)."""
    language = "en" if get_language() == "en" else "nl"
    return texts.get(language) or texts.get("nl", "")


@register.filter
def field_in_language(obj, name: str):
    """obj.<name>_en in English, obj.<name>_nl otherwise."""
    language = "en" if get_language() == "en" else "nl"
    return getattr(obj, f"{name}_{language}", "") or getattr(obj, f"{name}_nl", "")
