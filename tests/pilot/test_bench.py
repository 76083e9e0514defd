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
        assert entry.page or page.fragment or page.name.endswith("-list"), page.name


def test_every_scheduled_job_is_timed():
    scheduled = {job["task"] for job in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == set(_bench().JOBS)


def test_the_small_scale_has_a_database_of_its_own(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kd")
    bench = _bench()
    assert bench.database_url("uwv") == "postgres://postgres@127.0.0.1:5432/kd"
    assert bench.database_url("small") == "postgres://postgres@127.0.0.1:5432/kd_small"


def test_the_workplace_pages_and_their_fragments_are_timed():
    bench = _bench()
    timed = {page.name for page in bench.PAGES}
    assert {
        "werkplek_reserveren",
        "mijn_reserveringen",
        "aanwezigheid_week",
        "teamdag",
        "bezetting",
        "capaciteit-list",
    } <= timed
    # The htmx fragments the agreement form and the team plan load: GET entries, not pages.
    fragments = {page.name for page in bench.PAGES if page.fragment}
    assert fragments == {"capaciteit_fragment", "capaciteit_team"}
    assert all(MATRIX[name].method == "get" and not MATRIX[name].page for name in fragments)


def test_a_database_without_workplace_or_comite_data_is_filled_before_measuring(demo):
    """An empty app is named, so the bench fills it instead of timing empty pages."""
    from werkplekken.demo import build_locaties, build_werkplekken

    bench = _bench()
    assert bench.missing_data("small") == [
        "0 locaties",
        "geen reserveringen",
        "geen aanwezigheid",
        "geen comitézaken",
    ]
    build_locaties("small")
    build_werkplekken("small")
    assert bench.missing_data("small") == ["geen comitézaken"]


def test_race_outcomes_are_counted_by_kind():
    from django.core.exceptions import ValidationError

    from werkplekken.models import Reservering

    outcomes = [
        Reservering(werkplek_id=1, dagdeel="hele_dag"),
        Reservering(werkplek_id=2, dagdeel="ochtend"),
        # A morning next to a whole day on desk 2: one half day held twice.
        Reservering(werkplek_id=2, dagdeel="hele_dag"),
        ValidationError({"werkplek": "Werkplek A-01 is op 17-12-2026 in dit dagdeel al bezet."}),
        ValidationError({"dagdeel": "U hebt op 17-12-2026 in dit dagdeel al een werkplek."}),
        RuntimeError("verbinding weg"),
    ]
    assert _bench().race_outcome(outcomes) == {
        "pogingen": 6,
        "gelukt": 3,
        "bezet": 1,
        "anders geweigerd": 1,
        "fouten": 1,
        "dubbel": 1,
        "eerste fout": "RuntimeError('verbinding weg')",
    }


def _result(scale: str, *, nu_gemeten: bool) -> dict:
    row = {"role": "facilitair", "page": "bezetting", "queries": 13}
    return {
        "scale": scale,
        "repeat": 3,
        "seconds": 60.0,
        "load": [1.0, 2.0],
        "sizes": {"medewerkers": 171},
        "postgres": "15.20",
        "rows": [{**row, "median": 20.0, "p95": 30.0, "bare": 5.0}],
        "jobs": {"werkplekken.tasks.geef_no_shows_vrij": 1.5},
        "demo_data": {
            "seconden": 300.0,
            "gevuld_op": "2026-11-23 23:00 CET",
            "commit": "abc1234",
            "stappen": {"build_werkplekken": {"aangemaakt": "1 reserveringen", "seconden": 240.0}},
            "nu_gemeten": nu_gemeten,
        },
        "heatmap": {"requests": 50, "queries": 13, "median": 40.0, "p95": 50.0, "bare": 5.0},
        "races": [
            {
                "variant": variant,
                "pogingen": 200,
                "gelukt": 10,
                "bezet": 190,
                "anders geweigerd": 0,
                "fouten": 0,
                "dubbel": 0,
                "eerste fout": "",
                "seconden": 1.5,
            }
            for variant in ("hele dag", "hele dag tegen ochtend")
        ],
        "throughput": {"reserveringen": 200, "seconden": 4.0, "per seconde": 50.0},
    }


def test_the_report_has_the_workplace_sections_and_the_command(monkeypatch):
    monkeypatch.setenv("BENCH_REPEAT", "3")
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kd")
    bench = _bench()
    text = bench.document([_result("small", nu_gemeten=True), _result("uwv", nu_gemeten=False)])

    assert "`DATABASE_URL=postgres://postgres@127.0.0.1:5432/kd BENCH_REPEAT=3 make bench`" in text
    assert (
        "**uwv** — `DJANGO_SETTINGS_MODULE=pilot.settings.local manage.py demo_data --scale uwv`: "
        "300 s in totaal (bestond al; de tijd is van de laatste vulling, 2026-11-23 23:00 CET "
        "(commit `abc1234`))."
    ) in text
    assert "| `build_werkplekken` | 1 reserveringen | 240.0 |" in text
    assert "| uwv | hele dag tegen ochtend | 200 | 10 | 190 | 0 | 0 | 0 | 1.50 |" in text
    assert "| uwv | 200 | 4.00 | 50 |" in text
    assert "| uwv | 50 | 13 | 40.0 | 50.0 | 5.0 | 8.0 |" in text
