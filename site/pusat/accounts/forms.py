from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .phone import normalise_phone

User = get_user_model()


class AccountDetailsMixin:
    """Validation shared by sign-up and profile: unique email and phone."""

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("This email address is already registered. Sign in, or reset your password."),
                code="duplicate_email",
            )
        return email

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        others = User.objects.filter(phone=phone)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("This WhatsApp number is already registered. Sign in, or reset your password."),
                code="duplicate_phone",
            )
        return phone

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Please fill in your full name."), code="required")
        return name


class SignUpForm(AccountDetailsMixin, forms.ModelForm):
    phone = forms.CharField(
        label=_("WhatsApp number"),
        max_length=20,
        help_text=_("For example 0812-3456-7890 or +62 812 3456 7890."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    # No max_length here: the browser would cut a longer paste silently.
    # The password validators refuse over 128 characters with a clear message.
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "12 to 128 characters. Passphrases are welcome: a short sentence you can "
            "remember, spaces included, is a good password, e.g. “kopi robusta dari "
            "bukit”. No numbers or symbols are required."
        ),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = [
            "full_name",
            "email",
            "phone",
            "business_name",
            "business_category",
            "regency",
            "district",
        ]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "business_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "regency": forms.TextInput(attrs={"placeholder": _("e.g. Karangasem")}),
            "district": forms.TextInput(attrs={"placeholder": _("e.g. Abang")}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("business_name", "business_category", "regency", "district"):
            self.fields[name].required = True
        self.fields["business_category"].choices = [("", _("— choose —"))] + list(
            self.fields["business_category"].choices
        )[1:]

    def clean(self):
        cleaned = super().clean()
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error(
                "password2", forms.ValidationError(_("The two passwords differ."), code="mismatch")
            )
        if password1 and not self.has_error("password2"):
            # Validate against the would-be account, so a password equal to
            # the person's own name or email is refused.
            candidate = User(
                email=cleaned.get("email", ""),
                full_name=cleaned.get("full_name", ""),
                business_name=cleaned.get("business_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
        return user


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Email or WhatsApp number"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _(
            "The email/WhatsApp number or password is wrong. Check them and try again."
        ),
        "inactive": _("This account is not active."),
    }
    remember = forms.BooleanField(
        label=_("Keep me signed in on this phone"),
        required=False,
        initial=True,
        help_text=_(
            "Untick on a shared or borrowed phone: you are signed out when the browser closes."
        ),
    )


class ProfileForm(AccountDetailsMixin, forms.ModelForm):
    phone = forms.CharField(
        label=_("WhatsApp number"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = User
        fields = [
            "full_name",
            "email",
            "phone",
            "business_name",
            "business_category",
            "regency",
            "district",
            "language",
            "text_size",
        ]

    field_order = ["full_name", "email", "phone", "current_password"]
    current_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        required=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Needed only when you change your email or WhatsApp number."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.language:
            self.initial["language"] = settings.LANGUAGE_CODE
        # Remembered before the form writes the new values onto the instance.
        self.signed_in_as = (self.instance.email, self.instance.phone)

    def clean(self):
        cleaned = super().clean()
        changes_sign_in = any(
            name in cleaned and cleaned[name] != before
            for name, before in zip(("email", "phone"), self.signed_in_as, strict=True)
        )
        password = cleaned.get("current_password") or ""
        if changes_sign_in and not self.instance.check_password(password):
            self.add_error(
                "current_password",
                forms.ValidationError(
                    _(
                        "To change your email or WhatsApp number, type your current "
                        "password. Nothing was saved."
                    ),
                    code="reauthenticate",
                ),
            )
        return cleaned


class TextSizeForm(forms.Form):
    text_size = forms.ChoiceField(choices=[("normal", _("Normal")), ("besar", _("Large"))])
    next = forms.CharField(required=False, max_length=2000)


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's admin sign-in, with a translated password label (Wagtail's
    own form leaves it to the field name, which shows "Password" in English)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class DeleteAccountForm(forms.Form):
    """Deleting the account is a sensitive action: the password again."""

    current_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That password is wrong. Your account was not deleted."),
                code="reauthenticate",
            )
        return password
