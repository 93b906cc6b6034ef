#!/usr/bin/env python3
"""A corpus with part of each page taken away, to score what the extractor reads from the rest.

Held-out pages differ from the development sets in what they carry: some have no JSON-LD,
some no meta tags, some only class names hashed by a CSS-in-JS build. Scoring a development
set with that part removed shows how well the visible page alone gives the title, byline,
dateline and body, against the same answers:

    python3 eval/ablate.py ../shared/corpus/aeb /tmp/aeb-noclass --drop class
    newsflow eval /tmp/aeb-noclass --answers eval/aeb-answers.json

`--drop` takes one or more of:
- `ld`: every `<script type="application/ld+json">`;
- `meta`: every `<meta>` but the charset's;
- `class`: every `class` and `id` value replaced by a hash of itself (the structure stays,
  the words go).

The copy keeps the corpus layout (`html/*.html.gz` and the answers beside it), so `newsflow
eval` reads it as it reads the original. Only the standard library is used.
"""

import argparse
import glob
import gzip
import hashlib
import os
import re
import shutil

LD = re.compile(rb"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.S | re.I)
META = re.compile(rb"<meta\b(?![^>]*charset)[^>]*>", re.I)
CLASS = re.compile(rb'(\s(?:class|id))="([^"]*)"', re.I)


def hashed(m):
    words = m.group(2).split()
    new = b" ".join(b"c" + hashlib.md5(w).hexdigest()[:7].encode() for w in words)
    return m.group(1) + b'="' + new + b'"'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", help="a corpus directory (html/ and its answers)")
    ap.add_argument("dst", help="where the copy goes")
    ap.add_argument("--drop", nargs="+", choices=["ld", "meta", "class"], required=True)
    args = ap.parse_args()
    os.makedirs(os.path.join(args.dst, "html"), exist_ok=True)
    for f in glob.glob(os.path.join(args.src, "*")):
        name = os.path.basename(f)
        if name == "html":
            continue
        to = os.path.join(args.dst, name)
        if os.path.isdir(f):
            shutil.copytree(f, to, dirs_exist_ok=True)
        else:
            shutil.copy(f, to)
    for f in sorted(glob.glob(os.path.join(args.src, "html", "*.html.gz"))):
        page = gzip.open(f).read()
        if "ld" in args.drop:
            page = LD.sub(b"", page)
        if "meta" in args.drop:
            page = META.sub(b"", page)
        if "class" in args.drop:
            page = CLASS.sub(hashed, page)
        with gzip.open(os.path.join(args.dst, "html", os.path.basename(f)), "wb", compresslevel=1) as out:
            out.write(page)


if __name__ == "__main__":
    main()
