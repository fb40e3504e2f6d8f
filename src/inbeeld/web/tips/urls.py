"""URLs of the tips: public pages first, then the handlers' pages."""

from __future__ import annotations

from django.urls import path

from inbeeld.web.tips import views

app_name = "tips"
urlpatterns = [
    path("melden/", views.report, name="report"),
    path("melden/bewaard/", views.saved, name="saved"),
    path("terugkomen/", views.followup, name="followup"),
    path("terugkomen/berichten/", views.thread, name="thread"),
    path("terugkomen/sluiten/", views.leave, name="leave"),
    path("behandelen/", views.queue, name="queue"),
    path("behandelen/<int:tip_id>/", views.detail, name="detail"),
    path("behandelen/<int:tip_id>/overdracht/", views.handover_view, name="handover"),
    path("behandelen/lokadvertenties/", views.decoy, name="decoy"),
    path("behandelen/goedkeuren/<int:request_id>/", views.approve, name="approve"),
]
