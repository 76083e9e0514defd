"""Recording who exported the payroll figures of which month: individual attendance leaves the
portal only this way, so every export is on the timeline."""

from pilot import audit


def loonexport_vastleggen(*, actor, maand: str, formaat: str) -> None:
    audit.record(
        actor=actor,
        action="werkplekken.loonexport",
        object_label=f"loonexport {maand}",
        note=formaat,
    )
