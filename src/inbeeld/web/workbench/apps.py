from django.apps import AppConfig


class WorkbenchConfig(AppConfig):
    name = "inbeeld.web.workbench"
    label = "workbench"
    verbose_name = "Codeerwerkbank"
