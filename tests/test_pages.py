"""The guide's pages as built: structure, navigation between the strategies,
the home cards, and the safety page's help numbers."""

from urllib.parse import urljoin

import pytest

from guide_pages import SECTION_IDS, article, content_pages, front_matter, page_url, soup, strategies

STRATEGIES = strategies()
BASE = "https://example.org/"  # any absolute base, to resolve relative links


def resolve(url: str, href: str) -> str:
    """A link on page `url`, as a site-relative URL without the fragment."""
    return urljoin(BASE + url, href).split("#")[0].removeprefix(BASE)


def strategy_url(strategy: dict) -> str:
    return f"strategies/{strategy['slug']}/"


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s["id"])
def test_strategy_page_has_the_six_sections_in_order(site_dir, strategy):
    body = article(soup(site_dir, strategy_url(strategy)))
    assert body.h1.get_text(strip=True).rstrip("¶") == strategy["title"]
    ids = [h2["id"] for h2 in body.find_all("h2") if h2.get("id") in SECTION_IDS]
    assert ids == SECTION_IDS


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s["id"])
def test_everyday_life_has_three_stories(site_dir, strategy):
    body = article(soup(site_dir, strategy_url(strategy)))
    heading = body.find("h2", id="everyday-life")
    stories = []
    for el in heading.find_next_siblings():
        if el.name == "h2":
            break
        if "tg-story" in (el.get("class") or []):
            stories.append(el)
    assert len(stories) == 3
    for story in stories:
        assert story.select_one(".admonition-title").get_text(strip=True)
        assert len(story.get_text(" ").split()) > 40


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s["id"])
def test_related_box_closes_the_page_and_links_safety(site_dir, strategy):
    url = strategy_url(strategy)
    body = article(soup(site_dir, url))
    related = body.select_one("aside.tg-related")
    assert related is not None
    assert related.find_previous("h2", id="reflect") is not None
    targets = [resolve(url, a["href"]) for a in related.find_all("a", href=True)]
    assert "safety/" in targets


def test_previous_and_next_walk_the_five_in_order(site_dir):
    for i, strategy in enumerate(STRATEGIES):
        url = strategy_url(strategy)
        page = soup(site_dir, url)
        nxt = page.select_one("a.md-footer__link--next")
        prev = page.select_one("a.md-footer__link--prev")
        if i + 1 < len(STRATEGIES):
            assert resolve(url, nxt["href"]) == strategy_url(STRATEGIES[i + 1])
        if i > 0:
            assert resolve(url, prev["href"]) == strategy_url(STRATEGIES[i - 1])


def test_first_strategy_follows_the_introduction(site_dir):
    page = soup(site_dir, "introduction/")
    nxt = page.select_one("a.md-footer__link--next")
    assert resolve("introduction/", nxt["href"]) == strategy_url(STRATEGIES[0])


def test_home_has_five_cards_in_order_and_links_safety(site_dir):
    home = soup(site_dir, "")
    cards = home.select("ol.tg-cards a.tg-card__link")
    assert [resolve("", a["href"]) for a in cards] == [strategy_url(s) for s in STRATEGIES]
    for card, strategy in zip(cards, STRATEGIES, strict=True):
        assert strategy["title"] in card.get_text(" ")
        assert strategy["summary"] in card.get_text(" ")
    links = [resolve("", a["href"]) for a in article(home).find_all("a", href=True)]
    assert "safety/" in links
    for target in ("introduction/", "worksheets/", "checklists/self-assessment/"):
        assert target in links


def page_id(src) -> str:
    return src.name if src.parent.name == "docs" else f"{src.parent.name}/{src.name}"


@pytest.mark.parametrize("src", content_pages(), ids=page_id)
def test_page_has_meta_description(site_dir, src):
    page = soup(site_dir, page_url(src))
    meta = page.find("meta", attrs={"name": "description"})
    # The page's own description from its front matter, not the site-wide one.
    assert meta is not None and meta["content"] == front_matter(src)["description"]


HELP_LINKS = {
    "US emergency": "tel:911",
    "UK emergency": "tel:999",
    "EU emergency": "tel:112",
    "US National Domestic Violence Hotline": "tel:+18007997233",
    "US hotline by text": "sms:88788?body=START",
    "UK National Domestic Abuse Helpline": "tel:08082000247",
}


def test_safety_page_numbers_are_tappable(site_dir):
    body = article(soup(site_dir, "safety/"))
    hrefs = {a["href"] for a in body.find_all("a", href=True)}
    missing = {name: href for name, href in HELP_LINKS.items() if href not in hrefs}
    assert missing == {}
    text = body.get_text(" ")
    for shown in ("911", "999", "112", "1-800-799-7233", "START", "88788", "0808 2000 247"):
        assert shown in text
    assert "counsellor" in text
