"""`make bench` (scripts/bench.py) measures every page and job; nothing here times anything."""

import importlib.util

from django.conf import settings

from tests.matrix import MATRIX


def _bench():
    spec = importlib.util.spec_from_file_location("bench", settings.BASE_DIR / "scripts/bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_of_the_matrix_is_timed_or_says_why_not():
    bench = _bench()
    pages = {name for name, entry in MATRIX.items() if entry.page}
    timed = {page.name for page in bench.PAGES}
    assert pages - timed == set(bench.NOT_TIMED)
    assert not timed & set(bench.NOT_TIMED)


def test_every_api_list_is_timed():
    lists = {name for name in MATRIX if name.endswith("-list")}
    assert lists <= {page.name for page in _bench().PAGES}


def test_every_timed_page_is_a_page_or_list_of_the_matrix():
    for page in _bench().PAGES:
        entry = MATRIX[page.name]
        assert entry.method == "get"
        assert entry.page or page.name.endswith("-list"), page.name


def test_every_scheduled_job_is_timed():
    scheduled = {job["task"] for job in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == set(_bench().JOBS)


def test_the_small_scale_has_a_database_of_its_own(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kd")
    bench = _bench()
    assert bench.database_url("uwv") == "postgres://postgres@127.0.0.1:5432/kd"
    assert bench.database_url("small") == "postgres://postgres@127.0.0.1:5432/kd_small"
