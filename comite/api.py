"""REST API `zaken` and `geschillen` (DESIGN §6): the same services and authorisation as the
pages; every action answers 404 → 403 → 409 → 400 through pilot.api_support."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action

from comite import permissions, services
from comite.models import Advies, Geschil, Panellid, Zaak, Zitting
from comite.workflows import GESCHIL_WORKFLOW, ZAAK_WORKFLOW
from convenant.api.fields import kantoordagen_field, weekdagen_field
from convenant.validators import MAX_TEKST
from pilot.api_support import ACTION_ERRORS, NieuwsteEerst, WorkflowActions


class ZittingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Zitting
        fields = ["begin", "einde", "locatie", "online_link", "uid", "volgnummer"]


class AdviesSerializer(serializers.ModelSerializer):
    class Meta:
        model = Advies
        fields = [
            "tekst",
            "kantoordagen",
            "voorkeursdagen",
            "uitgebracht_op",
            "medewerker_aanvaard",
            "leidinggevende_aanvaard",
            "afspraak",
        ]


class ZaakSerializer(serializers.ModelSerializer):
    """A case as its parties see it: never the panel's internal notes."""

    medewerker_naam = serializers.CharField(source="medewerker.naam", read_only=True)
    # Declared once, not a new serializer per case: a page of cases costs half as much.
    # A case without a zitting or advies gives null (DRF reads the missing one as None).
    zitting = ZittingSerializer(read_only=True, allow_null=True)
    advies = AdviesSerializer(read_only=True, allow_null=True)
    acties = serializers.SerializerMethodField()

    class Meta:
        model = Zaak
        fields = [
            "id",
            "medewerker",
            "medewerker_naam",
            "leidinggevende",
            "afspraak",
            "uitzondering",
            "status",
            "verklaring",
            "reactie",
            "aangemeld_op",
            "termijn",
            "termijnsoort",
            "reactie_termijn",
            "afgesloten_op",
            "zitting",
            "advies",
            "acties",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_acties(self, zaak) -> list[str]:
        request = self.context.get("request")
        if request is None:
            return []
        return sorted(ZAAK_WORKFLOW.open_actions(zaak, permissions.zaak_partij(request.user, zaak)))


class GeschilSerializer(serializers.ModelSerializer):
    class Meta:
        model = Geschil
        fields = [
            "id",
            "zaak",
            "status",
            "toelichting",
            "ingediend_op",
            "uitspraak_termijn",
            "termijn_verlengd",
            "uitkomst",
            "bindend",
            "kantoordagen",
            "voorkeursdagen",
            "uitspraak_op",
            "afspraak",
        ]
        read_only_fields = fields


class RedenSerializer(serializers.Serializer):
    reden = serializers.CharField(max_length=MAX_TEKST)


class ToelichtingSerializer(serializers.Serializer):
    toelichting = serializers.CharField(
        max_length=MAX_TEKST, required=False, allow_blank=True, default=""
    )


class ReactieSerializer(serializers.Serializer):
    reactie = serializers.CharField(max_length=MAX_TEKST)


class ZittingPlannenSerializer(serializers.Serializer):
    begin = serializers.DateTimeField()
    einde = serializers.DateTimeField()
    locatie = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    online_link = serializers.URLField(required=False, allow_blank=True, default="")


class AdviesInvoerSerializer(serializers.Serializer):
    tekst = serializers.CharField(max_length=MAX_TEKST * 2, allow_blank=True)
    kantoordagen = kantoordagen_field()
    voorkeursdagen = weekdagen_field(required=False, default=list)


class UitspraakSerializer(serializers.Serializer):
    uitkomst = serializers.CharField(max_length=MAX_TEKST * 2, allow_blank=True)
    bindend = serializers.BooleanField()
    kantoordagen = kantoordagen_field(required=False, allow_null=True, default=None)
    voorkeursdagen = weekdagen_field(required=False, default=list)


def _ok(serializer):
    return {200: serializer, **ACTION_ERRORS}


@extend_schema_view(
    list=extend_schema(summary="Zaken die u mag zien (eigen, van uw team, uw panels, of alle)"),
    retrieve=extend_schema(summary="Eén zaak"),
)
class ZaakViewSet(
    WorkflowActions, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = ZaakSerializer
    # The secretaris sees every case of the pilot: a cursor, no count and no OFFSET.
    pagination_class = NieuwsteEerst
    workflow = ZAAK_WORKFLOW
    object_argument = "zaak"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Zaak.objects.none()
        return (
            permissions.zaken_zichtbaar_voor(self.request.user)
            # Only what the serializer and the open actions read: with eleven tables in one
            # query, planning it took ten times as long as running it.
            .select_related(None)
            .select_related("medewerker", "zitting", "advies", "geschil")
            .prefetch_related(Prefetch("panelleden", queryset=Panellid.objects.all()))
        )

    def party_for(self, user, obj):
        return permissions.zaak_partij(user, obj)

    @extend_schema(request=None, responses=_ok(ZaakSerializer), summary="Intake: in behandeling")
    @action(detail=True, methods=["post"])
    def accepteren(self, request, pk=None):
        return self.run_action("accepteren", services.zaak_accepteren)

    @extend_schema(request=RedenSerializer, responses=_ok(ZaakSerializer))
    @action(detail=True, methods=["post"])
    def niet_ontvankelijk(self, request, pk=None):
        return self.run_action(
            "niet_ontvankelijk", services.zaak_niet_ontvankelijk, body=RedenSerializer
        )

    @extend_schema(request=ReactieSerializer, responses=_ok(ZaakSerializer))
    @action(detail=True, methods=["post"])
    def reactie(self, request, pk=None):
        return self.run_action("reactie", services.zaak_reactie, body=ReactieSerializer)

    @extend_schema(request=ZittingPlannenSerializer, responses=_ok(ZaakSerializer))
    @action(detail=True, methods=["post"])
    def zitting_plannen(self, request, pk=None):
        return self.run_action(
            "zitting_plannen", services.zitting_plannen, body=ZittingPlannenSerializer
        )

    @extend_schema(request=AdviesInvoerSerializer, responses=_ok(ZaakSerializer))
    @action(detail=True, methods=["post"])
    def advies(self, request, pk=None):
        return self.run_action("advies", services.advies_uitbrengen, body=AdviesInvoerSerializer)

    @extend_schema(request=None, responses=_ok(ZaakSerializer))
    @action(detail=True, methods=["post"])
    def advies_aanvaarden(self, request, pk=None):
        return self.run_action("advies_aanvaarden", services.advies_aanvaarden)

    @extend_schema(request=ToelichtingSerializer, responses=_ok(ZaakSerializer))
    @action(detail=True, methods=["post"])
    def advies_afwijzen(self, request, pk=None):
        return self.run_action(
            "advies_afwijzen", services.advies_afwijzen, body=ToelichtingSerializer
        )

    @extend_schema(request=ToelichtingSerializer, responses=_ok(ZaakSerializer))
    @action(detail=True, methods=["post"])
    def intrekken(self, request, pk=None):
        return self.run_action("intrekken", services.zaak_intrekken, body=ToelichtingSerializer)


@extend_schema_view(
    list=extend_schema(summary="Geschillen (art. 12.1 cao) bij zaken die u mag zien"),
    retrieve=extend_schema(summary="Eén geschil"),
)
class GeschilViewSet(
    WorkflowActions, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = GeschilSerializer
    # Like the cases: no count, and one query for a page whether it holds rows or not.
    pagination_class = NieuwsteEerst
    workflow = GESCHIL_WORKFLOW
    object_argument = "geschil"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Geschil.objects.none()
        geschillen = permissions.geschillen_zichtbaar_voor(self.request.user)
        if self.action == "list":
            # A row shows its case by id: the case and its person (which an action's parties
            # need) would be two model instances more per row, for nothing.
            return geschillen.select_related(None)
        return geschillen

    def party_for(self, user, obj):
        return permissions.geschil_partij(user, obj)

    @extend_schema(request=None, responses=_ok(GeschilSerializer))
    @action(detail=True, methods=["post"])
    def in_behandeling(self, request, pk=None):
        return self.run_action("in_behandeling", services.geschil_in_behandeling)

    @extend_schema(request=UitspraakSerializer, responses=_ok(GeschilSerializer))
    @action(detail=True, methods=["post"])
    def uitspraak(self, request, pk=None):
        return self.run_action("uitspraak", services.geschil_uitspraak, body=UitspraakSerializer)
