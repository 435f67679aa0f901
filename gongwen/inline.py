"""Find what lies inside a line: inline lists, placeholders and residue.

The patterns are the terminals of ``grammars/inline.lark``; this module only
searches for them and assembles lists, which a grammar cannot do: a list is two
or more items of one family whose numbers run 1, 2, 3 … in order, and an item
runs up to the next item of its list (the last one to the end of the text, or
to the start of a new list of the same family).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from gongwen.grammar import inline_patterns
from gongwen.nodes import (
    Answered,
    Artifact,
    Enumeration,
    Inline,
    Item,
    LeadIn,
    Marker,
    Placeholder,
    Text,
)
from gongwen.numerals import marker_label, ordinal_of

_ITEM_SUFFIX = "_ITEM"
_LINE_BREAK = re.compile(r"\r\n?|\n")
_RESIDUE = {"PAYWALL": "paywall", "MARKDOWN_EMPHASIS": "markdown", "MARKDOWN_HEADING": "markdown",
            "HTML_TAG": "html", "HTML_ENTITY": "html", "LINK_TARGET": "markdown"}
_LAST = "最后"  # closes an adverb list (首先 … 其次 … 最后) whatever came before


@dataclass(frozen=True, slots=True)
class _Found:
    name: str
    start: int
    end: int
    text: str
    family: str
    ordinal: int | None

    @classmethod
    def of(cls, match: re.Match[str]) -> _Found:
        name = match.lastgroup or ""
        text = match.group()
        ordinal = ordinal_of(marker_label(text)) if name.endswith(_ITEM_SUFFIX) else None
        return cls(name, match.start(), match.end(), text,
                   sys.intern(name.removesuffix(_ITEM_SUFFIX).lower()), ordinal)

    def follows(self, previous: _Found) -> bool:
        """Whether this item can come right after ``previous`` in one list."""
        if not _joins(previous.family, self.family):
            return False
        if self.text.startswith(_LAST):
            return previous.ordinal is not None
        return (
            previous.ordinal is not None
            and self.ordinal == previous.ordinal + 1
            and not previous.text.startswith(_LAST)
        )


# The Han script (\p{Han} in inline.lark) as code point ranges, so that Python's own
# ``re``, which runs these patterns twice as fast as ``regex``, can scan with them.
# tests/test_inline.py checks the ranges against ``regex``'s \p{Han}.
HAN_RANGES = (
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3"
    "\U00016ff0-\U00016ff6\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead"
    "\U0002ceb0-\U0002ebe0\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a"
    "\U00031350-\U00033479"
)


def for_re(pattern: str) -> str:
    """A pattern of inline.lark in the syntax of ``re``: \\p{Han} spelt as its ranges."""
    translated = pattern.replace("[\\p{Han}", "[" + HAN_RANGES).replace("\\p{Han}", f"[{HAN_RANGES}]")
    if "\\p{" in translated:
        raise ValueError(f"a Unicode property other than Han in {pattern!r}")
    return translated


@functools.cache
def _scanner() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where the first inline thing may start (a character class, for a fast search),
    and the scanner for all of them."""
    patterns = {name: for_re(rx) for name, rx in inline_patterns().items()}
    start = patterns.pop("INLINE_START")
    alternatives = "|".join(f"(?P<{name}>{rx})" for name, rx in patterns.items())
    return re.compile(start), re.compile(f"(?={start})(?:{alternatives})")


_MARKDOWN_SIGNS = re.compile(
    r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]|>|[-+][ \t]\S)|\*\*[^*\r\n]{1,100}\*\*[ \t]*$"
)


def looks_like_markdown(text: str) -> bool:
    """A Markdown heading (#), quote (>), bullet (- ) or a line ending in bold anywhere."""
    return _MARKDOWN_SIGNS.search(text) is not None


def _find(text: str, markdown: bool = False) -> list[_Found]:
    """What lies inside ``text``. In a Markdown text a pair of ** on one line is emphasis;
    elsewhere ** next to Chinese text is anonymisation (**市直机关), whatever its shape,
    as in the scraped seeds."""
    start, scanner = _scanner()
    first = start.search(text)
    if first is None:  # most lines hold nothing inline
        return []
    found = [_Found.of(match) for match in scanner.finditer(text, first.start())]
    if markdown:
        pairs = [i for i, f in enumerate(found)
                 if f.name in ("ASTERISK", "MARKDOWN_EMPHASIS") and f.text == "**"]
        for opening, closing in zip(pairs[::2], pairs[1::2], strict=False):
            for index in (opening, closing):
                f = found[index]
                found[index] = _Found("MARKDOWN_EMPHASIS", f.start, f.end, f.text, "", None)
    return found


def scan(text: str, base: int, line: int, markdown: bool = False) -> list[Inline]:
    """The inline nodes of ``text``, which starts at offset ``base`` on ``line`` (the text
    may span lines: a title of several lines); ``markdown`` when the document is
    Markdown (:func:`looks_like_markdown`)."""
    found = _find(text, markdown)
    if not found and text:  # most lines: one run of plain text
        return [Text.assemble(start=base, end=base + len(text), line=line, text=text)]
    breaks = tuple(m.end() for m in _LINE_BREAK.finditer(text, 0, max(len(text) - 1, 0)))
    return _Assembler(text, base, line, breaks).nodes(0, len(text), found)


def list_continues(text: str, family: str) -> bool:
    """Whether ``text``, the rest of a line opened by item 1 of ``family``, holds item 2."""
    for f in _find(text):
        if not _joins(family, f.family) or not f.name.endswith(_ITEM_SUFFIX):
            continue
        if f.ordinal == 2 or f.text.startswith(_LAST):
            return True
        if f.ordinal == 1:
            return False
    return False


def opening_item(text: str, family: str) -> tuple[int, int] | None:
    """Where item 1 of ``family`` stands in ``text`` (a line) with no other item of that
    family after it on the line: a list the next lines go on with. None if there is none."""
    found = None
    for f in _find(text):
        if f.name.endswith(_ITEM_SUFFIX) and f.family == family:
            found = (f.start, f.end) if f.ordinal == 1 else None
    return found


def _joins(family: str, other: str) -> bool:
    """Whether an item of ``other`` may go on a list of ``family``: its own, or 第二，
    第三， after 首先 (a speaker who starts with 首先 often counts on with 第二)."""
    return other == family or (family == "adverb" and other == "di")


@dataclass(frozen=True, slots=True)
class _Assembler:
    source: str
    base: int
    first_line: int
    breaks: tuple[int, ...]
    """Offsets just past each line break inside the text."""

    def line(self, offset: int) -> int:
        return self.first_line + bisect.bisect_right(self.breaks, offset)

    def nodes(self, start: int, end: int, found: list[_Found]) -> list[Inline]:
        """Nodes for ``source[start:end]``; ``found`` lies inside it, in order. One pass:
        ``low`` is the first of ``found`` still to place, ``scan`` the first item that may
        still open a list."""
        out: list[Inline] = []
        items = [index for index, f in enumerate(found) if f.name.endswith(_ITEM_SUFFIX)]
        low = scan = 0
        while True:
            chain, scan = _first_list(found, items, scan)
            stop = chain[0].start if chain else end
            out.extend(self._flat(start, stop, found, low))
            if not chain:
                return out
            start = _list_end(chain, found, end)
            out.append(self._enumeration(chain, start, found))
            low = bisect.bisect_left(found, start, lo=low, key=_start_of)
            scan = bisect.bisect_left(items, low, lo=scan)

    def _enumeration(self, chain: list[_Found], end: int, found: list[_Found]) -> Enumeration:
        items = []
        for item, following in zip(chain, [*chain[1:], None], strict=True):
            item_end = following.start if following else end
            inside = found[
                bisect.bisect_left(found, item.end, key=_start_of):
                bisect.bisect_left(found, item_end, key=_start_of)
            ]
            marker = Marker.assemble(
                start=self.base + item.start, end=self.base + item.end, line=self.line(item.start),
                text=item.text, family=item.family, ordinal=item.ordinal,
            )
            items.append(Item.assemble(
                start=self.base + item.start, end=self.base + item_end, line=self.line(item.start),
                marker=marker, children=self.nodes(item.end, item_end, inside),
            ))
        return Enumeration.assemble(
            start=self.base + chain[0].start, end=self.base + end, line=self.line(chain[0].start),
            items=items,
        )

    def _flat(self, start: int, end: int, found: list[_Found], low: int) -> Iterator[Inline]:
        """Text, placeholders and artifacts (``found`` from ``low`` on); item markers
        outside a list are plain text."""
        position = start
        for f in itertools.islice(found, low, None):
            if f.start >= end:
                break
            if f.name.endswith(_ITEM_SUFFIX):
                continue
            if f.start > position:
                yield self._text(position, f.start)
            span = {"start": self.base + f.start, "end": self.base + f.end, "line": self.line(f.start)}
            if f.name in _RESIDUE:
                yield Artifact.assemble(**span, text=f.text, kind=_RESIDUE[f.name])
            elif f.name == "LEAD_IN":
                yield LeadIn.assemble(**span, text=f.text)
            elif f.name == "ANSWERED":
                yield Answered.assemble(**span, text=f.text)
            else:
                yield Placeholder.assemble(**span, text=f.text, kind=f.name.lower())
            position = f.end
        if position < end:
            yield self._text(position, end)

    def _text(self, start: int, end: int) -> Text:
        return Text.assemble(
            start=self.base + start, end=self.base + end, line=self.line(start),
            text=self.source[start:end],
        )


def _start_of(found: _Found) -> int:
    return found.start


def _first_list(found: list[_Found], items: list[int], scan: int) -> tuple[list[_Found], int]:
    """The earliest list among the items (``found[i]`` for ``i`` in ``items``, from
    ``items[scan]`` on): items numbered 1, 2, 3 … in order; and the place in ``items``
    where it begins (``len(items)`` when there is none)."""
    for index in range(scan, len(items)):
        first = found[items[index]]
        if first.ordinal != 1:
            continue
        chain = [first]
        for later in range(index + 1, len(items)):
            candidate = found[items[later]]
            if not _joins(first.family, candidate.family):
                continue
            if candidate.ordinal == 1 and not candidate.text.startswith(_LAST):
                break  # a new list of the same family begins
            if candidate.follows(chain[-1]):
                chain.append(candidate)
        if len(chain) > 1:
            return chain, index
    return [], len(items)


def _list_end(chain: list[_Found], found: list[_Found], end: int) -> int:
    """Where the last item of ``chain`` ends: at a new list of the same family, or ``end``."""
    last = chain[-1]
    start = bisect.bisect_right(found, last.start, key=_start_of)
    for f in found[start:]:
        if f.family == last.family and f.ordinal == 1 and f.name.endswith(_ITEM_SUFFIX):
            return f.start
    return end
