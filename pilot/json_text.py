"""Text in a JSON request body that the portal could never write back.

Python's json module accepts an escaped lone UTF-16 surrogate (`"\\ud800"`) and returns text that
cannot be encoded as UTF-8: a field error that quotes it fails while rendering, and PostgreSQL
refuses to store it — either way a 500. RefuseUnwritableJsonMiddleware asks here once for every
request, so no endpoint or field needs its own check, whatever parsers a view lists.
"""

import json
import re

_SURROGATE = re.compile("[\ud800-\udfff]")


class TooDeep(ValueError):
    """Nested deeper than the json module can follow."""


def has_lone_surrogate(body: bytes) -> bool:
    """True when the body is JSON with a lone surrogate in any key or text value.

    A body that is not valid JSON answers False: the view's own parser reports that as usual.
    """
    try:
        data = json.loads(body)
    except RecursionError as exc:
        raise TooDeep from exc
    except ValueError:
        return False
    return _contains_surrogate(data)


def _contains_surrogate(data) -> bool:
    # An explicit stack: the document may be nested as deep as the json module allows, deeper
    # than a recursive walk on top of a request's call stack could go.
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return True
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False
