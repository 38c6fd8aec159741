"""What the form fuzzing tests (issue #9) share: hypothesis settings, the
strategies for hostile values, and one attempt at a form that reports what
it changed.

`tests/site/test_fuzz_forms.py` (members and buyers),
`tests/site/test_fuzz_officer_forms.py` (officers' decisions) and
`tests/site/test_fuzz_admin_forms.py` (the Wagtail admin) use these.
"""

import re

from django.contrib.messages import constants as message_levels
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from .access import fingerprint

BOUNDED = settings(
    max_examples=25,
    deadline=None,
    # The same examples on every run, so CI never fails by luck; widen the
    # search by hand by raising max_examples (or derandomize=False).
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PASSWORD = "kopi robusta dari bukit"

# --- Strategies -------------------------------------------------------------------

texts = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.text(st.sampled_from(" \t\n\r\x00\u200b\u3000\ufeffa1.-@+"), max_size=12),
    st.integers(100, 300_000).map(lambda n: "x" * n),
    st.just("halo\x00dunia"),
    st.sampled_from(["", " ", "0", "-1", "1e309", "9" * 40, "NaN", "true", "null", "[]"]),
)
numbers = st.one_of(st.integers(), st.floats(allow_nan=True)).map(str)
values = st.one_of(texts, numbers, st.lists(texts | numbers, min_size=2, max_size=3))

# Ids as a view may read them: digits int() refuses ("²", Arabic-Indic), ids
# past a 64-bit column, negative, padded or with a NUL byte.
ids = st.one_of(
    st.sampled_from(["²", "١٢", "٣", "𝟙", "0", "-1", " 1", "1 ", "01", "1\x00", "1.0", "1e3"]),
    st.integers(2**63 - 1, 2**80).map(str),
    st.integers(-(2**80), -1).map(str),
)
# The officers' and editors' forms take ids in many fields: mix them in.
hostile = st.one_of(values, ids, st.lists(ids, min_size=2, max_size=3))


def changes(fields, values=values):
    """(overrides, names dropped, extra fields) over a form's field names."""
    return st.tuples(
        st.dictionaries(st.sampled_from(fields), values, max_size=len(fields)),
        st.sets(st.sampled_from(fields), max_size=3),
        st.dictionaries(st.text(max_size=8), values, max_size=2),
    )


def apply(valid, change):
    overrides, dropped, extra = change
    data = {**valid, **extra, **overrides}
    for field in dropped:
        data.pop(field, None)
    return data


# --- One attempt ---------------------------------------------------------------------


def attempt(client, url, data, **extra):
    """Post `data` inside a transaction that is rolled back: the response and
    the tables (`app.model`) whose rows changed."""
    cache.clear()  # rate limits and lockouts are not what is tested here
    with transaction.atomic():
        before = fingerprint()
        response = client.post(url, data, **extra)
        after = fingerprint()
        transaction.set_rollback(True)
    return response, {label for label in before if before[label] != after[label]}


def outside(changed, may_write):
    """The tables outside `may_write` (app labels or `app.model` labels)."""
    return {
        label
        for label in changed
        if label not in may_write and label.split(".")[0] not in may_write
    }


def error_messages(response):
    """Messages of level error a view queued (a refusal shown after a redirect)."""
    storage = getattr(response.wsgi_request, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    return [str(m) for m in queued if m.level >= message_levels.ERROR]


def refusals(response):
    """The error messages on a refused form, to say why in a failure."""
    body = response.content.decode(errors="replace")
    return re.findall(r"(?:message-error|invalid-feedback|errorlist)[^>]*>(.*?)</", body, re.S)


def is_refusal(response):
    return 400 <= response.status_code < 500 or bool(error_messages(response))
