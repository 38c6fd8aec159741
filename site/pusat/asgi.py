"""ASGI entry point: HTTP goes to Django, websockets through the origin check
and the session authentication into each app's routing.

Run it as `daphne pusat.asgi:application` from the `site/` folder, or with
`daphne -b 127.0.0.1 -p 8000 --root-path "" pusat.asgi:application` after
putting `site/` on PYTHONPATH; `python manage.py runserver` does this for you.
"""

import os
import sys
from pathlib import Path

# `site/` holds the `pusat` package; make sure it is importable however the
# server was started (daphne, uvicorn, gunicorn).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE", f"pusat.settings.{os.environ.get('DJANGO_ENV', 'dev')}"
)

from django.core.asgi import get_asgi_application  # noqa: E402

# Build the Django application before importing anything that touches models.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from pusat.frontcache import FrontPageCache  # noqa: E402
from pusat.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        # Stored anonymous pages are answered before Django (pusat/frontcache.py).
        "http": FrontPageCache(django_asgi_app),
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
