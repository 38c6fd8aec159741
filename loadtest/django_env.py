"""Django set up in this process with the same settings as the servers
under load (production, loopback), for preparing the run and counting
afterwards."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup():
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pusat.settings.production")
    import django

    django.setup()
