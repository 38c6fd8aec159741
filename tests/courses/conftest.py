"""A small course tree built for each test that needs one."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from courses.models import CompetencyIndicator, CourseIndexPage, CoursePage, LessonPage


def quiz(questions):
    return json.dumps(questions)


def mc(question, right, wrong, indicator="", block_id=None):
    return {
        "type": "multiple_choice",
        "id": block_id,
        "value": {
            "question": question,
            "choices": [{"text": right, "correct": True}, {"text": wrong, "correct": False}],
            "explanation": f"Penjelasan: {right}.",
            "indicator": indicator,
        },
    }


def tf(question, is_true, indicator="", block_id=None):
    return {
        "type": "true_false",
        "id": block_id,
        "value": {
            "question": question,
            "is_true": is_true,
            "explanation": "Begitulah.",
            "indicator": indicator,
        },
    }


def make_course(title="Email untuk Bisnis", slug=None, lessons=3, stage="presence", publish=True):
    index = CourseIndexPage.objects.get()
    course = CoursePage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        summary=f"Ringkasan {title}.",
        estimated_minutes=90,
        stage=stage,
        pass_mark=70,
        pre_test=quiz(
            [
                mc(
                    "Apa itu lampiran?",
                    "Berkas yang ikut dikirim",
                    "Judul email",
                    "lampiran",
                    "pre1",
                ),
                tf("CC terlihat oleh semua penerima.", True, "cc", "pre2"),
            ]
        ),
        post_test=quiz(
            [
                mc("Cara melampirkan foto?", "Ketuk ikon klip", "Salin ke judul", "lampiran", "p1"),
                tf("BCC terlihat oleh semua penerima.", False, "cc", "p2"),
                mc("Membalas ke semua?", "Balas semua", "Teruskan", "cc", "p3"),
            ]
        ),
    )
    course.indicators = [
        CompetencyIndicator(
            code="lampiran",
            title="Mengirim email dengan lampiran",
            evidence_kind="image",
            evidence_hint="Tangkapan layar email terkirim.",
        ),
        CompetencyIndicator(
            code="cc",
            title="Menggunakan CC dan BCC",
            evidence_kind="link",
            evidence_hint="Tautan ke catatan Anda.",
        ),
    ]
    index.add_child(instance=course)
    course.save_revision().publish() if publish else None
    for number in range(1, lessons + 1):
        lesson = LessonPage(
            title=f"Pelajaran {number}",
            slug=f"pelajaran-{number}",
            summary=f"Ringkasan pelajaran {number}.",
            body=json.dumps(
                [
                    {"type": "text", "value": f"<p>Isi pelajaran {number}.</p>"},
                    {
                        "type": "task",
                        "value": {
                            "title": "Tugas praktik",
                            "instructions": "<p>Kirim email berlampiran.</p>",
                            "indicator": "lampiran",
                        },
                    },
                ]
            ),
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


POST_RIGHT = {"p1": "0", "p2": "false", "p3": "0"}
PRE_HALF = {"pre1": "0", "pre2": "false"}


def png_upload(name="bukti.png", size=(40, 30), image_format="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 20)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
