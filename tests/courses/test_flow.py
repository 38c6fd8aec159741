"""The learning journey, through the views a member actually uses:
enrol → lessons → pre/post-test → evidence → review → certificate → stage."""

import pytest
from django.core import mail

from courses import actions
from courses.models import (
    Certificate,
    Enrollment,
    Evidence,
    LessonProgress,
    QuizAttempt,
    Stage,
    SurveyResponse,
)
from courses.stages import stage_of
from tests.courses.conftest import POST_RIGHT, PRE_HALF, make_course, png_upload
from tests.factories import (
    CommunityFactory,
    EditorFactory,
    MemberFactory,
    MembershipFactory,
    OfficerTermFactory,
)
from tests.helpers import indonesian, page_text

pytestmark = pytest.mark.django_db


def lessons_of(course):
    return list(course.lessons())


def finish_lessons(client, course):
    for lesson in lessons_of(course):
        client.post(lesson.url + "selesai/")


def submit(client, course, kind, answers, key="kunci-1"):
    data = {f"q-{block_id}": value for block_id, value in answers.items()}
    data["submission_key"] = key
    return client.post(f"{course.url}{kind}-test/", data)


class TestReadingAndEnrolling:
    def test_visitors_read_lessons_but_see_no_progress(self, client, course):
        lesson = lessons_of(course)[0]
        response = client.get(lesson.url)
        body = page_text(response)
        assert response.status_code == 200
        assert "Isi pelajaran 1." in body
        assert "untuk menandai pelajaran selesai dan memantau kemajuan Anda" in body
        assert Enrollment.objects.count() == 0

    def test_course_index_lists_courses_with_lesson_counts(self, client, course):
        make_course("Fotografi Produk", lessons=2, stage="")
        body = page_text(client.get("/kursus/"))
        assert f'<a href="{course.url}">Email untuk Bisnis</a>' in body
        assert "Fotografi Produk" in body
        assert "3 pelajaran" in body and "2 pelajaran" in body

    def test_enrolling_is_one_tap(self, client, member, course):
        client.force_login(member)
        response = client.post(course.url + "daftar/")
        assert response.status_code == 302
        assert Enrollment.objects.filter(user=member, course=course).exists()
        client.post(course.url + "daftar/")
        assert Enrollment.objects.count() == 1

    def test_opening_a_lesson_while_signed_in_enrols(self, client, member, course):
        client.force_login(member)
        client.get(lessons_of(course)[0].url)
        assert Enrollment.objects.filter(user=member, course=course).count() == 1

    def test_mark_done_moves_progress_and_suggests_next(self, client, member, course):
        client.force_login(member)
        first, second, _third = lessons_of(course)
        response = client.post(first.url + "selesai/")
        assert response["Location"] == second.url
        client.post(first.url + "selesai/")  # a second tap on a slow network
        assert LessonProgress.objects.filter(user=member).count() == 1
        body = page_text(client.get(course.url))
        assert 'value="33"' in body
        assert indonesian("Continue") + ": Pelajaran 2" in body
        assert "✓ " + indonesian("done") in body

    def test_draft_lessons_are_not_visible(self, client, member, course):
        lesson = lessons_of(course)[2]
        lesson.unpublish()
        assert client.get(lesson.url).status_code == 404
        client.force_login(member)
        assert client.get(lesson.url).status_code == 404
        assert "Pelajaran 3" not in page_text(client.get(course.url))


class TestTests:
    def test_pre_test_can_be_skipped_and_is_offered_again(self, client, member, course):
        client.force_login(member)
        client.post(course.url + "daftar/")
        body = page_text(client.get(course.url))
        assert indonesian("Skip for now") in body
        client.post(course.url + "pre-test/lewati/")
        body = page_text(client.get(course.url))
        assert indonesian("Take the pre-test") in body
        assert indonesian("Skip for now") not in body
        assert "Kerjakan sekarang" in page_text(client.get(lessons_of(course)[0].url))

    def test_pre_test_scores_each_attempt(self, client, member, course):
        client.force_login(member)
        response = submit(client, course, "pre", PRE_HALF)
        attempt = QuizAttempt.objects.get()
        assert response["Location"] == f"{course.url}hasil/{attempt.pk}/"
        assert (attempt.kind, attempt.correct, attempt.total, attempt.score) == ("pre", 1, 2, 50)
        assert attempt.by_indicator == {"lampiran": [1, 1], "cc": [0, 1]}
        result = page_text(client.get(response["Location"]))
        assert "Penjelasan: Berkas yang ikut dikirim." in result

    def test_unanswered_questions_are_refused_and_nothing_is_saved(self, client, member, course):
        client.force_login(member)
        response = submit(client, course, "pre", {"pre1": "0"})
        assert response.status_code == 400
        assert QuizAttempt.objects.count() == 0
        body = page_text(response)
        assert "1" in body and indonesian("Choose an answer.") in body
        assert 'value="0" checked' in body  # the given answer is kept

    def test_post_test_is_locked_until_every_lesson_is_done(self, client, member, course):
        client.force_login(member)
        response = client.get(course.url + "post-test/", follow=True)
        assert indonesian("The post-test opens when you have finished every lesson.") in page_text(
            response
        )
        submit(client, course, "post", POST_RIGHT)
        assert QuizAttempt.objects.count() == 0

    def test_double_submit_records_one_attempt(self, client, member, course):
        client.force_login(member)
        finish_lessons(client, course)
        first = submit(client, course, "post", POST_RIGHT, key="sama")
        second = submit(client, course, "post", POST_RIGHT, key="sama")
        assert first["Location"] == second["Location"]
        assert QuizAttempt.objects.count() == 1

    def test_post_test_pass_mark_and_gain(self, client, member, course):
        client.force_login(member)
        submit(client, course, "pre", PRE_HALF, key="a")
        finish_lessons(client, course)
        failed = submit(client, course, "post", {"p1": "1", "p2": "false", "p3": "1"}, key="b")
        assert QuizAttempt.objects.get(submission_key="b").passed is False
        assert indonesian("Explanations") in page_text(client.get(failed["Location"]))
        passed = submit(client, course, "post", POST_RIGHT, key="c")
        attempt = QuizAttempt.objects.get(submission_key="c")
        assert (attempt.score, attempt.passed) == (100, True)
        body = page_text(client.get(passed["Location"]))
        assert "Menggunakan CC dan BCC" in body  # gain per indicator
        assert "50" in body and "100" in body


class TestEvidence:
    def test_image_evidence_is_checked_by_content(self, client, member, course):
        client.force_login(member)
        fake = png_upload()
        fake.file.write(b"")  # keep a PNG
        text_file = __import__("io").BytesIO(b"<script>alert(1)</script>")
        text_file.name = "bukan-gambar.png"
        response = client.post(course.url + "bukti/lampiran/", {"lampiran-image": text_file})
        assert response.status_code == 400
        assert indonesian(
            "This file is not a picture we can read. Send a JPG, PNG or WebP image."
        ) in page_text(response)
        assert Evidence.objects.count() == 0
        response = client.post(course.url + "bukti/lampiran/", {"lampiran-image": png_upload()})
        assert response.status_code == 302
        evidence = Evidence.objects.get()
        assert evidence.image.name.endswith(".png") and "bukti.png" not in evidence.image.name

    def test_image_over_the_limit_states_the_limit(self, client, member, course, monkeypatch):
        monkeypatch.setattr("courses.forms.EVIDENCE_IMAGE_MAX_BYTES", 100)
        client.force_login(member)
        response = client.post(course.url + "bukti/lampiran/", {"lampiran-image": png_upload()})
        assert response.status_code == 400
        from django.template.defaultfilters import filesizeformat
        from django.utils import translation

        with translation.override("id-id"):
            limit = str(filesizeformat(100))
        assert limit.startswith("100") and limit in page_text(response)
        assert Evidence.objects.count() == 0

    def test_link_evidence_must_be_a_link(self, client, member, course):
        client.force_login(member)
        response = client.post(course.url + "bukti/cc/", {"cc-link": "bukan tautan"})
        assert response.status_code == 400
        assert Evidence.objects.count() == 0
        client.post(course.url + "bukti/cc/", {"cc-link": "https://blog.contoh.id/catatan"})
        assert Evidence.objects.get().link == "https://blog.contoh.id/catatan"

    def test_unknown_indicator_is_404(self, client, member, course):
        client.force_login(member)
        assert client.post(course.url + "bukti/tidak-ada/", {}).status_code == 404

    def test_approved_evidence_cannot_be_resubmitted(self, member, course):
        indicator = course.indicators.get(code="cc")
        evidence = actions.submit_evidence(member, indicator, link="https://contoh.id/a")
        evidence.status = Evidence.Status.APPROVED
        evidence.save()
        with pytest.raises(actions.CourseError):
            actions.submit_evidence(member, indicator, link="https://contoh.id/b")
        assert Evidence.objects.get().link == "https://contoh.id/a"

    def test_evidence_images_are_private(self, client, member, course):
        evidence = actions.submit_evidence(
            member, course.indicators.get(code="lampiran"), image=png_upload()
        )
        url = f"/kursus/bukti/{evidence.pk}/berkas/"
        assert client.get(url).status_code == 302  # visitors: sign in first
        client.force_login(MemberFactory())
        assert client.get(url).status_code == 404
        client.force_login(member)
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Content-Type-Options"] == "nosniff"
        client.force_login(EditorFactory())
        assert client.get(url).status_code == 200


class TestReview:
    @pytest.fixture
    def setup(self, course):
        community = CommunityFactory()
        member = MembershipFactory(community=community).user
        officer = OfficerTermFactory(community=community).user
        other_officer = OfficerTermFactory().user
        evidence = actions.submit_evidence(
            member, course.indicators.get(code="cc"), link="https://contoh.id/cc"
        )
        return member, officer, other_officer, evidence

    def test_queue_shows_own_community_only(self, client, setup):
        _member, officer, other_officer, evidence = setup
        client.force_login(officer)
        assert "https://contoh.id/cc" in page_text(client.get("/kursus/tinjauan/"))
        client.force_login(other_officer)
        body = page_text(client.get("/kursus/tinjauan/"))
        assert "https://contoh.id/cc" not in body
        assert indonesian("Nothing to review. Well done!") in body

    def test_queue_is_for_officers_and_editors_only(self, client, setup):
        member = setup[0]
        client.force_login(member)
        assert client.get("/kursus/tinjauan/").status_code == 403
        client.force_login(EditorFactory())
        assert "https://contoh.id/cc" in page_text(client.get("/kursus/tinjauan/"))
        client.logout()
        assert client.get("/kursus/tinjauan/").status_code == 302

    def test_officer_approves_and_member_is_told(self, client, setup):
        member, officer, _other, evidence = setup
        client.force_login(officer)
        with pytest.raises(AssertionError):
            assert mail.outbox
        with self.capture_commit():
            client.post(f"/kursus/tinjauan/{evidence.pk}/", {"decision": "approve"})
        evidence.refresh_from_db()
        assert (evidence.status, evidence.reviewed_by) == ("approved", officer)
        notification = member.notifications.get()
        assert "Menggunakan CC dan BCC" in notification.message
        assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]
        client.force_login(member)
        assert '<span class="badge">1</span>' in client.get("/").content.decode()

    def capture_commit(self):
        from django.test import TestCase

        return TestCase.captureOnCommitCallbacks(execute=True)

    def test_returning_needs_feedback_and_member_can_resubmit(self, client, setup):
        member, officer, _other, evidence = setup
        client.force_login(officer)
        client.post(f"/kursus/tinjauan/{evidence.pk}/", {"decision": "return", "feedback": ""})
        evidence.refresh_from_db()
        assert evidence.status == "submitted"
        client.post(
            f"/kursus/tinjauan/{evidence.pk}/",
            {"decision": "return", "feedback": "Tautannya belum bisa dibuka."},
        )
        evidence.refresh_from_db()
        assert (evidence.status, evidence.feedback) == ("returned", "Tautannya belum bisa dibuka.")
        actions.submit_evidence(member, evidence.indicator, link="https://contoh.id/cc-baru")
        evidence.refresh_from_db()
        assert (evidence.status, evidence.link) == ("submitted", "https://contoh.id/cc-baru")

    def test_officer_of_another_community_is_refused(self, client, setup):
        _member, _officer, other_officer, evidence = setup
        client.force_login(other_officer)
        response = client.post(f"/kursus/tinjauan/{evidence.pk}/", {"decision": "approve"})
        assert response.status_code == 403
        evidence.refresh_from_db()
        assert evidence.status == "submitted"

    def test_nobody_reviews_their_own_evidence(self, client, course):
        editor = EditorFactory()
        evidence = actions.submit_evidence(
            editor, course.indicators.get(code="cc"), link="https://contoh.id/x"
        )
        client.force_login(editor)
        assert (
            client.post(f"/kursus/tinjauan/{evidence.pk}/", {"decision": "approve"}).status_code
            == 403
        )


class TestCompletion:
    def complete(self, client, member, course):
        client.force_login(member)
        finish_lessons(client, course)
        submit(client, course, "post", POST_RIGHT, key="lulus")
        editor = EditorFactory()
        actions.submit_evidence(member, course.indicators.get(code="cc"), link="https://c.id/1")
        actions.submit_evidence(member, course.indicators.get(code="lampiran"), image=png_upload())
        for evidence in Evidence.objects.filter(user=member):
            actions.review_evidence(editor, evidence, approve=True)

    def test_certificate_only_when_everything_is_done(self, client, member, course):
        client.force_login(member)
        finish_lessons(client, course)
        submit(client, course, "post", POST_RIGHT, key="lulus")
        assert Certificate.objects.count() == 0  # evidence still missing
        self.complete(client, member, course)
        certificate = Certificate.objects.get()
        assert certificate.member_name == member.full_name
        assert certificate.code.startswith("PKK-") and len(certificate.code) == 12
        assert Enrollment.objects.get(user=member).completed_at is not None

    def test_certificate_page_and_public_verification(self, client, member, course):
        self.complete(client, member, course)
        code = Certificate.objects.get().code
        body = page_text(client.get(course.url + "sertifikat/"))
        assert member.full_name in body and code in body and "Email untuk Bisnis" in body
        client.logout()
        verify = client.get(f"/kursus/sertifikat/{code}/")
        body = page_text(verify)
        assert verify.status_code == 200
        assert indonesian("Valid.") in body
        assert member.email not in body and member.phone not in body
        missing = client.get("/kursus/sertifikat/PKK-TIDAKADA/")
        assert missing.status_code == 404
        assert indonesian("Not found.") in page_text(missing)
        assert client.get(course.url + "sertifikat/").status_code == 302

    def test_stage_climbs_with_certificates(self, client, member, course):
        assert stage_of(member) == Stage.PREPARATORY
        self.complete(client, member, course)
        assert stage_of(member) == Stage.PRESENCE
        assert "Presence" in page_text(client.get("/kursus/saya/"))
        profile = page_text(client.get("/akun/profil/"))
        assert 'class="reached current" aria-current="step">Presence</li>' in profile
        assert Certificate.objects.get().code in profile

    def test_stage_needs_earlier_stages_first(self, member):
        portal = make_course("Blog dan Web Marketing", stage="portal", lessons=1)
        Certificate.objects.create(
            user=member, course=portal, code="PKK-PORTAL01", member_name="x", course_title="y"
        )
        assert stage_of(member) == Stage.PREPARATORY

    def test_survey_after_completion_only(self, client, member, course):
        client.force_login(member)
        response = client.get(course.url + "survei/", follow=True)
        assert indonesian("The survey opens when you have completed the course.") in page_text(
            response
        )
        self.complete(client, member, course)
        bad = client.post(course.url + "survei/", {"clarity_material": "9"})
        assert bad.status_code == 400 and SurveyResponse.objects.count() == 0
        client.post(
            course.url + "survei/",
            {
                "clarity_material": "5",
                "clarity_examples": "4",
                "usefulness": "5",
                "pace": "3",
                "comment": "Contohnya dekat dengan usaha saya.",
            },
        )
        survey = SurveyResponse.objects.get()
        assert (survey.clarity_material, survey.pace) == (5, 3)

    def test_my_learning_shows_progress_next_lesson_and_certificates(self, client, member, course):
        other = make_course("Fotografi Produk", lessons=2, stage="")
        client.force_login(member)
        client.post(lessons_of(other)[0].url + "selesai/")
        self.complete(client, member, course)
        body = page_text(client.get("/kursus/saya/"))
        assert Certificate.objects.get().code in body
        assert indonesian("Continue") + ": Pelajaran 2" in body
        assert 'value="50"' in body

    def test_my_learning_needs_sign_in(self, client):
        assert client.get("/kursus/saya/").status_code == 302


def test_routes_need_sign_in(client, course):
    for suffix in ("pre-test/", "post-test/", "bukti/", "survei/", "sertifikat/"):
        response = client.get(course.url + suffix)
        assert response.status_code == 302, suffix
        assert response["Location"].startswith("/akun/masuk/?next=")
    for suffix in ("daftar/", "pre-test/lewati/"):
        assert client.post(course.url + suffix).status_code == 302
    assert client.post(lessons_of(course)[0].url + "selesai/").status_code == 302
    assert Enrollment.objects.count() == 0


def test_state_changing_routes_refuse_get(client, member, course):
    client.force_login(member)
    assert client.get(course.url + "daftar/").status_code == 405
    assert client.get(lessons_of(course)[0].url + "selesai/").status_code == 405
    assert LessonProgress.objects.count() == 0
