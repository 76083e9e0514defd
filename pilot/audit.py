"""The one helper every service calls to write the timeline.

The origin IP comes from the request being served (set by AuditContextMiddleware), so services
do not need a request argument and Celery jobs simply record no IP.
"""

from contextvars import ContextVar

from django.db import models

from pilot.models import AuditEvent

_origin_ip: ContextVar[str | None] = ContextVar("audit_origin_ip", default=None)
# The person whose request is being served (None in Celery jobs): notifications skip them.
_actor_id: ContextVar = ContextVar("audit_actor_id", default=None)


def set_origin_ip(ip: str | None):
    return _origin_ip.set(ip)


def reset_origin_ip(token) -> None:
    _origin_ip.reset(token)


def set_actor(actor_id_of) -> object:
    """`actor_id_of` is a callable, so the user is loaded only if someone asks."""
    return _actor_id.set(actor_id_of)


def reset_actor(token) -> None:
    _actor_id.reset(token)


def current_actor_id():
    actor_id_of = _actor_id.get()
    return actor_id_of() if actor_id_of else None


def record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    object_label: str = "",
    from_state: str = "",
    to_state: str = "",
    result: str = AuditEvent.Resultaat.GELUKT,
    note: str = "",
    on_behalf_of=None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        namens=on_behalf_of,
        actie=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_omschrijving=(str(obj) if obj is not None else object_label)[:255],
        van_status=from_state or "",
        naar_status=to_state or "",
        resultaat=result,
        ip_adres=_origin_ip.get(),
        notitie=note,
    )


def timeline_for(obj: models.Model):
    return AuditEvent.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor", "namens")


def events_of(objects) -> list[AuditEvent]:
    """The events of objects of any types, oldest first, in one query: a page that shows
    several timelines (a case, its geschil and the history of what it is about) reads them
    together."""
    per_type: dict[str, list[str]] = {}
    for obj in objects:
        per_type.setdefault(obj._meta.label_lower, []).append(str(obj.pk))
    if not per_type:
        return []
    wanted = models.Q()
    for object_type, ids in per_type.items():
        wanted |= models.Q(object_type=object_type, object_id__in=ids)
    events = AuditEvent.objects.filter(wanted).select_related("actor", "namens")
    return list(events.order_by("tijdstip", "pk"))


def timelines_for(objects) -> dict[int, list[AuditEvent]]:
    """The timelines of many objects of one type in one query, oldest event first."""
    objects = list(objects)
    if not objects:
        return {}
    grouped: dict[int, list[AuditEvent]] = {obj.pk: [] for obj in objects}
    events = AuditEvent.objects.filter(
        object_type=objects[0]._meta.label_lower,
        object_id__in=[str(obj.pk) for obj in objects],
    ).select_related("actor", "namens")
    for event in events.order_by("tijdstip", "pk"):
        grouped[int(event.object_id)].append(event)
    return grouped
