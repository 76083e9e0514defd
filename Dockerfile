# One image for every role in docker-compose.yml: web (gunicorn), worker and beat (Celery), and
# the one-off migrate job. Build: docker build -t kantoordagen-portaal .
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=pilot.settings.production \
    PRIVATE_MEDIA_ROOT=/data/private-media

WORKDIR /app

# Dependencies first, from pyproject.toml alone: the project declares `packages = []`, so
# `pip install .` installs the dependencies and no code. This layer is rebuilt only when
# pyproject.toml changes; the code is copied afterwards and runs from /app.
COPY pyproject.toml ./
RUN pip install . && rm -rf build *.egg-info

COPY . .

# Static files are collected into the image and served by WhiteNoise (hashed names, compressed).
# Production settings refuse to load without a secret key and allowed hosts; these dummies exist
# for this one command only and are not part of the image's environment.
RUN DJANGO_SECRET_KEY=collectstatic-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz \
    DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

# Run as an unprivileged user. The code stays owned by root (read-only for the app); only the
# private-media folder is writable. A named volume mounted there inherits this ownership.
RUN groupadd --system --gid 10001 portaal \
    && useradd --system --uid 10001 --gid portaal --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin portaal \
    && mkdir -p /data/private-media \
    && chown portaal:portaal /data/private-media
USER portaal:portaal

EXPOSE 8000
CMD ["gunicorn", "pilot.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--logger-class", "pilot.access_log.RedactingAccessLogger"]
