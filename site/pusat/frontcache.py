"""Stored anonymous pages answered in front of Django.

The page cache (`pagecache.py`) spares a stored page its view and its
queries, but every request still passes through Django's handler and its
middlewares, mostly synchronous code run one request at a time on the
worker's thread for sync code. This ASGI layer sits in front of Django: once
Django has answered a page with `X-Page-Cache` (the page cache judged it
storable: an anonymous 200 HTML page of a cacheable view that set nothing but
the CSRF cookie), the finished response, with every header the middlewares
added, is kept in this process and answered from here next time, with the
visitor's own CSRF token put back in.

A stored response is used only for a request that Django would answer the
same way: GET, no session or messages cookie, and the same host, scheme,
path, query string, language cookie and text-size cookie (the only inputs an
anonymous page depends on; Accept-Language is ignored by the site). The key
also carries the page cache's *generation*, which every change anywhere
renews through the shared cache, so a change made in any process makes every
process's copies stale at once. A stored page that counts a visit (a
showcase) still counts it on every answer.
"""

from collections import OrderedDict

from asgiref.sync import sync_to_async
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.cookie import parse_cookie
from django.middleware.csrf import CsrfViewMiddleware, get_token

from . import pagecache

# The page cache marks what it stored; this is the header's name as ASGI sends it.
MARK = pagecache.HEADER.lower().encode()
# The page cache names a stored page's visit counter in this header (never sent on).
HOOK = pagecache.HOOK_HEADER.lower().encode()
MAX_ENTRIES = 300
MAX_BODY = 256 * 1024


def _header(scope, name):
    for key, value in scope["headers"]:
        if key == name:
            return value
    return b""


class FrontPageCache:
    """ASGI middleware around Django's HTTP application."""

    def __init__(self, app, max_entries=MAX_ENTRIES):
        self.app = app
        self.max_entries = max_entries
        self.entries = OrderedDict()
        self.generation = None
        self.csrf = CsrfViewMiddleware(lambda request: HttpResponse())

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not getattr(settings, "PAGE_CACHE_ENABLED", True)
        ):
            return await self.app(scope, receive, send)
        cookies = parse_cookie(_header(scope, b"cookie").decode("latin-1"))
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return await self.app(scope, receive, send)
        generation = await sync_to_async(pagecache.generation, thread_sensitive=False)()
        if generation != self.generation:
            self.entries.clear()  # every stored copy is stale
            self.generation = generation
        key = (
            _header(scope, b"host"),
            scope.get("scheme", "http"),
            _header(scope, b"x-forwarded-proto"),
            scope.get("root_path", ""),
            scope["path"],
            scope.get("query_string", b""),
            cookies.get(settings.LANGUAGE_COOKIE_NAME),
            cookies.get(settings.TEXT_SIZE_COOKIE_NAME),
        )
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
            return await self._answer(entry, cookies, send)
        scope = {**scope, pagecache.FRONT_SCOPE_KEY: True}
        return await self.app(scope, receive, self._recorder(key, generation, send))

    def _recorder(self, key, generation, send):
        """`send`, keeping a copy of a response the page cache stored."""
        state = {"keep": False, "body": []}

        async def record(message):
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                hook = [value for name, value in headers if name.lower() == HOOK]
                state["keep"] = message["status"] == 200 and any(
                    name.lower() == MARK for name, _ in headers
                )
                state["start"] = message
                state["hook"] = hook[0].decode() if hook else None
                if hook:  # internal: never sent to the visitor
                    message = {
                        **message,
                        "headers": [(n, v) for n, v in headers if n.lower() != HOOK],
                    }
            elif message["type"] == "http.response.body" and state["keep"]:
                state["body"].append(message.get("body", b""))
                if sum(map(len, state["body"])) > MAX_BODY:
                    state["keep"] = False
                elif not message.get("more_body", False):
                    self._store(key, generation, state)
            await send(message)

        return record

    def _store(self, key, generation, state):
        if generation != self.generation:
            return  # something changed while this page was rendered
        body = pagecache.CSRF_INPUT.sub(
            rb"\1" + pagecache.CSRF_MARKER + rb"\2", b"".join(state["body"])
        )
        dropped = {b"set-cookie", b"content-length", MARK, HOOK}
        headers = [(n, v) for n, v in state["start"]["headers"] if n.lower() not in dropped]
        headers.append((MARK, b"hit"))
        self.entries[key] = (headers, body, state["hook"])
        while len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)

    async def _answer(self, entry, cookies, send):
        headers, body, hook = entry
        headers = list(headers)
        if pagecache.CSRF_MARKER in body:
            token, cookie = self._csrf(cookies)
            body = body.replace(pagecache.CSRF_MARKER, token.encode())
            if cookie:
                headers.append((b"set-cookie", cookie.encode("latin-1")))
        if hook:
            await sync_to_async(pagecache.run_hook)(hook)
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _csrf(self, cookies):
        """(a fresh mask of the visitor's CSRF secret, the Set-Cookie value
        Django's CSRF middleware would send), decided by that middleware."""
        request = HttpRequest()
        request.method = "GET"
        request.COOKIES = cookies
        self.csrf.process_request(request)
        token = get_token(request)
        response = self.csrf.process_response(request, HttpResponse())
        morsel = response.cookies.get(settings.CSRF_COOKIE_NAME)
        return token, morsel.OutputString() if morsel is not None else ""
