"""gongwen: read Chinese official documents into a lossless, typed tree.

>>> import gongwen
>>> doc = gongwen.parse("同志们：\\n一、总体要求\\n谢谢大家！")
>>> [s.heading_text for s in doc.sections]
['总体要求']
>>> doc.to_text() == "同志们：\\n一、总体要求\\n谢谢大家！"
True
"""

from typing import TYPE_CHECKING

from gongwen.chunks import Chunk
from gongwen.document import Document, SourceParagraph
from gongwen.nodes import (
    Addressee,
    Answered,
    Appendix,
    Artifact,
    Attachment,
    AttachmentNote,
    Attendance,
    Blank,
    Closing,
    CopyNumber,
    CopyTo,
    DateLine,
    DocNumber,
    Enumeration,
    Heading,
    Imprint,
    Issuer,
    Item,
    LeadIn,
    Marker,
    Metadata,
    MetadataField,
    Node,
    Paragraph,
    Placeholder,
    Remark,
    Salutation,
    Secrecy,
    Section,
    Signature,
    Text,
    Title,
    Urgency,
)
from gongwen.parser import parse
from gongwen.reader import InputError, parse_bytes, parse_file, read_text
from gongwen.schema import schema

if TYPE_CHECKING:
    from gongwen.checks import Diagnostic, Profile, Severity, check, load_profile

__version__ = "0.1.0"
_CHECKER = ("Diagnostic", "Profile", "Severity", "check", "load_profile")


def __getattr__(name: str) -> object:
    """The checker, loaded with its rules on first use (a parse does not need them)."""
    if name in _CHECKER:
        from gongwen import checks

        return getattr(checks, name)
    raise AttributeError(f"module 'gongwen' has no attribute {name!r}")


__all__ = [
    "Addressee",
    "Answered",
    "Appendix",
    "Artifact",
    "Attachment",
    "AttachmentNote",
    "Attendance",
    "Blank",
    "Chunk",
    "Closing",
    "CopyNumber",
    "CopyTo",
    "DateLine",
    "Diagnostic",
    "DocNumber",
    "Document",
    "Enumeration",
    "Heading",
    "Imprint",
    "InputError",
    "Issuer",
    "Item",
    "LeadIn",
    "Marker",
    "Metadata",
    "MetadataField",
    "Node",
    "Paragraph",
    "Placeholder",
    "Profile",
    "Remark",
    "Salutation",
    "Secrecy",
    "Section",
    "Severity",
    "Signature",
    "SourceParagraph",
    "Text",
    "Title",
    "Urgency",
    "check",
    "load_profile",
    "parse",
    "parse_bytes",
    "parse_file",
    "read_text",
    "schema",
]
