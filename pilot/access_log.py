"""Gunicorn access log without secrets (BIO): password-reset links and calendar-feed addresses
carry a token in the path."""

import re

from gunicorn.glogging import Logger

_RESET_LINK = re.compile(r"(/account/wachtwoord-herstellen/)[^/\s?]+/[^/\s?]+/")
_AGENDA_FEED = re.compile(r"(/agenda/)[^/\s?]+(\.ics)")


def redact(text: str) -> str:
    return _AGENDA_FEED.sub(r"\1[verborgen]\2", _RESET_LINK.sub(r"\1[verborgen]/", text))


class RedactingAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "{raw_uri}e"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms
