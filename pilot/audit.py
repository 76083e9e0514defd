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


def events_of(objects) -> list[AuditEvent]:
    """The events of objects of any types, oldest first, in one query: a page that shows
    several timelines (a case, its geschil and the history of what it is about) reads them
    together; `per_object` sorts them out."""
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


def per_object(objects, events) -> dict[int, list[AuditEvent]]:
    """Per object of one type (by pk) its events among `events`, in their order."""
    objects = list(objects)
    grouped: dict[int, list[AuditEvent]] = {obj.pk: [] for obj in objects}
    if objects:
        object_type = objects[0]._meta.label_lower
        for event in events:
            if event.object_type == object_type and int(event.object_id) in grouped:
                grouped[int(event.object_id)].append(event)
    return grouped


def timelines_for(objects) -> dict[int, list[AuditEvent]]:
    """The timelines of many objects of one type in one query, oldest event first."""
    objects = list(objects)
    return per_object(objects, events_of(objects))
