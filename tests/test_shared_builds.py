"""The suite's shared precache lists (conftest.shared_precache): a test worker may serve an app
with a list another worker built. That is sound only while a list depends on nothing but the
code, the content files and the settings, which is what names it."""

import json
import os
from pathlib import Path

import pytest

from tests.browser.test_offline import new_hotline_number
from tests.conftest import PRECACHE_DIR
from webapp import create_app
from webapp.offline import precache

pytestmark = pytest.mark.slow   # tests of seconds each: run early (tests/conftest.py)


def as_text(manifest: dict) -> str:
    return json.dumps(manifest, sort_keys=True)


def test_a_shared_list_is_the_one_the_app_builds_itself(app):
    shared = Path(os.environ[PRECACHE_DIR])
    stored = [json.loads(path.read_text(encoding="utf-8")) for path in shared.glob("*.json")]
    assert as_text(precache.get(app)) in map(as_text, stored)   # the app's list is a shared one
    own = precache.build(create_app({"TESTING": True}))          # built here, in this process
    assert as_text(own) == as_text(precache.get(app))


def test_other_content_or_settings_get_a_list_of_their_own(app, app_variant):
    # The variants test_offline.py deploys (built there anyway, so read here from the run's folder).
    versions = {precache.get(app)["version"], precache.get(app_variant(new_hotline_number))["version"],
                precache.get(app_variant(new_hotline_number, PRECACHE_TIMEOUT=3))["version"]}
    assert len(versions) == 3
