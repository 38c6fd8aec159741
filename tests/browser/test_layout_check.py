"""The large-text layout check finds what it is meant to find (and nothing on a tidy page)."""

import pytest

# Transactional like every other browser test (the live server is shared), so
# that the database is left flushed for the next test's serialized rollback.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
TIDY = """
<main><h1>Judul</h1><label for=a>Nama</label><input id=a>
<button>Kirim</button><p style="overflow:hidden">Teks pendek</p>
<span class="visually-hidden"
  style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)"
  >tersembunyi dan panjang sekali</span></main>
"""
BROKEN = """
<main>
<h1 style="margin:0">Judul yang panjang</h1>
<button style="position:absolute;top:4px;left:4px">Kirim</button>
<p style="overflow:hidden;white-space:nowrap;width:100px"
  >Teks yang terpotong karena terlalu panjang</p>
<div style="width:500px">lebar</div>
</main>
"""


def test_a_tidy_page_has_no_layout_problems(page, layout_problems):
    page.set_content(VIEWPORT + TIDY)
    assert layout_problems() == []


def test_overlap_clipping_and_overflow_are_found(page, layout_problems):
    page.set_content(VIEWPORT + BROKEN)
    problems = layout_problems()
    assert "page is 508px wide" in problems
    assert any(p.startswith('h1 "Judul yang panjang" overlaps button "Kirim"') for p in problems)
    assert any("cuts its text off sideways" in p and p.startswith('p "Teks yang') for p in problems)
    assert len(problems) == 3, problems
