from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "inbeeld.web.audit"
    label = "audit"
    verbose_name = "Auditlog"
