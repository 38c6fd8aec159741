"""Front-end forms for the owner (showcase, product) and the buyer (enquiry).

Every refusal comes back as a form error in Indonesian; the actions in
`actions.py` only run on valid data, so a refused form changes nothing.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from pusat.accounts.phone import display_phone, normalise_phone
from pusat.uploads import checked_image

from .actions import PHOTO_MAX_BYTES, PHOTOS_PER_PRODUCT
from .models import PRICE_MAX, Product, ProductPhoto, ShowcasePage
from .templatetags.showcase_tags import rupiah

BAD_LINK = _("Enter a web address that starts with http:// or https://.")
ACCEPT_IMAGES = "image/jpeg,image/png,image/webp"


def photo_help():
    return _("JPG, PNG or WebP, at most %(limit)s. Location data is removed.") % {
        "limit": filesizeformat(PHOTO_MAX_BYTES)
    }


class WebLinkField(forms.URLField):
    """Only http(s) links: no `javascript:`, `data:` or `ftp:`."""

    default_validators = [URLValidator(schemes=["http", "https"], message=BAD_LINK)]
    default_error_messages = {"invalid": BAD_LINK}

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = (value or "").strip()
        # A scheme other than http(s) is refused, not "fixed" by prefixing https://.
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", text) and not re.match(r"^https?://", text, re.I):
            raise ValidationError(BAD_LINK, code="invalid")
        return super().to_python(text)


class PhotoField(forms.FileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", photo_help)
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ACCEPT_IMAGES


def checked(upload):
    """Run the upload through `pusat.uploads` now, so a bad photo is a form error."""
    if upload:
        checked_image(upload, max_bytes=PHOTO_MAX_BYTES)
    return upload


class ShowcaseForm(forms.ModelForm):
    tokopedia_url = WebLinkField(label=_("Tokopedia store"), max_length=300)
    shopee_url = WebLinkField(label=_("Shopee store"), max_length=300)
    bukalapak_url = WebLinkField(label=_("Bukalapak store"), max_length=300)
    other_store_url = WebLinkField(label=_("Other online store"), max_length=300)
    instagram_url = WebLinkField(label="Instagram", max_length=300)
    facebook_url = WebLinkField(label="Facebook", max_length=300)
    tiktok_url = WebLinkField(label="TikTok", max_length=300)
    blog_url = WebLinkField(label=_("Blog or website"), max_length=300)
    logo_upload = PhotoField(label=_("Logo"))
    cover_upload = PhotoField(label=_("Cover photo"))
    publish = forms.BooleanField(
        label=_("Publish my showcase"),
        required=False,
        help_text=_("Untick to hide it from the public while you prepare it."),
    )

    class Meta:
        model = ShowcasePage
        fields = [
            "title",
            "story",
            "category",
            "regency",
            "district",
            "village",
            "opening_hours",
            "whatsapp",
            "cover_alt",
            "tokopedia_url",
            "shopee_url",
            "bukalapak_url",
            "other_store_url",
            "instagram_url",
            "facebook_url",
            "tiktok_url",
            "blog_url",
        ]
        labels = {"title": _("Business name")}
        widgets = {"story": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "title": "",
            "whatsapp": _("Buyers order through it. For example 0812-3456-7890."),
            "opening_hours": _("For example: Mon–Sat 08.00–17.00."),
        }

    field_order = ["title", "story", "category", "logo_upload", "cover_upload", "cover_alt"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].max_length = 120
        self.fields["title"].widget.attrs["maxlength"] = 120
        self.fields["whatsapp"].required = True
        if self.initial.get("whatsapp"):
            self.initial["whatsapp"] = display_phone(self.initial["whatsapp"])
        self.fields["publish"].initial = self.instance.pk is None or self.instance.live

    def clean_whatsapp(self):
        try:
            number = normalise_phone(self.cleaned_data["whatsapp"])
        except ValidationError:
            number = ""
        # `normalise_phone` accepts any country's mobile; buyers here need +62.
        if not number.startswith("+62"):
            raise ValidationError(
                _(
                    "Enter an Indonesian WhatsApp number, for example 0812-3456-7890 "
                    "or +62 812 3456 7890."
                ),
                code="invalid_phone",
            )
        return number

    def clean_logo_upload(self):
        return checked(self.cleaned_data.get("logo_upload"))

    def clean_cover_upload(self):
        return checked(self.cleaned_data.get("cover_upload"))

    def clean(self):
        data = super().clean()
        if data.get("cover_upload") and not data.get("cover_alt"):
            self.add_error("cover_alt", _("Describe the cover photo for people who cannot see it."))
        return data

    def page_fields(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


def parse_rupiah(text):
    """`25000`, `25.000`, `Rp 25.000` → 25000; None for empty; ValueError otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    cleaned = re.sub(r"^rp\.?\s*", "", text, flags=re.I).replace(".", "").replace(" ", "")
    cleaned = re.sub(r",0{1,2}$", "", cleaned)
    if not re.fullmatch(r"\d{1,12}", cleaned):
        raise ValueError(text)
    return int(cleaned)


PRICE_RANGE_MESSAGE = _("Enter a price between Rp 1 and %(max)s, in whole rupiah, e.g. 25.000.")


class PriceField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs["inputmode"] = "numeric"

    def clean(self, value):
        value = super().clean(value)
        try:
            amount = parse_rupiah(value)
        except ValueError as exc:
            raise ValidationError(
                PRICE_RANGE_MESSAGE % {"max": rupiah(PRICE_MAX)}, code="invalid_price"
            ) from exc
        if amount is not None and not 1 <= amount <= PRICE_MAX:
            raise ValidationError(
                PRICE_RANGE_MESSAGE % {"max": rupiah(PRICE_MAX)}, code="invalid_price"
            )
        return amount

    def prepare_value(self, value):
        return str(value) if isinstance(value, int) else value


class ProductForm(forms.ModelForm):
    NEW_PHOTO_SLOTS = 3

    price = PriceField(label=_("Price (Rp)"), help_text=_("For example 25.000."))
    price_max = PriceField(
        label=_("Highest price (Rp)"),
        help_text=_("Only for a price range, e.g. sizes or motifs that cost more."),
    )
    marketplace_url = WebLinkField(label=_("Marketplace link"), max_length=300)

    class Meta:
        model = Product
        fields = [
            "name",
            "description",
            "price",
            "price_max",
            "negotiable",
            "weight_grams",
            "stock",
            "category",
            "village_speciality",
            "marketplace_url",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "weight_grams": {
                "min_value": _("Enter a weight between 1 and 100,000 grams."),
                "max_value": _("Enter a weight between 1 and 100,000 grams."),
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        existing = self.instance.photos.all() if self.instance.pk else ProductPhoto.objects.none()
        self.existing_photos = list(existing)
        if self.existing_photos:
            self.fields["remove_photos"] = forms.ModelMultipleChoiceField(
                label=_("Remove photos"),
                queryset=existing,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            if len(self.existing_photos) > 1:
                self.fields["cover_photo"] = forms.ModelChoiceField(
                    label=_("Cover photo"),
                    queryset=existing,
                    required=False,
                    initial=self.existing_photos[0].pk,
                    widget=forms.RadioSelect,
                    help_text=_("Shown first, in the directory and on your showcase."),
                )
        for slot in range(1, self.NEW_PHOTO_SLOTS + 1):
            self.fields[f"photo_{slot}"] = PhotoField(label=_("Photo %(n)s") % {"n": slot})
            self.fields[f"alt_{slot}"] = forms.CharField(
                label=_("What photo %(n)s shows") % {"n": slot},
                max_length=200,
                required=False,
                help_text=_("For people who cannot see it, e.g. “Blue endek cloth, 2 m”."),
            )

    def clean(self):
        data = super().clean()
        price, price_max = data.get("price"), data.get("price_max")
        if price is None and not data.get("negotiable") and "price" not in self.errors:
            self.add_error("price", _("Give a price, or tick “price negotiable”."))
        if price_max is not None and price is None and "price" not in self.errors:
            self.add_error("price", _("A price range needs its lowest price too."))
        if price is not None and price_max is not None and price_max < price:
            self.add_error("price_max", _("The highest price must not be below the price."))
        new_photos = []
        for slot in range(1, self.NEW_PHOTO_SLOTS + 1):
            upload, alt = data.get(f"photo_{slot}"), (data.get(f"alt_{slot}") or "").strip()
            if not upload:
                continue
            if not alt:
                self.add_error(
                    f"alt_{slot}", _("Describe this photo for people who cannot see it.")
                )
                continue
            try:
                checked(upload)
            except ValidationError as exc:
                self.add_error(f"photo_{slot}", exc)
                continue
            new_photos.append((upload, alt))
        removed = list(data.get("remove_photos") or [])
        if len(self.existing_photos) - len(removed) + len(new_photos) > PHOTOS_PER_PRODUCT:
            raise ValidationError(
                _("A product can have at most %(n)s photos. Remove one first.")
                % {"n": PHOTOS_PER_PRODUCT}
            )
        self.new_photos = new_photos
        self.removed_photo_ids = [photo.pk for photo in removed]
        cover = data.get("cover_photo")
        self.cover_photo_id = cover.pk if cover and cover not in removed else None
        return data

    def product_fields(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class EnquiryForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    contact = forms.CharField(
        label=_("Email or WhatsApp number"),
        max_length=150,
        help_text=_("So the seller can answer you."),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your question for the seller.")},
    )
    product = forms.SlugField(required=False, widget=forms.HiddenInput)
    # Hidden from people by CSS; a bot that fills every field gives itself away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise ValidationError(_("Write your question for the seller."), code="empty")
        return message

    def clean_name(self):
        return self.cleaned_data["name"].strip()


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason the owner will see"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
