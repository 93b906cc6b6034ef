"""A second look at pages neither development set holds: the fixtures newspaper4k ships in
its source distribution (tests/data/html + tests/data/metadata, 20 news pages in nine
languages). Their "answers" are newspaper4k's own output, not human readings, so this is a
check for gross errors (a site name as the title, a lost time), not a score to tune to.

    pip download --no-binary :all: --no-deps newspaper4k==0.9.6 -d /tmp/sd
    tar xzf /tmp/sd/newspaper4k-0.9.6.tar.gz -C /tmp/sd
    python3 eval/newspaper4k_check.py /tmp/sd/newspaper4k-0.9.6/tests/data NEWSFLOW_BINARY

Prints, per page, newspaper4k's title / authors / publish date next to newsflow's, and the
counts that agree (times compared to the minute, ignoring the offset newspaper4k drops).
"""

import json
import os
import subprocess
import sys

data, binary = sys.argv[1], sys.argv[2]
n = titles = authors = dates = 0
for name in sorted(os.listdir(os.path.join(data, "metadata"))):
    expected = json.load(open(os.path.join(data, "metadata", name)))
    html = os.path.join(data, "html", name[:-5] + ".html")
    if not os.path.exists(html) or not expected.get("url"):
        continue
    out = subprocess.run(
        [binary, "parse", html, "--url", expected["url"]], capture_output=True, text=True
    )
    got = json.loads(out.stdout) if out.stdout.strip() else {}
    n += 1
    t = (got.get("title") or "").strip() == (expected.get("title") or "").strip()
    a = sorted(got.get("authors") or []) == sorted(expected.get("authors") or [])
    want_date = (expected.get("publish_date") or "").replace("T", " ")[:16]
    got_date = (got.get("published_at") or "").replace("T", " ")[:16]
    d = bool(want_date) and want_date == got_date
    titles, authors, dates = titles + t, authors + a, dates + d
    print(f"== {name[:-5]}  {expected['url']}")
    print(f"   title   {'ok ' if t else 'DIFF'} {expected.get('title')!r} | {got.get('title')!r}")
    print(f"   authors {'ok ' if a else 'DIFF'} {expected.get('authors')} | {got.get('authors')}")
    print(f"   date    {'ok ' if d else 'DIFF'} {expected.get('publish_date')} | {got.get('published_at')}")
print(f"{n} pages: title {titles}, authors {authors}, publish time to the minute {dates}")
