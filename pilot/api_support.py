"""The API's one error contract and the one way an action endpoint runs.

Every action endpoint answers in the same order: 404 (the caller may not see the object) →
403 (not theirs to act on) → 409 (the state does not allow it) → 400 (the body is wrong). The
exception handler maps the domain errors that services raise, so no endpoint wraps its calls.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, status
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from pilot.parsing import parse_id
from pilot.workflow import TransitionNotAllowed

CONFLICT = OpenApiResponse(description="De overgang is in deze status niet toegestaan.")
FORBIDDEN = OpenApiResponse(description="U mag deze actie bij dit object niet uitvoeren.")
NOT_FOUND = OpenApiResponse(description="Het object bestaat niet of u mag het niet zien.")
BAD_REQUEST = OpenApiResponse(description="De invoer klopt niet; per veld de fouten.")
# The answers every action endpoint documents besides its success.
ACTION_ERRORS = {400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT}


class Bladeren(CursorPagination):
    """The page of every list that grows with the organisation or with time: a cursor, so no
    count and no OFFSET and the last page costs what the first does. 25 rows a page: a row of
    these records (a version, an exemption, a case with its zitting and advies) costs DRF a
    quarter of a millisecond to write, and 50 made a full page twice as slow as a span with a
    few. A client that walks the whole list asks for up to 100 a page with `?aantal=`.
    Subclasses name the order."""

    page_size = 25
    page_size_query_param = "aantal"
    max_page_size = 100


class NieuwsteEerst(Bladeren):
    """For lists that can hold a whole organisation: newest first."""

    ordering = "-pk"


def exception_handler(exc, context):
    if isinstance(exc, TransitionNotAllowed):
        return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DjangoPermissionDenied):
        # DRF would answer its generic text; keep the service's reason for the caller.
        exc = exceptions.PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)


def pk_or_404(value) -> int:
    """The id in the URL, or a 404: '²', '-1' or a 5 000-digit number is no id."""
    pk = parse_id(value)
    if pk is None:
        raise Http404
    return pk


class WorkflowActions:
    """Mixin for a viewset whose objects follow a workflow.

    Subclasses set `workflow`, `object_argument` (the service's keyword for the object) and
    define `party_for(user, obj)` (calling the app's permission helper); `run_action` does the
    rest.
    """

    workflow = None
    object_argument = ""

    def get_object(self):
        self.kwargs[self.lookup_field] = pk_or_404(self.kwargs.get(self.lookup_field))
        return super().get_object()

    def run_action(self, action: str, service, body=None, *, code=status.HTTP_200_OK):
        obj = self.get_object()  # 404
        self.workflow.check(obj, action, self.party_for(self.request.user, obj))  # 403, 409
        data = {}
        if body is not None:
            serializer = body(data=self.request.data)
            serializer.is_valid(raise_exception=True)  # 400
            data = serializer.validated_data
        result = service(actor=self.request.user, **{self.object_argument: obj}, **data)
        return Response(
            self.get_serializer(result, context=self.get_serializer_context()).data, status=code
        )


ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "description": "Een melding in het Nederlands; bij 400 per veld een lijst meldingen.",
}
ERROR_TEXTS = {
    "400": "De invoer klopt niet; per veld de fouten.",
    "403": "Niet ingelogd, of u mag dit niet doen.",
    "404": "Het object (of de gevraagde pagina) bestaat niet of u mag het niet zien.",
}


def document_error_answers(result, generator, request, public):
    """drf-spectacular hook: every operation documents the errors it can answer with.

    403 everywhere but the token login (the API needs a login), 404 where the path names an
    object or a list takes a page number, 400 where a body is read; 409 is documented by the
    workflow actions themselves (ACTION_ERRORS)."""
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            codes = []
            if not path.endswith("/token/"):
                codes.append("403")
            if "{" in path or method == "get":
                codes.append("404")
            if method in ("post", "put", "patch"):
                codes.append("400")
            for code in codes:
                responses.setdefault(
                    code,
                    {
                        "description": ERROR_TEXTS[code],
                        "content": {"application/json": {"schema": ERROR_SCHEMA}},
                    },
                )
    return result
