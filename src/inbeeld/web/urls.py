"""URLs of the web app. Every view declares its action with @requires (see permissions.py)."""

from __future__ import annotations

from django.contrib.staticfiles.views import serve as static_serve
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.i18n import set_language

from inbeeld.web.accounts import views as accounts
from inbeeld.web.audit import views as audit
from inbeeld.web.dashboard import views as dashboard
from inbeeld.web.permissions import PUBLIC, requires
from inbeeld.web.workbench import views as workbench


@requires(PUBLIC)
def static(request, path):  # type: ignore[no-untyped-def]
    """The app's own CSS and JS (a few small files); a deployment may let its proxy serve them."""
    return static_serve(request, path, insecure=True)


account_patterns = (
    [
        path("login/", accounts.login, name="login"),
        path("logout/", accounts.logout, name="logout"),
        path("second-factor/", accounts.second_factor, name="second_factor"),
        path("users/", accounts.users, name="users"),
    ],
    "accounts",
)
workbench_patterns = (
    [
        path("", workbench.queue, name="queue"),
        path("next/", workbench.next_conversation, name="next"),
        path("assign/", workbench.assign, name="assign"),
        path("agreement/", workbench.agreement_view, name="agreement"),
        path("export/", workbench.export, name="export"),
        path("conversation/<str:external_id>/", workbench.code, name="code"),
        path("consensus/<str:external_id>/", workbench.consensus, name="consensus"),
    ],
    "workbench",
)

urlpatterns: list[URLPattern | URLResolver] = [
    path("", workbench.home, name="home"),
    path("account/", include(account_patterns)),
    path("coding/", include(workbench_patterns)),
    path("dashboard/", include(([path("", dashboard.index, name="index")], "dashboard"))),
    path("tips/", include("inbeeld.web.tips.urls")),
    path("audit/", include(([path("", audit.log, name="log")], "audit"))),
    path("language/", requires(PUBLIC)(set_language), name="set_language"),
    re_path(r"^static/(?P<path>.*)$", static, name="static"),
]
