"""What the checks against other projects' test pages share: running `newsflow parse` on one
page, padding a bare snippet into a page, and standing in for pytest's decorators."""

import json
import subprocess

PARA = (
    "<p>"
    + "The council said on Tuesday that the program would be extended for another two "
    "years after a long debate in the chamber about its cost. " * 3
    + "</p>"
) * 4


def parse(binary, path, url, fetched_at=None):
    """`newsflow parse --full` of one file: the result object (`kind`, `article`, ...), or
    an empty one when the output is not JSON."""
    args = [binary, "parse", "--full", "--url", url]
    if fetched_at:
        args += ["--fetched-at", fetched_at]
    out = subprocess.run(args + [path], capture_output=True, text=True)
    try:
        result = json.loads(out.stdout)
    except json.JSONDecodeError:
        return {}
    return result.get("result", result)


def padded(html):
    """A snippet with no article text of its own, given four paragraphs after its markup."""
    if "</body>" in html:
        return html.replace("</body>", PARA + "</body>", 1)
    if "</html>" in html:
        return html.replace("</html>", "<body>" + PARA + "</body></html>", 1)
    return html + PARA


class Decorators:
    """Stands for pytest: `pytest.mark.parametrize(...)` and the like leave a test as it is."""

    def __getattr__(self, _name):
        return self

    def __call__(self, *args, **_kwargs):
        if len(args) == 1 and callable(args[0]):
            return args[0]
        return self
