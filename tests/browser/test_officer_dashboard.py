"""An officer reads the community's numbers on a 360 px phone, in normal and
large text: the numbers the page shows are the community's, nothing is cut
off or sticks out, axe finds nothing serious, and the CSV downloads."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from community import dashboard
from community.models import Community, OfficerTerm
from pusat.home import demo

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("text_size", ["Normal", "Besar"])
def test_an_officer_reads_the_dashboard_on_a_phone(
    demo_site, page, shot, axe, layout_problems, sign_in, text_size
):
    community = Community.objects.get(slug=demo.KARANGASEM)
    officer = OfficerTerm.objects.current().filter(community=community).first().user
    board = dashboard.build(community)

    page.goto("/")
    if text_size != "Normal":
        page.get_by_role("group", name="Ukuran huruf").get_by_role("button", name=text_size).click()
        page.wait_for_load_state()
    sign_in(officer.email, demo.DEMO_MEMBER_PASSWORD, "/komunitas/dasbor/")
    expect(page.locator("h1")).to_have_text("Dasbor pengurus")
    expect(page.locator(".lead")).to_contain_text(community.name)

    summary = page.locator(".dashboard-summary .card")
    expect(summary.first).to_contain_text(f"{board.member_count}")
    expect(summary.first).to_contain_text("anggota aktif")
    chart = page.locator(".stage-chart li")
    expect(chart).to_have_count(len(board.stages))
    for row, bar in zip(chart.all(), board.stages, strict=True):
        expect(row.locator(".stage-chart-label")).to_have_text(str(bar.label))
        expect(row.locator(".stage-chart-value")).to_contain_text(f"{bar.count} anggota")
    expect(page.locator(".dashboard-list").first.locator("h3")).to_have_count(len(board.courses))
    shot(f"dashboard-{text_size}")
    axe(page, f"dashboard-{text_size}")
    assert layout_problems() == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh CSV").click()
    csv_file = download.value
    assert csv_file.suggested_filename.startswith(f"dasbor-{community.slug}-")
    content = Path(csv_file.path()).read_text(encoding="utf-8")
    assert content.startswith("\ufeff")
    assert community.name in content
    axe.assert_clean()
