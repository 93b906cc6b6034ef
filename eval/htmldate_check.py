#!/usr/bin/env python3
"""Publication dates on htmldate's own test pages, against htmldate's expected answers.

htmldate (Adrien Barbaresi's date extractor, the one trafilatura uses) ships in its source
distribution up to 1.4.0 a `tests/cache/` directory of 69 real pages (German, French and
English blogs, news sites, institutions; none in either development set) and, in
`tests/unit_tests.py`, the date it expects for each, plus about 90 small inline HTML
snippets with their expected dates. Set up:

    pip download --no-binary :all: --no-deps htmldate==1.4.0 -d /tmp/sd
    tar xzf /tmp/sd/htmldate-1.4.0.tar.gz -C /tmp/sd
    python3 eval/htmldate_check.py /tmp/sd/htmldate-1.4.0/tests newsflow

It prints each page with OK or XX, what htmldate expects and what newsflow gives, then the
counts. These are htmldate's conventions, not human answers: by default htmldate returns the
latest date it finds (the update, even a copyright year), and with `original_date=True` the
first publication. A page counts as agreeing when newsflow's publication (or, where
htmldate is not asked for the original, its modification) falls on one of the days htmldate
gives. The snippets have no article text of their own, so each gets four paragraphs before
it is parsed. Read the differences; do not tune to the counts.
"""

import ast
import json
import os
import sys
import tempfile

from outside import padded, parse

def expectations(tests_dir):
    """(url or html, file or None, kwargs, expected) from unit_tests.py's assertions."""
    tree = ast.parse(open(os.path.join(tests_dir, "unit_tests.py")).read())
    mock = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            mock = ast.literal_eval(node.value)
    pages, snippets = {}, []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Call)
            and getattr(node.left.func, "id", "") == "find_date"
            and node.left.args
        ):
            continue
        call = node.left
        kw = {k.arg: ast.unparse(k.value) for k in call.keywords}
        if set(kw) & {"extensive_search", "outputformat", "min_date", "max_date"}:
            continue
        try:
            expected = ast.literal_eval(node.comparators[0])
        except ValueError:
            continue
        key = {"True": "orig", "False": "latest"}.get(kw.get("original_date"), "default")
        arg = call.args[0]
        if isinstance(arg, ast.Call) and getattr(arg.func, "id", "") == "load_mock_page":
            try:
                url = ast.literal_eval(arg.args[0])
            except ValueError:
                continue
            if url in mock:
                pages.setdefault(mock[url], (url, {}))[1][key] = expected
        else:
            try:
                html = ast.literal_eval(arg)
            except ValueError:
                continue
            if isinstance(html, str) and "<" in html:
                snippets.append((html, key, expected))
    return pages, snippets


def times_of(binary, path, url):
    result = parse(binary, path, url, "2024-01-01T00:00:00Z")
    article = result.get("article") or {}
    return result.get("kind"), article.get("published_at"), article.get("modified_at")


def agrees(wanted, key_of, published, modified):
    days = {v for v in wanted.values() if v}
    if not days:
        return published is None
    if any((published or "").startswith(d) for d in days):
        return True
    return any(
        (modified or "").startswith(d) for k, d in key_of if k != "orig" and d
    )


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tests_dir, binary = sys.argv[1], sys.argv[2]
    pages, snippets = expectations(tests_dir)
    ok = 0
    for name, (url, wanted) in sorted(pages.items()):
        kind, published, modified = times_of(binary, os.path.join(tests_dir, "cache", name), url)
        good = agrees(wanted, wanted.items(), published, modified)
        ok += good
        print(f"{'OK' if good else 'XX'} {name[:36]:36} {json.dumps(wanted)} | {kind} {published} {modified}")
    snippet_ok = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, (html, key, expected) in enumerate(snippets):
            html = padded(html)
            path = os.path.join(tmp, f"{i}.html")
            with open(path, "w") as f:
                f.write(html)
            _, published, modified = times_of(binary, path, "https://www.example.com/article")
            good = agrees({key: expected}, [(key, expected)], published, modified)
            snippet_ok += good
            if not good:
                print(f"XX snippet {key} {expected} | {published} {modified} | {html[:120]!r}")
    print(f"{len(pages)} pages: {ok} agree; {len(snippets)} snippets: {snippet_ok} agree")


if __name__ == "__main__":
    main()
