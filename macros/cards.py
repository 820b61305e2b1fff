"""Strategy cards (home page) and the "Related" box (strategy pages)."""

from .catalogue import count_words
from .models import Strategy
from .rendering import render
from .urls import relative_href


def strategy_cards(strategies: list[Strategy], page_url: str) -> str:
    cards = [
        {"strategy": s, "href": relative_href(page_url, s.doc_path)} for s in strategies
    ]
    return render("cards.html", cards=cards, label=f"The {count_words(len(strategies))} strategies")


def related_box(links: list[dict], page_url: str) -> str:
    """links: [{'label': …, 'doc_path': …, 'note': …}] in display order."""
    items = [
        {"label": link["label"], "note": link.get("note", ""),
         "href": relative_href(page_url, link["doc_path"])}
        for link in links
    ]
    return render("related.html", items=items)
