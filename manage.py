#!/usr/bin/env python
"""Django's command-line utility for the Pusat Komunitas Kreatif portal."""

import os
import sys
from pathlib import Path

# `site/` is a plain folder (Python's own `site` module owns that name);
# the project package `pusat` lives inside it, so put it on the path.
BASE_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BASE_DIR / "site"))


def main():
    env = os.environ.get("DJANGO_ENV", "dev")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"pusat.settings.{env}")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
