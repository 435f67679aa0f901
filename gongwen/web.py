"""Government web pages (.html): the document's own text out of the page.

Needs the optional extra ``gongwen[html]`` (lxml). The page is parsed without
scripts, styles, comments (Word's ``<!--[if gte mso 9]>`` blocks are comments) or
any fetching; its text is read where it is densest in Chinese outside links (the
article body of pages never seen before, not a list of selectors); the page's
fields (索引号, 发布机构, 发文字号, 成文日期 …) come first as lines, and the title from
the page's own metadata when the body does not hold it. Block elements, ``<br>``
and table rows end lines, a row of a table of data being one line (its cells in turn,
a cell's paragraphs joined); entities are decoded. Each line records the element it
came from.
"""

from __future__ import annotations

import os
import re
from typing import Any

from gongwen.document import Extracted, SourceParagraph
from gongwen.reader import InputError

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_-]{2,20})""", re.I)
_END_TAGS = re.compile(rb"</(?:html|body)\s*>", re.I)
_DROPPED = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
            "select", "button", "input", "textarea", "head")
_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                     "section", "article", "dd", "dt", "dl", "ul", "ol", "blockquote", "pre",
                     "center", "form", "hr", "caption", "thead", "tbody"})
_CELLS = frozenset({"td", "th"})
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_EDGES = " \t\u3000\u2002\u2003\xa0"
_TEMPLATE = re.compile(r"\{\{[^{}\n]{0,200}\}\}")  # a page script's placeholder left unrendered
_LABEL = re.compile(r"[：:]\s*$")  # a field's name on a line of its own, its value on the next
_TITLE_META = ("ArticleTitle", "title", "og:title")
_SITE_SUFFIX = re.compile(r"\s*(?:[_|\-–—]\s*[^_|\-–—]{2,30})+$")
_LINK_WEIGHT = 3  # text inside links counts against a block this many times over
_MOST = 0.9  # a child holding this share of its parent's text is where the text is
# Words of a site's frame, not of a document: a block holding one and less than
# _FRAME_SHARE of the text is left out (the disclaimer under an article, share bars)
_FRAME = re.compile(r"免责声明|版权所有|Copyright|ICP备|网站标识码|主办单位|承办单位|扫一扫|分享到")
_FRAME_SHARE = 0.4


def read_html(data: bytes, path: str | os.PathLike[str]) -> Extracted:
    """The document a web page holds (see the module's docstring); :class:`InputError`
    naming ``path`` when there is none."""
    try:
        from lxml import etree
        from lxml import html as lxml_html
    except ImportError:
        raise InputError(path, "reading .html needs the html extra: pip install 'gongwen[html]'") from None
    parser = lxml_html.HTMLParser(encoding=_charset(data), remove_comments=True, remove_pis=True,
                                  no_network=True)
    try:  # (a stray </html> from an included header ends libxml2's tree; browsers ignore it)
        root = lxml_html.document_fromstring(_END_TAGS.sub(b"", data), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(path, f"not a readable web page ({error})") from None
    title = _meta_title(root)
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    body = _densest(root)
    if body is None:
        raise InputError(path, "a web page without text in Chinese")
    _drop_frame(body)
    lines: list[tuple[str, Any]] = []
    fields = [e for e in root.iter("table", "ul", "div") if _is_fields(e) and not _contains(e, body)
              and not _contains(body, e)]
    for block in fields[:1]:
        lines.extend(_fields(_lines(block)))
    content = _lines(body)
    shown = _compact("".join(text for text, _ in content[:8]))
    if title and _HAN.search(title) and _compact(title) not in shown:
        lines.append((title, None))  # the page names its title only in its metadata
    lines.extend(content)
    return _assemble(lines, root.getroottree())


def _charset(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        return "gb18030" if name in ("gb2312", "gbk", "gb18030") else name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _meta_title(root: Any) -> str:
    for name in _TITLE_META:
        for meta in root.iter("meta"):
            if name in (meta.get("name"), meta.get("property")) and (meta.get("content") or "").strip():
                return _clean(meta.get("content"))
    found = root.find(".//title")
    if found is None:
        return ""
    return _SITE_SUFFIX.sub("", _clean(found.text_content())).rstrip("_|-–— \u3000")


def _densest(root: Any) -> Any | None:
    """The element whose Chinese text outside links is largest once its link text is
    counted against it; then the innermost one holding nearly all of that."""
    scores: dict[Any, tuple[int, int]] = {}

    def visit(element: Any, in_link: bool) -> tuple[int, int]:
        link = in_link or element.tag == "a"
        own = len(_HAN.findall(element.text or ""))
        plain, linked = (0, own) if link else (own, 0)
        for child in element:
            if not isinstance(child.tag, str):
                continue
            child_plain, child_linked = visit(child, link)
            tail = len(_HAN.findall(child.tail or ""))
            plain += child_plain + (0 if link else tail)
            linked += child_linked + (tail if link else 0)
        scores[element] = (plain, linked)
        return plain, linked

    visit(root, False)
    best = max(scores, key=lambda e: scores[e][0] - _LINK_WEIGHT * scores[e][1], default=None)
    if best is None or scores[best][0] == 0:
        return None
    inner = best
    while True:  # down while one child keeps nearly all the text
        total = scores[inner][0]
        children = [c for c in inner if isinstance(c.tag, str) and scores.get(c, (0, 0))[0] >= _MOST * total]
        if len(children) != 1:
            return inner
        inner = children[0]


def _drop_frame(body: Any) -> None:
    total = len(_HAN.findall(body.text_content())) or 1
    for block in list(body.iterdescendants("div", "table", "ul", "p", "section", "footer", "span")):
        if block.getparent() is None:
            continue  # inside a block already left out
        text = block.text_content()
        if _FRAME.search(text) and len(_HAN.findall(text)) < _FRAME_SHARE * total:
            block.drop_tree()


def _fields(lines: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """The page's fields a line each: a name set above its value (索 引 号： / 0147…) joined
    to it."""
    out: list[tuple[str, Any]] = []
    for text, element in lines:
        if out and _LABEL.search(out[-1][0]) and not _LABEL.search(text) and "：" not in text:
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1])
        else:
            out.append((text, element))
    return out


def _is_fields(element: Any) -> bool:
    """Whether an element holds the page's fields: two names the grammar knows for them
    (索引号, 发文字号, 成文日期 …, its META_KEY) in a short text."""
    from gongwen.parser import field_names

    text = " ".join(" ".join(element.itertext()).split())  # (its elements' texts apart)
    return len(text) < 2000 and len(field_names().findall(text)) >= 2


def _contains(outer: Any, inner: Any) -> bool:
    return any(node is outer for node in inner.iterancestors()) or outer is inner


def _lines(block: Any) -> list[tuple[str, Any]]:
    """The lines of ``block``: its text in order, broken where block elements and rows
    begin and end; each with the element it began in."""
    lines: list[tuple[str, Any]] = []
    current: list[str] = []
    where: list[Any] = [block]

    def end_line() -> None:
        text = _clean("".join(current))
        if text:
            lines.append((text, where[0]))
        current.clear()

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "tr" and _is_row(element):  # a row of a table of data: one line, its cells in turn
            end_line()
            cells = (" ".join(text for text, _ in _lines(cell)) for cell in element if cell.tag in _CELLS)
            current.append(" ".join(cell for cell in cells if cell))
            where[0] = element
            end_line()
            return
        if tag in _BLOCKS:
            end_line()
            where[0] = element
        if tag in _CELLS and current:
            current.append("  ")
        current.append(element.text or "")
        for child in element:
            walk(child)
            current.append(child.tail or "")
        if tag in _BLOCKS:
            end_line()

    walk(block)
    end_line()
    return lines


def _is_row(row: Any) -> bool:
    """Whether a table row holds data (two cells with text or more, no table inside),
    not a page laid out in a table."""
    cells = [cell for cell in row if cell.tag in _CELLS]
    return (sum(1 for cell in cells if cell.text_content().strip(_EDGES + "\n")) >= 2
            and not any(True for cell in cells for _ in cell.iter("table")))


def _compact(text: str) -> str:
    """Text compared without spacing of either width."""
    return "".join(text.split())


def _clean(text: str) -> str:
    return _TEMPLATE.sub("", _SPACE.sub(" ", text)).strip(_EDGES)


def _assemble(lines: list[tuple[str, Any]], tree: Any) -> Extracted:
    pieces: list[str] = []
    paragraphs: list[SourceParagraph] = []
    offset = 0
    for index, (text, element) in enumerate(lines):
        line = text + "\n"
        in_table = element is not None and (element.tag in ("tr", "table") or
                                            any(a.tag == "table" for a in element.iterancestors()))
        place = "row" if element is not None and element.tag == "tr" else "table" if in_table else "body"
        paragraphs.append(SourceParagraph(
            index=index, start=offset, end=offset + len(line), place=place,
            element=tree.getpath(element) if element is not None else None))
        pieces.append(line)
        offset += len(line)
    return Extracted("".join(pieces), paragraphs)
