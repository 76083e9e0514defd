"""The OpenAPI schema documents every endpoint's error answers, and enums follow the models."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from convenant.models import Overweging, Status, UitzonderingStatus


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def test_every_endpoint_documents_its_error_answers(schema):
    missing = []
    for path, method, operation in _operations(schema):
        expected = set()
        if not path.endswith("/token/"):
            expected.add("403")
        if "{" in path or method == "get":
            expected.add("404")
        if method == "post":
            expected.add("400")
        if method == "post" and path.rstrip("/").rsplit("/", 1)[-1] in {
            "indienen",
            "akkoord",
            "tegenvoorstel",
            "afwijzen",
            "accepteren",
            "weigeren",
            "toekennen",
            "verifieren",
            "niet_aantoonbaar",
            "intrekken",
        }:
            expected.add("409")
        absent = expected - set(operation["responses"])
        if absent:
            missing.append(f"{method.upper()} {path}: {sorted(absent)}")
    assert missing == []


def test_enums_match_the_models(schema):
    enums = {
        name: set(component["enum"])
        for name, component in schema["components"]["schemas"].items()
        if "enum" in component
    }
    assert enums["OnderNormOverwegingEnum"] == set(Overweging.values)
    assert enums["AfspraakStatusEnum"] == set(Status.values)
    assert enums["UitzonderingStatusEnum"] == set(UitzonderingStatus.values)
