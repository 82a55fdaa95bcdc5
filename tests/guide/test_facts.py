"""Facts that were once stated wrongly stay as /work/shared/FACTS.md puts them, on the page a
reader sees: overtime has exceptions, smuggling is not trafficking, OVC TTAC lists the resources
(it did not make them), and the hotline acts without consent only on *suspected* abuse of a minor."""

import pytest

from tests.htmlparse import parse
from webapp import locales

OTHER_LANGS = [loc.code for loc in locales.LOCALES if loc.code not in ("en", locales.PSEUDO)]


def words(element) -> str:
    return " ".join(element.text.split())


def main_text(client, path: str) -> str:
    r = client.get(path)
    assert r.status_code == 200, path
    return words(parse(r.data).find("main"))


def section(client, path: str, heading_id: str):
    doc = parse(client.get(path).data)
    found = doc.find("section", **{"aria-labelledby": heading_id})
    assert found is not None, f"{path}: no section #{heading_id}"
    return found


def test_rights_page_says_most_workers_and_names_the_exceptions(client):
    text = main_text(client, "/en/rights/")
    assert "Most workers who work more than 40 hours in one week must get overtime pay." in text
    assert "Most workers must be paid at least the federal minimum wage" in text
    exceptions = words(section(client, "/en/rights/", "pay-exceptions"))
    assert "does not cover most farm work" in exceptions
    assert "live-in domestic work when the household itself is your employer" in exceptions
    assert "Some small farms do not have to pay the federal minimum wage." in exceptions
    assert "Wage and Hour Division" in exceptions and "state's labor office" in exceptions
    # the old sentence promised overtime to everyone
    assert "you must get overtime pay" not in text


def test_rights_page_keeps_the_record_off_any_checked_phone(client):
    text = main_text(client, "/en/rights/")
    assert "Do not keep it on a phone that other people check." in text
    assert "only on a phone" not in text


def test_overtime_sign_and_answer_name_the_exceptions(client):
    signs = main_text(client, "/en/signs/")
    assert "not paid extra for overtime. Most workers must get overtime pay, but most farm work" in signs
    answer = words(parse(client.get("/en/questions/").data).find(id="undocumented-rights"))
    assert "does not cover most farm work, or live-in domestic work" in answer
    assert "state's labor office" in answer


def test_what_is_page_sets_smuggling_apart_from_trafficking(client):
    text = words(section(client, "/en/what-is-labor-trafficking/", "smuggling"))
    assert "pays someone to take them across a border" in text
    assert "It ends when the person arrives." in text
    assert "No one has to move at all." in text
    assert "“debt” for the trip" in text
    assert "No one can agree to be trafficked." in text
    assert "Trafficking is a crime against the person." in text


def test_what_is_page_keeps_the_seed_phrases(client):
    text = main_text(client, "/en/what-is-labor-trafficking/")
    for phrase in ("exploited for financial gain", "for little or no wages", "underreported"):
        assert phrase in text


def test_faq_on_smuggling_and_the_hotline_exception(client):
    doc = parse(client.get("/en/questions/").data)
    smuggling = words(doc.find(id="trafficking-vs-smuggling"))
    assert "It ends when the person arrives." in smuggling
    assert "No one has to cross a border or move at all." in smuggling
    assert "owes a debt for the trip" in smuggling
    for qa in ("deported", "threats-immigration"):
        answer = words(doc.find(id=qa))
        assert "suspects a child is being abused" in answer, qa
    assert "a child may be abused" not in words(doc.find("main"))
    legal_help = words(section(client, "/en/immigration/", "legal-help"))
    assert "unless it suspects a child is being abused" in legal_help


def test_resources_are_listed_by_ovc_ttac_not_made_by_it(app, client):
    doc = parse(client.get("/en/resources/").data)
    main = doc.find("main")
    assert "are listed by the Office for Victims of Crime Training and Technical Assistance " \
           "Center (OVC TTAC) on its Labor Trafficking page" in words(main)
    cards = {card.attrs["id"]: card for card in main.find_all("li", class_="card")}
    assert len(cards) == len(app.extensions["guide_content"].resources)
    makers = {ident: words(card.find("p", class_="meta")) for ident, card in cards.items()
              if card.find("p", class_="meta") is not None}
    # FACTS.md names a maker for the Blue Campaign videos only
    assert makers == {"blue-campaign-videos": "Made by: U.S. Department of Homeland Security (DHS)"}


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_corrections_are_translated(client, lang):
    for path, heading in (("/{}/rights/", "pay-exceptions"),
                          ("/{}/what-is-labor-trafficking/", "smuggling")):
        english = words(section(client, path.format("en"), heading))
        other = words(section(client, path.format(lang), heading))
        assert other and other != english
        assert "farm work" not in other and "arrives" not in other, (lang, path)


# -- Issue 27: content that said more, or less, than its source --------------------------

def test_the_hotline_answer_says_when_it_acts_without_consent(client):
    """"It can report to the police only if you agree" is not the whole truth: the same answer
    says it may act without agreement when it suspects child abuse or someone is in danger."""
    answer = words(parse(client.get("/en/questions/").data).find(id="what-happens"))
    assert "report to the police if you agree" in answer
    assert "without your agreement in two cases: if it suspects a child is being abused, or if someone " \
           "is in danger right now" in answer
    assert "but only if you agree" not in answer


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_the_hotline_answer_is_translated_whole(client, lang):
    answer = words(parse(client.get(f"/{lang}/questions/").data).find(id="what-happens"))
    english = words(parse(client.get("/en/questions/").data).find(id="what-happens"))
    assert answer and answer != english and "agree" not in answer


def test_low_pay_and_missing_training_are_labor_abuse_on_every_page(client):
    """One framing, as the self-check and the questions have it: pay below the minimum wage,
    unpaid overtime and no safety training in your language are labor abuse (still worth a
    call, to the Wage and Hour Division or OSHA), not signs that "may be labor trafficking"."""
    doc = parse(client.get("/en/signs/").data)
    labor = doc.find("section", **{"data-kind": "labor"})
    text = words(labor)
    for sign in ("paid less than the federal minimum wage", "not paid extra for overtime",
                 "safety training in a language you understand"):
        assert sign in text
        others = [words(s) for s in doc.find_all("section") if s is not labor and sign in words(s)]
        assert others == [], sign
    assert "On their own, they are not labor trafficking. They are still worth a call" in text
    links = {a.attrs.get("href") for a in labor.find_all("a")}
    assert {"tel:+18664879243", "tel:+18003216742"} <= links        # Wage and Hour, OSHA
    # The jobs page gives them as what trafficking can look like no more.
    jobs = main_text(client, "/en/industries/")
    assert "safety training in a language you understand" not in jobs and "overtime" not in jobs
    # The questions page lists neither among the signs of trafficking.
    signs_answer = words(parse(client.get("/en/questions/").data).find(id="signs"))
    assert "minimum wage" not in signs_answer and "language you understand" not in signs_answer


def test_immigration_page_promises_no_status(client):
    text = main_text(client, "/en/immigration/")
    assert "has ways to let you stay" not in text
    assert "Some victims of trafficking can get permission to stay and work in the United States. " \
           "Whether you can depends on your case." in text


def test_the_spanish_speakers_share_carries_its_year(client):
    answer = words(parse(client.get("/en/questions/").data).find(id="outreach-languages"))
    assert "In 2015, about 64 in 100 people" in answer


@pytest.mark.parametrize("lang", [loc.code for loc in locales.LOCALES if loc.code != locales.PSEUDO])
def test_dated_figures_keep_their_year_in_every_language(client, lang):
    answer = words(parse(client.get(f"/{lang}/questions/").data).find(id="outreach-languages"))
    assert "2015" in answer and "64" in answer
