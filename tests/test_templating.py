"""Pages whose bytes depend only on their address are rendered once per app
(templating.rendered_once); what a reader sends is never kept."""

import pytest
from flask import template_rendered

ONCE = ["/en/", "/ar/helplines/", "/es/services/", "/th/self-check/", "/hi/offline/", "/en/saved/",
        "/fr/forget/", "/calculator/", "/calculator/vi/", "/en/card/"]


@pytest.fixture()
def renders(app):
    seen: list[str] = []

    def note(sender, template, context, **extra):
        seen.append(template.name)

    template_rendered.connect(note, app)
    yield seen
    template_rendered.disconnect(note, app)


@pytest.mark.parametrize("path", ONCE)
def test_a_page_is_rendered_once_then_served_from_memory(client, renders, path):
    first = client.get(path)
    assert first.status_code == 200
    renders.clear()
    again = client.get(path)
    assert again.get_data() == first.get_data()
    assert renders == []


def test_a_search_is_rendered_each_time_and_never_kept(app, client, renders):
    words = "zqxsecretword"
    for _ in range(2):
        renders.clear()
        answer = client.post("/en/services/", data={"q": words})
        assert answer.status_code == 200 and words in answer.get_data(as_text=True)
        assert "directory/services.html" in renders
    kept = app.extensions["guide_page_cache"].values()
    assert kept and not [html for html in kept if words in html]
    # The page without a search is the kept one, whatever the query string says.
    assert words not in client.get(f"/en/services/?q={words}").get_data(as_text=True)
