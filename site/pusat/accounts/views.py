import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .actions import active_sessions, end_all_sessions, end_other_sessions, end_session
from .deletion import CannotDelete, delete_account, is_last_administrator
from .forms import DeleteAccountForm, ProfileForm, SignInForm, SignUpForm, TextSizeForm
from .privacy import Encoder as PersonalDataEncoder
from .privacy import personal_data
from .roles import make_member


def _safe_next(request, fallback="/"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        make_member(user)
        login(request, user, backend="pusat.accounts.backends.EmailOrPhoneBackend")
        messages.success(
            request,
            _("Welcome, %(name)s! Your account is ready.") % {"name": user.get_short_name()},
        )
        return redirect(_safe_next(request, "/"))
    return render(request, "accounts/signup.html", {"form": form})


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        if not form.cleaned_data.get("remember"):
            # A borrowed phone: the session cookie dies with the browser.
            self.request.session.set_expiry(0)
        return response


class SignOutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        # The account's choices win over what this browser remembered.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        response.set_cookie(
            settings.TEXT_SIZE_COOKIE_NAME,
            user.text_size,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        return response
    from courses.stages import stage_progress

    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "stages": stage_progress(request.user),
            "certificates": request.user.certificates.select_related("course").order_by(
                "issued_at"
            ),
        },
    )


@login_required
def my_data(request):
    """Everything stored about the signed-in person, as a JSON download."""
    data = personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=PersonalDataEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="data-saya-{day}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete(request):
    """ "Hapus akun": what happens, then the password, then the account is gone."""
    form = DeleteAccountForm(request.user, request.POST or None)
    last_administrator = is_last_administrator(request.user)
    if request.method == "POST" and not last_administrator and form.is_valid():
        try:
            delete_account(request.user)
        except CannotDelete as refusal:  # someone else was demoted meanwhile
            messages.error(request, str(refusal))
            return redirect("accounts:delete")
        logout(request)
        messages.success(
            request,
            _("Your account has been deleted. Your personal data has been erased. Thank you."),
        )
        return redirect("/")
    return render(
        request,
        "accounts/delete.html",
        {"form": form, "last_administrator": last_administrator},
        status=400 if request.method == "POST" else 200,
    )


def privacy_notice(request):
    """The privacy page: what is kept, why, what is public, and the person's rights."""
    return render(
        request,
        "accounts/privacy_notice.html",
        {
            "my_data_url": reverse("accounts:my_data"),
            "profile_url": reverse("accounts:profile"),
            "delete_url": reverse("accounts:delete"),
        },
    )


@login_required
def notifications(request):
    """The person's notifications, newest first; opening the list reads them."""
    items = list(request.user.notifications.all()[:50])
    request.user.notifications.unread().update(read_at=timezone.now())
    return render(request, "accounts/notifications.html", {"notifications": items})


@require_POST
def set_language(request):
    """Django's language switch, limited to our two languages and also
    remembered on the account."""
    language = request.POST.get("language")
    if language not in dict(settings.LANGUAGES):
        messages.error(request, _("That language is not available."))
        return redirect(_safe_next(request))
    response = django_set_language(request)
    if request.user.is_authenticated:
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response


@require_POST
def set_text_size(request):
    """Normal or large text, remembered in a cookie and on the account.

    A plain form post, so it works on phones without JavaScript."""
    form = TextSizeForm(request.POST)
    response = redirect(_safe_next(request))
    if form.is_valid():
        size = form.cleaned_data["text_size"]
        response.set_cookie(
            settings.TEXT_SIZE_COOKIE_NAME,
            size,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        if request.user.is_authenticated:
            request.user.text_size = size
            request.user.save(update_fields=["text_size"])
    else:
        messages.error(request, _("That text size is not available."))
    return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Django already refuses the old sessions (their password hash is
        # stale); removing them also clears them from the sessions list.
        ended = end_other_sessions(self.request)
        messages.success(self.request, _("Your password has been changed."))
        if ended:
            messages.info(
                self.request,
                ngettext(
                    "You were signed out on %(count)d other device.",
                    "You were signed out on %(count)d other devices.",
                    ended,
                )
                % {"count": ended},
            )
        return response


@login_required
def sessions(request):
    """Where this account is signed in, with a way to sign the others out."""
    if request.method == "POST":
        target = request.POST.get("session", "")
        ended = end_other_sessions(request) if target == "others" else end_session(request, target)
        if ended:
            messages.success(
                request,
                ngettext(
                    "Signed out on %(count)d device.", "Signed out on %(count)d devices.", ended
                )
                % {"count": ended},
            )
        else:
            messages.error(request, _("That session no longer exists. Nothing was changed."))
        return redirect("accounts:sessions")
    return render(
        request,
        "accounts/sessions.html",
        {"sessions": active_sessions(request), "current_key": request.session.session_key},
    )


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        # Whoever knew the old password is signed out everywhere.
        end_all_sessions(form.user)
        return super().form_valid(form)
