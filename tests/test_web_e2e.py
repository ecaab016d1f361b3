"""The web app in a real browser: Debian's headless Chromium driven through Playwright, against
uvicorn serving the sample corpus on a free loopback port.

Screenshots go to $CORROBORATE_SCREENSHOTS when set (e.g. tests/screenshots), else a temp dir.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from corroborate.web import create_app

from .web_support import HOSTILE, sample_db

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]  # fmt: skip
WIDE, NARROW = {"width": 1280, "height": 900}, {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} missing (scripts/system-deps.sh)"
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    import uvicorn

    app = create_app(sample_db(tmp_path_factory.mktemp("web-e2e")))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    chosen = os.environ.get("CORROBORATE_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Watched:
    """A page that records dialogs, CSP violations and requests that leave the server."""

    def __init__(self, browser, base_url: str, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.page = self.context.new_page()
        self.page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.context.route("**/*", lambda route: self._only_local(route, base_url))

    def _only_local(self, route, base_url: str) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__csp")

    def close(self) -> None:
        self.context.close()


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_story_list_to_dossier_to_highlighted_source(browser, base_url, shots):
    listed = _get(f"{base_url}/api/stories")["stories"]
    biggest = max(listed, key=lambda s: (len(s["outlets"]), s["id"]))
    w = Watched(browser, base_url, WIDE)
    page = w.page
    page.goto(base_url + "/")
    assert page.locator("li.story").count() == len(listed)
    page.screenshot(path=shots / "list-1280.png", full_page=True)

    page.get_by_role("link", name=biggest["title"], exact=True).click()
    page.wait_for_url("**/stories/**")
    assert page.locator("table.matrix").first.is_visible()
    assert page.locator("#timeline svg").count() == 1 and page.locator("#coverage svg").count() == 1
    page.screenshot(path=shots / "story-1280.png", full_page=True)

    link = page.locator("table.matrix a.claim-link").first
    claim_text = link.inner_text()
    link.click()
    page.wait_for_url("**/articles/**")
    mark = page.locator("mark#span")
    assert _squash(mark.inner_text()) == _squash(claim_text)
    assert page.evaluate("document.querySelector(':target') === document.getElementById('span')")
    assert mark.is_visible() and page.evaluate(
        "(() => { const r = document.getElementById('span').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
    )
    page.screenshot(path=shots / "article-1280.png")
    assert w.csp_violations() == [] and w.outside == [] and w.dialogs == []
    w.close()


def test_pages_fit_a_narrow_phone_screen(browser, base_url, shots):
    story = max(_get(f"{base_url}/api/stories")["stories"], key=lambda s: s["article_count"])
    record = _get(f"{base_url}/api/stories/{story['id']}")
    claim = record["claim_groups"][0]["evidence"][0]
    entity = next(s["speaker"] for s in record["quotes_by_speaker"] if s["speaker"])
    pages = {"list": "/", "story": f"/stories/{story['id']}", "entity": f"/entities/{entity}",
             "article": f"/articles/{claim['article']}?hl={claim['start']}-{claim['end']}#span"}  # fmt: skip
    w = Watched(browser, base_url, NARROW)
    for name, path in pages.items():
        w.page.goto(base_url + path)
        width = w.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], (name, width)
        w.page.screenshot(path=shots / f"{name}-390.png", full_page=name != "article")
    assert w.csp_violations() == [] and w.outside == []
    w.close()


def test_a_hostile_article_runs_nothing(browser, base_url, shots):
    request = urllib.request.Request(
        f"{base_url}/api/articles",
        data=json.dumps(HOSTILE).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        posted = json.load(response)
    article = _get(f"{base_url}/api/articles/{posted['id']}")
    entities = {m["entity"] for m in article["entities"] if m["entity"]}
    paths = ["/", "/?q=Brenvik", f"/stories/{posted['story_id']}", f"/articles/{posted['id']}",
             *(f"/entities/{e}" for e in sorted(entities))]  # fmt: skip
    w = Watched(browser, base_url, WIDE)
    for path in paths:
        w.page.goto(base_url + path)
        w.page.hover("h1")
        w.page.wait_for_timeout(50)  # time for an onerror or onload to fire, were there one
        assert w.page.evaluate("typeof window.pwned") == "undefined", path
        hostile_nodes = "img, [onerror], [onload], [onmouseover], a[href^='javascript:'], iframe"
        assert w.page.locator(hostile_nodes).count() == 0, path
    w.page.goto(f"{base_url}/articles/{posted['id']}")
    assert "<script>window.pwned=1</script>" in w.page.locator("h1").inner_text()
    w.page.screenshot(path=shots / "hostile-1280.png")
    assert w.dialogs == [] and w.csp_violations() == [] and w.outside == []
    w.close()
