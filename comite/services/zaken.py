"""The case from filing to the panel: aanmelden, intake, reactie, panel, notes, intrekken.

Every step: lock the case row → the workflow checks party (403) and state (409) → validate
the input (400) → save, timeline row, notify after commit. Documents are checked by content
before anything is written, and their files are removed again if the step fails.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comite import panel, termijnen
from comite.models import (
    OPEN_ZAAK_STATUSSEN,
    Notitie,
    Panellid,
    Panelrol,
    Partijkant,
    Termijnsoort,
    Zaak,
)
from comite.permissions import mag_dossier_zien, zaak_partij
from comite.services.basis import (
    bewaar_documenten,
    lees_documenten,
    lock_zaak,
    secretarissen,
    tekst,
    vertel,
    verwijder_bestanden,
)
from comite.workflows import ZAAK_WORKFLOW, ZaakActie
from convenant.models import Afspraak, Status, Uitzondering, UitzonderingStatus
from convenant.selectors.afspraken import ESCALATIE_NA_WERKDAGEN, escalatie_mogelijk
from convenant.services.afspraak_basis import leidinggevenden_van, lock_person
from pilot import audit
from pilot.dates import in_sentence
from pilot.workflow import Party, TransitionNotAllowed

MEDEWERKER_PARTIJ = "medewerker"


def aanmeldbaar(onderwerp) -> str | None:
    """Why the comité cannot be asked about this agreement or exemption now, or None."""
    if isinstance(onderwerp, Afspraak):
        if not escalatie_mogelijk(onderwerp):
            if onderwerp.status == Status.INGEDIEND:
                return _(
                    "Uw voorstel wacht nog geen %(dagen)s werkdagen op antwoord. Het comité kan "
                    "pas om advies worden gevraagd als uw leidinggevende het afwees, u geen "
                    "overeenstemming bereikte of het voorstel %(dagen)s werkdagen onbeantwoord "
                    "bleef."
                ) % {"dagen": ESCALATIE_NA_WERKDAGEN}
            return _(
                "Over een afspraak met status ‘%(status)s’ kunt u het comité niet om advies "
                "vragen: dat kan na een afwijzing, bij geen overeenstemming of als uw voorstel "
                "%(dagen)s werkdagen onbeantwoord bleef."
            ) % {"status": onderwerp.get_status_display(), "dagen": ESCALATIE_NA_WERKDAGEN}
        open_zaak = Zaak.objects.filter(afspraak=onderwerp, status__in=OPEN_ZAAK_STATUSSEN)
    else:
        if onderwerp.status != UitzonderingStatus.AFGEWEZEN:
            return _(
                "Over een uitzondering met status ‘%(status)s’ kunt u het comité niet om advies "
                "vragen: dat kan als de uitzondering is afgewezen."
            ) % {"status": onderwerp.get_status_display()}
        open_zaak = Zaak.objects.filter(uitzondering=onderwerp, status__in=OPEN_ZAAK_STATUSSEN)
    if open_zaak.exists():
        return _("Hierover loopt al een zaak bij het comité. Er kan er maar één tegelijk lopen.")
    return None


def zaak_aanmelden(
    *,
    actor,
    afspraak: Afspraak | None = None,
    uitzondering: Uitzondering | None = None,
    verklaring: str,
    bijstand_naam: str = "",
    bijstand_email: str = "",
    documenten=(),
) -> Zaak:
    """The employee asks the comité for advice. Call it as the outermost transaction."""
    gelezen = lees_documenten(documenten)
    namen: list[str] = []
    try:
        with transaction.atomic():
            return _aanmelden(
                actor,
                afspraak,
                uitzondering,
                verklaring,
                bijstand_naam,
                bijstand_email,
                gelezen,
                namen,
            )
    except Exception:
        verwijder_bestanden(namen)  # no orphan files: the case they belonged to is gone
        raise


def _aanmelden(
    actor, afspraak, uitzondering, verklaring, bijstand_naam, bijstand_email, gelezen, namen
):
    onderwerp = afspraak if afspraak is not None else uitzondering
    if onderwerp is None or (afspraak is not None and uitzondering is not None):
        raise ValidationError(_("Kies één afspraak of één uitzondering."))
    # The person's row serialises filings: the one-open-case rule is read, then written.
    medewerker = lock_person(onderwerp.medewerker_id)
    party = Party(user=actor, roles=frozenset({MEDEWERKER_PARTIJ}))
    if onderwerp.medewerker_id != actor.pk:
        party = Party(user=actor)
    step = ZAAK_WORKFLOW.begin(None, ZaakActie.INDIENEN, party)
    onderwerp = type(onderwerp).objects.get(pk=onderwerp.pk)
    reden = aanmeldbaar(onderwerp)
    if reden:
        raise TransitionNotAllowed(reden)
    verklaring = tekst(
        verklaring,
        "verklaring",
        verplicht=_(
            "Schrijf in minstens 20 tekens waarom u het comité om advies vraagt: waar bent u het "
            "niet mee eens, en wat stelt u voor?"
        ),
    )
    bijstand_naam, bijstand_email = (bijstand_naam or "").strip(), (bijstand_email or "").strip()
    if bool(bijstand_naam) != bool(bijstand_email):
        veld = "bijstand_email" if bijstand_naam else "bijstand_naam"
        raise ValidationError(
            {
                veld: _(
                    "Geef van uw vakbondsconsulent de naam én het e-mailadres, zodat we hem of "
                    "haar voor de zitting kunnen uitnodigen."
                )
            }
        )
    leiders = leidinggevenden_van(medewerker)
    now = timezone.now()
    try:
        with transaction.atomic():
            zaak = Zaak.objects.create(
                medewerker=medewerker,
                leidinggevende=leiders[0] if leiders else None,
                afspraak=afspraak,
                uitzondering=uitzondering,
                status=step.target,
                verklaring=verklaring,
                bijstand_naam=bijstand_naam,
                bijstand_email=bijstand_email,
                aangemeld_op=now,
                termijn=termijnen.intake(now),
                termijnsoort=Termijnsoort.INTAKE,
            )
    except IntegrityError as error:  # a second filing that raced this one
        raise TransitionNotAllowed(
            _("Hierover loopt al een zaak bij het comité. Er kan er maar één tegelijk lopen.")
        ) from error
    step.record(zaak)
    namen.extend(bewaar_documenten(zaak, actor, Partijkant.MEDEWERKER, gelezen))
    vertel(
        secretarissen(),
        zaak,
        lambda: _("Nieuwe zaak bij het comité: %(zaak)s") % {"zaak": zaak},
        lambda: (
            _("Neem de zaak uiterlijk %(datum)s in behandeling.")
            % {"datum": in_sentence(zaak.termijn)}
        ),
    )
    vertel(
        [medewerker],
        zaak,
        lambda: _("Uw zaak is aangemeld bij het adviserend comité"),
        lambda: (
            _("De secretaris bekijkt uw zaak uiterlijk %(datum)s.")
            % {"datum": in_sentence(zaak.termijn)}
        ),
    )
    return zaak


@transaction.atomic
def zaak_accepteren(*, actor, zaak: Zaak) -> Zaak:
    """Intake: the secretaris takes the case on; the leidinggevende is asked to respond."""
    zaak = lock_zaak(zaak)
    step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.ACCEPTEREN, zaak_partij(actor, zaak))
    now = timezone.now()
    zaak.geaccepteerd_op = now
    zaak.reactie_termijn = termijnen.reactie(now)
    zaak.termijn = termijnen.zitting(now)
    zaak.termijnsoort = Termijnsoort.ZITTING
    step.finish(
        zaak, update_fields=["geaccepteerd_op", "reactie_termijn", "termijn", "termijnsoort"]
    )
    datum = zaak.reactie_termijn
    vertel(
        [zaak.leidinggevende],
        zaak,
        lambda: (
            _("Reactie gevraagd: zaak van %(naam)s bij het comité") % {"naam": zaak.medewerker.naam}
        ),
        lambda: (
            _(
                "%(naam)s heeft het adviserend comité om advies gevraagd. Geef uiterlijk %(datum)s "
                "uw schriftelijke reactie."
            )
            % {"naam": zaak.medewerker.naam, "datum": in_sentence(datum)}
        ),
    )
    vertel(
        [zaak.medewerker],
        zaak,
        lambda: _("Het comité neemt uw zaak in behandeling"),
        lambda: (
            _("Uw leidinggevende reageert uiterlijk %(datum)s; daarna volgt de zitting.")
            % {"datum": in_sentence(datum)}
        ),
    )
    return zaak


@transaction.atomic
def zaak_niet_ontvankelijk(*, actor, zaak: Zaak, reden: str) -> Zaak:
    zaak = lock_zaak(zaak)
    step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.NIET_ONTVANKELIJK, zaak_partij(actor, zaak))
    zaak.reden_niet_ontvankelijk = tekst(
        reden,
        "reden",
        verplicht=_("Leg in minstens 20 tekens uit waarom de zaak niet-ontvankelijk is."),
    )
    zaak.afgesloten_op = timezone.now()
    zaak.termijn, zaak.termijnsoort = None, ""
    step.finish(
        zaak,
        update_fields=["reden_niet_ontvankelijk", "afgesloten_op", "termijn", "termijnsoort"],
        note=zaak.reden_niet_ontvankelijk,
    )
    vertel(
        [zaak.medewerker],
        zaak,
        lambda: _("Het comité verklaart uw zaak niet-ontvankelijk"),
        zaak.reden_niet_ontvankelijk,
    )
    return zaak


def zaak_reactie(*, actor, zaak: Zaak, reactie: str, documenten=()) -> Zaak:
    """The leidinggevende's written response. Call it as the outermost transaction."""
    gelezen = lees_documenten(documenten)
    namen: list[str] = []
    try:
        with transaction.atomic():
            zaak = lock_zaak(zaak)
            party = zaak_partij(actor, zaak)
            step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.REACTIE, party)
            zaak.reactie = tekst(
                reactie,
                "reactie",
                verplicht=_(
                    "Schrijf uw reactie in minstens 20 tekens: hoe ziet u de zaak, en waarom?"
                ),
            )
            zaak.reactie_op = timezone.now()
            step.finish(zaak, update_fields=["reactie", "reactie_op"])
            namen.extend(bewaar_documenten(zaak, actor, Partijkant.LEIDINGGEVENDE, gelezen))
            vertel(
                [*secretarissen(), zaak.medewerker],
                zaak,
                lambda: _("Reactie van de leidinggevende in %(zaak)s") % {"zaak": zaak},
            )
            return zaak
    except Exception:
        verwijder_bestanden(namen)
        raise


@transaction.atomic
def zaak_panel(*, actor, zaak: Zaak, voorzitter, lid_werkgever, lid_or) -> Zaak:
    """Seat the panel. A member with a conflict of interest is refused; nobody can override."""
    zaak = lock_zaak(zaak)
    step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.PANEL, zaak_partij(actor, zaak))
    gekozen = {
        Panelrol.VOORZITTER: voorzitter,
        Panelrol.LID_WERKGEVER: lid_werkgever,
        Panelrol.LID_OR: lid_or,
    }
    errors = {}
    for rol, lid in gekozen.items():
        if lid is None:
            errors[rol] = _("Kies een %(rol)s.") % {"rol": Panelrol(rol).label}
            continue
        reden = panel.conflict(zaak, lid)
        if reden:
            errors[rol] = reden
    ids = [lid.pk for lid in gekozen.values() if lid is not None]
    if len(ids) != len(set(ids)):
        errors.setdefault(Panelrol.LID_OR, _("Kies drie verschillende personen voor het panel."))
    if errors:
        raise ValidationError(errors)
    zaak.panelleden.all().delete()
    Panellid.objects.bulk_create(
        [Panellid(zaak=zaak, lid=lid, rol=rol) for rol, lid in gekozen.items()]
    )
    step.finish(
        zaak,
        update_fields=[],
        note=", ".join(f"{Panelrol(rol).label}: {lid.naam}" for rol, lid in gekozen.items()),
    )
    vertel(
        gekozen.values(),
        zaak,
        lambda: _("U zit in het panel van %(zaak)s") % {"zaak": zaak},
        lambda: _("Het dossier staat voor u klaar in het portaal."),
    )
    return zaak


@transaction.atomic
def zaak_intrekken(*, actor, zaak: Zaak, toelichting: str = "") -> Zaak:
    zaak = lock_zaak(zaak)
    step = ZAAK_WORKFLOW.begin(zaak, ZaakActie.INTREKKEN, zaak_partij(actor, zaak))
    toelichting = (toelichting or "").strip()[:2000]
    zaak.afgesloten_op = timezone.now()
    zaak.termijn, zaak.termijnsoort = None, ""
    step.finish(zaak, update_fields=["afgesloten_op", "termijn", "termijnsoort"], note=toelichting)
    vertel(
        [*secretarissen(), zaak.leidinggevende, *(p.lid for p in zaak.panelleden.all())],
        zaak,
        lambda: _("%(zaak)s is ingetrokken") % {"zaak": zaak},
    )
    return zaak


@transaction.atomic
def notitie_toevoegen(*, actor, zaak: Zaak, tekst_: str) -> Notitie:
    """An internal note of the panel or secretaris: the parties never read it.

    The timeline records that a note was added, never its text (the parties see the timeline).
    """
    zaak = lock_zaak(zaak)
    if not mag_dossier_zien(zaak_partij(actor, zaak)):
        raise PermissionDenied(_("Alleen het panel en de secretaris maken interne notities."))
    notitie = Notitie.objects.create(
        zaak=zaak,
        auteur=actor,
        tekst=tekst(tekst_, "tekst", verplicht=_("Schrijf een notitie."), minimum=1),
    )
    audit.record(actor=actor, action="zaak.notitie", obj=zaak)
    return notitie
