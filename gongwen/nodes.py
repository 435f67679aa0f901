"""The document tree: frozen pydantic models, one discriminated union on ``type``.

Leaves (``text``, ``placeholder``, ``artifact``, ``blank``, ``marker``) carry
the source characters; containers carry leaves and other nodes. The leaves
tile the source in document order, so :meth:`Node.to_text` rebuilds the input
exactly. Normalised views (``heading.text``, ``section.number_path``) are
derived from the leaves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator
from typing_extensions import Self

from gongwen.numerals import marker_label, ordinal_of
from gongwen.values import date_value, doc_number_parts

_LINE_ENDS = "\r\n"
_new = object.__new__
# The slots BaseModel keeps a model's state in: the parser's nodes are set there directly
# (Node.assemble), and a parsed Document reads its fields through FIELDS.
FIELDS = BaseModel.__dict__["__dict__"]
_set_fields = FIELDS.__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
_HEADING_END = "。！？!?"


class Node(BaseModel):
    """Fields shared by every node."""

    # Schemas are built on first use, not at import: a short-lived process (the
    # command line, a worker) does not pay for the ones it never needs.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    type: str
    """What the node is; each node class fixes it (the union's discriminator)."""
    start: int
    """Offset of the node's first character in the text (0-based, in characters)."""
    end: int
    """Offset just past the node's last character (exclusive)."""
    line: int
    """Line of the node's first character (1-based)."""

    _type: ClassVar[str]
    _defaults: ClassVar[dict[str, Any]]
    _all_set: ClassVar[set[str]]
    _size: ClassVar[int]
    _private: ClassVar[dict[str, Any] | None]

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._defaults = {name: field.default for name, field in cls.model_fields.items()
                         if not field.is_required()}
        cls._all_set = set(cls.model_fields)
        cls._size = len(cls._all_set)
        cls._type = cls._defaults.get("type", "")
        cls._private = {name: attribute.get_default()
                        for name, attribute in cls.__private_attributes__.items()} or None

    @classmethod
    def assemble(cls, **fields: Any) -> Self:
        """An instance from fields the parser has computed, without validating them.

        Validation per node costs more than the rest of the parse; every tree the
        parser builds is validated in the tests instead (a JSON round trip on all
        fixtures and on generated texts). Use the constructor for anything else.
        """
        data = {"type": cls._type, **fields}  # fields in declaration order
        if len(data) < cls._size:  # defaults, which are declared last
            data.update((k, v) for k, v in cls._defaults.items() if k not in data)
        node = _new(cls)
        _set_fields(node, data)
        _set_fields_set(node, cls._all_set)
        _set_extra(node, None)
        _set_private(node, cls._private and dict(cls._private))
        return node

    def to_text(self) -> str:
        """The exact source text this node covers."""
        return "".join(leaf.to_text() for leaf in self.child_nodes())

    def child_nodes(self) -> Iterator[Node]:
        """The nodes directly below this one, in document order."""
        return iter(())

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first, in document order."""
        yield self
        for child in self.child_nodes():
            yield from child.walk()


class Derived(Node):
    """A node with derived fields (``text``, ``kind``, a date's ``value`` …): written to
    JSON for convenience, recomputed (not read) when JSON is validated back."""

    @model_validator(mode="before")
    @classmethod
    def _drop_derived_fields(cls, data: Any) -> Any:
        derived = cls.model_computed_fields
        if isinstance(data, dict) and any(k in derived for k in data):
            return {k: v for k, v in data.items() if k not in derived}
        return data


class _Leaf(Node):
    text: str
    """The characters of the source this leaf covers, verbatim."""

    def to_text(self) -> str:
        return self.text


class Text(_Leaf):
    """A run of plain text (may end with the line break)."""

    type: Literal["text"] = "text"


class Placeholder(_Leaf):
    """A template or anonymisation placeholder: xx, X, **, ××, ○○, □□, 某某."""

    type: Literal["placeholder"] = "placeholder"
    kind: str
    """What it is made of: letter_x, asterisk, times, circles, boxes, underline, mou."""


class Artifact(_Leaf):
    """Residue that is not part of the document: paywall marks, page numbers, HTML comments."""

    type: Literal["artifact"] = "artifact"
    kind: str
    """paywall, markdown (emphasis at a line edge), html (a tag at a line edge), residue_line
    (a whole line of residue), byte_order_mark."""


class LeadIn(_Leaf):
    """A lead-in formula (引出语) announcing what follows: 现将有关事项通知如下：."""

    type: Literal["lead_in"] = "lead_in"


class Answered(_Leaf):
    """The request or letter a 批复 or 复函 answers, as its body names it before 收悉:
    《关于…的请示》（皖政〔2009〕12号）."""

    type: Literal["answered"] = "answered"


class Blank(_Leaf):
    """An empty line (white space and the line break)."""

    type: Literal["blank"] = "blank"


class Marker(_Leaf):
    """An ordinal marker as written: 一、 （一） 1. （1） ① 第一， 一是 第一章 第一条."""

    type: Literal["marker"] = "marker"
    family: str
    """Marker family: division (第一部分), cn_dun, cn_paren, ar_dot, ar_dun, outline_2 (1.1),
    outline_3 (1.1.1), ar_paren, ar_half_paren (1）), circled, di, shi, yao, adverb, volume,
    chapter, part, article."""
    ordinal: int | None
    """The number the marker stands for (一 → 1, ⑳ → 20); None for 最后."""
    prefix: str = ""
    """What precedes the marker on its line: indentation or residue such as '## '."""
    generated: bool = False
    """True when Word's automatic numbering drew the marker: it is in the text extracted
    from a .docx, not in the file's text runs."""

    def to_text(self) -> str:
        return self.prefix + self.text

    @property
    def label(self) -> str:
        """The marker without its trailing punctuation: 二、 → 二, 第一， → 第一, 1. → 1."""
        return marker_label(self.text)


class _Inlines(Node):
    children: list[Inline]
    """The text of the node, as text runs, placeholders, artifacts and inline lists."""

    def child_nodes(self) -> Iterator[Node]:
        return iter(self.children)

    @property
    def content(self) -> str:
        """The node's text without residue (artifacts) and its final line break."""
        return "".join(
            child.to_text() for child in self.children if not isinstance(child, Artifact)
        ).rstrip(_LINE_ENDS)


class _Line(_Inlines, Derived):
    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The line(s) as written, without residue (Markdown, HTML tags), the space that
        indents or right-aligns each line, and the final line break."""
        return "\n".join(_trimmed(line) for line in self.content.split("\n"))


_SPACES = " \t\r\u3000\xa0"
_SPACE_ENTITIES = ("&emsp;", "&nbsp;", "&ensp;")


def _trimmed(line: str) -> str:
    """A line without white space or HTML space entities around it."""
    while True:
        trimmed = line.strip(_SPACES)
        for entity in _SPACE_ENTITIES:
            trimmed = trimmed.removeprefix(entity).removesuffix(entity)
        if trimmed == line:
            return line
        line = trimmed


class Title(_Line):
    """The title: one node for consecutive title lines (a subtitle line ——… included)."""

    type: Literal["title"] = "title"


class Salutation(_Line):
    """The address of a speech on its own line: 同志们：, 各位领导，同志们：."""

    type: Literal["salutation"] = "salutation"


class Closing(_Line):
    """A closing formula on its own line: 谢谢大家！, 部署完毕。, 特此通知。."""

    type: Literal["closing"] = "closing"


class Addressee(_Line):
    """主送机关: the organs addressed, ending in ：."""

    type: Literal["addressee"] = "addressee"


class CopyNumber(_Line):
    """份号: the copy number of a classified document (000001)."""

    type: Literal["copy_number"] = "copy_number"


class Secrecy(_Line):
    """密级和保密期限: 机密★1年."""

    type: Literal["secrecy"] = "secrecy"


class Urgency(_Line):
    """紧急程度: 特急, 加急."""

    type: Literal["urgency"] = "urgency"


class Issuer(_Line):
    """发文机关标志: XX市人民政府文件."""

    type: Literal["issuer"] = "issuer"


class DocNumber(_Line):
    """发文字号 (or a 命令's 令号), with a 签发人 when it shares the line: 国办发〔2023〕12号."""

    type: Literal["doc_number"] = "doc_number"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def issuer(self) -> str | None:
        """机关代字: 国办发; None for a 令号 of a number alone (第19号)."""
        return doc_number_parts(self.text).issuer

    @computed_field  # type: ignore[prop-decorator]
    @property
    def year(self) -> int | None:
        return doc_number_parts(self.text).year

    @computed_field  # type: ignore[prop-decorator]
    @property
    def number(self) -> int | None:
        """序号: 12 in 国办发〔2023〕12号."""
        return doc_number_parts(self.text).number


class Signature(_Line):
    """发文机关署名: one organ (a line) above the 成文日期."""

    type: Literal["signature"] = "signature"


class DateLine(_Line):
    """A line holding a date: the 成文日期, or a date under the title."""

    type: Literal["date"] = "date"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> str | None:
        """The date as ISO 8601 (2009-12-31 for 二〇〇九年十二月三十一日), year and month
        alone (2024-12) for a line without a day, the year alone for digits that read two
        ways (2021111); None for a template (20XX年X月X日)."""
        return date_value(self.text)


class Remark(_Line):
    """附注: a line in full-width parentheses after the date, （此件公开发布）."""

    type: Literal["remark"] = "remark"


class Attachment(_Line):
    """One item of the 附件说明, with its number: 1.××市重点项目清单."""

    type: Literal["attachment"] = "attachment"


class AttachmentNote(Node):
    """附件说明: the label 附件： and one item per attachment."""

    type: Literal["attachment_note"] = "attachment_note"
    label: Text
    """附件： as written."""
    items: list[Attachment]

    def child_nodes(self) -> Iterator[Node]:
        yield self.label
        yield from self.items


class MetadataField(Node):
    """One field of a metadata line: its label and its value, as written."""

    type: Literal["metadata_field"] = "metadata_field"
    key: Text
    """The label: 索引号, 索 引 号, 发文字号."""
    value: Text
    """What follows the label up to the next field: separator, value and spacing."""

    def child_nodes(self) -> Iterator[Node]:
        yield self.key
        yield self.value

    @property
    def name(self) -> str:
        """The label without spacing, under its usual name (文号 → 发文字号)."""
        name = "".join(self.key.text.split())
        return _FIELD_NAMES.get(name, name)

    @property
    def content(self) -> str:
        """The value without separator, spacing, table bars and brackets."""
        return self.value.text.strip(_FIELD_EDGES)


_FIELD_NAMES = {"文号": "发文字号", "文件编号": "发文字号", "发布文号": "发文字号", "发文时间": "成文日期",
                "发文日期": "成文日期", "成文机关": "发文机关"}
_FIELD_EDGES = " \t\u3000\xa0\r\n:：|[]【】［］*"


class Metadata(Node):
    """A line of metadata about the document, above its title or after its text: the
    信息公开 fields of a government site (索引号, 发文字号, 成文日期 …), front matter."""

    type: Literal["metadata"] = "metadata"
    children: list[MetadataPart]
    """Fields, with any text before the first one (indentation, a table's |)."""

    def child_nodes(self) -> Iterator[Node]:
        return iter(self.children)

    @property
    def fields(self) -> list[MetadataField]:
        return [child for child in self.children if isinstance(child, MetadataField)]


class Attendance(_Line):
    """会议纪要: a list of who attended (出席), sat in (列席) or was excused (请假)."""

    type: Literal["attendance"] = "attendance"

    @property
    def role(self) -> str:
        """出席, 列席, 请假, 缺席 or 参会: the label without spacing and suffix."""
        label = "".join(self.text.partition("：")[0].partition(":")[0].split())
        return label[:2]

    @property
    def names(self) -> list[str]:
        """The people or organs listed, split at 、 ， , ；."""
        listed = self.text.partition("：")[2] if "：" in self.text else self.text.partition(":")[2]
        return [name for name in _LIST_SEPARATORS.split(listed.strip().rstrip("。.")) if name]


_LIST_SEPARATORS = re.compile(r"[、，,；;\s]+")


class CopyTo(_Line):
    """版记: 抄送：…。 (or 主送：…。), continuation lines included."""

    type: Literal["copy_to"] = "copy_to"


class Imprint(_Line):
    """版记: 印发机关和印发日期, ××办公厅 2023年5月12日印发."""

    type: Literal["imprint"] = "imprint"


class Heading(_Inlines, Derived):
    """The heading phrase of a section, after its marker."""

    type: Literal["heading"] = "heading"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The heading without marker, the space or tab after it, final 。！？ and line
        break."""
        return self.content.strip().rstrip(_HEADING_END)


class Paragraph(_Inlines):
    """A body paragraph (one line of the source)."""

    type: Literal["paragraph"] = "paragraph"

    @property
    def text(self) -> str:
        """The paragraph as written, without its line break."""
        return self.to_text().rstrip(_LINE_ENDS)


class Item(Node):
    """One item of an inline list: its marker and the text up to the next item."""

    type: Literal["item"] = "item"
    marker: Marker
    children: list[Inline]

    def child_nodes(self) -> Iterator[Node]:
        yield self.marker
        yield from self.children

    @property
    def text(self) -> str:
        return "".join(child.to_text() for child in self.children).rstrip(_LINE_ENDS)


class Enumeration(Node):
    """An inline list inside a paragraph: 一是…二是…, ①…②…, 首先…其次…."""

    type: Literal["enumeration"] = "enumeration"
    items: list[Item]

    def child_nodes(self) -> Iterator[Node]:
        return iter(self.items)

    @property
    def family(self) -> str:
        return self.items[0].marker.family


class Section(Node):
    """A numbered part of the document: its marker, heading and everything up to the next
    marker of the same or a higher rank."""

    type: Literal["section"] = "section"
    marker: Marker
    heading: Heading | None
    """The heading phrase; None for articles (第X条), whose text is body."""
    level: int
    """Depth in the tree: 1 for a top-level section, a child is its parent's level + 1."""
    run_in: bool
    """True when body text follows the heading on the same line (一、标题。正文……)."""
    number_path: tuple[str, ...]
    """Marker labels from the top section down to this one, e.g. ('二', '（一）')."""
    children: list[Block]

    def child_nodes(self) -> Iterator[Node]:
        yield self.marker
        if self.heading is not None:
            yield self.heading
        yield from self.children

    @property
    def sections(self) -> list[Section]:
        """The sections directly below this one."""
        return [child for child in self.children if isinstance(child, Section)]

    @property
    def text(self) -> str:
        """The whole section as written, marker and subsections included."""
        return self.to_text()

    @property
    def heading_text(self) -> str:
        return self.heading.text if self.heading is not None else ""


class Appendix(Node):
    """An attachment itself (附件1 with its own title and body), or a document the text
    issues (the 办法 under 关于印发《…办法》的通知): a part of its own."""

    type: Literal["appendix"] = "appendix"
    label: Text | None
    """附件1 as written, with its line break (附件二： alone when the title follows on its
    line); None for an issued document, which opens with its title."""
    children: list[Block]

    def child_nodes(self) -> Iterator[Node]:
        if self.label is not None:
            yield self.label
        yield from self.children

    @property
    def title(self) -> Title | None:
        return next((c for c in self.children if isinstance(c, Title)), None)

    @property
    def sections(self) -> list[Section]:
        """The attachment's top-level sections."""
        return [child for child in self.children if isinstance(child, Section)]

    @property
    def heading_text(self) -> str:
        """Its label and title on one line: 附件1 重点项目清单, 附件二：承诺函 (an issued
        document: its title)."""
        label = self.label.text.strip() if self.label is not None else ""
        title = self.title.text.replace("\n", "") if self.title is not None else ""
        gap = " " if label and title and not label.endswith(("：", ":")) else ""
        return label + gap + title

    @property
    def number(self) -> int | None:
        """The attachment's number (附件2 → 2); None for a lone 附件 or an issued document."""
        if self.label is None:
            return None
        digits = self.label.text.strip().removeprefix("附件").strip(" \t：:")
        return ordinal_of(digits) if digits else None


Inline = Annotated[
    Union[Text, Placeholder, Artifact, LeadIn, Answered, Enumeration],  # noqa: UP007
    Field(discriminator="type"),
]
MetadataPart = Annotated[Union[Text, MetadataField], Field(discriminator="type")]  # noqa: UP007
Block = Annotated[
    Union[  # noqa: UP007
        Paragraph, Blank, Title, Salutation, Closing, Artifact, Section, Addressee, CopyNumber,
        Secrecy, Urgency, Issuer, DocNumber, Signature, DateLine, Remark, AttachmentNote,
        Appendix, CopyTo, Imprint, Metadata, Attendance,
    ],
    Field(discriminator="type"),
]

