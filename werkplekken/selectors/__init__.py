"""Read queries of the workplaces app, one module per entity."""

from werkplekken.selectors.kaarten import aandacht

__all__ = ["aandacht"]
