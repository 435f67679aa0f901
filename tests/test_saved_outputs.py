"""The trees and their JSON are what they were when tests/saved_outputs.json was written:
a change to how the parser builds them inside changes nothing outside."""

from __future__ import annotations

import json

from tests.saved_outputs import SAVED, outputs


def test_every_output_is_as_saved() -> None:
    saved = json.loads(SAVED.read_text("utf-8"))
    now = outputs()
    assert now.keys() == saved.keys(), "the files or texts compared are not those saved"
    changed = sorted(name for name in saved if now[name] != saved[name])
    assert not changed, f"{len(changed)} outputs differ: {changed[:10]}"
