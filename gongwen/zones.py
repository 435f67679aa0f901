"""Line roles that depend on where a line stands in the document.

A grammar sees one line at a time; whether a short line is the title, the
主送机关 or a 署名 depends on its neighbours. This pass walks the lexed lines
once, zone by zone, and relabels tokens (it never drops a character):

* front (版头, metadata, title, 主送机关, salutation): the first lines up to the
  body; a page's header that the title repeats below, a site's headline above
  the article's fields and a date above the title are residue; title lines are
  merged into one TITLE token, a date under the title becomes TITLE_DATE, a line
  ending in ： the ADDRESSEE;
* body: 版头 lines, metadata and page furniture found here are plain paragraphs
  (but not in the run of such lines that ends the text);
* after a closing, 附件说明 or date (the ending): the short organ lines just
  above a DATE become SIGNATURE, a 附注 is allowed, the further items of a
  附件说明 become ATTACHMENT_ITEM; a 主送机关 right under a date opens a
  second text;
* an attachment (附件1), and a document the text issues (its name in the title
  or in a 命令's 现予公布, or alone in 书名号), starts a new front: its own title;
* the 版记 (抄送, 印发): what follows it is plain text, continuation lines of
  抄送 belong to it.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable

from lark import Token

from gongwen.kinds import kind_of_title
from gongwen.tokens import SECTION_MARKERS, new_token, retype

HEADER = frozenset({"COPY_NUMBER", "SECRECY", "URGENCY", "ISSUER", "DOC_NUMBER"})
_WRAPPED_DOC_NUMBER = ("DOC_NUMBER_HEAD", "DOC_NUMBER_TAIL")
_NOT_IN_BODY = HEADER | frozenset(_WRAPPED_DOC_NUMBER)  # plain text below the 版头
_ENDING = frozenset({"CLOSING", "ATTACHMENT_NOTE", "DATE", "REMARK"})
_COLOPHON = frozenset({"COPY_TO", "IMPRINT"})
# Residue and metadata of a web page: kept above the title and after the text; in
# the body such lines are text.
_AROUND = frozenset({"WEB_FURNITURE", "METADATA"})
_FRONT_PASS = frozenset({"BLANK", "RESIDUE_LINE", "BREADCRUMB", "BOM", "SALUTATION"}) | HEADER | _AROUND
# Lines that only the body's end makes what they are (a 署名 with its date, a quoted
# document's name); elsewhere, text.
_ENDING_LINE = frozenset({"SIGNED_DATE", "QUOTED_TITLE", "DIGIT_DATE", "SIGNING"})
_TRAILING = frozenset({"BLANK", "RESIDUE_LINE", "BREADCRUMB"}) | _AROUND
_KEPT_ABOVE_TITLE = frozenset({"BLANK", "METADATA", "BOM"}) | HEADER
_FIELD_LINES_MAX = 3  # short lines between a title and its 主送机关
_FIELD_MAX = 30
_HEADLINE_WINDOW = 16  # lines of a page's furniture between its headline and the title
_REPEAT_WINDOW = 12  # lines between a page's header and the document's own title
_REPEAT_MIN = 4  # characters: shorter lines repeat by chance
_TITLE_MIN_IN_HEADER = 8
_SITE_SUFFIX = ("-", "_", "|", "(")
_DASHES = re.compile(r"[—–－‐-]+")
_NAME_MARKS = re.compile(r"[《》〈〉<>“”\"]")
_ISSUED_LINE_MAX = 120
_ISSUED_MAX = 16  # names looked for at once: each body line is compared with them
_TITLE_LINE = ("TEXT", "REMARK")  # a line wholly in brackets is lexed as a 附注: （2021—2023年）
_ITEM_MARKERS = frozenset({"AR_DOT", "AR_DUN", "CN_DUN", "CN_PAREN", "AR_PAREN"})

# A title line: short, no sentence inside, not ending like a clause. Subtitles
# (——在…上的讲话) are title lines too.
_TITLE_MAX = 60
_LONG_TITLE_MAX = 150  # …关于印发《…》的通知 runs long, but it names its type; a subtitle too
_TITLE_LINES_MAX = 4
_TITLE_GAP_MAX = 2  # blank lines allowed between two title lines
_NOT_TITLE_END = tuple("。；：，、,;:")
_SUBTITLE_DASH = ("——", "──", "--")
_NOT_AN_ORGAN = (*_SUBTITLE_DASH, "（", "(")  # a subtitle, a note such as （此页无正文）
_CLAUSE_MARK = re.compile(r"[，,；;：:]")  # a title goes on without these
_SPEAKER = re.compile(r"^[\u4e00-\u9fff]{2,4}$")  # 张三 under a title: a name
_MARKUP = re.compile(
    r"^(?:[\s*#>]|&emsp;|&nbsp;|<[A-Za-z][^<>\r\n]{0,1000}>)+|(?:[\s*#]|&emsp;|&nbsp;|</[A-Za-z]{1,10}>)+$"
)
# 主送机关: ends in a colon, holds no sentence and no lead-in (通知如下：)
_ADDRESSEE_MAX = 120
_CLAUSE_END = re.compile(r"[。！？!?；;]")
# A sentence leading into a list (一年来，主要做了以下工作：) is body, not 主送机关.
_LEAD_SENTENCE = re.compile(r"如下|以下|下列|主要|我们|了")
_COLONS = ("：", ":")
_SIGNATURE_MAX = 40  # an organ's name
_GAP = re.compile(r"(?<=\S)[ \t\u3000]{2,}")  # between a 署名 and its date on one line
_SIGNATURE_LINES_MAX = 3
_SIGNATURE_GAP = 2  # blank lines between the organs of a joint signature
_NOT_SIGNATURE = re.compile(r"[。，,；;：:！？!?]")


def shape(token: Token) -> str:
    """The line without indentation and Markdown or HTML residue around it."""
    return _MARKUP.sub("", str(token))


def assign(tokens: list[Token], issued_name: re.Pattern[str]) -> list[Token]:
    """The tokens with their roles by zone; see the module docstring. ``issued_name``
    finds the name of a document the text issues (document.lark's ISSUED_NAME)."""
    out: list[Token] = []
    index = _front(tokens, 0, out)
    zone = "body"
    title = next((t for t in out if t.type == "TITLE"), None)
    # names of issued documents; a page that repeats its own title below issues nothing
    own = {_NAME_MARKS.sub("", _compare_text(shape(title).replace("\n", "")))} if title else set()
    issued = _issued_names(str(title), issued_name) - own if title is not None else set()
    tail = len(tokens)  # where the run of residue and metadata that ends the text begins
    while tail > index and tokens[tail - 1].type in _TRAILING:
        tail -= 1
    listing = False  # in a list of 附件1：… lines
    last_marker: int | None = None  # where the last section opens, once needed
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        index += 1
        if kind == "APPENDIX_TITLED":
            rest = tokens[index]  # the title: the rest of the line
            listing = zone == "colophon" or listing or _next_kind(tokens, index + 1) == kind
            if listing:
                out.append(_merge([token, rest], "TEXT"))
                index += 1
                continue
            out.extend((retype(token, "APPENDIX_LABEL"), retype(rest, "TITLE")))
            index = _front(tokens, index + 1, out, appendix=True, titled=True)
            zone = "body"
            continue
        listing = listing and kind == "BLANK"
        if kind == "QUOTED_TITLE" and zone != "colophon":
            out.append(retype(token, "ISSUED_TITLE"))
            index = _front(tokens, index, out, appendix=True, titled=True)
            zone = "body"
            continue
        if kind == "TEXT" and zone != "colophon":
            if "现予" in token and len(issued) < _ISSUED_MAX:  # 《…办法》已经…通过，现予公布
                issued |= _issued_names(str(token), issued_name) - own
            if issued and (found := _issued_title(tokens, index - 1, issued)):
                name, end = found
                issued.discard(name)
                out.append(_merge(tokens[index - 1:end], "ISSUED_TITLE"))
                index = _front(tokens, end, out, appendix=True, titled=True)
                zone = "body"
                continue
        if zone == "colophon":
            if kind == "COPY_TO":
                index = _take_continuation(tokens, index, token, out)
                continue
            if kind in _ENDING or kind in _NOT_IN_BODY or kind in _ENDING_LINE or kind == "APPENDIX_LABEL":
                token = retype(token, "TEXT")
            out.append(token)
            continue
        if kind in _NOT_IN_BODY or (kind == "REMARK" and zone == "body") or (
            kind in _AROUND and zone == "body" and index <= tail
        ):
            token = retype(token, "TEXT")
        elif kind == "TEXT" and zone == "ending" and _last_line(out) == "DATE" and (
            (end := _addressee_end(tokens, index - 1)) and _body_follows(tokens, end)
        ):  # a 主送机关 right under a date, its body below: a second text of the page
            out.append(_merge(tokens[index - 1:end], "ADDRESSEE"))
            index = end
            zone = "body"
            continue
        elif kind == "SIGNING":  # kept for the date below to take as its 署名
            token = retype(token, "SIGNING" if _next_kind(tokens, index) == "DATE" else "TEXT")
        elif kind == "SIGNED_DATE":
            _mark_signature(out)
            out.extend(_signed_date(token))
            zone = "ending"
            continue
        elif kind == "DATE":
            _mark_signature(out)
            zone = "ending"
        elif kind == "DIGIT_DATE":  # a date under a 署名 where no section follows
            if last_marker is None:
                last_marker = max((i for i, t in enumerate(tokens) if t.type in SECTION_MARKERS), default=-1)
            signed = index > last_marker and _mark_signature(out)
            token = retype(token, "DATE" if signed else "TEXT")
            zone = "ending" if signed else zone
        elif kind in ("CLOSING", "REMARK"):
            zone = "ending"
        elif kind == "ATTACHMENT_NOTE":
            out.append(token)
            index = _take_attachment_items(tokens, index, out, bare=shape(token).endswith(_COLONS))
            zone = "ending"
            continue
        elif kind == "APPENDIX_LABEL":
            out.append(token)
            index = _front(tokens, index, out, appendix=True)
            zone = "body"
            continue
        elif kind in _COLOPHON:
            zone = "colophon"
            if kind == "COPY_TO":
                index = _take_continuation(tokens, index, token, out)
                continue
        out.append(token)
    return out


def _issued_names(text: str, issued_name: re.Pattern[str]) -> set[str]:
    """The names of the documents ``text`` issues, in the form lines are compared in;
    印发A和B的通知 issues A and B."""
    names = set()
    for match in issued_name.finditer(text.replace("\n", "")):
        name = next(group for group in match.groups() if group)
        names.add(name)
        if match.group(1) and "《" not in match.group():
            names.update(part for part in re.split("和|、", name) if len(part) >= _REPEAT_MIN)
    return {_NAME_MARKS.sub("", _compare_text(name)) for name in names}


def _issued_title(tokens: list[Token], index: int, names: set[str]) -> tuple[str, int] | None:
    """The name that the lines from ``index`` on are (its 书名号 aside; a layout may have
    wrapped it over a few lines, a note in brackets may follow), and where they end."""
    token = tokens[index]
    if len(token) > _ISSUED_LINE_MAX or "。" in token:  # most lines: a sentence
        return None
    form, end = _NAME_MARKS.sub("", _compare_form(str(token))), index + 1
    while form not in names and any(name.startswith(form) for name in names):
        if end >= len(tokens) or tokens[end].type not in _TITLE_LINE or len(tokens[end]) > _ISSUED_LINE_MAX:
            return None
        form += _NAME_MARKS.sub("", _compare_form(str(tokens[end])))
        end += 1
    if form not in names:
        return None
    while end < len(tokens) and tokens[end].type in _TITLE_LINE and _continues_title(
        form, shape(tokens[end])
    ) and shape(tokens[end]).startswith(("（", "(")):  # (修订征求意见稿)
        end += 1
    return form, end


def _front(
    tokens: list[Token], index: int, out: list[Token], *, appendix: bool = False, titled: bool = False
) -> int:
    """Label the front lines from ``index`` on; return where the body begins."""
    addressed = False
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "TEXT" and _web_page_item(tokens, index, out, titled=titled):
            out.append(retype(token, "RESIDUE_LINE"))
            index += 1
        elif not appendix and _wrapped_doc_number(tokens, index):
            out.append(_merge(tokens[index:index + 2], "DOC_NUMBER"))
            index += 2
        elif kind in _WRAPPED_DOC_NUMBER or kind in _ENDING_LINE:  # in the front, a line of text
            tokens[index] = retype(token, "TEXT")
        elif kind in _FRONT_PASS and not _kept_out(kind, appendix=appendix, addressed=addressed):
            out.append(token)
            index += 1
            titled = titled or kind == "SALUTATION"  # no title below a salutation
        elif kind == "DATE" and titled and addressed and not _under_title(out):
            break  # below the 主送机关: the body's 成文日期
        elif kind == "DATE":  # under the title (and its speaker) the document's date;
            # right above the title, or among a page's fields below it, the page's
            page_date = _title_below(tokens, index) if not titled else not _under_title(out)
            out.append(retype(token, "RESIDUE_LINE" if page_date else "TITLE_DATE"))
            index += 1
        elif kind == "TEXT" and titled and _is_subtitle(shape(token)):
            out.append(retype(token, "TITLE"))  # ——在…上的讲话, apart from its title
            index += 1
        elif titled and not addressed and (
            (kind == "TEXT" and _before_date(tokens, index)) or kind == "DATED"
        ):
            out.append(token)  # a speaker's name, or a year (（2023年度）)
            index += 1
        elif kind == "TEXT" and not titled and (repeat := _repeated_at(tokens, index)):
            # a page's header: residue, and so is the furniture between it and the title
            # (when a 令 with its 令号 and 署名 stands between, only the header is)
            between = tokens[index:repeat]
            end = repeat if all(_furniture_like(t) for t in between[1:]) else index + 1
            for above in tokens[index:end]:
                out.append(above if above.type in _KEPT_ABOVE_TITLE else retype(above, "RESIDUE_LINE"))
            index = end
        elif kind == "TEXT" and not titled and _issuer_above_title(tokens, index):
            out.append(retype(token, "ISSUER"))  # XX市公安局通知 above 关于…的通知
            index += 1
        elif kind == "TEXT" and not titled and not addressed and _is_title_line(shape(token), True):
            index = _take_title(tokens, index, out)
            titled = not _headline_above(tokens, index)
            if not titled:  # a site's headline: the document's own title is below
                out[-1] = retype(out[-1], "RESIDUE_LINE")
        elif kind == "TEXT" and titled and not addressed and (end := _fields_above_the_text(tokens, index)):
            out.extend(tokens[index:end])  # 国家环保局 / 复函 above a 主送机关 or 令号
            index = end
        elif kind == "TEXT" and not addressed and (end := _addressee_end(tokens, index)):
            out.append(_merge(tokens[index:end], "ADDRESSEE"))
            index = end
            addressed = True
        else:
            break
    return index


def _repeated_at(tokens: list[Token], index: int) -> int:
    """Where a title-like line at ``index`` stands again a few lines below (alone, or
    split over two lines), else 0. The first is a web page's or a database's header:
    the document's own title is the later one."""
    key = _compare_form(str(tokens[index]))
    if not _is_title_line(shape(tokens[index]), True) or len(key) < _REPEAT_MIN:
        return 0
    for probe in range(index + 1, min(index + _REPEAT_WINDOW, len(tokens))):
        if tokens[probe].type != "TEXT":
            continue
        form = _compare_form(str(tokens[probe]))
        following = next((t for t in tokens[probe + 1:probe + 3] if t.type != "BLANK"), None)
        if form == key or _page_title_of(key, form) or (
            following is not None and following.type == "TEXT" and form + _compare_form(str(following)) == key
        ):
            return probe
    return 0


def _headline_above(tokens: list[Token], index: int) -> bool:
    """Whether the title just taken (ending at ``index``) is a site's headline: page
    furniture follows it (发表时间：, 来源：, 【字体】), then a line that is a title by
    itself (it names a document type)."""
    probe, furniture = index, False
    while probe < min(index + _HEADLINE_WINDOW, len(tokens)):
        token = tokens[probe]
        probe += 1
        if token.type in _AROUND or token.type in ("RESIDUE_LINE", "BREADCRUMB"):
            furniture = True
        elif token.type == "TEXT" and furniture:
            text = shape(token)
            if _is_title_line(text, True) and kind_of_title(text) and not text.startswith(_SUBTITLE_DASH):
                return True
            if len(text) > _FIELD_MAX or _CLAUSE_END.search(text):
                return False  # the body
        elif token.type != "BLANK":
            return False
    return False


def _under_title(out: list[Token]) -> bool:
    """Whether the next line stands right under the title, or under a speaker's line
    right under it (blank lines and residue aside)."""
    above = list(itertools.islice((t.type for t in reversed(out) if t.type not in _TRAILING), 2))
    return above[:1] == ["TITLE"] or above == ["TEXT", "TITLE"]


def _title_below(tokens: list[Token], index: int) -> bool:
    below = next((t for t in tokens[index + 1:index + 2 + _TITLE_GAP_MAX] if t.type != "BLANK"), None)
    return below is not None and below.type == "TEXT" and _is_title_line(shape(below), True)


def _issuer_above_title(tokens: list[Token], index: int) -> bool:
    """A line naming an organ and a type (XX市公安局治安支队通知) right above a title of
    the same type that opens with 关于: the 发文机关标志."""
    text = shape(tokens[index])
    kind = kind_of_title(text)
    below = next((t for t in tokens[index + 1:index + 1 + _TITLE_GAP_MAX + 1] if t.type != "BLANK"), None)
    if kind is None or below is None or below.type != "TEXT" or "关于" in text:
        return False
    title = shape(below)
    return "关于" in title and kind_of_title(title) == kind and _is_title_line(title, True)


def _fields_above_the_text(tokens: list[Token], index: int) -> int:
    """Below the title, the end of a few short lines (a database's issuer and type
    fields, a 命令's organ) that stand above a 主送机关 or a 发文字号; else 0."""
    probe = index
    while probe < min(index + _FIELD_LINES_MAX * 2, len(tokens)):
        token = tokens[probe]
        if token.type == "DOC_NUMBER" or (token.type == "TEXT" and _addressee_end(tokens, probe)):
            return probe if probe > index else 0
        text = shape(token)
        if token.type == "TEXT" and not (0 < len(text) <= _FIELD_MAX and not _NOT_SIGNATURE.search(text)):
            return 0
        if token.type not in ("TEXT", "BLANK"):
            return 0
        probe += 1
    return 0


def _furniture_like(token: Token) -> bool:
    """A line a page's header may carry: no sentence, no part of a 公文."""
    if token.type != "TEXT":
        return token.type in _KEPT_ABOVE_TITLE or token.type in _TRAILING
    text = shape(token)
    return len(text) <= _TITLE_MAX and not _CLAUSE_END.search(text)


@functools.lru_cache(maxsize=256)  # the front's lines are compared with each other
def _compare_form(line: str) -> str:
    """The line as compared with another: its words, in their compatibility forms, any
    dash as -."""
    return _compare_text(_MARKUP.sub("", line))


def _compare_text(text: str) -> str:
    return _DASHES.sub("-", "".join(unicodedata.normalize("NFKC", text).split()))


def _page_title_of(header: str, title: str) -> bool:
    """Whether ``header`` is a web page's title made of ``title``: an author before a
    colon (张三:…), a site or a note after it (… - 某网, …(全文1896字))."""
    at = header.find(title)
    if len(title) < _TITLE_MIN_IN_HEADER or at < 0:
        return False
    before, after = header[:at], header[at + len(title):]
    return (not before or before.endswith(_COLONS)) and (not after or after.startswith(_SITE_SUFFIX))


def _kept_out(kind: str, *, appendix: bool, addressed: bool) -> bool:
    """Lines the front does not take here: a 版头 in an attachment, page furniture
    below the 主送机关 (the body has begun)."""
    return (appendix and kind in HEADER) or (addressed and kind in _AROUND)


def _wrapped_doc_number(tokens: list[Token], index: int) -> bool:
    return tuple(t.type for t in tokens[index:index + 2]) == _WRAPPED_DOC_NUMBER


def _web_page_item(tokens: list[Token], index: int, out: list[Token], *, titled: bool) -> bool:
    """Above the title, a breadcrumb's item beside a line of its > (首页 > 要闻 > …);
    anywhere in the front, the value under a residue line ending in a colon (来源：,
    then 宁夏日报)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    previous = out[-1] if out else None
    breadcrumb = not titled and (
        (following is not None and following.type == "BREADCRUMB")
        or (previous is not None and previous.type == "BREADCRUMB")
    )
    return breadcrumb or (
        previous is not None and previous.type in ("RESIDUE_LINE", "WEB_FURNITURE")
        and previous.strip().endswith(_COLONS)
    )


def _next_kind(tokens: list[Token], index: int) -> str:
    """The kind of the first line from ``index`` on that is not blank."""
    while index < len(tokens) and tokens[index].type == "BLANK":
        index += 1
    return tokens[index].type if index < len(tokens) else ""


def _is_subtitle(text: str) -> bool:
    return text.startswith(_SUBTITLE_DASH) and _is_title_line(text, False)


def _before_date(tokens: list[Token], index: int) -> bool:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.type == "DATE" and len(shape(tokens[index])) <= 20


def _take_title(tokens: list[Token], index: int, out: list[Token]) -> int:
    """Merge the title lines from ``index`` (with blank lines between them) into one token."""
    lines = [tokens[index]]
    end = index + 1
    probe = end
    while probe < len(tokens) and len([t for t in lines if t.type != "BLANK"]) < _TITLE_LINES_MAX:
        gap = probe
        while gap < len(tokens) and tokens[gap].type == "BLANK" and gap - probe < _TITLE_GAP_MAX:
            gap += 1
        if gap < len(tokens) and tokens[gap].type in _TITLE_LINE and _continues_title(
            shape(lines[-1]), shape(tokens[gap])
        ):
            lines.extend(tokens[probe:gap + 1])
            end = probe = gap + 1
        else:
            break
    out.append(_merge(lines, "TITLE"))
    return end


def _continues_title(last: str, text: str) -> bool:
    """Whether ``text`` goes on with a title whose last line so far is ``last``: once a
    line has named the document's type (…的复函), only a subtitle (——…) or a note in
    brackets ((修订征求意见稿), （2021—2023年）) does; after a subtitle, nothing does."""
    if last.startswith(_SUBTITLE_DASH):  # a subtitle ends the title; a speaker may follow
        return False
    if kind_of_title(last) is not None and not text.startswith((*_SUBTITLE_DASH, "（", "(")):
        return False
    return _is_title_line(text, False)


def _is_title_line(text: str, first: bool) -> bool:
    names_kind = kind_of_title(text.removesuffix("。")) is not None
    subtitle = text.startswith(_SUBTITLE_DASH)  # ——在…上的讲话, ——1994年6月5日，…
    if text.endswith("。") and names_kind and not _CLAUSE_MARK.search(text):
        text = text[:-1]  # 关于…的通知。: a title with a stray full stop
    if subtitle:  # a subtitle line belongs to the title, sentence or not
        return len(text) <= _LONG_TITLE_MAX
    return (
        0 < len(text) <= (_LONG_TITLE_MAX if names_kind else _TITLE_MAX)
        and (first or not _CLAUSE_MARK.search(text))
        and not text.endswith(_NOT_TITLE_END)
        and "。" not in text
        and (first or not _SPEAKER.match(text))
    )


def _addressee_end(tokens: list[Token], index: int) -> int:
    """End of a 主送机关 starting at ``index`` (up to three wrapped lines), else 0."""
    text = ""
    for end in range(index, min(index + 3, len(tokens))):
        if tokens[end].type != "TEXT":
            return 0
        text += shape(tokens[end])
        if len(text) > _ADDRESSEE_MAX or _CLAUSE_END.search(text) or _LEAD_SENTENCE.search(text):
            return 0
        if text.endswith(_COLONS):
            return end + 1
        if not text.endswith(("，", ",", "、")) and not _wrapped(tokens[end]):
            return 0
    return 0


def _wrapped(token: Token) -> bool:
    """A line cut short by a page layout: it runs to the end without a pause."""
    return len(shape(token)) >= 20 and not _NOT_SIGNATURE.search(shape(token)[-1])


def _body_follows(tokens: list[Token], index: int) -> bool:
    """Whether the next line that is not blank is body: a section, or a sentence or a
    line too long for a field (联系方式： over 电话：… is no 主送机关)."""
    while index < len(tokens) and tokens[index].type == "BLANK":
        index += 1
    if index == len(tokens):
        return False
    token = tokens[index]
    text = shape(token)
    return token.type in SECTION_MARKERS or (
        token.type == "TEXT" and (len(text) > _FIELD_MAX or bool(_CLAUSE_END.search(text))))


def _last_line(out: list[Token]) -> str:
    """The kind of the last line taken that is not blank."""
    index = len(out)
    while index > 0 and out[index - 1].type == "BLANK":
        index -= 1
    return out[index - 1].type if index else ""


def _mark_signature(out: list[Token]) -> int:
    """Relabel the organ lines just above a 成文日期 as 署名 (the organs of a joint
    signature may stand a blank line or two apart); how many there are."""
    index = len(out)
    while index > 0 and out[index - 1].type == "BLANK":
        index -= 1
    found = 0
    while index > 0 and found < _SIGNATURE_LINES_MAX:
        above = index
        while found and above > 0 and index - above < _SIGNATURE_GAP and out[above - 1].type == "BLANK":
            above -= 1
        if above == 0:
            break
        token = out[above - 1]
        text = shape(token)
        if token.type != "SIGNING" and (
            token.type != "TEXT"
            or not 2 <= len(text) <= _SIGNATURE_MAX
            or _NOT_SIGNATURE.search(text)
            or text.startswith(_NOT_AN_ORGAN)
        ):
            break
        out[above - 1] = retype(token, "SIGNATURE")
        index = above - 1
        found += 1
    return found


def _signed_date(token: Token) -> tuple[Token, Token]:
    """A 署名 and its date on one line, cut after the gap of spaces between them."""
    cut = _GAP.search(token).end()  # type: ignore[union-attr]
    return (new_token("SIGNATURE", token[:cut], token.start_pos),
            new_token("DATE", token[cut:], (token.start_pos or 0) + cut))


def _take_attachment_items(tokens: list[Token], index: int, out: list[Token], *, bare: bool) -> int:
    """The further items of a 附件说明: numbered lines right below it (2.…, 3.…); below
    a bare 附件：, the line naming its one attachment."""
    if bare and index < len(tokens) and tokens[index].type == "TEXT":
        out.append(retype(tokens[index], "ATTACHMENT_ITEM"))
        return index + 1
    while index + 1 < len(tokens) and tokens[index].type in _ITEM_MARKERS:
        rest = tokens[index + 1]
        if rest.type != "TEXT":
            break
        out.append(_merge([tokens[index], rest], "ATTACHMENT_ITEM"))
        index += 2
    return index


def _take_continuation(tokens: list[Token], index: int, first: Token, out: list[Token]) -> int:
    """抄送 lines that wrap onto indented lines below."""
    lines = [first]
    while index < len(tokens) and tokens[index].type == "TEXT" and str(tokens[index])[:1] in " \t\u3000":
        lines.append(tokens[index])
        index += 1
    out.append(_merge(lines, first.type))
    return index


def _merge(tokens: Iterable[Token], type_: str) -> Token:
    tokens = list(tokens)
    return new_token(type_, "".join(tokens), tokens[0].start_pos)
