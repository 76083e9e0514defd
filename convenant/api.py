"""REST API for agreements and team plans: the same services and authorisation as the pages.

A transition the state does not allow is a 409 with the message, bad input a 400 with field
errors, an object the caller may not see a 404.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from convenant import selectors, services
from convenant.exceptions import TransitionNotAllowed
from convenant.models import Afspraak, Overweging, Teamplan
from convenant.services.afspraken import Voorstel
from convenant.validators import MAX_TEKST, MAX_TOELICHTING_OVERWEGING, validate_halve_dagen
from pilot.models import Team
from werkplekken.models import Locatie


def _melding_halve_dagen() -> list[str]:
    """The form's message for a value that is no whole or half day: one rule, one text."""
    try:
        validate_halve_dagen(Decimal("0.25"))
    except DjangoValidationError as error:
        return error.messages
    raise AssertionError("0,25 is geen halve dag")  # pragma: no cover


class KantoordagenField(serializers.DecimalField):
    """0–5 office days in whole or half days.

    DRF counts digits before any validator runs, so 1.25 would read 'niet meer dan 2 cijfers'
    and 1.50 would be refused; here the rules people know come first, with the form's words.
    """

    def __init__(self, **kwargs):
        super().__init__(max_digits=2, decimal_places=1, min_value=0, max_value=5, **kwargs)

    def validate_precision(self, value: Decimal) -> Decimal:
        if value < 0:
            self.fail("min_value", min_value=0)
        if value > 5:
            self.fail("max_value", max_value=5)
        tiende = value.quantize(Decimal("0.1"))  # exact in 0–5; compared exactly below
        if tiende != value or (tiende * 2) % 1:
            raise ValidationError(_melding_halve_dagen(), code="halve_dagen")
        return tiende


def _kantoordagen(**kwargs):
    return KantoordagenField(**kwargs)


def _weekdagen(**kwargs):
    return serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=5), max_length=5, **kwargs
    )


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
        help_text="Alleen voor een leidinggevende: het teamlid voor wie u een voorstel doet.",
    )
    kantoordagen = _kantoordagen()
    voorkeursdagen = _weekdagen(required=False, default=list)
    locatie = serializers.PrimaryKeyRelatedField(
        queryset=Locatie.objects.all(), required=False, allow_null=True, default=None
    )
    ingangsdatum = serializers.DateField()
    einddatum = serializers.DateField()
    overwegingen = serializers.DictField(
        child=serializers.CharField(max_length=MAX_TOELICHTING_OVERWEGING),
        required=False,
        default=dict,
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


class OnderNormSerializer(serializers.Serializer):
    onder_norm_overweging = serializers.ChoiceField(
        choices=Overweging.choices, required=False, allow_blank=True, default=""
    )
    onder_norm_toelichting = serializers.CharField(
        max_length=MAX_TEKST, required=False, allow_blank=True, default=""
    )


class TegenvoorstelSerializer(OnderNormSerializer):
    kantoordagen = _kantoordagen()
    motivatie = serializers.CharField(max_length=MAX_TEKST)


class MotivatieSerializer(serializers.Serializer):
    motivatie = serializers.CharField(max_length=MAX_TEKST)


class WeigerenSerializer(serializers.Serializer):
    toelichting = serializers.CharField(
        max_length=MAX_TEKST, required=False, allow_blank=True, default=""
    )


def _run(call):
    """Map domain outcomes onto HTTP: 409 for a forbidden transition, 400 for bad input."""
    try:
        return call()
    except TransitionNotAllowed as error:
        return Response({"detail": error.message}, status=status.HTTP_409_CONFLICT)
    except DjangoValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else error.messages
        raise ValidationError(detail) from error


CONFLICT = OpenApiResponse(description="De overgang is in deze status niet toegestaan.")


@extend_schema_view(
    list=extend_schema(summary="Afspraken die u mag zien (eigen en van uw team)"),
    retrieve=extend_schema(summary="Eén versie van een afspraak"),
)
class AfspraakViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = AfspraakSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Afspraak.objects.none()
        return selectors.afspraken_zichtbaar_voor(self.request.user).order_by("-pk")

    def get_object(self):
        self.kwargs[self.lookup_field] = _id(self.kwargs.get(self.lookup_field))
        return super().get_object()

    def _done(self, afspraak, code=status.HTTP_200_OK):
        return Response(AfspraakSerializer(afspraak).data, status=code)

    @extend_schema(
        request=VoorstelSerializer,
        responses={201: AfspraakSerializer, 409: CONFLICT},
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
            lid = selectors.lid_voor_voorstel(request.user, member_pk)
            return _run(
                lambda: self._done(
                    services.afspraak_voorstellen(
                        actor=request.user, medewerker=lid, voorstel=voorstel
                    ),
                    status.HTTP_201_CREATED,
                )
            )
        return _run(
            lambda: self._done(
                services.afspraak_opslaan(actor=request.user, voorstel=voorstel, indienen=indienen),
                status.HTTP_201_CREATED,
            )
        )

    @extend_schema(request=None, responses={200: AfspraakSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def indienen(self, request, pk=None):
        afspraak = self.get_object()
        return _run(
            lambda: self._done(services.afspraak_indienen(actor=request.user, afspraak=afspraak))
        )

    @extend_schema(request=OnderNormSerializer, responses={200: AfspraakSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def akkoord(self, request, pk=None):
        afspraak = self.get_object()
        serializer = OnderNormSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _run(
            lambda: self._done(
                services.afspraak_akkoord(
                    actor=request.user, afspraak=afspraak, **serializer.validated_data
                )
            )
        )

    @extend_schema(
        request=TegenvoorstelSerializer, responses={200: AfspraakSerializer, 409: CONFLICT}
    )
    @action(detail=True, methods=["post"])
    def tegenvoorstel(self, request, pk=None):
        afspraak = self.get_object()
        serializer = TegenvoorstelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _run(
            lambda: self._done(
                services.afspraak_tegenvoorstel(
                    actor=request.user, afspraak=afspraak, **serializer.validated_data
                )
            )
        )

    @extend_schema(request=MotivatieSerializer, responses={200: AfspraakSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def afwijzen(self, request, pk=None):
        afspraak = self.get_object()
        serializer = MotivatieSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _run(
            lambda: self._done(
                services.afspraak_afwijzen(
                    actor=request.user, afspraak=afspraak, **serializer.validated_data
                )
            )
        )

    @extend_schema(request=None, responses={200: AfspraakSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def accepteren(self, request, pk=None):
        afspraak = self.get_object()
        return _run(
            lambda: self._done(services.afspraak_accepteren(actor=request.user, afspraak=afspraak))
        )

    @extend_schema(request=WeigerenSerializer, responses={200: AfspraakSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def weigeren(self, request, pk=None):
        afspraak = self.get_object()
        serializer = WeigerenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _run(
            lambda: self._done(
                services.afspraak_weigeren(
                    actor=request.user, afspraak=afspraak, **serializer.validated_data
                )
            )
        )


# --- team plans ----------------------------------------------------------------------------


class TeamplanVersieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Teamplan
        fields = [
            "id",
            "versie",
            "teamdagen",
            "teamgrootte",
            "bezetting",
            "toelichting",
            "vastgesteld_door",
            "namens",
            "vastgesteld_op",
        ]
        read_only_fields = fields


class TeamSamenvattingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    vastgestelde_versie = serializers.IntegerField(allow_null=True)
    teamdagen = _weekdagen(allow_null=True)


class DagSerializer(serializers.Serializer):
    weekdag = serializers.IntegerField()
    naam = serializers.CharField()
    aanwezig = serializers.ListField(child=serializers.CharField())
    teamdag = serializers.BooleanField()
    aantal = serializers.IntegerField(required=False, help_text="Alleen voor de leidinggevende.")
    percentage = serializers.IntegerField(
        required=False, help_text="Alleen voor de leidinggevende."
    )
    weinig = serializers.BooleanField(required=False, help_text="Minder dan 30 % van het team.")


class TeamplanSerializer(serializers.Serializer):
    team = serializers.IntegerField(source="team.pk")
    naam = serializers.CharField(source="team.naam")
    datum = serializers.DateField()
    teamgrootte = serializers.IntegerField(required=False)
    dagen = DagSerializer(many=True)
    zonder_vaste_dagen = serializers.ListField(child=serializers.CharField())
    vastgesteld = TeamplanVersieSerializer(allow_null=True, required=False)

    def to_representation(self, overzicht):
        data = super().to_representation(overzicht)
        if not overzicht.volledig:
            # Team members see names and weekdays only.
            data.pop("teamgrootte", None)
            data.pop("vastgesteld", None)
            for dag in data["dagen"]:
                for key in ("aantal", "percentage", "weinig"):
                    dag.pop(key, None)
        return data


class VaststellenSerializer(serializers.Serializer):
    teamdagen = _weekdagen(required=False, default=list)
    toelichting = serializers.CharField(
        max_length=MAX_TEKST, required=False, allow_blank=True, default=""
    )

    def validate_teamdagen(self, value):
        if len(set(value)) != len(value):
            raise ValidationError("Noem elke teamdag maar één keer.")
        return value


class TeamplanViewSet(viewsets.GenericViewSet):
    """Per team (id = team id): the week pattern from agreed agreements, and its versions."""

    serializer_class = TeamplanSerializer
    queryset = Team.objects.none()

    @extend_schema(responses=TeamSamenvattingSerializer(many=True))
    def list(self, request):
        ids = [team.pk for team in selectors.teams_met_plan(request.user)]
        latest = Teamplan.objects.filter(team=OuterRef("pk")).order_by("-versie")
        teams = (
            Team.objects.filter(pk__in=ids)
            .annotate(
                vastgestelde_versie=Subquery(latest.values("versie")[:1]),
                teamdagen=Subquery(latest.values("teamdagen")[:1]),
            )
            .order_by("naam")
        )
        page = self.paginate_queryset(teams)
        return self.get_paginated_response(TeamSamenvattingSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        team, volledig = selectors.team_voor_plan(request.user, _id(pk))
        overzicht = selectors.teamplan(team, timezone.localdate(), volledig=volledig)
        return Response(TeamplanSerializer(overzicht).data)

    @extend_schema(
        request=VaststellenSerializer,
        responses={
            201: TeamplanVersieSerializer,
            403: OpenApiResponse(description="Geen leidinggevende"),
        },
    )
    @action(detail=True, methods=["post"])
    def vaststellen(self, request, pk=None):
        team, volledig = selectors.team_voor_plan(request.user, _id(pk))
        serializer = VaststellenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _run(
            lambda: Response(
                TeamplanVersieSerializer(
                    services.teamplan_vaststellen(
                        actor=request.user, team=team, **serializer.validated_data
                    )
                ).data,
                status=status.HTTP_201_CREATED,
            )
        )


def _id(value) -> int:
    """The id in the URL, or a 404: '²', '-1' or a 5 000-digit number is no id."""
    pk = selectors.parse_id(value)
    if pk is None:
        raise Http404
    return pk
