from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import mixins, serializers, viewsets
from rest_framework.authtoken.views import ObtainAuthToken

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


class TokenView(ObtainAuthToken):
    """POST username and password, get `{"token": …}` for the Authorization header."""

    throttle_classes = [AnonRateThrottle]

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
        responses={200: {"type": "object", "properties": {"token": {"type": "string"}}}},
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


# Swagger UI sets style attributes on its elements; only this page may use inline styles.
swagger_ui = csp_override(
    {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF],
        "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
        "img-src": [CSP.SELF, "data:"],
        "object-src": [CSP.NONE],
        "frame-ancestors": [CSP.NONE],
    }
)(SpectacularSwaggerSplitView.as_view(url_name="api_schema"))
