from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inbeeld.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
