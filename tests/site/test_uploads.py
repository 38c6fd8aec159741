"""The shared photo check: judged by content, metadata stripped, bombs refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pusat.uploads import IMAGE_MAX_PIXELS, checked_image, image_format
from tests.helpers import indonesian


def photo_bytes(image_format="JPEG", size=(40, 30), exif=None):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, "#c0392b").save(buffer, format=image_format, **options)
    return buffer.getvalue()


def upload(content, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_jpeg_with_gps_comes_back_without_metadata():
    exif = Image.Exif()
    exif[0x010F] = "Kamera Murah"  # Make
    exif[0x8825] = {1: "S", 2: (8.0, 24.0, 0.0)}  # GPS IFD: latitude south
    original = upload(photo_bytes(exif=exif.tobytes()))
    with Image.open(original) as before:
        assert before.getexif()
    original.seek(0)

    clean = checked_image(original, stem="produk")

    assert clean.name == "produk.jpg"
    assert clean.content_type == "image/jpeg"
    with Image.open(clean) as after:
        assert after.format == "JPEG"
        assert dict(after.getexif()) == {}
        assert "exif" not in after.info


@pytest.mark.parametrize(
    "content",
    [
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        b"<html><script>alert(1)</script></html>",
        b"#!/bin/sh\nrm -rf /\n",
        photo_bytes()[:60],  # a truncated JPEG
    ],
    ids=["svg", "html", "script", "truncated"],
)
def test_anything_that_is_not_a_real_photo_is_refused_in_indonesian(content):
    with pytest.raises(ValidationError) as caught:
        checked_image(upload(content))
    assert caught.value.messages == [
        indonesian("This file is not a picture we can read. Send a JPG, PNG or WebP image.")
    ]


def test_a_gif_is_refused_even_though_pillow_reads_it():
    with pytest.raises(ValidationError) as caught:
        image_format(upload(photo_bytes("GIF"), name="a.gif"))
    assert caught.value.code == "not_image"


def test_the_size_limit_names_both_sizes():
    with pytest.raises(ValidationError) as caught:
        checked_image(upload(photo_bytes()), max_bytes=100)
    assert caught.value.code == "too_large"
    assert "100" in caught.value.messages[0]


def test_a_decompression_bomb_is_refused_before_decoding():
    # A tiny PNG that claims more pixels than the limit.
    side = int(IMAGE_MAX_PIXELS**0.5) + 100
    buffer = io.BytesIO()
    Image.new("1", (side, side)).save(buffer, format="PNG")
    assert buffer.tell() < 1024 * 1024
    with pytest.raises(ValidationError) as caught:
        checked_image(upload(buffer.getvalue(), name="bom.png"))
    assert caught.value.code == "too_many_pixels"


def test_large_photos_are_scaled_down_and_png_stays_png():
    clean = checked_image(upload(photo_bytes("PNG", size=(3000, 1000)), name="x.png"))
    assert clean.name == "foto.png"
    with Image.open(clean) as after:
        assert after.size == (2400, 800)
