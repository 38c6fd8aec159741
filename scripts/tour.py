"""Build the README's tour (docs/tour/) from the browser tests' screenshots.

    .venv/bin/pytest tests/browser   # writes test-artifacts/screenshots/
    .venv/bin/python scripts/tour.py

Each picture is the first phone screen (360×740 CSS pixels) of a full-page
screenshot taken by journeys 1, 2 and 7, scaled to 360 px wide. Look at them
before committing: the tour is what a newcomer sees first.
"""

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-artifacts" / "screenshots"
TOUR = ROOT / "docs" / "tour"
WIDTH, HEIGHT = 360, 740

VISITOR = "test_visitor_finds_a_village_speciality_orders_and_reads_the_forum_and_agenda-Normal-"
NEWCOMER = "test_newcomer_does_journey_2_with_the_keyboard_only-Normal-"
SHOWCASE = "test_member_builds_a_showcase_and_a_visitor_orders_via_whatsapp-"

# (source screenshot, tour file name)
PICTURES = [
    (VISITOR + "1-home", "1-1-home"),
    (VISITOR + "2-directory-filtered", "1-2-directory-filtered"),
    (VISITOR + "3-showcase", "1-3-showcase"),
    (VISITOR + "4-product", "1-4-product"),
    (NEWCOMER + "02-sign-up-filled", "2-1-sign-up"),
    (NEWCOMER + "04-course", "2-2-course"),
    (NEWCOMER + "07-pre-test-result", "2-3-pre-test-result"),
    (NEWCOMER + "08-lesson-1", "2-4-lesson"),
    (NEWCOMER + "10-progress-moved", "2-5-progress"),
    (NEWCOMER + "12-evidence-sent", "2-6-evidence-sent"),
    (SHOWCASE + "1-form", "7-1-showcase-form"),
    (SHOWCASE + "3-manage", "7-2-manage-products"),
    (SHOWCASE + "5-showcase", "7-3-published-showcase"),
]


def first_screen(source):
    image = Image.open(source).convert("RGB")
    scale = image.width / WIDTH
    top = image.crop((0, 0, image.width, min(image.height, round(HEIGHT * scale))))
    return top.resize((WIDTH, round(top.height / scale)), Image.LANCZOS)


def main():
    TOUR.mkdir(parents=True, exist_ok=True)
    missing = [name for name, _ in PICTURES if not (SHOTS / f"{name}.png").exists()]
    if missing:
        sys.exit("run the browser tests first; missing: " + ", ".join(missing))
    for name, target in PICTURES:
        picture = first_screen(SHOTS / f"{name}.png")
        # 256 colours are plenty for a page; a sixth of the bytes.
        picture = picture.quantize(colors=256, method=Image.Quantize.FASTOCTREE)
        picture.save(TOUR / f"{target}.png", optimize=True)
        print(TOUR / f"{target}.png")


if __name__ == "__main__":
    main()
