"""Who is asking: a logged-in session or an `Authorization: Token <key>` header.

The site's LoginRequiredMiddleware would redirect anonymous requests to the
login page; API views opt out of it and answer 401 JSON themselves instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from people.models import ApiToken

SAFE_METHODS = ("GET", "HEAD")
# last_used is a "seen lately" mark: write it at most this often per token.
LAST_USED_RESOLUTION = timedelta(minutes=1)

View = Callable[..., HttpResponse]


def error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def token_user(header: str) -> tuple[AbstractBaseUser | None, bool]:
    """(user, header_used) for an Authorization header value.

    header_used is False when the header is absent or not of the Token scheme
    (the session then decides); a Token header with an unknown key or an
    inactive user gives (None, True).
    """
    scheme, _, raw_key = header.strip().partition(" ")
    if scheme.lower() != "token":
        return None, False
    raw_key = raw_key.strip()
    if not raw_key:
        return None, True
    token = ApiToken.objects.select_related("user").filter(key=ApiToken.digest(raw_key)).first()
    if token is None or not token.user.is_active:
        return None, True
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user, True


def api_view(permission: str | None) -> Callable[[View], View]:
    """A read-only API view: GET/HEAD only (405), authenticated (401), permitted (403).

    `permission` is the Django permission the user needs ("engagements.view_trip"),
    or None for any authenticated user. CSRF checks are skipped: nothing here
    changes state, and token clients have no CSRF cookie.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in SAFE_METHODS:
                response = error(405, f"Method {request.method} not allowed; the API is read-only.")
                response["Allow"] = ", ".join(SAFE_METHODS)
                return response
            user, used_token = token_user(request.headers.get("Authorization", ""))
            if used_token and user is None:
                return _unauthorized("Invalid API token.")
            if user is None:
                if not request.user.is_authenticated:
                    return _unauthorized(
                        "Authentication required: log in, or send 'Authorization: Token <key>'."
                    )
                user = request.user
            request.user = user
            if permission and not user.has_perm(permission):
                return error(403, "You do not have permission to read this.")
            return view(request, *args, **kwargs)

        return login_not_required(csrf_exempt(wrapped))

    return decorate


def _unauthorized(message: str) -> JsonResponse:
    response = error(401, message)
    response["WWW-Authenticate"] = 'Token realm="api"'
    return response
