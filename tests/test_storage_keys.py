"""The storage key format has one source, data/storage-keys.json: the
macros' model reads it, every built page carries it for storage.js, and the
keys storage.js makes in Chromium are the ones Python makes."""

import json
from pathlib import Path

import pytest

from macros.storage_keys import load_storage_keys
from support import ROOT, STORAGE_KEYS, wait_ready

KEYS = load_storage_keys(ROOT / "data")


def test_python_keys_follow_the_file():
    assert KEYS.model_dump() == STORAGE_KEYS
    assert KEYS.choice_key == "trust-guide:saving"
    assert KEYS.key("worksheet", "trust-log", 2) == "trust-guide:worksheet:trust-log:v2"
    assert KEYS.key("checklist", "openness") == "trust-guide:checklist:v1:openness"
    assert KEYS.key("history", "self-assessment") == "trust-guide:history:self-assessment:v1"


def test_every_page_carries_the_format(site_dir: Path):
    for page in ("index.html", "privacy/index.html", "worksheets/trust-log/index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        start = html.index('<script type="application/json" id="tg-storage-keys">')
        block = html[start:].split(">", 1)[1].split("</script>", 1)[0]
        assert json.loads(block) == STORAGE_KEYS, page


@pytest.mark.browser
def test_storage_js_makes_the_same_keys(page, server):
    page.goto(server.url("worksheets/trust-log/"))
    wait_ready(page, "worksheet")
    made = page.evaluate("""() => {
      const k = window.trustGuide.storage.keys;
      return [k.worksheet("trust-log", 2), k.checklist("openness"), k.history("self-assessment")];
    }""")
    assert made == [KEYS.key("worksheet", "trust-log", 2), KEYS.key("checklist", "openness"),
                    KEYS.key("history", "self-assessment")]
    assert page.log.page_errors == []
