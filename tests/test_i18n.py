"""The gettext the templates use follows the locale in force, however it changes inside one
request: Flask-Babel's force_locale() and back, refresh() after a new locale, the next request."""

from datetime import date

import pytest
from flask import g
from flask_babel import force_locale, refresh

from webapp import locales
from webapp.i18n import format_day, gettext

SPANISH = "Pedir ayuda"   # "Get help" in translations/es


def test_gettext_follows_force_locale_and_back(app):
    with app.test_request_context("/es/"):
        g.locale = locales.BY_CODE["es"]
        assert gettext("Get help") == SPANISH
        with force_locale("en"):
            assert gettext("Get help") == "Get help"
        assert gettext("Get help") == SPANISH


def test_gettext_follows_a_new_locale_after_refresh(app):
    with app.test_request_context("/en/"):
        g.locale = locales.BY_CODE["en"]
        assert gettext("Get help") == "Get help"
        g.locale = locales.BY_CODE["es"]
        refresh()
        assert gettext("Get help") == SPANISH


def test_each_request_has_its_own_locale(client):
    # One app context can serve several requests (tests, `flask export`): none inherits the
    # last one's translations.
    assert "Pedir ayuda" in client.get("/es/").get_data(as_text=True)
    assert "Pedir ayuda" not in client.get("/en/").get_data(as_text=True)
    assert "Pedir ayuda" in client.get("/es/helplines/").get_data(as_text=True)


@pytest.mark.parametrize("code, day, expected", [
    # Thai readers count years in the Buddhist Era (Gregorian + 543), as their phones do.
    ("th", date(2025, 12, 7), "7 ธันวาคม 2568"),
    ("th", date(2024, 2, 29), "29 กุมภาพันธ์ 2567"),   # 2567 BE has no 29 February of its own
    ("en", date(2025, 12, 7), "December 7, 2025"),
    ("es", date(2025, 12, 7), "7 de diciembre de 2025"),
    ("ht", date(2025, 12, 7), "7/12/2025"),
])
def test_dates_read_as_the_reader_expects(app, code, day, expected):
    with app.test_request_context(f"/{code}/"):
        g.locale = locales.BY_CODE[code]
        refresh()
        assert format_day(day) == expected
