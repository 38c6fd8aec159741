"""WSGI entry point, for tools that want one; the site is served over ASGI."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE", f"pusat.settings.{os.environ.get('DJANGO_ENV', 'dev')}"
)

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
