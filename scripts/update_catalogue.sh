#!/usr/bin/env bash
# Refresh the Indonesian catalogue from the code, fill translations from a
# JSON file ({"English msgid": "Indonesian"}), and compile. A lock keeps
# two contributors on one checkout from writing the catalogue at once.
#
#   bash scripts/update_catalogue.sh /tmp/my-strings.json
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>locale/.catalogue.lock
flock 9
make -s messages
.venv/bin/python scripts/po_fill.py "${1:?a JSON file of translations}" || true
make -s compile-messages
