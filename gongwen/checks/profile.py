"""The figures the layout rules (GW6xx) check a Word file against: GB/T 9704-2012's by
default, or a unit's own template written as a profile file (TOML or JSON).

A profile file names what it changes; what it leaves out keeps the standard's figure
(within ``[page]`` too; ``[title]`` and ``[body]`` give their fonts)::

    # our-template.toml: a template that offsets Word's line placement
    name = "某市政府办公室模板"
    [page]
    top = 34.6
    bottom = 32.6

Fonts are matched by a part of their name (小标宋 matches 方正小标宋简体 and
方正小标宋_GBK); sizes are in points, the page in millimetres.
"""

from __future__ import annotations

import json
import os
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class _Figures(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageFigures(_Figures):
    """The page and its margins, in millimetres, and how far from them is still right."""

    width: float = 210.0
    height: float = 297.0
    top: float = 37.0
    """天头 (5.2.1)."""
    bottom: float = 35.0
    """297 − 37 − 225: the 版心 is 225 mm high."""
    left: float = 28.0
    """订口 (5.2.1)."""
    right: float = 26.0
    """210 − 28 − 156: the 版心 is 156 mm wide."""
    tolerance: float = 1.0


class FontFigures(_Figures):
    """Fonts a part may be set in (any one, matched by a part of its name; a fix sets the
    first), and its size."""

    fonts: tuple[str, ...]
    size: float | None = None
    """In points; None: any size."""


_FANGSONG = ("仿宋_GB2312", "仿宋", "FangSong")
_HEADINGS: dict[str, tuple[str, ...]] = {
    "cn_dun": ("黑体", "SimHei"), "cn_paren": ("楷体_GB2312", "楷体", "KaiTi"),
    "ar_dot": _FANGSONG, "ar_dun": _FANGSONG, "ar_paren": _FANGSONG,
}


class Profile(_Figures):
    """What GW601–GW607 check; the defaults are GB/T 9704-2012's."""

    name: str = "GB/T 9704-2012"
    page: PageFigures = PageFigures()
    title: FontFigures = FontFigures(fonts=("方正小标宋简体", "小标宋"), size=22.0)
    """7.3.1: 2号小标宋."""
    body: FontFigures = FontFigures(fonts=("仿宋_GB2312", "仿宋", "FangSong"), size=16.0)
    """3.1, 7.3.3: 3号仿宋."""
    headings: dict[str, tuple[str, ...]] = Field(default_factory=lambda: dict(_HEADINGS))
    """7.3.3, by the marker's family: 一、 黑体, （一） 楷体, 1. and （1） 仿宋."""
    size_tolerance: float = 0.5
    indent: float = 2.0
    """7.3.3: 每个自然段左空二字 (in characters)."""
    indent_tolerance: float = 0.3
    issuer_red: bool = True
    """7.2.4: the 发文机关标志 in red."""
    doc_number_centred: bool = True
    """7.2.4: the 发文字号 centred (a line with 签发人 aside)."""


NOMINAL = Profile()


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """The profile a JSON file (``.json``) or a TOML file (any other name; Python 3.11 and
    later read TOML) writes; ValueError naming the file when it cannot be read or says
    something no profile does."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as stream:
            data = stream.read(1 << 20)
        values: Any = json.loads(data) if name.lower().endswith(".json") else _toml(name, data)
        return Profile.model_validate(values)
    except OSError as error:
        raise ValueError(f"{name}: the profile cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, ValueError) as error:  # (JSON's and TOML's errors are ValueErrors)
        if isinstance(error, ValidationError):
            raise ValueError(f"{name}: " + "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())) from None
        raise ValueError(f"{name}: not a profile file ({error})") from None


def _toml(name: str, data: bytes) -> Any:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        raise ValueError("a TOML profile needs Python 3.11; write it as JSON (.json)") from None
    return tomllib.loads(data.decode("utf-8"))
