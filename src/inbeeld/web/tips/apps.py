from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TipsConfig(AppConfig):
    name = "inbeeld.web.tips"
    label = "tips"
    verbose_name = _("Meldingen")
