"""Link previews for the /s/N/ short links (pure: HTML in, HTML out).

A short link's page (finishing/short_links.py) is a bare stub. Chat apps and
social sites read the stub, not the page it leads to, so each stub gets its
strategy page's title, description and Open Graph and Twitter tags (og:url
stays the page's own URL).
"""

import re

TITLE = re.compile(r"<title>.*?</title>", re.S)
# The tags partials/tg-meta.html writes, as Material and our partial spell them.
PREVIEW_TAG = re.compile(r'<meta (?:name="(?:description|twitter:[^"]+)"|property="og:[^"]+") [^>]*>')


def with_preview(stub: str, page: str) -> str:
    """The stub, titled like page and carrying its preview tags."""
    title = TITLE.search(page)
    tags = PREVIEW_TAG.findall(page)
    if title is None or not tags:
        raise ValueError("the page a short link leads to has no title or preview tags")
    if TITLE.search(stub) is None or "</head>" not in stub:
        raise ValueError("short-link stub has no <title> or </head>; see finishing/templates/short_link.html")
    stub = TITLE.sub(lambda _: title.group(0), stub, count=1)
    return stub.replace("</head>", "\n".join(tags) + "\n</head>", 1)
