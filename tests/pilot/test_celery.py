import os
import subprocess
import sys
import time

import pytest
from django.core import mail
from django.utils.module_loading import import_string

from pilot.celery import app
from pilot.tasks import send_notification_email
from tests.factories import NotificatieFactory


@pytest.mark.parametrize(
    ("redis_url", "expected"),
    [("", "True memory://"), ("redis://127.0.0.1:6379/0", "False redis://127.0.0.1:6379/0")],
)
def test_tasks_run_in_process_without_a_broker_and_through_redis_with_one(redis_url, expected):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "pilot.settings.local", "REDIS_URL": redis_url}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CELERY_TASK_ALWAYS_EAGER, s.CELERY_BROKER_URL)"
    )
    result = subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == expected


def test_the_beat_schedule_names_existing_tasks(settings):
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        task = import_string(entry["task"])
        assert task.name == entry["task"]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_task_goes_through_a_real_worker_on_redis(settings):
    """Queue a task on Redis, let a real worker thread run it, and see its effect."""
    from celery.contrib.testing.worker import start_worker

    redis_url = os.environ["REDIS_URL"]
    app.conf.update(broker_url=redis_url, task_always_eager=False)
    notification = NotificatieFactory(ontvanger__email="worker@uwv.example")
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            # An explicit connection: the app's producer pool may still point at memory://.
            with app.connection_for_write(redis_url) as connection:
                send_notification_email.apply_async((notification.pk,), connection=connection)
            # The effect is what counts: the worker marks the notification as mailed.
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                notification.refresh_from_db()
                if notification.email_verzonden_op:
                    break
                time.sleep(0.1)
    finally:
        app.conf.update(broker_url="memory://", task_always_eager=True)
    assert notification.email_verzonden_op is not None
    assert [m.to for m in mail.outbox] == [["worker@uwv.example"]]
