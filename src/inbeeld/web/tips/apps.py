from django.apps import AppConfig


class TipsConfig(AppConfig):
    name = "inbeeld.web.tips"
    label = "tips"
    verbose_name = "Meldingen"
