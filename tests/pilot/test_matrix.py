import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.matrix import ALL, ANON, MATRIX


def _named_patterns(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield pattern, namespace, pattern.name


def _project_url_names() -> set[str]:
    names = set()
    for pattern, namespace, name in _named_patterns(get_resolver().url_patterns):
        # The admin is covered by its own staff check; its index stands for all of it.
        if namespace == "admin:" and name != "index":
            continue
        assert name, f"URL pattern {pattern.pattern} has no name, so the matrix cannot list it"
        names.add(f"{namespace}{name}")
    return names


def test_every_url_pattern_is_in_the_matrix():
    missing = _project_url_names() - set(MATRIX)
    assert not missing, f"URL patterns without an entry in tests/matrix.py: {sorted(missing)}"
    stale = set(MATRIX) - _project_url_names()
    assert not stale, f"Matrix entries for URL names that no longer exist: {sorted(stale)}"


def test_every_entry_states_every_role():
    for name, entry in MATRIX.items():
        assert set(entry.expected) == set(ALL), f"{name} does not list every role"


@pytest.mark.parametrize("role", ALL)
def test_role_gets_the_expected_status_on_every_url(client, demo, role):
    wrong = []
    for name, entry in MATRIX.items():
        # Log in again each time: the logout entry ends the session for the entries after it.
        if role != ANON:
            client.force_login(demo[role])
        kwargs = entry.kwargs(demo) if entry.kwargs else None
        url = reverse(name, kwargs=kwargs)
        response = getattr(client, entry.method)(url, entry.data)
        if response.status_code != entry.expected[role]:
            wrong.append(
                f"{entry.method.upper()} {url}: {response.status_code}, "
                f"expected {entry.expected[role]}"
            )
    assert not wrong, f"{role}:\n" + "\n".join(wrong)
