"""Time trafilatura over a corpus directory, for the speed comparison in issue 3.

    python3 -m venv /tmp/tv && /tmp/tv/bin/pip install trafilatura lxml_html_clean
    taskset -c 0 /tmp/tv/bin/python eval/trafilatura_speed.py ../shared/corpus/aeb

Compare with the whole newsflow process on the same core:

    taskset -c 0 newsflow parse --manifest LIST.jsonl > /dev/null
"""

import glob
import gzip
import json
import os
import sys
import time

import trafilatura

corpus = sys.argv[1]
urls = {}
single = os.path.join(corpus, "ground-truth.json")
if os.path.exists(single):
    urls = {k: v["url"] for k, v in json.load(open(single)).items()}
else:
    for f in glob.glob(os.path.join(corpus, "ground-truth", "*.json")):
        urls[os.path.basename(f)[:-5]] = json.load(open(f))["url"]
files = sorted(glob.glob(os.path.join(corpus, "html", "*.html.gz")))
start = time.perf_counter()
for f in files:
    page = os.path.basename(f)[: -len(".html.gz")]
    html = gzip.open(f).read()
    trafilatura.extract(html, url=urls.get(page), with_metadata=True, output_format="json")
took = time.perf_counter() - start
print(f"{len(files)} pages {took:.2f} s {took / len(files) * 1000:.1f} ms/page")
