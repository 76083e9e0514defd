from django.contrib.auth.decorators import login_required
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from knox.models import AuthToken
from rest_framework import mixins, serializers, viewsets
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from pilot import tokens
from pilot.models import Periode
from pilot.throttling import AnonRateThrottle


class PeriodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Periode
        fields = ["id", "naam", "startdatum", "einddatum", "is_demo"]


class PeriodeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Pilot periods; readable by everyone who is logged in."""

    serializer_class = PeriodeSerializer
    queryset = Periode.objects.all()


class TokenView(APIView):
    """POST username and password, get `{"token": …}` for the Authorization header.

    Every call issues a new token that expires (see pilot/tokens.py); `verloopt_op` says when.
    """

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]
    parser_classes = [FormParser, MultiPartParser, JSONParser]
    renderer_classes = [JSONRenderer]

    # The answer is a credential: no cache may keep it (the caller is not signed in yet, so the
    # middleware that marks personal responses does not see it as one).
    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    @extend_schema(
        request={
            "application/json": {
                "type": "object",
                "properties": {"username": {"type": "string"}, "password": {"type": "string"}},
            }
        },
        responses={
            200: {
                "type": "object",
                "properties": {
                    "token": {"type": "string"},
                    "verloopt_op": {"type": "string", "format": "date-time"},
                },
            }
        },
    )
    def post(self, request, *args, **kwargs):
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        instance, text = tokens.issue(user=serializer.validated_data["user"], request=request)
        return Response(
            {
                "token": text,
                "verloopt_op": serializers.DateTimeField().to_representation(instance.expiry),
            }
        )


class ApiTokenSerializer(serializers.Serializer):
    kenmerk = serializers.SerializerMethodField()
    aangemaakt_op = serializers.DateTimeField(source="created")
    verloopt_op = serializers.DateTimeField(source="expiry")
    huidig = serializers.SerializerMethodField()

    def get_kenmerk(self, token) -> str:
        return tokens.kenmerk(token)

    def get_huidig(self, token) -> bool:
        """True for the token this request was made with."""
        current = self.context["request"].auth
        return isinstance(current, AuthToken) and current.digest == token.digest


class ApiTokenViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The caller's own API tokens; DELETE one to revoke it (any other token is a 404)."""

    serializer_class = ApiTokenSerializer
    lookup_field = "kenmerk"
    lookup_value_regex = "[0-9a-f]+"

    def get_queryset(self):
        return tokens.tokens_of(self.request.user)

    def destroy(self, request, kenmerk: str):
        tokens.revoke(user=request.user, token_kenmerk=kenmerk)
        return Response(status=204)


# Swagger UI sets style attributes on its elements; only this page may use inline styles. A
# person who is not logged in is sent to the login page, as on every other page.
swagger_ui = login_required(
    csp_override(
        {
            "default-src": [CSP.SELF],
            "script-src": [CSP.SELF],
            "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
            "img-src": [CSP.SELF, "data:"],
            "object-src": [CSP.NONE],
            "frame-ancestors": [CSP.NONE],
        }
    )(SpectacularSwaggerSplitView.as_view(url_name="api_schema"))
)
