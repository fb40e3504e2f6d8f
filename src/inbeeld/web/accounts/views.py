"""Sign in (password, then TOTP for admin and researcher), sign out, manage accounts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from inbeeld.web.accounts import services
from inbeeld.web.accounts.forms import AccountForm, TokenForm
from inbeeld.web.audit.services import record
from inbeeld.web.permissions import PUBLIC, SECOND_FACTOR_ROLES, requires, role_of


class _Login(LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = False

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        record(self.request.user, "account.login")
        return response


login = requires(PUBLIC)(_Login.as_view())


@requires("account.logout")
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    record(request.user, "account.logout")
    auth_logout(request)
    return redirect("accounts:login")


@requires("account.second_factor")
def second_factor(request: HttpRequest) -> HttpResponse:
    """Enter the TOTP code; without a confirmed device, enrol one first (secret shown once)."""
    user = request.user
    if user.is_verified():
        return redirect("home")
    device = services.confirmed_device(user)
    enrolling = device is None
    if enrolling:
        if role_of(user) not in SECOND_FACTOR_ROLES and request.method == "GET":
            return redirect("home")  # optional for coders: only when they come to enrol
        device = services.enrolment_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            record(user, "account.second_factor", account=user.pk)
            return redirect("home")
        form.add_error("token", _("Deze code klopt niet of is verlopen."))
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        context.update(otpauth_uri=device.config_url, secret=services.secret_base32(device))
    return render(request, "accounts/second_factor.html", context)


@requires("account.manage_users")
def users(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and "operation" in request.POST:
        try:
            services.change_account(int(request.POST.get("account", "0") or 0), request.POST["operation"],
                                    by=request.user)
        except (services.AccountError, ValueError) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Account gewijzigd."))
        return redirect("accounts:users")
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_account(
                form.cleaned_data["username"], form.cleaned_data["role"], form.cleaned_data["password"],
                by=request.user,
            )
        except services.AccountError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Account aangemaakt."))
            return redirect("accounts:users")
    accounts = get_user_model().objects.select_related("profile").order_by("username")
    return render(request, "accounts/users.html", {"form": form, "accounts": accounts})
