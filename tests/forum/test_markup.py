"""The sanitiser against a corpus of known XSS vectors, and the highlighter."""

from html.parser import HTMLParser

import pytest

from forum import markup

# Classic vectors (OWASP's filter-evasion cheat sheet and friends), written
# both as raw HTML and as Markdown links and autolinks.
XSS_CORPUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<svg/onload=alert(1)>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">klik</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](javascript&#58;alert(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik](vbscript:msgbox(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    '[klik](https://contoh.id "onmouseover=alert(1)")',
    '[a](https://contoh.id"onclick="alert(1))',
    '![x](https://contoh.id/x.png"onerror="alert(1))',
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "<a href='&#x6A;avascript:alert(1)'>x</a>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<<script>script>alert(1)<</script>/script>",
    "\u003cscript\u003ealert(1)\u003c/script\u003e",
]


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize("vector", XSS_CORPUS)
def test_xss_vectors_are_neutralised(vector):
    html = markup.render(vector)
    for tag, attrs in Elements(html).found:
        assert tag in markup.ALLOWED_TAGS, html
        assert set(attrs) <= markup.ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}, html
        href = attrs.get("href")
        if href is not None:
            assert href.split(":", 1)[0].lower() in {"http", "https", "mailto"}, html


def test_sanitiser_alone_strips_what_the_parser_might_let_through():
    html = markup.sanitise('<p onclick="x()">a</p><script>b</script><a href="javascript:c">d</a>')
    assert "onclick" not in html and "<script" not in html and "javascript" not in html


def test_the_allowed_subset_renders():
    html = markup.render(
        "**tebal** _miring_\n\n> kutipan\n\n- satu\n- dua\n\n[toko](https://contoh.id)"
    )
    assert "<strong>tebal</strong>" in html
    assert "<em>miring</em>" in html
    assert "<blockquote>" in html and "<li>satu</li>" in html
    assert '<a href="https://contoh.id" rel="nofollow ugc noopener">toko</a>' in html


def test_headings_and_remote_images_are_not_markup():
    html = markup.render("# Judul\n\n![foto](https://contoh.id/a.jpg)")
    assert "<h1" not in html and "<img" not in html


def test_links_are_counted_with_bare_addresses():
    assert markup.count_links("lihat https://a.id dan www.b.id dan [c](https://c.id)") == 3


def test_highlight_escapes_then_marks():
    html = markup.highlight('Foto <b onclick="x">produk</b>', ["produk", "b"])
    assert "<b " not in html
    assert "<mark>produk</mark>" in html
    assert "&lt;<mark>b</mark> onclick" in html


def test_quote_is_markdown():
    assert (
        markup.quoted("baris satu\nbaris dua", "Luh") == "**Luh:**\n> baris satu\n> baris dua\n\n"
    )
