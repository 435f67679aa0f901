"""Word automatic numbering: the marker Word draws before a numbered paragraph.

The marker is not in the paragraph's text runs: it comes from the paragraph's
``w:numPr`` (or its style's) and the numbering part — ``w:num`` → ``w:abstractNum``
→ ``w:lvl`` with ``w:start``, ``w:numFmt``, ``w:lvlText`` (``%1、``, ``（%1）``,
``%1.%2``), ``w:suff`` and ``w:lvlRestart`` — counted in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gongwen.word.formats import format_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
START_MAX = 32767
"""The highest number a list may start at, as Word's own dialog allows (0 to 32767)."""
MARKER_MAX = 100
"""Characters of a drawn marker kept: a longer one (a long lvlText, letters repeated
hundreds of times) is cut here, so numbering cannot grow the text beyond its file."""
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}
_PLACE = re.compile(r"%([1-9])")


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    found = element.find(W + tag) if element is not None else None
    return found.get(W + "val", default) if found is not None else default


def _start(value: str | None) -> int:
    return min(max(_int(value, 1), 0), START_MAX)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True)
class Level:
    """One ``w:lvl``: how a level of a list is counted and written."""

    start: int = 1
    number_format: str = "decimal"
    text: str = ""
    suffix: str = "\t"
    restart_after: int | None = None
    """Restart when a level above this one (0-based) is counted; None: after any higher."""
    legal: bool = False
    """``w:isLgl``: the levels in ``text`` are written as decimal numbers."""

    @classmethod
    def read(cls, lvl: Any) -> Level:
        restart = _val(lvl, "lvlRestart")
        legal = lvl.find(W + "isLgl")
        return cls(
            start=_start(_val(lvl, "start")),
            number_format=_val(lvl, "numFmt", "decimal") or "decimal",
            text=_val(lvl, "lvlText", "") or "",
            suffix=_SUFFIXES.get(_val(lvl, "suff", "tab") or "tab", "\t"),
            restart_after=None if restart is None else _int(restart, 0) - 1,
            legal=legal is not None and legal.get(W + "val", "true") not in ("0", "false", "off"),
        )


@dataclass
class _Instance:
    """A ``w:num``: the abstract list it counts in, and its own overrides."""

    abstract: str
    start_overrides: dict[int, int]
    level_overrides: dict[int, Level]
    used: bool = False


@dataclass
class Numbering:
    """The numbering part of a Word file and the counters, advanced paragraph by paragraph."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, _Instance] = field(default_factory=dict)
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Paragraph styles that carry numbering (heading styles): style id → (numId, ilvl)."""
    _counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def read(cls, numbering: Any | None, styles: Any | None) -> Numbering:
        """From the ``w:numbering`` and ``w:styles`` elements (either may be missing)."""
        self = cls()
        if numbering is not None:
            for abstract in numbering.iter(W + "abstractNum"):
                self.abstracts[abstract.get(W + "abstractNumId", "")] = {
                    _int(lvl.get(W + "ilvl"), 0): Level.read(lvl)
                    for lvl in abstract.iter(W + "lvl")
                }
            for num in numbering.iter(W + "num"):
                starts: dict[int, int] = {}
                levels: dict[int, Level] = {}
                for override in num.iter(W + "lvlOverride"):
                    ilvl = _int(override.get(W + "ilvl"), 0)
                    start = _val(override, "startOverride")
                    if start is not None:
                        starts[ilvl] = _start(start)
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        levels[ilvl] = Level.read(lvl)
                self.instances[num.get(W + "numId", "")] = _Instance(
                    _val(num, "abstractNumId", "") or "", starts, levels)
        if styles is not None:
            self.style_numbering = _style_numbering(styles)
        return self

    def marker(self, paragraph_properties: Any | None) -> str | None:
        """The marker Word draws for a paragraph with these ``w:pPr`` (its suffix
        included), counting it; None when the paragraph is not numbered."""
        num_pr = paragraph_properties.find(W + "numPr") if paragraph_properties is not None else None
        style = _val(paragraph_properties, "pStyle")
        num_id, ilvl = self.style_numbering.get(style or "", (None, 0))
        if num_pr is not None:
            num_id = _val(num_pr, "numId", num_id)
            ilvl = _int(_val(num_pr, "ilvl"), ilvl)
        instance = self.instances.get(num_id or "")
        if instance is None or not 0 <= ilvl < _LEVELS:  # numId 0 switches numbering off
            return None
        levels = {**self.abstracts.get(instance.abstract, {}), **instance.level_overrides}
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(instance.abstract, [None] * _LEVELS)
        if not instance.used:  # a list restarted by its own w:num (Word's "restart at 1")
            instance.used = True
            for overridden in instance.start_overrides:
                counters[overridden] = None
        start = instance.start_overrides.get(ilvl, levels[ilvl].start)
        value = counters[ilvl]
        counters[ilvl] = start if value is None else value + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart_after if deeper in levels else None
            if restart is None or ilvl <= restart:
                counters[deeper] = None
        level = levels[ilvl]

        def written(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, Level())
            count = counters[index]
            if count is None:
                count = instance.start_overrides.get(index, shown.start)
            number_format = "decimal" if level.legal and index < ilvl else shown.number_format
            return format_number(count, number_format)

        return _PLACE.sub(written, level.text[:MARKER_MAX])[:MARKER_MAX] + level.suffix


def _style_numbering(styles: Any) -> dict[str, tuple[str, int]]:
    """Style id → (numId, ilvl) for the paragraph styles that number their paragraphs,
    following ``w:basedOn``."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.iter(W + "style"):
        style_id = style.get(W + "styleId", "")
        parent = _val(style, "basedOn")
        if parent:
            based_on[style_id] = parent
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            level = _val(num_pr, "ilvl")
            own[style_id] = (_val(num_pr, "numId"), None if level is None else _int(level, 0))
    # Each style resolved once, ancestors first: a long chain costs its length, not its
    # square. A style's own numPr values win over what it inherits.
    resolved: dict[str, tuple[str | None, int | None]] = {}
    for style_id in sorted({*own, *based_on}):
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in resolved and current not in on_path:
            path.append(current)  # (a cycle of basedOn stops where it closes)
            on_path.add(current)
            current = based_on.get(current)
        inherited = resolved.get(current, (None, None)) if current is not None else (None, None)
        for step in reversed(path):
            mine = own.get(step, (None, None))
            inherited = (mine[0] if mine[0] is not None else inherited[0],
                         mine[1] if mine[1] is not None else inherited[1])
            resolved[step] = inherited
    found: dict[str, tuple[str, int]] = {}
    for style_id, (num_id, ilvl) in resolved.items():
        if num_id is not None:
            found[style_id] = (num_id, ilvl or 0)
    return found
