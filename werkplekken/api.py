"""API: locations and desks (read for all, write for facilitair), one's own reservations and
attendance, and the capacity check. Errors follow pilot.api_support's contract."""

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from pilot.api_support import ACTION_ERRORS, BAD_REQUEST, Bladeren, WorkflowActions, pk_or_404
from pilot.parsing import parse_id
from werkplekken import permissions as rechten
from werkplekken.models import Aanwezigheid, Dagdeel, Locatie, Reden, Reservering, Soort, Werkplek
from werkplekken.selectors.capaciteit import capaciteit, volgende_werkweek
from werkplekken.services import aanwezigheid as aanwezigheid_services
from werkplekken.services import beheer
from werkplekken.services import reserveringen as services
from werkplekken.validators import validate_weekdagen
from werkplekken.workflow import WORKFLOW


class AlleenFacilitairSchrijft(permissions.BasePermission):
    message = "Alleen facilitair beheer mag locaties en werkplekken wijzigen."

    def has_permission(self, request, view) -> bool:
        return request.method in permissions.SAFE_METHODS or rechten.mag_beheren(request.user)


class LocatieSerializer(serializers.ModelSerializer):
    openingsdagen = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=5), max_length=5
    )

    class Meta:
        model = Locatie
        fields = ["id", "naam", "adres", "plaats", "openingsdagen", "bezettingsnorm"]

    def validate_openingsdagen(self, value):
        try:
            validate_weekdagen(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None
        return sorted(value)


class WerkplekSerializer(serializers.ModelSerializer):
    locatie = serializers.IntegerField(source="zone.locatie_id", read_only=True)

    class Meta:
        model = Werkplek
        fields = [
            "id",
            "zone",
            "locatie",
            "code",
            "hoog_laag",
            "toegankelijk",
            "dubbel_scherm",
            "reserveerbaar",
            "x",
            "y",
        ]


class _Beheer(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Read for everyone logged in; create and change for facilitair beheer. No delete:
    a desk with a history is switched off (`reserveerbaar`), not removed."""

    permission_classes = [permissions.IsAuthenticated, AlleenFacilitairSchrijft]

    def get_object(self):
        self.kwargs[self.lookup_field] = pk_or_404(self.kwargs.get(self.lookup_field))
        return super().get_object()

    # Writes go through the management services, as on the pages: the same rules (a desk code
    # once per location, a desk inside its zone) and a timeline row for every change.
    velden: tuple[str, ...] = ()

    def _waarden(self, serializer, huidig=None) -> dict:
        """The serializer's values on top of the object's (PATCH) or the model's defaults."""
        model = serializer.Meta.model
        basis = huidig or model()
        return {naam: getattr(basis, naam, None) for naam in self.velden} | dict(
            serializer.validated_data
        )

    def perform_create(self, serializer):
        serializer.instance = self.aanmaken(actor=self.request.user, **self._waarden(serializer))

    def perform_update(self, serializer):
        waarden = self._waarden(serializer, serializer.instance)
        self.bijwerken(serializer.instance, actor=self.request.user, **waarden)
        serializer.instance.refresh_from_db()


class LocatieViewSet(_Beheer):
    serializer_class = LocatieSerializer
    queryset = Locatie.objects.order_by("naam")
    velden = beheer.LOCATIE_VELDEN

    @staticmethod
    def aanmaken(**kwargs):
        return beheer.locatie_aanmaken(**kwargs)

    @staticmethod
    def bijwerken(locatie, **kwargs):
        return beheer.locatie_bijwerken(locatie=locatie, **kwargs)


@extend_schema(parameters=[OpenApiParameter("locatie", int, description="Alleen deze locatie")])
class WerkplekViewSet(_Beheer):
    serializer_class = WerkplekSerializer

    velden = beheer.WERKPLEK_VELDEN

    @staticmethod
    def aanmaken(**kwargs):
        return beheer.werkplek_aanmaken(**kwargs)

    @staticmethod
    def bijwerken(werkplek, **kwargs):
        return beheer.werkplek_bijwerken(werkplek=werkplek, **kwargs)

    def get_queryset(self):
        queryset = Werkplek.objects.select_related("zone").order_by("pk")
        if "locatie" in self.request.query_params:
            locatie_id = parse_id(self.request.query_params["locatie"])
            queryset = queryset.filter(zone__locatie_id=locatie_id or 0)
        return queryset


class ReserveringSerializer(serializers.ModelSerializer):
    locatie = serializers.IntegerField(source="plek_locatie.pk", read_only=True)
    acties = serializers.SerializerMethodField()

    class Meta:
        model = Reservering
        fields = [
            "id",
            "medewerker",
            "werkplek",
            "locatie",
            "datum",
            "dagdeel",
            "status",
            "teamdag",
            "ingecheckt_op",
            "acties",
        ]
        read_only_fields = fields

    def get_acties(self, reservering) -> list[str]:
        user = self.context["request"].user
        return sorted(
            WORKFLOW.open_actions(reservering, rechten.reservering_partij(user, reservering))
        )


class InDatumvolgorde(Bladeren):
    """A person's reservations and registrations grow with every week of the pilot: in date
    order."""

    ordering = ("datum", "pk")


class ReserveringenInDatumvolgorde(InDatumvolgorde):
    ordering = ("datum", "dagdeel", "pk")


class VanafSerializer(serializers.Serializer):
    vanaf = serializers.DateField(required=False)


class NieuweReserveringSerializer(serializers.Serializer):
    """A desk (`werkplek`), or a seat at a location without a particular desk (`locatie`)."""

    werkplek = serializers.IntegerField(min_value=1, max_value=2**62, required=False)
    locatie = serializers.IntegerField(min_value=1, max_value=2**62, required=False)
    datum = serializers.DateField()
    dagdeel = serializers.ChoiceField(choices=Dagdeel.choices)

    def validate(self, attrs):
        if ("werkplek" in attrs) == ("locatie" in attrs):
            raise serializers.ValidationError(
                {"werkplek": ["Geef een werkplek of een locatie op, niet allebei."]}
            )
        return attrs


class ReserveringViewSet(
    WorkflowActions,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """One's own reservations. Booking answers 400 with `werkplek` "… al bezet" when taken."""

    serializer_class = ReserveringSerializer
    pagination_class = ReserveringenInDatumvolgorde
    workflow = WORKFLOW
    object_argument = "reservering"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Reservering.objects.none()
        return rechten.reserveringen_zichtbaar_voor(self.request.user).select_related(
            "werkplek__zone__locatie", "locatie"
        )

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "vanaf",
                date,
                description="Reserveringen vanaf deze datum; zonder: vanaf vandaag, zoals "
                "Mijn reserveringen.",
            )
        ]
    )
    def list(self, request, *args, **kwargs):
        vraag = VanafSerializer(data=request.query_params)
        vraag.is_valid(raise_exception=True)
        vanaf = vraag.validated_data.get("vanaf", timezone.localdate())
        page = self.paginate_queryset(self.get_queryset().filter(datum__gte=vanaf))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def party_for(self, user, obj):
        return rechten.reservering_partij(user, obj)

    @extend_schema(
        request=NieuweReserveringSerializer,
        responses={201: ReserveringSerializer, 400: BAD_REQUEST},
        summary="Werkplek reserveren",
    )
    def create(self, request):
        body = NieuweReserveringSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        if "locatie" in data:
            reservering = services.locatieplek_reserveren(
                actor=request.user,
                locatie_id=data["locatie"],
                datum=data["datum"],
                dagdeel=data["dagdeel"],
            )
        else:
            reservering = services.reservering_aanmaken(
                actor=request.user,
                werkplek_id=data["werkplek"],
                datum=data["datum"],
                dagdeel=data["dagdeel"],
            )
        return Response(self.get_serializer(reservering).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: ReserveringSerializer, **ACTION_ERRORS})
    @action(detail=True, methods=["post"])
    def inchecken(self, request, pk=None):
        return self.run_action("inchecken", services.reservering_inchecken)

    @extend_schema(request=None, responses={200: ReserveringSerializer, **ACTION_ERRORS})
    @action(detail=True, methods=["post"])
    def annuleren(self, request, pk=None):
        return self.run_action("annuleren", services.reservering_annuleren)


class AanwezigheidSerializer(serializers.ModelSerializer):
    soort = serializers.ChoiceField(choices=Soort.choices)
    reden = serializers.ChoiceField(
        choices=Reden.choices, required=False, allow_blank=True, default=""
    )

    class Meta:
        model = Aanwezigheid
        fields = ["id", "datum", "soort", "reden", "bron", "locatie"]
        read_only_fields = ["id", "bron", "locatie"]


class AanwezigheidViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """One's own registrations only; POST registers (or changes) one day."""

    serializer_class = AanwezigheidSerializer
    pagination_class = InDatumvolgorde

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Aanwezigheid.objects.none()
        return rechten.aanwezigheid_zichtbaar_voor(self.request.user)

    def get_object(self):
        self.kwargs[self.lookup_field] = pk_or_404(self.kwargs.get(self.lookup_field))
        return super().get_object()

    @extend_schema(request=AanwezigheidSerializer, responses={201: AanwezigheidSerializer})
    def create(self, request):
        body = AanwezigheidSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        registratie = aanwezigheid_services.aanwezigheid_registreren(
            actor=request.user, **body.validated_data
        )
        return Response(AanwezigheidSerializer(registratie).data, status=status.HTTP_201_CREATED)


class CapaciteitSerializer(serializers.Serializer):
    locatie = serializers.IntegerField(source="locatie.pk")
    datum = serializers.DateField()
    weekdag = serializers.IntegerField()
    open = serializers.BooleanField()
    vraag = serializers.DecimalField(max_digits=8, decimal_places=1)
    aanbod = serializers.IntegerField()
    norm = serializers.IntegerField()
    percentage = serializers.IntegerField(allow_null=True)
    niveau = serializers.ChoiceField(choices=["ok", "krap", "tekort"])


class CapaciteitVraagSerializer(serializers.Serializer):
    locatie = serializers.IntegerField(min_value=1, max_value=2**62)
    datum = serializers.DateField(required=False)
    weekdag = serializers.IntegerField(min_value=1, max_value=5, required=False)

    def validate(self, attrs):
        if ("datum" in attrs) == ("weekdag" in attrs):
            raise serializers.ValidationError("Geef een datum of een weekdag (1–5), niet allebei.")
        return attrs


class CapaciteitViewSet(viewsets.GenericViewSet):
    """`?locatie=&datum=` or `?locatie=&weekdag=`: demand, capacity and level (aggregates)."""

    serializer_class = CapaciteitSerializer

    @extend_schema(
        parameters=[CapaciteitVraagSerializer],
        responses={200: CapaciteitSerializer, 400: BAD_REQUEST},
    )
    def list(self, request):
        vraag = CapaciteitVraagSerializer(data=request.query_params)
        vraag.is_valid(raise_exception=True)
        locatie = Locatie.objects.filter(pk=vraag.validated_data["locatie"]).first()
        if locatie is None:
            raise serializers.ValidationError({"locatie": ["Onbekende locatie."]})
        datum: date = vraag.validated_data.get("datum") or next(
            d
            for d in volgende_werkweek(timezone.localdate())
            if d.isoweekday() == vraag.validated_data["weekdag"]
        )
        cel = capaciteit([locatie], [datum])[(locatie.pk, datum)]
        return Response(CapaciteitSerializer(cel).data)
