"""Healthcheck of the web container: GET /healthz on this container, as the TLS proxy would.

Production settings redirect plain HTTP to HTTPS and answer only to DJANGO_ALLOWED_HOSTS, so the
request says it came through the proxy (X-Forwarded-Proto: https, which SECURE_PROXY_SSL_HEADER
trusts) and names the first allowed host. Exit status 0 when /healthz answers 200 (database and,
when configured, Redis reachable), 1 otherwise. Standard library only: it runs in the image.

    python scripts/healthcheck.py [URL]     # default http://127.0.0.1:8000/healthz
"""

import os
import sys
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000/healthz"


def allowed_host() -> str:
    hosts = [host.strip() for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")]
    for host in hosts:
        if host and host != "*":
            # ".example.nl" allows every subdomain; the bare domain is one of them.
            return host.lstrip(".")
    return "localhost"


def main(url: str = DEFAULT_URL) -> int:
    request = urllib.request.Request(  # noqa: S310 - a fixed local http URL, not user input.
        url, headers={"Host": allowed_host(), "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            status = response.status
    except OSError as exc:  # URLError, HTTPError (a 503 from /healthz), timeouts.
        print(f"healthz: {exc}", file=sys.stderr)
        return 1
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
