"""From what a member types to HTML that is safe to show.

Markdown is rendered by markdown-it-py (CommonMark, raw HTML off, a small
subset of rules) and the result is sanitised by nh3 against an allow-list
anyway: two independent layers, so a parser quirk alone cannot let a script
through. Links get rel="nofollow ugc noopener" and only http, https and
mailto survive.
"""

import re

import nh3
from django.utils.html import escape
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

# Headings and pictures are left out: a post is a message, not a page, and
# photos come as checked attachments rather than links to other sites.
_markdown = MarkdownIt("commonmark", {"html": False, "breaks": True}).disable(
    ["heading", "lheading", "image", "html_block", "html_inline"]
)

LINK_PATTERN = re.compile(r"<a\s", re.IGNORECASE)
BARE_URL_PATTERN = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def sanitise(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
    )


def render(text):
    """Safe HTML for a post's Markdown."""
    return sanitise(_markdown.render(text or ""))


def count_links(text):
    """Links a post would carry: Markdown links plus bare addresses."""
    html = render(text)
    return max(len(LINK_PATTERN.findall(html)), len(BARE_URL_PATTERN.findall(text or "")))


def quoted(text, author_name):
    """A post's text as a Markdown quote, for the reply box."""
    lines = (text or "").strip().splitlines() or [""]
    return f"**{author_name}:**\n" + "\n".join(f"> {line}" for line in lines) + "\n\n"


def highlight(text, terms, length=240):
    """Plain text around the first hit, escaped, with every term in <mark>.

    Every piece of the member's text is escaped and only our own <mark>
    tags are added around the hits, so nothing typed can become markup.
    """
    text = re.sub(r"\s+", " ", text or "").strip()
    lowered = text.lower()
    starts = [lowered.find(term.lower()) for term in terms if term]
    starts = [start for start in starts if start >= 0]
    first = min(starts) if starts else 0
    begin = max(0, first - length // 3)
    excerpt = text[begin : begin + length]
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if words:
        pattern = re.compile("(" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)
        parts = pattern.split(excerpt)
        # split() with one group alternates text, match, text, match, ...
        escaped = "".join(
            f"<mark>{escape(part)}</mark>" if index % 2 else escape(part)
            for index, part in enumerate(parts)
        )
    else:
        escaped = escape(excerpt)
    prefix = "… " if begin > 0 else ""
    suffix = " …" if begin + length < len(text) else ""
    return mark_safe(prefix + escaped + suffix)
