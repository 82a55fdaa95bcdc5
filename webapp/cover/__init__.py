"""The cover screen the quick exit goes to: a plain, working calculator. Nothing in its URL,
title, markup or assets may name the guide; tests check a word list in every locale."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

bp = Blueprint("cover", __name__)

# The way back to the guide, typed into the calculator and followed by "=". The safety page
# explains it; deployers can change it with QUICK_EXIT_RETURN_CODE.
DEFAULT_RETURN_CODE = "2580"


@bp.get("/calculator/")
def calculator():
    return render_template("cover/calculator.html",
                           return_code=current_app.config["QUICK_EXIT_RETURN_CODE"])
