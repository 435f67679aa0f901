"""How a Word file lays its text out: the page, and each paragraph's alignment, indent
and runs with the font, size and colour Word resolves for them.

Properties are resolved as Word does: the run's own, then its character style, the
paragraph's style (each with its ``basedOn`` chain; the default paragraph style where
none is named), then the document defaults; a font named by the theme (``w:eastAsiaTheme``)
is looked up in the theme. The East Asian font slot (``w:eastAsia``) is the one Chinese
text is set in. Measures: points for sizes and indents, millimetres for the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongwen.word.numbering import W

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_TWIPS_PER_POINT = 20
_GRIDS = ("lines", "linesAndChars", "snapToChars")  # a grid of lines; the last two of characters too
_MM_PER_POINT = 25.4 / 72


@dataclass(frozen=True)
class Page:
    """A section's page: size and margins in millimetres (the last section's, the body's),
    and its document grid: the line pitch in points and the space added to each
    character in points (``w:docGrid``; None where no grid is set)."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    line_pitch: float | None = None
    char_space: float | None = None


@dataclass(frozen=True)
class Run:
    """A run of text: where it stands in the document's text, and how it is set."""

    start: int
    end: int
    font: str | None
    """The East Asian font, as Word resolves it; None where nothing names one."""
    size: float | None
    """In points."""
    colour: str | None
    """RGB hex (FF0000), or None for automatic."""


@dataclass(frozen=True)
class Format:
    """A paragraph: its alignment (left, center, right, both …), its first-line and right
    indents (in points, or in characters where Word keeps them so), and its runs."""

    alignment: str | None
    first_line: float | None
    first_line_chars: float | None
    runs: tuple[Run, ...]
    right: float | None = None
    right_chars: float | None = None
    line: float | None = None
    """An exact line spacing, in points (``w:spacing`` with ``lineRule="exact"``)."""
    rules: tuple[float | None, float | None] = (None, None)
    """The widths in points of the rules above and below it (``w:pBdr`` top, bottom)."""


@dataclass(frozen=True)
class Footer:
    """A footer (``default``: every page, or the odd ones where even pages have their own;
    ``even``; ``first``): its text as Word shows it (a field's last result included),
    whether it holds a PAGE field, and its paragraph's format (runs' offsets count in
    the footer's text)."""

    kind: str
    text: str
    page_field: bool
    format: Format


@dataclass(frozen=True)
class Layout:
    """A Word file's page and paragraph formats, by the index of the source paragraph,
    and its footers."""

    page: Page | None
    paragraphs: tuple[Format, ...]
    footers: tuple[Footer, ...] = ()
    even_and_odd: bool = False
    drawn: bool = False
    """Whether the body holds drawings or tables, where lines may be drawn."""


class Styles:
    """The styles part, the document defaults and the theme's fonts, read once."""

    def __init__(self, styles: Any | None, theme: Any | None) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_paragraph: Any | None = None
        self.defaults_run: Any | None = None
        self.defaults_paragraph: Any | None = None
        if styles is not None:
            for style in styles.iterfind(W + "style"):
                self.by_id[style.get(W + "styleId", "")] = style
                if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                    self.default_paragraph = style
            self.defaults_run = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
            self.defaults_paragraph = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        self.theme_fonts = _theme_fonts(theme)

    def chain(self, style: Any | None) -> list[Any]:
        """A style and those it is based on, nearest first (a loop is cut)."""
        out: list[Any] = []
        while style is not None and all(style is not seen for seen in out) and len(out) < 32:
            out.append(style)
            based = style.find(W + "basedOn")
            style = self.by_id.get(based.get(W + "val", "")) if based is not None else None
        return out

    def paragraph_chain(self, paragraph: Any) -> list[Any]:
        named = paragraph.find(f"{W}pPr/{W}pStyle")
        style = self.by_id.get(named.get(W + "val", "")) if named is not None else self.default_paragraph
        return self.chain(style)

    def run_properties(self, run: Any, paragraph_styles: list[Any]) -> list[Any]:
        """The ``w:rPr`` that apply to a run, the strongest first."""
        own = run.find(W + "rPr")
        named = own.find(W + "rStyle") if own is not None else None
        character = self.chain(self.by_id.get(named.get(W + "val", ""))) if named is not None else []
        styled = [*character, *paragraph_styles]
        layers = [own, *(style.find(W + "rPr") for style in styled), self.defaults_run]
        return [layer for layer in layers if layer is not None]

    def paragraph_properties(self, paragraph: Any, paragraph_styles: list[Any]) -> list[Any]:
        """The ``w:pPr`` that apply to a paragraph, the strongest first."""
        layers = [paragraph.find(W + "pPr"), *(s.find(W + "pPr") for s in paragraph_styles),
                  self.defaults_paragraph]
        return [layer for layer in layers if layer is not None]

    def font(self, layers: list[Any]) -> str | None:
        for layer in layers:
            fonts = layer.find(W + "rFonts")
            if fonts is None:
                continue
            if fonts.get(W + "eastAsia"):
                return str(fonts.get(W + "eastAsia"))
            theme = fonts.get(W + "eastAsiaTheme")
            if theme:
                return self.theme_fonts.get("major" if theme.startswith("major") else "minor")
        return None


def run_format(styles: Styles, run: Any, paragraph_styles: list[Any], start: int, end: int) -> Run:
    layers = styles.run_properties(run, paragraph_styles)
    size = _first(layers, "sz")
    colour = _first(layers, "color")
    return Run(start, end, styles.font(layers), int(size) / 2 if size and size.isdigit() else None,
               None if colour in (None, "auto") else colour.upper())


def paragraph_format(styles: Styles, paragraph: Any, runs: tuple[Run, ...]) -> Format:
    layers = styles.paragraph_properties(paragraph, styles.paragraph_chain(paragraph))
    alignment = _first(layers, "jc")
    first_line, first_chars = _indent(layers, ("firstLine", "hanging"))
    right, right_chars = _indent(layers, ("right", "end"))
    spacing = next((found for layer in layers
                    if (found := layer.find(W + "spacing")) is not None and found.get(W + "line")), None)
    exact = (_number(spacing.get(W + "line"))
             if spacing is not None and spacing.get(W + "lineRule") == "exact" else None)
    borders = next((found for layer in layers if (found := layer.find(W + "pBdr")) is not None), None)
    return Format(alignment, first_line, first_chars, runs, right, right_chars,
                  exact / _TWIPS_PER_POINT if exact else None,
                  (_rule(borders, "top"), _rule(borders, "bottom")))


def _rule(borders: Any | None, side: str) -> float | None:
    """A border's width in points (``w:sz`` counts eighths); None where there is none."""
    border = borders.find(W + side) if borders is not None else None
    if border is None or border.get(W + "val") in (None, "nil", "none"):
        return None
    return (_number(border.get(W + "sz")) or 0) / 8


def _indent(layers: list[Any], names: tuple[str, str]) -> tuple[float | None, float | None]:
    """An indent (first line: ``firstLine``/``hanging``, negative for a hanging one; right:
    ``right``/``end``) in points and in characters, from the strongest layer that sets it."""
    for layer in layers:
        indent = layer.find(W + "ind")
        if indent is None:
            continue
        hanging = names[0] == "firstLine" and (indent.get(W + "hanging") or indent.get(W + "hangingChars"))
        sign = -1 if hanging else 1
        chars = _number(indent.get(W + names[0] + "Chars") or indent.get(W + names[1] + "Chars"))
        points = _number(indent.get(W + names[0]) or indent.get(W + names[1]))
        if chars is not None or points is not None:
            return (None if points is None else sign * points / _TWIPS_PER_POINT,
                    None if chars is None else sign * chars / 100)
    return None, None


def page_setup(body: Any) -> Page | None:
    """The page of the body's last section (``w:sectPr`` at the end of the body)."""
    section = body.find(W + "sectPr")
    size = section.find(W + "pgSz") if section is not None else None
    margins = section.find(W + "pgMar") if section is not None else None
    if size is None or margins is None:
        return None

    def mm(element: Any, name: str) -> float:
        return round((_number(element.get(W + name)) or 0) / _TWIPS_PER_POINT * _MM_PER_POINT, 1)

    grid = section.find(W + "docGrid") if section is not None else None
    kind = grid.get(W + "type") if grid is not None else None
    pitch = _number(grid.get(W + "linePitch")) if grid is not None and kind in _GRIDS else None
    space = _number(grid.get(W + "charSpace")) if grid is not None and kind in _GRIDS[1:] else None
    return Page(mm(size, "w"), mm(size, "h"), mm(margins, "top"), mm(margins, "bottom"),
                mm(margins, "left"), mm(margins, "right"),
                pitch / _TWIPS_PER_POINT if pitch else None, space / 4096 if space is not None else None)


def _first(layers: list[Any], name: str) -> str | None:
    for layer in layers:
        found = layer.find(W + name)
        if found is not None and found.get(W + "val") is not None:
            return str(found.get(W + "val"))
    return None


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _theme_fonts(theme: Any | None) -> dict[str, str]:
    """The theme's East Asian fonts (``major``, ``minor``): its ``a:ea``, else its font for
    simplified Chinese (``script="Hans"``)."""
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    for kind in ("major", "minor"):
        scheme = theme.find(f".//{A}{kind}Font")
        if scheme is None:
            continue
        east = scheme.find(A + "ea")
        typeface = east.get("typeface") if east is not None else None
        if not typeface:
            hans = next((f for f in scheme.iterfind(A + "font") if f.get("script") == "Hans"), None)
            typeface = hans.get("typeface") if hans is not None else None
        if typeface:
            fonts[kind] = typeface
    return fonts
