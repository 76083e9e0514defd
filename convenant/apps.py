from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConvenantConfig(AppConfig):
    name = "convenant"
    verbose_name = _("Afspraken en uitzonderingen")

    def ready(self) -> None:
        from convenant import streefnorm
        from convenant.uitzonderingen.selectors import verlagingen

        # A granted exemption lowers the streefnorm (seam: streefnorm.VERLAGINGEN).
        if verlagingen not in streefnorm.VERLAGINGEN:
            streefnorm.VERLAGINGEN.append(verlagingen)
