from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "inbeeld.web.store"
    label = "store"
    verbose_name = "Opslag"
