"""A third look at pages neither development set holds: Mozilla Readability's 130 test pages
(news sites, blogs, documentation and synthetic metadata cases), as the `readabilityrs`
crate ships them on crates.io. Their "answers" (expected-metadata.json, expected.html) are
Readability's own output, with its conventions (it keeps `<title>` suffixes, the raw byline
text, image galleries), not human readings: this lists where newsflow differs, to read one by
one, not a score to tune to.

    curl -sL -o /tmp/rr.crate https://static.crates.io/crates/readabilityrs/readabilityrs-0.1.4.crate
    tar xzf /tmp/rr.crate -C /tmp
    python3 eval/readability_check.py /tmp/readabilityrs-0.1.4/tests/test-pages NEWSFLOW_BINARY

Prints per page the title, authors and time that differ from Readability's (an author is
"agreeing" when each name newsflow gives appears in Readability's byline text), body F1
below 0.85 against the text of expected.html, and the counts.
"""

import collections
import html
import json
import os
import re
import subprocess
import sys
import tempfile

pages, binary = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(pages) if os.path.exists(os.path.join(pages, n, "source.html")))
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as m:
    for n in names:
        m.write(json.dumps({"path": os.path.join(pages, n, "source.html"), "url": f"http://fakehost/test/{n}.html"}) + "\n")
out = subprocess.run(
    [binary, "parse", "--manifest", m.name, "--full", "--fetched-at", "2026-01-01T00:00:00Z"],
    capture_output=True,
    text=True,
).stdout.splitlines()
os.unlink(m.name)


def words(t):
    return collections.Counter(re.findall(r"\w+", t.lower()))


def f1(a, b):
    a, b = words(a), words(b)
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


counts = collections.Counter()
for n, line in zip(names, out):
    want = json.load(open(os.path.join(pages, n, "expected-metadata.json")))
    result = json.loads(line).get("result") or {}
    got = result.get("article") or {}
    counts["pages"] += 1
    if want.get("title"):
        counts["titles"] += 1
        if (got.get("title") or "") == want["title"].strip():
            counts["titles agreeing"] += 1
        else:
            print(f"{n:40} title   {got.get('title')!r} | readability {want['title']!r}")
    byline = (want.get("byline") or "").lower()
    authors = got.get("authors") or []
    if byline or authors:
        counts["bylines"] += 1
        if authors and all(a.lower() in byline for a in authors) or not (authors or byline):
            counts["bylines agreeing"] += 1
        else:
            print(f"{n:40} authors {authors} | readability {want.get('byline')!r}")
    if want.get("publishedTime"):
        counts["times"] += 1
        ours = (got.get("published_at") or "")[:16]
        if ours and ours == want["publishedTime"][:16]:
            counts["times agreeing (same wall time)"] += 1
        else:
            print(f"{n:40} time    {got.get('published_at')} | readability {want['publishedTime']}")
    text = html.unescape(re.sub(r"<[^>]+>", " ", open(os.path.join(pages, n, "expected.html")).read()))
    score = f1(got.get("body") or "", text)
    counts["body F1 sum"] += score
    if score < 0.85:
        print(f"{n:40} body    F1 {score:.2f} ({result.get('kind')}, {len(got.get('body') or '')} chars; readability {len(text.strip())})")

print(
    f"{counts['pages']} pages: titles {counts['titles agreeing']}/{counts['titles']}, "
    f"bylines {counts['bylines agreeing']}/{counts['bylines']}, "
    f"times {counts['times agreeing (same wall time)']}/{counts['times']} (same wall time; "
    f"offsets differ in notation), mean body F1 {counts['body F1 sum'] / counts['pages']:.3f}"
)
