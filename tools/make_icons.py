"""Render the app icons (PNG, any and maskable) from static/icons/app/*.svg with Chromium.

Run once when the icon changes: `.venv/bin/python tools/make_icons.py`. The PNGs are committed
so that serving the app needs no image library.
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

APP = Path(__file__).resolve().parent.parent / "static" / "icons" / "app"
SIZES = {"icon-192.png": (192, "icon.svg"), "icon-512.png": (512, "icon.svg"),
         "maskable-192.png": (192, "maskable.svg"), "maskable-512.png": (512, "maskable.svg"),
         "apple-touch-icon.png": (180, "maskable.svg")}

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    for name, (size, source) in SIZES.items():
        page = browser.new_page(viewport={"width": size, "height": size})
        svg = (APP / source).read_text()
        page.set_content(f'<body style="margin:0;background:transparent">'
                         f'<div style="width:{size}px;height:{size}px">{svg}</div></body>')
        page.eval_on_selector("svg", f"s => {{ s.setAttribute('width', {size}); s.setAttribute('height', {size}); }}")
        page.screenshot(path=str(APP / name), omit_background=True)
        page.close()
    browser.close()
