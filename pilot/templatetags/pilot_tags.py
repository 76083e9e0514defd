"""Template filters every app's timeline uses: labels come from what the apps registered."""

from django import template

from pilot import registry

register = template.Library()


@register.filter
def actie_label(value: str) -> str:
    return registry.timeline_label(value)


@register.filter
def van_label(event) -> str:
    return registry.state_label(event.object_type, event.van_status)


@register.filter
def naar_label(event) -> str:
    return registry.state_label(event.object_type, event.naar_status)
