"""API throttles that count per client address as pilot/client_address.py derives it.

DRF's own get_ident trusts a raw X-Forwarded-For when no proxy count is set, so a client could
pick a new address for every request and never be throttled.
"""

from rest_framework import throttling

from pilot.client_address import client_ip


class AnonRateThrottle(throttling.AnonRateThrottle):
    def get_ident(self, request) -> str:
        return client_ip(request) or ""
