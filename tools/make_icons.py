"""Render the PNG icons (any and maskable) from their SVG sources with Chromium.

Run once when an icon changes: `.venv/bin/python tools/make_icons.py [app|cover]` (both by
default). The PNGs are committed so that serving the app needs no image library.

- app:   the guide's icons, static/icons/app/ (webapp/theme.py: GUIDE_ICONS)
- cover: the calculator's icons, static/cover/ (the app installed as a calculator; webapp/cover:
         ICONS); their file names and pictures say nothing of the guide

The names, sizes and sources of the PNGs come from those two definitions, which the manifests,
the pages and the precache list read too.

Chromium's PNGs are then recompressed, losslessly, by optipng (Debian's `optipng`), a third
smaller: every first visit downloads the manifests' icons. Without optipng the tool says so and
leaves them as Chromium wrote them.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from webapp.cover import ICONS as CALCULATOR_ICONS  # noqa: E402
from webapp.settings import Paths  # noqa: E402
from webapp.theme import GUIDE_ICONS  # noqa: E402

SETS = {"app": GUIDE_ICONS, "cover": CALCULATOR_ICONS}

static = Paths.from_environ().static
wanted = sys.argv[1:] or list(SETS)
written: list[Path] = []
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                args=["--no-sandbox"])
    for set_name in wanted:
        folder = static / SETS[set_name].folder
        for png in SETS[set_name].pngs:
            name, size = png.name, png.size
            page = browser.new_page(viewport={"width": size, "height": size})
            svg = (folder / png.source).read_text()
            page.set_content(f'<body style="margin:0;background:transparent">'
                             f'<div style="width:{size}px;height:{size}px">{svg}</div></body>')
            page.eval_on_selector("svg", f"s => {{ s.setAttribute('width', {size}); s.setAttribute('height', {size}); }}")
            page.screenshot(path=str(folder / name), omit_background=True)
            page.close()
            written.append(folder / name)
    browser.close()

if shutil.which("optipng"):
    subprocess.run(["optipng", "-quiet", "-o7", "-strip", "all", *map(str, written)], check=True)
else:
    print("optipng is missing (apt-get install optipng): the PNGs are as Chromium wrote them, "
          "about a third larger", file=sys.stderr)
