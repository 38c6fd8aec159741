"""Fill Indonesian translations into locale/id/LC_MESSAGES/django.po.

    python scripts/po_fill.py translations.json

The JSON maps English msgids to Indonesian text. For plural entries give a
list ([singular, plural]; Indonesian uses the same word for both). Entries
that makemessages marked fuzzy are fixed and unmarked. Prints what is still
untranslated, so a contributor sees what is left. Use it through
scripts/update_catalogue.sh, which holds a lock while makemessages runs.
"""

import json
import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/id/LC_MESSAGES/django.po"


def main(path):
    translations = json.loads(Path(path).read_text(encoding="utf-8"))
    catalogue = polib.pofile(str(CATALOGUE), wrapwidth=100)
    filled = 0
    for entry in catalogue:
        if entry.obsolete or entry.msgid not in translations:
            continue
        text = translations[entry.msgid]
        if entry.msgid_plural:
            forms = text if isinstance(text, list) else [text, text]
            entry.msgstr_plural = dict(enumerate(forms[:1]))
        else:
            entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
            entry.previous_msgctxt = None
        filled += 1
    catalogue.save()
    left = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    print(f"filled {filled}; untranslated or fuzzy: {len(left)}")
    for msgid in left:
        print(f"  {msgid!r}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
