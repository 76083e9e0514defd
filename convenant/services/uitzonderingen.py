"""Every write on an exemption: one function per use case (the request rules: see regels).

Each runs in one transaction, locks the row it changes (the person's row when a request is
created, so the no-overlap rule is read-then-written by one request at a time), checks
UITZONDERING_WORKFLOW (party, state, guard), writes the timeline and notifies the other party.

An evidence file is validated before anything is written, and written only as the last step of
the request's transaction; if anything fails the file is removed again, so a refused or failed
request leaves no file on disk. Call `uitzondering_aanvragen` as the outermost transaction
(views and the API do): a rollback of an enclosing transaction cannot be seen from here.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from convenant import bewijsstukken
from convenant.formatting import dagen_per_week
from convenant.models import (
    UITZONDERING_WORKFLOW,
    Categorie,
    Uitzondering,
    UitzonderingActie,
    UitzonderingStatus,
)
from convenant.permissions import uitzondering_partij, voorstel_partij
from convenant.services.afspraak_basis import (
    leidinggevenden_van,
    lock_person,
    meld_geen_leidinggevende,
)
from convenant.services.uitzondering_regels import (
    Aanvraag,
    controleer_aanvraag,
    controleer_tegen_bestaande,
    datum,
)
from convenant.validators import check_motivatie
from pilot.notifications import notify
from pilot.workflow import Party


def link(uitzondering: Uitzondering) -> str:
    return reverse("uitzondering_detail", args=[uitzondering.pk])


def _lock(uitzondering: Uitzondering) -> Uitzondering:
    # `of=self`: PostgreSQL refuses FOR UPDATE on the nullable side of the join to the team.
    return (
        Uitzondering.objects.select_for_update(of=("self",))
        .select_related("medewerker__team")
        .get(pk=uitzondering.pk)
    )


def uitzondering_aanvragen(*, actor, aanvraag: Aanvraag, bestand=None) -> Uitzondering:
    """The employee asks for an exemption, optionally with an evidence document."""
    aanvraag.toelichting = (aanvraag.toelichting or "").strip()
    errors = controleer_aanvraag(aanvraag)
    bewijs = None
    if bestand is not None:
        try:
            bewijs = bewijsstukken.lees(bestand)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    elif aanvraag.categorie == Categorie.EERDERE_AFSPRAAK:
        errors.setdefault("bewijsstuk", []).append(
            _("Voeg de eerdere schriftelijke afspraak toe als bewijsstuk (PDF, JPEG of PNG).")
        )
    if errors:
        raise ValidationError(errors)
    naam = bewijsstukken.nieuwe_naam(bewijs) if bewijs else ""
    try:
        return _aanvragen(actor, aanvraag, bewijs, naam)
    except BaseException:
        bewijsstukken.verwijderen(naam)  # no orphan file: the row it belonged to is gone
        raise


@transaction.atomic
def _aanvragen(actor, aanvraag: Aanvraag, bewijs, naam: str) -> Uitzondering:
    medewerker = lock_person(actor.pk)
    errors = controleer_tegen_bestaande(medewerker, aanvraag)
    if errors:
        raise ValidationError(errors)
    step = UITZONDERING_WORKFLOW.begin(
        None, UitzonderingActie.AANVRAGEN, voorstel_partij(actor, medewerker)
    )
    uitzondering = Uitzondering.objects.create(
        medewerker=medewerker,
        categorie=aanvraag.categorie,
        status=step.target,
        kantoordagen=aanvraag.kantoordagen,
        ingangsdatum=aanvraag.ingangsdatum,
        einddatum=aanvraag.einddatum,
        herbeoordelingsdatum=aanvraag.herbeoordelingsdatum,
        op_advies_bedrijfsarts=aanvraag.op_advies_bedrijfsarts,
        mantelzorg_uren=aanvraag.mantelzorg_uren,
        toelichting=aanvraag.toelichting,
        bewijsstuk=naam,
        bewijsstuk_type=bewijs.soort if bewijs else "",
        bewijsstuk_grootte=bewijs.grootte if bewijs else None,
        leidinggevende=medewerker.leidinggevende(),
    )
    step.record(uitzondering, note=_("Met bewijsstuk.") if bewijs else "")
    ontvangers = leidinggevenden_van(medewerker)
    if not ontvangers:
        meld_geen_leidinggevende(medewerker, gettext_lazy("een aanvraag voor een uitzondering"))
    for ontvanger in ontvangers:
        notify(
            recipient=ontvanger,
            subject=lambda: _("Aanvraag uitzondering van %(naam)s") % {"naam": medewerker.naam},
            body=lambda: (
                _(
                    "Categorie %(categorie)s: %(dagen)s op kantoor, van %(van)s tot en met "
                    "%(tot)s. Beslis op de pagina van de aanvraag."
                )
                % {
                    "categorie": uitzondering.get_categorie_display(),
                    "dagen": dagen_per_week(uitzondering.kantoordagen),
                    "van": datum(uitzondering.ingangsdatum),
                    "tot": datum(uitzondering.einddatum),
                }
            ),
            link=link(uitzondering),
        )
    if bewijs:
        # Last step: if writing fails, the transaction rolls back and no row points at nothing.
        bewijsstukken.opslaan(naam, bewijs)
    return uitzondering


@transaction.atomic
def uitzondering_toekennen(*, actor, uitzondering: Uitzondering) -> Uitzondering:
    uitzondering = _lock(uitzondering)
    step = UITZONDERING_WORKFLOW.begin(
        uitzondering, UitzonderingActie.TOEKENNEN, uitzondering_partij(actor, uitzondering)
    )
    uitzondering.besloten_door = actor
    uitzondering.besloten_op = timezone.now()
    step.finish(uitzondering, update_fields=["besloten_door", "besloten_op"])
    notify(
        recipient=uitzondering.medewerker,
        subject=lambda: (
            _("Uw uitzondering %(categorie)s is toegekend")
            % {"categorie": uitzondering.get_categorie_display()}
        ),
        body=lambda: (
            _("Van %(van)s tot en met %(tot)s is uw streefnorm %(dagen)s.")
            % {
                "van": datum(uitzondering.ingangsdatum),
                "tot": datum(uitzondering.einddatum),
                "dagen": dagen_per_week(uitzondering.kantoordagen),
            }
        ),
        link=link(uitzondering),
    )
    return uitzondering


@transaction.atomic
def uitzondering_afwijzen(*, actor, uitzondering: Uitzondering, motivatie: str) -> Uitzondering:
    uitzondering = _lock(uitzondering)
    step = UITZONDERING_WORKFLOW.begin(
        uitzondering, UitzonderingActie.AFWIJZEN, uitzondering_partij(actor, uitzondering)
    )
    uitzondering.motivatie = check_motivatie(motivatie)
    uitzondering.besloten_door = actor
    uitzondering.besloten_op = timezone.now()
    step.finish(
        uitzondering,
        update_fields=["motivatie", "besloten_door", "besloten_op"],
        note=uitzondering.motivatie,
    )
    notify(
        recipient=uitzondering.medewerker,
        subject=lambda: _("Uw leidinggevende wijst uw aanvraag voor een uitzondering af"),
        body=lambda: (
            _(
                "Motivering: %(motivatie)s\n\nU kunt hierover het gesprek aangaan of het "
                "adviserend comité om advies vragen."
            )
            % {"motivatie": uitzondering.motivatie}
        ),
        link=link(uitzondering),
    )
    return uitzondering


@transaction.atomic
def uitzondering_verifieren(*, actor, uitzondering: Uitzondering) -> Uitzondering:
    """HR confirms that the document shows an earlier written agreement; from then on the
    leidinggevende cannot reject it."""
    uitzondering = _lock(uitzondering)
    step = UITZONDERING_WORKFLOW.begin(
        uitzondering, UitzonderingActie.VERIFIEREN, uitzondering_partij(actor, uitzondering)
    )
    uitzondering.geverifieerd_door = actor
    uitzondering.geverifieerd_op = timezone.now()
    # A fact recorded; the state itself does not change.
    step.finish(uitzondering, update_fields=["geverifieerd_door", "geverifieerd_op"])
    notify(
        recipient=uitzondering.medewerker,
        subject=lambda: _("HR heeft uw eerdere schriftelijke afspraak geverifieerd"),
        body=lambda: _("Uw leidinggevende kan deze afspraak niet meer afwijzen."),
        link=link(uitzondering),
    )
    if uitzondering.status == UitzonderingStatus.AANGEVRAAGD:
        for ontvanger in leidinggevenden_van(uitzondering.medewerker):
            notify(
                recipient=ontvanger,
                subject=lambda: (
                    _("Eerdere afspraak van %(naam)s geverifieerd door HR")
                    % {"naam": uitzondering.medewerker.naam}
                ),
                body=lambda: _("Deze afspraak is een individueel recht: ken de uitzondering toe."),
                link=link(uitzondering),
            )
    return uitzondering


@transaction.atomic
def uitzondering_niet_aantoonbaar(
    *, actor, uitzondering: Uitzondering, motivatie: str
) -> Uitzondering:
    """HR finds that the document does not show an earlier written agreement. It is then no
    individual right: the leidinggevende decides as on any exemption, and reads why."""
    uitzondering = _lock(uitzondering)
    step = UITZONDERING_WORKFLOW.begin(
        uitzondering, UitzonderingActie.NIET_AANTOONBAAR, uitzondering_partij(actor, uitzondering)
    )
    uitzondering.niet_aantoonbaar_motivatie = check_motivatie(motivatie)
    uitzondering.niet_aantoonbaar_op = timezone.now()
    uitzondering.geverifieerd_door = actor
    step.finish(
        uitzondering,
        update_fields=["niet_aantoonbaar_op", "niet_aantoonbaar_motivatie", "geverifieerd_door"],
        note=uitzondering.niet_aantoonbaar_motivatie,
    )
    notify(
        recipient=uitzondering.medewerker,
        subject=lambda: _("HR vindt uw eerdere schriftelijke afspraak niet aantoonbaar"),
        body=lambda: (
            _(
                "Motivering: %(motivatie)s\n\nUw leidinggevende beslist nu over uw aanvraag zoals "
                "over elke uitzondering."
            )
            % {"motivatie": uitzondering.niet_aantoonbaar_motivatie}
        ),
        link=link(uitzondering),
    )
    for ontvanger in leidinggevenden_van(uitzondering.medewerker):
        notify(
            recipient=ontvanger,
            subject=lambda: (
                _("Eerdere afspraak van %(naam)s niet aantoonbaar volgens HR")
                % {"naam": uitzondering.medewerker.naam}
            ),
            body=lambda: _("Beslis over de aanvraag zoals over elke uitzondering."),
            link=link(uitzondering),
        )
    return uitzondering


@transaction.atomic
def uitzondering_laten_verlopen(*, uitzondering: Uitzondering) -> Uitzondering | None:
    """At its end date. Returns None when it was already handled (the job may run twice)."""
    uitzondering = _lock(uitzondering)
    van = uitzondering.status
    party = Party.system()
    if not UITZONDERING_WORKFLOW.allows(uitzondering, UitzonderingActie.LATEN_VERLOPEN, party):
        return None
    step = UITZONDERING_WORKFLOW.begin(uitzondering, UitzonderingActie.LATEN_VERLOPEN, party)
    uitzondering.verlopen_op = timezone.now()
    step.finish(
        uitzondering,
        update_fields=["verlopen_op"],
        note=_("De einddatum (%(tot)s) is verstreken.") % {"tot": datum(uitzondering.einddatum)},
    )
    if van == UitzonderingStatus.AANGEVRAAGD:
        _meld_verlopen_zonder_besluit(uitzondering)
    if van == UitzonderingStatus.TOEGEKEND:
        notify(
            recipient=uitzondering.medewerker,
            subject=lambda: (
                _("Uw uitzondering %(categorie)s is verlopen")
                % {"categorie": uitzondering.get_categorie_display()}
            ),
            body=lambda: _(
                "Vanaf nu geldt weer uw gewone streefnorm. Is de situatie er nog, vraag dan "
                "opnieuw een uitzondering aan."
            ),
            link=reverse("mijn_uitzonderingen"),
        )
    return uitzondering


def _meld_verlopen_zonder_besluit(uitzondering: Uitzondering) -> None:
    """A request nobody decided on before its end date: both sides hear that it lapsed."""
    medewerker = uitzondering.medewerker
    gegevens = {
        "categorie": uitzondering.get_categorie_display(),
        "naam": medewerker.naam,
        "van": datum(uitzondering.ingangsdatum),
        "tot": datum(uitzondering.einddatum),
    }
    notify(
        recipient=medewerker,
        subject=lambda: (
            _("Uw aanvraag voor een uitzondering %(categorie)s is verlopen zonder besluit")
            % gegevens
        ),
        body=lambda: (
            _(
                "Uw leidinggevende heeft niet over uw aanvraag besloten voordat de einddatum "
                "(%(tot)s) verstreek. De uitzondering is niet toegekend: uw gewone streefnorm "
                "geldt. Is de situatie er nog, vraag dan opnieuw een uitzondering aan en bespreek "
                "het met uw leidinggevende."
            )
            % gegevens
        ),
        link=link(uitzondering),
    )
    for ontvanger in leidinggevenden_van(medewerker):
        notify(
            recipient=ontvanger,
            subject=lambda: (
                _("Aanvraag uitzondering van %(naam)s verlopen zonder besluit") % gegevens
            ),
            body=lambda: (
                _(
                    "De aanvraag voor een uitzondering %(categorie)s van %(van)s tot en met "
                    "%(tot)s is verlopen zonder dat erover besloten is. %(naam)s heeft hiervan "
                    "bericht gekregen."
                )
                % gegevens
            ),
            link=link(uitzondering),
        )
