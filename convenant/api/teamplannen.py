"""REST API for team plans: the week pattern per team (id = team id), and setting a version."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from convenant import permissions, services
from convenant.api.fields import weekdagen_field
from convenant.models import Teamplan
from convenant.selectors import teamplannen as selectors
from convenant.validators import MAX_TEKST
from pilot.api_support import ACTION_ERRORS, pk_or_404
from pilot.models import Team


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
    teamdagen = weekdagen_field(allow_null=True)


class DagSerializer(serializers.Serializer):
    weekdag = serializers.IntegerField()
    naam = serializers.CharField()
    aanwezig = serializers.ListField(child=serializers.CharField())
    teamdag = serializers.BooleanField()
    aantal = serializers.IntegerField(required=False, help_text="Alleen voor de leidinggevende.")
    percentage = serializers.IntegerField(
        required=False, help_text="Alleen voor de leidinggevende."
    )
    weinig = serializers.BooleanField(
        required=False,
        help_text=(
            "Alleen op een teamdag: minder dan de helft van de teamleden met kantoordagen is "
            "er. Alleen voor de leidinggevende."
        ),
    )


class TeamplanSerializer(serializers.Serializer):
    team = serializers.IntegerField(source="team.pk")
    naam = serializers.CharField(source="team.naam")
    datum = serializers.DateField()
    teamgrootte = serializers.IntegerField(required=False)
    met_kantoordagen = serializers.IntegerField(
        required=False,
        help_text="Teamleden met afgesproken kantoordagen. Alleen voor de leidinggevende.",
    )
    dagen = DagSerializer(many=True)
    zonder_vaste_dagen = serializers.ListField(child=serializers.CharField())
    vastgesteld = TeamplanVersieSerializer(allow_null=True, required=False)

    def to_representation(self, overzicht):
        data = super().to_representation(overzicht)
        if not overzicht.volledig:
            # Team members see names and weekdays only.
            data.pop("teamgrootte", None)
            data.pop("met_kantoordagen", None)
            data.pop("vastgesteld", None)
            for dag in data["dagen"]:
                for key in ("aantal", "percentage", "weinig"):
                    dag.pop(key, None)
        return data


class VaststellenSerializer(serializers.Serializer):
    teamdagen = weekdagen_field(required=False, default=list)
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
        page = self.paginate_queryset(selectors.teams_met_laatste_plan(request.user))
        return self.get_paginated_response(TeamSamenvattingSerializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        team, volledig = permissions.team_for_plan(request.user, pk_or_404(pk))
        overzicht = selectors.teamplan(team, timezone.localdate(), volledig=volledig)
        return Response(TeamplanSerializer(overzicht).data)

    @extend_schema(
        request=VaststellenSerializer, responses={201: TeamplanVersieSerializer, **ACTION_ERRORS}
    )
    @action(detail=True, methods=["post"])
    def vaststellen(self, request, pk=None):
        team, volledig = permissions.team_for_plan(request.user, pk_or_404(pk))
        if not volledig:
            raise PermissionDenied(_("U bent niet de leidinggevende van dit team."))
        serializer = VaststellenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = services.teamplan_vaststellen(
            actor=request.user, team=team, **serializer.validated_data
        )
        return Response(TeamplanVersieSerializer(plan).data, status=status.HTTP_201_CREATED)
