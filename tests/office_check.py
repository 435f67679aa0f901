"""The annotated copies of Word files as LibreOffice reads them: each is opened headless,
turned into PDF and saved again as .docx, and the comments read back from LibreOffice's
copy must be gongwen's, on the same characters; a copy with its layout fixed as tracked
changes must read, after LibreOffice saved it, with those findings gone.

    python tests/office_check.py [--screenshots DIR]    # make office-check

With ``--screenshots``, a page of a notice before and after annotation, rendered by
LibreOffice with the comments in the margin, is written to DIR as PNG.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gongwen import Document, check, parse_file  # noqa: E402
from gongwen.checks import NOMINAL  # noqa: E402
from gongwen.word.comments import annotate, comment_text  # noqa: E402
from tests.word_files import comments_of, notice_docx  # noqa: E402

SHARED_DOCX = ROOT.parent / "shared" / "docx"
_MARGIN_NOTES = 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'


def _office(*arguments: str, cwd: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice is not installed (make office-check installs it)")
    profile = cwd / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    *arguments], cwd=cwd, check=True, capture_output=True, timeout=300)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--screenshots", type=Path, default=None)
    args = options.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        made = notice_docx(work / "notice.docx", title_size=18, level_2="黑体", number_centred=False)
        for source in [made, *sorted(SHARED_DOCX.glob("*.docx"))]:
            doc = parse_file(source)
            findings = check(doc)
            annotated = work / f"annotated-{source.name}"
            annotated.write_bytes(annotate(source.read_bytes(), source, doc, findings))
            _office("--convert-to", "pdf", "--outdir", str(work / "pdf"), str(annotated), cwd=work)
            _office("--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "back"), str(annotated),
                    cwd=work)
            text = doc.to_text()
            ours = [((comment_text(f), text[f.start:f.end].rstrip("\n")), _in_text_box(doc, f.start))
                    for f in findings]
            theirs = Counter((comment, anchored) for author, comment, anchored
                             in comments_of(work / "back" / annotated.name) if author == "gongwen")
            # (LibreOffice drops the comments inside a text box, which Word keeps)
            outside = Counter(pair for pair, boxed in ours if not boxed)
            ok = (outside <= theirs <= Counter(pair for pair, _ in ours)
                  and (work / "pdf" / annotated.with_suffix(".pdf").name).exists())
            failures += not ok
            boxed = len(ours) - sum(outside.values())
            boxes = f" ({boxed} in text boxes)" if boxed else ""
            print(f"{'ok  ' if ok else 'FAIL'} {source.name}: {len(ours)} comments, "
                  f"{sum(theirs.values())} read back by LibreOffice{boxes}")
        fixed = work / "fixed-notice.docx"
        doc = parse_file(made)
        fixed.write_bytes(annotate(made.read_bytes(), made, doc, check(doc), fix=NOMINAL))
        _office("--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "back"), str(fixed), cwd=work)
        again = parse_file(work / "back" / fixed.name)
        left = sorted({f.code for f in check(again, select="GW6")})
        ok = again.to_text() == doc.to_text() and left == ["GW607"]
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {fixed.name}: after LibreOffice, layout findings left {left}")
        if args.screenshots is not None:
            _screenshots(made, work, args.screenshots)
    return 1 if failures else 0


def _in_text_box(doc: Document, offset: int) -> bool:
    paragraph = next((p for p in doc.source_paragraphs or [] if p.start <= offset < p.end), None)
    return paragraph is not None and paragraph.place == "text_box"


def _screenshots(made: Path, work: Path, target: Path) -> None:
    """The first page of the notice before and after annotation, as LibreOffice renders
    it (comments in the margin)."""
    import pypdfium2

    target.mkdir(parents=True, exist_ok=True)
    for name, source in (("before", made), ("after", work / f"annotated-{made.name}")):
        _office("--convert-to", _MARGIN_NOTES, "--outdir", str(work / name), str(source), cwd=work)
        pdf = pypdfium2.PdfDocument(str(work / name / source.with_suffix(".pdf").name))
        pdf[0].render(scale=1.2).to_pil().save(target / f"annotated-{name}.png")
        print(f"wrote {target / f'annotated-{name}.png'}")


if __name__ == "__main__":
    sys.exit(main())
