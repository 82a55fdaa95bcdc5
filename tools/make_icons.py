"""Render the PNG icons (any and maskable) from their SVG sources with Chromium.

Run once when an icon changes: `.venv/bin/python tools/make_icons.py [app|cover]` (both by
default). The PNGs are committed so that serving the app needs no image library.

- app:   the guide's icons, static/icons/app/
- cover: the calculator's icons, static/cover/ (the app installed as a calculator); their file
         names and pictures say nothing of the guide
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

STATIC = Path(__file__).resolve().parent.parent / "static"
SETS = {
    "app": (STATIC / "icons" / "app", {
        "icon-192.png": (192, "icon.svg"), "icon-512.png": (512, "icon.svg"),
        "maskable-192.png": (192, "maskable.svg"), "maskable-512.png": (512, "maskable.svg"),
        "apple-touch-icon.png": (180, "maskable.svg")}),
    "cover": (STATIC / "cover", {
        "calc-192.png": (192, "icon.svg"), "calc-512.png": (512, "icon.svg"),
        "calc-maskable-192.png": (192, "maskable.svg"), "calc-maskable-512.png": (512, "maskable.svg"),
        "calc-180.png": (180, "maskable.svg")}),
}

wanted = sys.argv[1:] or list(SETS)
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    for set_name in wanted:
        folder, sizes = SETS[set_name]
        for name, (size, source) in sizes.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            svg = (folder / source).read_text()
            page.set_content(f'<body style="margin:0;background:transparent">'
                             f'<div style="width:{size}px;height:{size}px">{svg}</div></body>')
            page.eval_on_selector("svg", f"s => {{ s.setAttribute('width', {size}); s.setAttribute('height', {size}); }}")
            page.screenshot(path=str(folder / name), omit_background=True)
            page.close()
    browser.close()
