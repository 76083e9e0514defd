"""Demo workplaces: buildings with floor plans (locaties), then reservations and attendance
(reserveringen), written in bulk (laden). Both steps are registered in werkplekken.apps."""

from werkplekken.demo.locaties import build_locaties
from werkplekken.demo.reserveringen import build_werkplekken

__all__ = ["build_locaties", "build_werkplekken"]
