"""The client's address: derived here, once, for the login lock, the API throttle and the audit.

Behind N reverse proxies that we run, REMOTE_ADDR is the last proxy, and each proxy appended the
address it saw to X-Forwarded-For. So the N-th entry from the right was written by our first proxy
and is the client; everything to its left was sent by the client and proves nothing. With
TRUSTED_PROXY_COUNT = 0 (the default: the portal's port is reached directly) the header is ignored.
"""

from ipaddress import ip_address

from django.conf import settings


def client_ip(request) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(hops) < proxies or not hops[-proxies]:
        # Fewer entries than proxies: the request did not pass through all of them.
        return remote
    return _valid(hops[-proxies]) or remote


def _valid(text: str) -> str | None:
    try:
        return str(ip_address(text.strip()))
    except ValueError:
        return None
