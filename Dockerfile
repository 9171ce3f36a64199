# One image for the web server (gunicorn) and the Celery worker.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir -p diplomacy extraction reports people engagements \
    && touch diplomacy/__init__.py extraction/__init__.py reports/__init__.py \
       people/__init__.py engagements/__init__.py \
    && pip install . \
    && pip uninstall -y diplomacy-tracker

COPY . .
RUN pip install --no-deps . \
    && DJANGO_SETTINGS_MODULE=diplomacy.settings python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 --home-dir /app app \
    && chown -R app /app

USER app
EXPOSE 8000

# docker-compose overrides the command for the worker and the migrate step.
CMD ["gunicorn", "diplomacy.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
