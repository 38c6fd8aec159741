"""Checking the photos people upload: evidence, forum posts, showcase products.

Every user photo goes through `checked_image`. It judges the file by its
content, never by its name or the browser's content type, so a script or an
SVG renamed to `.jpg` is refused. A picture that would decompress into an
enormous bitmap is refused as well. Accepted pictures are re-encoded. That
drops EXIF, GPS positions and any other metadata, and it turns the photo
upright as the phone meant it.
"""

import io
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name -> (file extension, content type). Formats a browser
# shows inline without executing anything; SVG and HTML are never images here.
IMAGE_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
IMAGE_MAX_BYTES = 5 * 1024 * 1024
# A phone photo is about 12 megapixels; 40 leaves room without letting a
# small file expand into gigabytes of memory.
IMAGE_MAX_PIXELS = 40_000_000
# The longest side kept after re-encoding: plenty for phone screens and print.
IMAGE_MAX_SIDE = 2400

NOT_AN_IMAGE = _("This file is not a picture we can read. Send a JPG, PNG or WebP image.")


def too_large_message(size, limit):
    return _(
        "The image is %(size)s; the limit is %(limit)s. Send a smaller photo or screenshot."
    ) % {"size": filesizeformat(size), "limit": filesizeformat(limit)}


def image_format(upload, *, max_bytes=IMAGE_MAX_BYTES):
    """The Pillow format of an acceptable upload, or a ValidationError.

    Reads only the header and verifies the data; the file is rewound after.
    """
    if upload.size > max_bytes:
        raise ValidationError(too_large_message(upload.size, max_bytes), code="too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            found = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(NOT_AN_IMAGE, code="not_image") from exc
    except Image.DecompressionBombError as exc:
        raise ValidationError(too_large_pixels_message(), code="too_many_pixels") from exc
    finally:
        upload.seek(0)
    if found not in IMAGE_FORMATS:
        raise ValidationError(NOT_AN_IMAGE, code="not_image")
    if width * height > IMAGE_MAX_PIXELS:
        raise ValidationError(too_large_pixels_message(), code="too_many_pixels")
    return found


def too_large_pixels_message():
    return _("The picture is too large in pixels. Send a photo of at most %(mp)s megapixels.") % {
        "mp": IMAGE_MAX_PIXELS // 1_000_000
    }


def checked_image(upload, *, max_bytes=IMAGE_MAX_BYTES, stem="foto"):
    """A clean copy of an uploaded photo, or a ValidationError in Indonesian.

    The copy has no metadata, is upright, at most IMAGE_MAX_SIDE pixels on
    its longest side, and is named `<stem>.<ext>` after its real format.
    """
    found = image_format(upload, max_bytes=max_bytes)
    try:
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((IMAGE_MAX_SIDE, IMAGE_MAX_SIDE))
            if found == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            buffer = io.BytesIO()
            # No `exif=` or `pnginfo=` argument: Pillow writes no metadata.
            save_options = {"quality": 85, "optimize": True} if found != "PNG" else {}
            image.save(buffer, format=found, **save_options)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(NOT_AN_IMAGE, code="not_image") from exc
    finally:
        upload.seek(0)
    extension, content_type = IMAGE_FORMATS[found]
    safe_stem = PurePath(stem).name or "foto"
    return SimpleUploadedFile(
        f"{safe_stem}.{extension}", buffer.getvalue(), content_type=content_type
    )
