"""Start-up guard for the web server."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def require_secret_key() -> None:
    """Fail fast when a web server would start without SECRET_KEY outside debug mode."""
    if not settings.SECRET_KEY_FROM_ENVIRONMENT and not settings.DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment, or DEBUG=1 for development."
        )
