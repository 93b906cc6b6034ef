#!/usr/bin/env python3
"""Article bodies on trafilatura's real-world test pages, against its expected snippets.

trafilatura 1.1.0's source distribution ships `tests/cache/`, about 110 real pages (German,
French and English blogs, news sites, shops and institutions; none in either development set),
and `tests/realworld_tests.py`, which says for each page which sentences its extracted text
must hold and which boilerplate it must not ("'Impressum' not in result"). Set up:

    pip download --no-binary :all: --no-deps trafilatura==1.1.0 -d /tmp/sd
    tar xzf /tmp/sd/trafilatura-1.1.0.tar.gz -C /tmp/sd
    python3 eval/trafilatura_realworld_check.py /tmp/sd/trafilatura-1.1.0/tests newsflow

`test_extract` runs as written (text output), with trafilatura's extraction replaced by the
body `newsflow parse` gives, and every `assert` split into its `in` / `not in` parts, each
counted on its own: "kept" counts the sentences found, "dropped" the boilerplate left out.

These are trafilatura's conventions, not human answers: trafilatura keeps reader comments by
default (several snippets are comments) and we do not, and some pages are shop or institution
pages rather than articles. Read the differences; do not tune to the counts.
"""

import ast
import os
import sys
import types

from outside import Decorators, parse

BINARY = None
TESTS = None
RESULTS = []


def extract_body(url):
    path = os.path.join(TESTS, "cache", PAGES[url])
    article = parse(BINARY, path, url).get("article") or {}
    return article.get("body") or ""


def soft(kind, needle, check, url, lineno):
    try:
        good = bool(check())
    except Exception:  # noqa: BLE001 - a case we cannot run is reported, not fatal
        good = False
    RESULTS.append((kind, good, needle, url, lineno))


class SoftAsserts(ast.NodeTransformer):
    """`assert 'a' in result and 'b' not in result` becomes one soft check per part."""

    def visit_Assert(self, node):
        parts = node.test.values if isinstance(node.test, ast.BoolOp) else [node.test]
        calls = []
        for part in parts:
            if not (
                isinstance(part, ast.Compare)
                and len(part.ops) == 1
                and isinstance(part.ops[0], (ast.In, ast.NotIn))
            ):
                continue
            kind = "kept" if isinstance(part.ops[0], ast.In) else "dropped"
            call = ast.Call(
                func=ast.Name("__soft", ast.Load()),
                args=[
                    ast.Constant(kind),
                    part.left,
                    ast.Lambda(
                        args=ast.arguments(
                            posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]
                        ),
                        body=part,
                    ),
                    ast.Name("__url", ast.Load()),
                    ast.Constant(node.lineno),
                ],
                keywords=[],
            )
            calls.append(ast.copy_location(ast.Expr(call), node))
        return calls or ast.copy_location(ast.Pass(), node)


def main():
    global BINARY, TESTS, PAGES
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    TESTS, BINARY = sys.argv[1], sys.argv[2]
    source_path = os.path.join(TESTS, "realworld_tests.py")
    tree = ast.parse(open(source_path).read())
    PAGES = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            PAGES = ast.literal_eval(node.value)
    tree = ast.fix_missing_locations(SoftAsserts().visit(tree))
    for name in ("pytest", "cchardet", "charset_normalizer", "trafilatura", "trafilatura.core"):
        module = types.ModuleType(name)
        module.__getattr__ = lambda attr: Decorators()
        sys.modules[name] = module
    state = {"url": None}

    def load_mock_page(url, *_args, **_kwargs):
        state["url"] = url
        namespace["__url"] = url
        return extract_body(url)

    namespace = {"__soft": soft, "__url": None, "__name__": "check", "__file__": source_path}
    exec(compile(tree, source_path, "exec"), namespace)
    namespace["load_mock_page"] = load_mock_page
    namespace["test_extract"](False)
    for kind, good, needle, url, lineno in RESULTS:
        if not good:
            print(f"XX {kind:7} line {lineno} {needle!r} | {url}")
    for kind in ("kept", "dropped"):
        counted = [r for r in RESULTS if r[0] == kind]
        print(f"{kind}: {sum(r[1] for r in counted)} of {len(counted)} agree")


if __name__ == "__main__":
    main()
