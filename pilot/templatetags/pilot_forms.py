"""crispy's field template hands each field to the Jinja2 field template (pilot/renderers.py)."""

from django import template

from pilot.renderers import FIELD_TEMPLATE

register = template.Library()


@register.simple_tag(takes_context=True)
def bootstrap_field(context, field):
    """The field as crispy-bootstrap5 would draw it, with the helper's display choices."""
    return field.render(
        FIELD_TEMPLATE,
        context={
            "field": field,
            "show_labels": context.get("form_show_labels", True),
            "show_errors": context.get("form_show_errors", True),
            "inline_errors": context.get("error_text_inline", False),
            "inline_help": context.get("help_text_inline", False),
        },
    )
