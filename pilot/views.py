from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from pilot import login_lock, notifications, selectors, tokens
from pilot.forms import CsvImportForm
from pilot.organisation_import import import_organisation
from pilot.permissions import role_required


@login_required
def start(request):
    return render(request, "pilot/start.html", {"cards": selectors.attention_cards(request.user)})


@login_required
def notificatie_lijst(request):
    page = Paginator(selectors.notifications_for(request.user), 25).get_page(
        request.GET.get("pagina")
    )
    return render(request, "pilot/notificaties.html", {"page": page})


@login_required
@require_POST
def notificatie_gelezen(request, pk: int):
    notification = selectors.notification_for(request.user, pk)
    notifications.mark_read(user=request.user, notification_id=notification.pk)
    target = notification.link
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notificaties")


@login_required
@require_POST
def notificaties_alles_gelezen(request):
    count = notifications.mark_all_read(user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s notificatie gemarkeerd als gelezen.",
            "%(count)s notificaties gemarkeerd als gelezen.",
            count,
        )
        % {"count": count},
    )
    return redirect("notificaties")


@role_required("hr")
def organisatie_import(request):
    report = None
    if request.method == "POST":
        form = CsvImportForm(request.POST, request.FILES)
        if form.is_valid():
            report = import_organisation(
                raw=form.cleaned_data["bestand"].read(),
                actor=request.user,
                dry_run=form.cleaned_data["proefdraai"],
            )
            if report.ok and not report.dry_run:
                messages.success(
                    request, _("Import verwerkt. %(summary)s") % {"summary": report.summary()}
                )
    else:
        form = CsvImportForm()
    return render(request, "pilot/organisatie_import.html", {"form": form, "report": report})


class LogoutView(auth_views.LogoutView):
    """Logging out also ends the person's API tokens: logout means every way in is closed."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            tokens.revoke_all(user=request.user, reason="uitgelogd")
        return super().post(request, *args, **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A new password ends every API token made with the old one (it may have been stolen)."""

    def form_valid(self, form):
        response = super().form_valid(form)
        tokens.revoke_all(user=form.user, reason="wachtwoord hersteld")
        return response


@login_required
def api_tokens(request):
    return render(
        request,
        "pilot/api_tokens.html",
        {
            "tokens": tokens.token_overview(request.user),
            "uren_stil": tokens.hours(settings.REST_KNOX["TOKEN_TTL"]),
            "uren_max": tokens.hours(settings.REST_KNOX["AUTO_REFRESH_MAX_TTL"]),
        },
    )


@login_required
@require_POST
def api_token_intrekken(request, kenmerk: str):
    tokens.revoke(user=request.user, token_kenmerk=kenmerk)
    messages.success(request, _("Het API-token is ingetrokken."))
    return redirect("api_tokens")


@role_required("hr")
def inlogblokkades(request):
    return render(
        request,
        "pilot/inlogblokkades.html",
        {
            "blokkades": login_lock.recent_failures(),
            "per_adres": settings.AXES_FAILURE_LIMIT,
            "hele_account": settings.ACCOUNT_LOCK_FAILURE_LIMIT,
        },
    )


@role_required("hr")
@require_POST
def inlogblokkade_opheffen(request):
    username = request.POST.get("gebruikersnaam", "").strip()
    if username:
        login_lock.unlock(actor=request.user, username=username)
        messages.success(
            request,
            _("De inlogblokkade van %(username)s is opgeheven.") % {"username": username},
        )
    return redirect("inlogblokkades")


def toegankelijkheid(request):
    return render(request, "pilot/toegankelijkheid.html")


@require_GET
@never_cache
def healthz(request):
    checks = {"database": _check_database()}
    redis_status = _check_redis()
    if redis_status is not None:
        checks["redis"] = redis_status
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "fout", "checks": checks}, status=200 if healthy else 503
    )


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means unhealthy; the reason is not exposed.
        return "fout"
    return "ok"


def _check_redis() -> str | None:
    if not settings.REDIS_URL:
        return None
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2
        )
        client.ping()
    except redis.RedisError:
        return "fout"
    return "ok"
