"""REST API for agreements: the same services and authorisation as the pages.

Errors follow the one contract of pilot.api_support: 404 → 403 → 409 → 400.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from convenant import permissions, services
from convenant.api.fields import MotivatieSerializer, kantoordagen_field, weekdagen_field
from convenant.models import AFSPRAAK_WORKFLOW, Actie, Afspraak, Overweging
from convenant.services.afspraak_basis import Voorstel
from convenant.validators import MAX_TEKST, validate_overwegingen
from pilot.api_support import ACTION_ERRORS, NOT_FOUND, NieuwsteEerst, WorkflowActions
from werkplekken.models import Locatie


class AfspraakSerializer(serializers.ModelSerializer):
    medewerker_naam = serializers.CharField(source="medewerker.naam", read_only=True)

    class Meta:
        model = Afspraak
        fields = [
            "id",
            "medewerker",
            "medewerker_naam",
            "leidinggevende",
            "opgesteld_door",
            "periode",
            "versie",
            "vorige",
            "status",
            "kantoordagen",
            "tegenvoorstel_kantoordagen",
            "tegenvoorstel_voorkeursdagen",
            "tegenvoorstel_locatie",
            "voorkeursdagen",
            "locatie",
            "ingangsdatum",
            "einddatum",
            "overwegingen",
            "toelichting",
            "motivatie",
            "onder_norm_overweging",
            "onder_norm_toelichting",
            "streefnorm_dagen",
            "ingediend_op",
            "besloten_op",
        ]
        read_only_fields = fields


class VoorstelSerializer(serializers.Serializer):
    medewerker = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2**63 - 1,  # an id the database can hold, or a 400 before it is asked
        help_text="Alleen voor een leidinggevende: het teamlid voor wie u een voorstel doet.",
    )
    kantoordagen = kantoordagen_field()
    voorkeursdagen = weekdagen_field(required=False, default=list)
    locatie = serializers.PrimaryKeyRelatedField(
        queryset=Locatie.objects.all(), required=False, allow_null=True, default=None
    )
    ingangsdatum = serializers.DateField()
    einddatum = serializers.DateField()
    overwegingen = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        default=dict,
        help_text=(
            "Per overweging de toelichting (tekst, hoogstens 1000 tekens); bij medisch_sociaal "
            "alleen true: die speelt een rol, zonder toelichting."
        ),
    )
    toelichting = serializers.CharField(
        max_length=MAX_TEKST, required=False, allow_blank=True, default=""
    )
    onder_norm_overweging = serializers.ChoiceField(
        choices=Overweging.choices, required=False, allow_blank=True, default=""
    )
    onder_norm_toelichting = serializers.CharField(
        max_length=MAX_TEKST, required=False, allow_blank=True, default=""
    )
    indienen = serializers.BooleanField(
        required=False, default=False, help_text="Direct indienen in plaats van als concept."
    )

    def validate_overwegingen(self, value):
        try:
            validate_overwegingen(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return value


class OnderNormSerializer(serializers.Serializer):
    onder_norm_overweging = serializers.ChoiceField(
        choices=Overweging.choices, required=False, allow_blank=True, default=""
    )
    onder_norm_toelichting = serializers.CharField(
        max_length=MAX_TEKST, required=False, allow_blank=True, default=""
    )


class TegenvoorstelSerializer(OnderNormSerializer):
    kantoordagen = kantoordagen_field(help_text="Kantoordagen per week in het tegenvoorstel.")
    motivatie = serializers.CharField(
        max_length=MAX_TEKST, help_text="Verplicht, minstens 20 tekens; de medewerker leest dit."
    )
    voorkeursdagen = weekdagen_field(
        required=False,
        help_text=(
            "Voorkeursdagen in het tegenvoorstel (1 = maandag … 5 = vrijdag). Weglaten: de "
            "dagen uit het voorstel van de medewerker."
        ),
    )
    locatie = serializers.PrimaryKeyRelatedField(
        queryset=Locatie.objects.all(),
        required=False,
        allow_null=True,
        help_text="Kantoorlocatie in het tegenvoorstel. Weglaten of null: zoals in het voorstel.",
    )


class WeigerenSerializer(serializers.Serializer):
    toelichting = serializers.CharField(
        max_length=MAX_TEKST, required=False, allow_blank=True, default=""
    )


class NieuwsteVersieEerst(NieuwsteEerst):
    # Newest by creation time, not by id: no index serves this order, so the database gathers the
    # versions of the people the caller may see (through the person index) and sorts only those;
    # the cost follows the caller's span. Ordered by id, the planner walks the whole table
    # backwards and filters, which reads most of it when the span's versions happen to be old.
    ordering = "-aangemaakt_op"


@extend_schema_view(
    list=extend_schema(summary="Afspraken die u mag zien (eigen en van uw team)"),
    retrieve=extend_schema(
        summary="Eén versie van een afspraak", responses={200: AfspraakSerializer, 404: NOT_FOUND}
    ),
)
class AfspraakViewSet(
    WorkflowActions,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    pagination_class = NieuwsteVersieEerst
    serializer_class = AfspraakSerializer
    workflow = AFSPRAAK_WORKFLOW
    object_argument = "afspraak"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Afspraak.objects.none()
        zichtbaar = permissions.zichtbare_afspraken(self.request.user)
        if self.action == "list":
            # The list shows ids and the person's name, read for the page's 25 rows in a query
            # of their own. Joined in the same query, PostgreSQL joined every version of the
            # caller's people before sorting out the page: an afdelingshoofd's 1 500 versions
            # cost 8 ms at UWV scale, picking the page first and then its people 3.5 ms. (The
            # eight joins a detail page needs made it 125 ms: the written join order, kept for
            # ten tables, joined every agreement in the organisation first.)
            return zichtbaar.select_related(None).prefetch_related("medewerker")
        return zichtbaar

    def party_for(self, user, afspraak):
        return permissions.afspraak_partij(user, afspraak)

    @extend_schema(
        request=VoorstelSerializer,
        responses={201: AfspraakSerializer, **ACTION_ERRORS},
        summary="Voorstel maken (eigen, of als leidinggevende voor een teamlid)",
    )
    def create(self, request):
        serializer = VoorstelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        member_pk = data.pop("medewerker", None)
        indienen = data.pop("indienen")
        voorstel = Voorstel(**data)
        if member_pk is not None and member_pk != request.user.pk:
            lid = permissions.lid_for_voorstel(request.user, member_pk)
            afspraak = services.afspraak_voorstellen(
                actor=request.user, medewerker=lid, voorstel=voorstel
            )
        else:
            afspraak = services.afspraak_opslaan(
                actor=request.user, voorstel=voorstel, indienen=indienen
            )
        return Response(AfspraakSerializer(afspraak).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: AfspraakSerializer, **ACTION_ERRORS})
    @action(detail=True, methods=["post"])
    def indienen(self, request, pk=None):
        return self.run_action(Actie.INDIENEN, services.afspraak_indienen)

    @extend_schema(
        request=OnderNormSerializer, responses={200: AfspraakSerializer, **ACTION_ERRORS}
    )
    @action(detail=True, methods=["post"])
    def akkoord(self, request, pk=None):
        return self.run_action(Actie.AKKOORD, services.afspraak_akkoord, OnderNormSerializer)

    @extend_schema(
        request=TegenvoorstelSerializer, responses={200: AfspraakSerializer, **ACTION_ERRORS}
    )
    @action(detail=True, methods=["post"])
    def tegenvoorstel(self, request, pk=None):
        return self.run_action(
            Actie.TEGENVOORSTEL, services.afspraak_tegenvoorstel, TegenvoorstelSerializer
        )

    @extend_schema(
        request=MotivatieSerializer, responses={200: AfspraakSerializer, **ACTION_ERRORS}
    )
    @action(detail=True, methods=["post"])
    def afwijzen(self, request, pk=None):
        return self.run_action(Actie.AFWIJZEN, services.afspraak_afwijzen, MotivatieSerializer)

    @extend_schema(request=None, responses={200: AfspraakSerializer, **ACTION_ERRORS})
    @action(detail=True, methods=["post"])
    def accepteren(self, request, pk=None):
        return self.run_action(Actie.ACCEPTEREN, services.afspraak_accepteren)

    @extend_schema(request=None, responses={200: AfspraakSerializer, **ACTION_ERRORS})
    @action(detail=True, methods=["post"])
    def intrekken(self, request, pk=None):
        return self.run_action(Actie.INTREKKEN, services.afspraak_intrekken)

    @extend_schema(request=WeigerenSerializer, responses={200: AfspraakSerializer, **ACTION_ERRORS})
    @action(detail=True, methods=["post"])
    def weigeren(self, request, pk=None):
        return self.run_action(Actie.WEIGEREN, services.afspraak_weigeren, WeigerenSerializer)
