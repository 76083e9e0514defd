"""The file of an organisation-import dry run, kept for a short time so that "nu importeren"
needs no second upload.

It lives in the HR person's own session (server-side, bound to them, gone at logout), never
under a media URL. Only files up to MAX_BYTES are kept: the session is read on every request.
"""

import base64
import time

SESSION_KEY = "organisatie_import_proefdraai"
MAX_BYTES = 512 * 1024
LIFETIME_SECONDS = 15 * 60


def keep(session, raw: bytes) -> bool:
    if len(raw) > MAX_BYTES:
        return False
    session[SESSION_KEY] = {
        "bestand": base64.b64encode(raw).decode("ascii"),
        "tot": time.time() + LIFETIME_SECONDS,
    }
    return True


def take(session) -> bytes | None:
    """The kept file, once: taking it removes it. None when there is none or it expired."""
    kept = session.pop(SESSION_KEY, None)
    if not kept or kept.get("tot", 0) < time.time():
        return None
    return base64.b64decode(kept["bestand"])


def clear(session) -> None:
    session.pop(SESSION_KEY, None)
