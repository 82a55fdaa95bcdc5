"""axe-core (through axe-playwright-python) loaded into a browser context once, as an init
script, so every page the context opens has it without sending its half a megabyte again for
each check (that halves the accessibility tests' time)."""

from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()


def with_axe(context):
    context.add_init_script(_AXE.axe_script)
    return context


def axe_results(page) -> AxeResults:
    """axe's violations on the page as it is now (in a context given `with_axe`). Only the
    violations cross over to Python: the passes and the rules that do not apply are most of
    axe's answer and nothing here reads them."""
    return AxeResults(page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']}).then(r => ({violations: r.violations}))"))
