"""REST API for exemptions: the same services and authorisation as the pages.

The storage name of an evidence document is
never sent; a `bewijsstuk_url` only to those who may download it (the employee and HR). What the
employee wrote and declared (DETAIL_VELDEN) only to those who may see the details (the employee
and HR, `permissions.mag_details_zien`); for a leidinggevende or vervanger those keys are absent.

Errors follow the one contract of pilot.api_support: 404 → 403 → 409 → 400.
"""

from functools import cached_property

from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from convenant import permissions, services
from convenant.api.fields import MotivatieSerializer, kantoordagen_field
from convenant.models import (
    AANVRAAGBARE_CATEGORIEEN,
    MAX_MANTELZORG_UREN,
    MAX_TOELICHTING_UITZONDERING,
    UITZONDERING_WORKFLOW,
    Bewijstype,
    Uitzondering,
    UitzonderingActie,
)
from convenant.services.uitzondering_regels import Aanvraag
from pilot.api_support import ACTION_ERRORS, NOT_FOUND, NieuwsteEerst, WorkflowActions
from pilot.rows import address_format

# Only for those who may see the details; absent (not null) for anyone else. Declared without
# read_only so that the schema shows them as optional: this serializer is never used for input.
DETAIL_VELDEN = ("op_advies_bedrijfsarts", "mantelzorg_uren", "toelichting", "bewijsstuk_type")
ALLEEN_VOOR_MEDEWERKER_EN_HR = "Alleen voor de medewerker en HR; anders ontbreekt dit veld."


class UitzonderingSerializer(serializers.ModelSerializer):
    medewerker_naam = serializers.CharField(source="medewerker.naam", read_only=True)
    bewijs_aanwezig = serializers.BooleanField(source="heeft_bewijsstuk", read_only=True)
    geverifieerd = serializers.BooleanField(read_only=True)
    bewijsstuk_url = serializers.SerializerMethodField()
    op_advies_bedrijfsarts = serializers.BooleanField(
        required=False, help_text=ALLEEN_VOOR_MEDEWERKER_EN_HR
    )
    mantelzorg_uren = serializers.DecimalField(
        max_digits=3,
        decimal_places=1,
        allow_null=True,
        required=False,
        help_text=ALLEEN_VOOR_MEDEWERKER_EN_HR,
    )
    toelichting = serializers.CharField(
        allow_blank=True, required=False, help_text=ALLEEN_VOOR_MEDEWERKER_EN_HR
    )
    bewijsstuk_type = serializers.ChoiceField(
        choices=Bewijstype.choices,
        allow_blank=True,
        required=False,
        help_text=ALLEEN_VOOR_MEDEWERKER_EN_HR,
    )

    class Meta:
        model = Uitzondering
        fields = [
            "id",
            "medewerker",
            "medewerker_naam",
            "categorie",
            "status",
            "kantoordagen",
            "ingangsdatum",
            "einddatum",
            "herbeoordelingsdatum",
            "op_advies_bedrijfsarts",
            "mantelzorg_uren",
            "toelichting",
            "bewijs_aanwezig",
            "bewijsstuk_type",
            "bewijsstuk_url",
            "geverifieerd",
            "geverifieerd_op",
            "niet_aantoonbaar_op",
            "niet_aantoonbaar_motivatie",
            "motivatie",
            "aangevraagd_op",
            "besloten_op",
            "verlopen_op",
        ]
        read_only_fields = [name for name in fields if name not in DETAIL_VELDEN]

    def to_representation(self, uitzondering):
        data = super().to_representation(uitzondering)
        request = self.context.get("request")
        if request is None or not permissions.mag_details_zien(request.user, uitzondering):
            for name in DETAIL_VELDEN:
                del data[name]
        return data

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_bewijsstuk_url(self, uitzondering) -> str | None:
        request = self.context.get("request")
        if (
            request is None
            or not uitzondering.bewijsstuk
            or not permissions.mag_bewijsstuk_zien(request.user, uitzondering)
        ):
            return None
        return self._bewijsstuk_adres.format(uitzondering.pk)

    @cached_property
    def _bewijsstuk_adres(self) -> str:
        # A list's rows share this serializer: the address is reversed once, not per row.
        return address_format("uitzondering_bewijsstuk")


class AanvraagSerializer(serializers.Serializer):
    categorie = serializers.ChoiceField(
        choices=[(c.value, c.label) for c in AANVRAAGBARE_CATEGORIEEN],
        help_text="Deeltijd volgt uit de contracturen en wordt niet aangevraagd.",
    )
    kantoordagen = kantoordagen_field()
    ingangsdatum = serializers.DateField()
    einddatum = serializers.DateField()
    herbeoordelingsdatum = serializers.DateField(required=False, allow_null=True, default=None)
    op_advies_bedrijfsarts = serializers.BooleanField(required=False, default=False)
    mantelzorg_uren = serializers.DecimalField(
        max_digits=3,
        decimal_places=1,
        min_value=0,
        max_value=MAX_MANTELZORG_UREN,
        required=False,
        allow_null=True,
        default=None,
    )
    toelichting = serializers.CharField(
        max_length=MAX_TOELICHTING_UITZONDERING, required=False, allow_blank=True, default=""
    )
    bewijsstuk = serializers.FileField(
        required=False,
        allow_empty_file=True,  # the service says why an empty file is refused
        help_text="PDF, JPEG of PNG (op inhoud gecontroleerd), hoogstens 10 MB; multipart.",
    )


@extend_schema_view(
    list=extend_schema(summary="Uitzonderingen die u mag zien (eigen, van uw team, of als HR)"),
    retrieve=extend_schema(
        summary="Eén uitzondering", responses={200: UitzonderingSerializer, 404: NOT_FOUND}
    ),
)
class UitzonderingViewSet(
    WorkflowActions,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    pagination_class = NieuwsteEerst
    serializer_class = UitzonderingSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    workflow = UITZONDERING_WORKFLOW
    object_argument = "uitzondering"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Uitzondering.objects.none()
        uitzonderingen = permissions.zichtbare_uitzonderingen(self.request.user)
        if self.action == "list":
            # A row names its person; the team and the deciders the pages show cost PostgreSQL
            # more to plan than to run (8 tables), and two model instances a row.
            return uitzonderingen.select_related(None).select_related("medewerker")
        return uitzonderingen

    def party_for(self, user, uitzondering):
        return permissions.uitzondering_partij(user, uitzondering)

    @extend_schema(
        request={"multipart/form-data": AanvraagSerializer, "application/json": AanvraagSerializer},
        responses={201: UitzonderingSerializer, 400: ACTION_ERRORS[400]},
        summary="Een uitzondering aanvragen (eigen)",
    )
    def create(self, request):
        serializer = AanvraagSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        bestand = data.pop("bewijsstuk", None)
        uitzondering = services.uitzondering_aanvragen(
            actor=request.user, aanvraag=Aanvraag(**data), bestand=bestand
        )
        body = UitzonderingSerializer(uitzondering, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: UitzonderingSerializer, **ACTION_ERRORS})
    @action(detail=True, methods=["post"])
    def toekennen(self, request, pk=None):
        return self.run_action(UitzonderingActie.TOEKENNEN, services.uitzondering_toekennen)

    @extend_schema(
        request=MotivatieSerializer, responses={200: UitzonderingSerializer, **ACTION_ERRORS}
    )
    @action(detail=True, methods=["post"])
    def afwijzen(self, request, pk=None):
        return self.run_action(
            UitzonderingActie.AFWIJZEN, services.uitzondering_afwijzen, MotivatieSerializer
        )

    @extend_schema(
        request=None,
        responses={200: UitzonderingSerializer, **ACTION_ERRORS},
        summary="HR: een eerdere schriftelijke afspraak verifiëren",
    )
    @action(detail=True, methods=["post"])
    def verifieren(self, request, pk=None):
        return self.run_action(UitzonderingActie.VERIFIEREN, services.uitzondering_verifieren)

    @extend_schema(
        request=MotivatieSerializer,
        responses={200: UitzonderingSerializer, **ACTION_ERRORS},
        summary="HR: een eerdere schriftelijke afspraak is niet aantoonbaar",
    )
    @action(detail=True, methods=["post"], url_path="niet_aantoonbaar")
    def niet_aantoonbaar(self, request, pk=None):
        return self.run_action(
            UitzonderingActie.NIET_AANTOONBAAR,
            services.uitzondering_niet_aantoonbaar,
            MotivatieSerializer,
        )
