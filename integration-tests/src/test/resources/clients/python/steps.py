"""A scenario as named steps: each step runs, or is skipped when a step it needs failed.

A failing step does not stop the scenario, so one run lists every step the server cannot serve
yet instead of only the first; the script still exits non-zero when any step failed or was
skipped. Endpoint and keys come from the environment the test harness sets.
"""

import os
import sys
import traceback


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit("missing environment variable " + name)
    return value


class Scenario:
    def __init__(self, title):
        self.title = title
        self.failed = []
        self.skipped = []
        self.passed = []
        self.values = {}

    def step(self, name, action, needs=()):
        """Runs action() and keeps its result under name; returns it, or None when it failed."""
        missing = [need for need in needs if need not in self.values]
        if missing:
            self.skipped.append(name)
            print("SKIP %s (needs %s)" % (name, ", ".join(missing)), flush=True)
            return None
        try:
            result = action()
        except Exception as error:  # the client's own exception types differ; report them all
            self.failed.append(name)
            print("FAIL %s: %s: %s" % (name, type(error).__name__, describe(error)), flush=True)
            traceback.print_exc(file=sys.stdout)
            return None
        self.values[name] = result
        self.passed.append(name)
        print("PASS %s" % name, flush=True)
        return result

    def check(self, name, condition, detail, needs=()):
        """A step that is only an assertion over values already read; detail() explains a failure."""

        def assertion():
            if not condition():
                raise AssertionError(detail())
            return True

        return self.step(name, assertion, needs)

    def __getitem__(self, name):
        return self.values[name]

    def finish(self):
        print(
            "%s: %d passed, %d failed, %d skipped"
            % (self.title, len(self.passed), len(self.failed), len(self.skipped)),
            flush=True,
        )
        if self.failed:
            print("FAILED STEPS: " + ", ".join(self.failed), flush=True)
        if self.skipped:
            print("SKIPPED STEPS: " + ", ".join(self.skipped), flush=True)
        sys.exit(1 if self.failed or self.skipped else 0)


def describe(error):
    """The server's answer where the client kept it, else the exception text."""
    for attribute in ("error", "body", "response"):
        value = getattr(error, attribute, None)
        if value is None:
            continue
        text = getattr(value, "text", value)
        return "%s [%s=%s]" % (error, attribute, text)
    return str(error)


def find_one(items, **expected):
    """The single item whose keys hold the expected values."""
    matches = [item for item in items if all(item.get(k) == v for k, v in expected.items())]
    if len(matches) != 1:
        raise AssertionError("expected one item with %s, found %d in %s" % (expected, len(matches), items))
    return matches[0]
