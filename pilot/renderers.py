"""Form fields drawn as Bootstrap 5 markup by Jinja2.

crispy-bootstrap5 draws each field with a Django template of nested conditions and includes; a
form of a dozen fields spent 10 ms there, most of the proposal page's own work. The field
template below writes the same markup for the layouts this portal uses (labels above the
control, no horizontal forms) and is rendered by Jinja2 through Django's form renderer; crispy
keeps the layouts (fieldsets, HTML blocks) and calls it for every field (templates/bootstrap5/
field.html).
"""

from functools import cached_property

from django import forms
from django.forms.renderers import Jinja2

FIELD_TEMPLATE = "pilot/forms/field.html"


class BoundField(forms.BoundField):
    @cached_property
    def kind(self) -> str:
        """Which Bootstrap control the widget is (the distinctions crispy-bootstrap5 makes)."""
        widget = self.field.widget
        if self.is_hidden:
            return "hidden"
        if isinstance(widget, forms.RadioSelect):  # CheckboxSelectMultiple included
            return "choices"
        if isinstance(widget, forms.CheckboxInput):
            return "checkbox"
        if isinstance(widget, forms.FileInput):
            return "file"
        if isinstance(widget, forms.Select):
            return "select"
        return "input"

    def control(self):
        """The widget, its own classes followed by its type's name and Bootstrap's class."""
        widget = self.field.widget
        bootstrap = {"checkbox": "form-check-input", "select": "form-select"}.get(
            self.kind, "form-control"
        )
        own = widget.attrs.get("class", "")
        name = type(widget).__name__.lower()
        classes = own.split()
        if name not in own:
            classes.append(name)
        classes.append(bootstrap)
        if self.errors:
            classes.append("is-invalid")
        return self.as_widget(attrs={"class": " ".join(classes)})

    def optgroups(self) -> list:
        """The options of a radio or checkbox list, each with its attributes."""
        widget = self.field.widget
        id_ = widget.attrs.get("id") or self.auto_id
        attrs = self.build_widget_attrs({"id": id_} if id_ else {})
        return widget.optgroups(self.html_name, widget.format_value(self.value()), attrs)


class FormRenderer(Jinja2):
    bound_field_class = BoundField
    field_template_name = FIELD_TEMPLATE
