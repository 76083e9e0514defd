"""Bad input gets a message that says what to do with this field, never Django's generic one."""

import inspect

import pytest
from django import forms
from django.urls import reverse

import comite.forms
import convenant.forms.delegaties
import convenant.forms.uitzonderingen
import pilot.forms
import werkplekken.forms
from tests.factories import MedewerkerFactory, RoltoewijzingFactory, TeamFactory

GENERIC = forms.Field.default_error_messages["required"]
MODULES = [
    convenant.forms.uitzonderingen,
    convenant.forms.delegaties,
    comite.forms,
    werkplekken.forms,
    pilot.forms,
]


def _required_fields():
    for module in MODULES:
        for name, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.Form) and form.__module__ == module.__name__:
                for field_name, field in form.base_fields.items():
                    if field.required:
                        yield f"{name}.{field_name}", field


@pytest.mark.parametrize(("name", "field"), list(_required_fields()), ids=lambda v: str(v))
def test_every_required_field_says_what_to_fill_in(name, field):
    assert field.error_messages["required"] is not GENERIC, name


def test_an_empty_form_names_each_field_and_the_select_asks_for_a_choice(client, db):
    leider = MedewerkerFactory()
    TeamFactory(leidinggevende=leider)
    client.force_login(leider)
    page = client.get(reverse("delegaties")).content.decode()
    assert "- Maak een keuze -" in page
    assert "Select an option" not in page

    page = client.post(reverse("delegaties"), {"vervanger": ""}).content.decode()
    assert "Kies wie tijdens uw afwezigheid voor u beslist." in page
    assert "Vul in vanaf welke dag de vervanging geldt." in page
    assert "Vul in tot en met welke dag de vervanging geldt." in page
    assert "Dit veld is vereist." not in page


def test_the_import_asks_for_the_file(client, db):
    client.force_login(RoltoewijzingFactory(rol="hr").medewerker)
    page = client.post(reverse("organisatie_import"), {}).content.decode()
    assert "Kies het CSV-bestand met de organisatie." in page
    assert "Dit veld is vereist." not in page
