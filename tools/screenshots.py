"""Screenshots of every page type as a reader on a small phone sees them: 360 x 640 CSS px,
in English, Spanish, Arabic (right to left) and Russian (long words), light and dark.

`make screenshots` writes them to docs/screenshots/ (git ignores the PNGs), one file per
language, page and colour scheme, for example `docs/screenshots/ar-helplines-dark.png`. Each
PNG shows the first screen only (what a reader sees before scrolling); pass --full for whole
pages. Options narrow the set: `--lang es --page home --scheme dark`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import LiveServer, page_path  # noqa: E402  (the tests' own live server)
from webapp import create_app  # noqa: E402
from webapp.pages import PAGES  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
LANGS = ("en", "es", "ar", "ru")
SCHEMES = ("light", "dark")
# Pages that are not in the guide's reading order but are part of it.
EXTRA = {"saved": "/{lang}/saved/", "not-found": "/{lang}/no-such-page/"}


def targets(langs, names):
    for lang in langs:
        for page in PAGES:
            if page.name in names:
                yield lang, page.name, page_path(lang, page)
        for name, pattern in EXTRA.items():
            if name in names:
                yield lang, name, pattern.format(lang=lang)


def main(argv=None) -> int:
    all_names = [p.name for p in PAGES] + list(EXTRA)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", help=f"default: {' '.join(LANGS)}")
    parser.add_argument("--page", action="append", choices=all_names, help="default: every page")
    parser.add_argument("--scheme", action="append", choices=SCHEMES, help="default: both")
    parser.add_argument("--width", type=int, default=360)
    parser.add_argument("--height", type=int, default=640)
    parser.add_argument("--full", action="store_true", help="the whole page, not the first screen")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    server = LiveServer(create_app({"TESTING": True}))
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    launch = {"args": ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []}
    if Path(chromium).exists():
        launch["executable_path"] = chromium
    count = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(**launch)
            for scheme in args.scheme or SCHEMES:
                # A phone: touch, no hover, so the page looks as it does in the hand.
                ctx = browser.new_context(viewport={"width": args.width, "height": args.height},
                                          color_scheme=scheme, has_touch=True, is_mobile=True,
                                          device_scale_factor=1, service_workers="block")
                page = ctx.new_page()
                for lang, name, path in targets(args.lang or LANGS, args.page or all_names):
                    page.goto(server.url + path)
                    target = args.out / f"{lang}-{name}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=args.full)
                    count += 1
                ctx.close()
            browser.close()
    finally:
        server.stop()
    where = args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out
    print(f"{count} screenshots in {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
