from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "inbeeld.web.dashboard"
    label = "dashboard"
    verbose_name = "Dashboard"
