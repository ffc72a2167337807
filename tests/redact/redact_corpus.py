"""The labelled CV set for ``ih redact``: markup parser, .docx/.pdf builders and the scorer.

A CV source under ``tests/redact/cvs/{heldout,dev}/`` is plain text or Markdown in which every
identifier is marked ``{{KIND|value}}`` (KIND is a placeholder kind: NAME, EMAIL, ...) and every
skill or experience phrase that must survive is marked ``{{KEEP|phrase}}``. A file whose name
contains ``-nfd`` is decomposed to Unicode NFD after parsing, so combining marks are tested.

Scoring works on the redacted *text* of any format, by occurrence counts: for each distinct
identifier value ``v``, the occurrences of ``v`` that were not identifiers in the source (the same
digits in a job's dates, say) may stay; any further occurrence left in the output is a miss.
A must-keep phrase is kept when the output has at least as many occurrences as the source.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CVS = Path(__file__).parent / "cvs"
_MARK = re.compile(r"\{\{([A-Z]+)\|([^{}]+?)\}\}")
#: A 1x1 PNG (red pixel): the "photo" every generated .docx carries.
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cf"
    "c000000301010018dd8db00000000049454e44ae426082")


@dataclass(frozen=True)
class Gold:
    kind: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class LabelledCV:
    name: str
    suffix: str
    text: str
    identifiers: tuple[Gold, ...]
    keeps: tuple[Gold, ...]


def parse(source: str, name: str = "<cv>", suffix: str = ".txt") -> LabelledCV:
    """Strip the markup; return the plain text with its gold spans."""
    out: list[str] = []
    golds: list[Gold] = []
    pos = 0
    length = 0
    for match in _MARK.finditer(source):
        before = source[pos:match.start()]
        out.append(before)
        length += len(before)
        kind, value = match.group(1), match.group(2)
        golds.append(Gold(kind, value, length, length + len(value)))
        out.append(value)
        length += len(value)
        pos = match.end()
    out.append(source[pos:])
    text = "".join(out)
    if "{{" in text or "}}" in text:
        raise ValueError(f"{name}: unbalanced markup")
    if "-nfd" in name:
        text, golds = _decompose(text, golds)
    identifiers = tuple(g for g in golds if g.kind != "KEEP")
    keeps = tuple(g for g in golds if g.kind == "KEEP")
    return LabelledCV(name, suffix, text, identifiers, keeps)


def _decompose(text: str, golds: list[Gold]) -> tuple[str, list[Gold]]:
    pieces: list[str] = []
    moved: list[Gold] = []
    cursor = 0
    new_len = 0
    for gold in golds:
        before = unicodedata.normalize("NFD", text[cursor:gold.start])
        value = unicodedata.normalize("NFD", gold.value)
        pieces += [before, value]
        new_len += len(before)
        moved.append(Gold(gold.kind, value, new_len, new_len + len(value)))
        new_len += len(value)
        cursor = gold.end
    pieces.append(unicodedata.normalize("NFD", text[cursor:]))
    return "".join(pieces), moved


#: The folders of each split. Each held-out set was written before the changes it measures, run
#: once untuned (``heldout-vN-first-run.txt`` records that run), then studied and moved into the
#: dev set (fixed to the dev floor) or, when its misses were worked on as classes but not all fixed,
#: into ``studied``; ``heldout`` is the newest set, which nobody tuned on. Between a set's move and
#: the next set's arrival, ``heldout`` does not exist and the split is empty.
SPLITS = {"dev": ("dev", "heldout-v1", "heldout-v2", "heldout-v3", "heldout-v4", "heldout-v5", "heldout-v6",
                "heldout-v7"),
          # studied, and its classes of misses worked on, but not fixed to the dev floor (round 9)
          "studied": ("heldout-v8",),
          "heldout": ("heldout",)}
_NOT_CVS = ("readme", "first-run", "notes")


def v8_unseen(name: str) -> bool:
    """Round 9's honest check: every fourth CV of held-out v8 (04, 08, ..., 40), set aside before
    v8 was studied; its misses were not read until the round's end (docs/redact.md, Round 9)."""
    folder, _, file = name.partition("/")
    return folder == "heldout-v8" and file[:2].isdigit() and int(file[:2]) % 4 == 0


#: Parts of the splits, for measuring: (split, keep this CV's name?).
SUBSETS = {"v8-studied": ("studied", lambda name: not v8_unseen(name)),
           "v8-unseen": ("studied", v8_unseen)}


def _sources(folder: Path) -> list[Path]:
    """The marked CVs under ``folder`` (sub-folders too; a README or run record is not a CV)."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix in (".txt", ".md")
                  and not path.name.startswith(".") and not any(w in path.name.lower() for w in _NOT_CVS))


def load(split: str) -> list[LabelledCV]:
    """Every CV of a split ("heldout" or "dev", or a part of one named in :data:`SUBSETS`), sorted
    by folder and file name; [] when the split's folders do not exist yet."""
    if split in SUBSETS:
        parent, keep = SUBSETS[split]
        return [cv for cv in load(parent) if keep(cv.name)]
    return [parse(path.read_text(encoding="utf-8"), f"{folder}/{path.relative_to(CVS / folder).as_posix()}",
                  path.suffix)
            for folder in SPLITS[split] for path in _sources(CVS / folder)]


# --- scoring -----------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _count(haystack: str, needle: str) -> int:
    needle = _norm(needle)
    return len(re.findall(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack))


@dataclass
class Score:
    found: Counter[str]
    total: Counter[str]
    kept: int = 0
    keep_total: int = 0
    missed: list[tuple[str, str]] | None = None
    dropped: list[str] | None = None


_PLACEHOLDER = re.compile(r"\[[A-Z]+(?::[^\]\n]*)?\]")
_STOP = frozenset({"of", "the", "and", "in", "at", "for", "de", "da", "do", "dos", "das", "du", "des", "di",
                   "del", "la", "le", "van", "der", "von", "st", "no", "to", "a", "an", "on"})


def _tokens(value: str) -> list[str]:
    return [t for t in re.findall(r"\w+", _norm(value)) if t.casefold() not in _STOP and (len(t) > 1 or t.isdigit())]


def score(cv: LabelledCV, output: str) -> Score:
    """Identifiers removed per kind and must-keep phrases kept, judged on ``output``.

    An identifier counts as removed only when none of its words is left: for every word ``w`` of
    it, the output may hold no more ``w`` than the source had outside identifiers. Each leaked
    occurrence is charged to one identifier holding the word, the one with most words left first.
    """
    source = _norm(cv.text)
    result = _norm(_PLACEHOLDER.sub(" ", output))
    in_identifiers: Counter[str] = Counter()
    for gold in cv.identifiers:
        in_identifiers.update(_tokens(gold.value))
    leaked: Counter[str] = Counter()
    for word, inside in in_identifiers.items():
        outside = _count(source, word) - inside
        leaked[word] = max(0, _count(result, word) - max(0, outside))
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[tuple[str, str]] = []
    # A leaked word is charged to the identifier that lost the largest share of its words ("London"
    # left inside an unredacted membership name is not charged to a redacted address).
    def share(gold: Gold) -> float:
        words = _tokens(gold.value)
        return sum(1 for w in words if leaked[w] > 0) / len(words) if words else 0.0

    order = sorted(range(len(cv.identifiers)), key=lambda i: (-share(cv.identifiers[i]), i))
    is_missed = [False] * len(cv.identifiers)
    for index in order:
        leaks = [w for w in _tokens(cv.identifiers[index].value) if leaked[w] > 0]
        if leaks:
            for word in leaks:
                leaked[word] -= 1
            is_missed[index] = True
    for gold, miss in zip(cv.identifiers, is_missed, strict=True):
        total[gold.kind] += 1
        if miss:
            missed.append((gold.kind, gold.value))
        else:
            found[gold.kind] += 1
    kept = 0
    dropped: list[str] = []
    keep_counts = Counter(_norm(k.value) for k in cv.keeps)
    for phrase, wanted in sorted(keep_counts.items()):
        have = min(wanted, _count(result, phrase) - (_count(source, phrase) - wanted))
        kept += max(0, have)
        dropped += [phrase] * (wanted - max(0, have))
    return Score(found, total, kept, len(cv.keeps), missed, dropped)


# --- format builders ---------------------------------------------------------------------------

def _plain_line(line: str) -> str:
    return re.sub(r"^#+\s*", "", line).replace("**", "")


def _table_rows(lines: list[str]) -> list[list[str]]:
    rows = []
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
            continue
        rows.append(cells)
    return rows


def blocks(text: str) -> list[tuple[str, object]]:
    """("heading1"|"heading2"|"para", line) and ("table", rows) blocks of a CV's text."""
    result: list[tuple[str, object]] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith("|"):
            group = []
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                group.append(lines[index])
                index += 1
            result.append(("table", _table_rows(group)))
            continue
        if line.startswith("# "):
            result.append(("heading1", line[2:]))
        elif line.startswith("## "):
            result.append(("heading2", line[3:]))
        elif line.strip():
            result.append(("para", line))
        index += 1
    return result


def _add_runs(paragraph, line: str) -> None:
    """Add ``line`` as runs: **bold** parts bold, and the rest split at " · "/" | " separators,
    so a redaction may span several runs."""
    for index, part in enumerate(line.split("**")):
        if not part:
            continue
        for piece in re.split(r"(\s[·|•]\s)", part):
            if piece:
                run = paragraph.add_run(piece)
                run.bold = index % 2 == 1


def make_docx(cv: LabelledCV, path: Path, *, photo: bool = True) -> Path:
    """A .docx of ``cv``: headings, tables, runs, a photo after the first heading, the first line
    with an e-mail moved into the page header, and the candidate's name as the author."""
    import io

    from docx import Document
    from docx.shared import Inches

    document = Document()
    names = [g.value for g in cv.identifiers if g.kind == "NAME"]
    document.core_properties.author = names[0] if names else "someone"
    document.core_properties.title = "CV"
    emails = {g.value for g in cv.identifiers if g.kind == "EMAIL"}
    header_done = False
    placed_photo = not photo
    for kind, content in blocks(cv.text):
        if kind == "table":
            rows = content
            assert isinstance(rows, list)
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    cell_paragraph = table.cell(r, c).paragraphs[0]
                    _add_runs(cell_paragraph, cell)
            continue
        line = str(content)
        if not header_done and kind == "para" and any(e in line for e in emails):
            header = document.sections[0].header
            _add_runs(header.paragraphs[0], _plain_line(line))
            header_done = True
            continue
        if kind == "heading1":
            document.add_heading(_plain_line(line), level=1)
        elif kind == "heading2":
            document.add_heading(_plain_line(line), level=2)
        else:
            _add_runs(document.add_paragraph(), line)
        if not placed_photo:
            document.add_picture(io.BytesIO(PNG_1PX), width=Inches(1))
            placed_photo = True
    document.save(str(path))
    return path


def docx_text(path: Path) -> str:
    """All text of a .docx: headers, body paragraphs and table cells (one cell per line)."""
    from docx import Document

    document = Document(str(path))
    lines: list[str] = []
    for section in document.sections:
        lines += [p.text for p in section.header.paragraphs]
        lines += [p.text for p in section.footer.paragraphs]
    lines += [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def pdf_lines(cv: LabelledCV) -> list[str]:
    lines = []
    for kind, content in blocks(cv.text):
        if kind == "table":
            assert isinstance(content, list)
            lines += ["    ".join(row) for row in content]
        else:
            lines.append(_plain_line(str(content)))
    return lines


def make_pdf(lines: list[str], path: Path | None = None, *, text_layer: bool = True) -> bytes:
    """A minimal PDF with ``lines`` as text: a Type0 font with Identity-H codes and a ToUnicode
    map, so any Unicode text (combining marks too) extracts exactly. ``text_layer=False`` draws
    only a rectangle: a stand-in for a scanned page."""
    chars = sorted({ch for line in lines for ch in line})
    code = {ch: index + 1 for index, ch in enumerate(chars)}
    per_page = 60
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes) -> bytes:
        packed = zlib.compress(data)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    cmap_lines = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
                  b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                  b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
                  b"1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    items = list(code.items())
    for start in range(0, len(items), 100):
        chunk = items[start:start + 100]
        cmap_lines.append(b"%d beginbfchar" % len(chunk))
        for ch, number in chunk:
            cmap_lines.append(b"<%04X> <%s>" % (number, ch.encode("utf-16-be").hex().upper().encode()))
        cmap_lines.append(b"endbfchar")
    cmap_lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    to_unicode = add(stream(b"\n".join(cmap_lines)))
    cid_font = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /CIDSystemInfo "
                   b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>")
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode))
    kids = []
    for page_lines in pages:
        ops = [b"0.9 g 40 700 100 100 re f"] if not text_layer else [b"BT /F1 10 Tf"]
        if text_layer:
            y = 800
            for line in page_lines:
                hexcodes = "".join(f"{code[ch]:04X}" for ch in line).encode()
                ops.append(b"1 0 0 1 40 %d Tm <%s> Tj" % (y, hexcodes))
                y -= 12
            ops.append(b"ET")
        content = add(stream(b"\n".join(ops)))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                        b"<< /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_obj, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [%s] /Count %d >>"
                              % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    data = bytes(out)
    if path is not None:
        path.write_bytes(data)
    return data


# --- evaluation over a split and a format --------------------------------------------------------

FORMATS = ("txt", "md", "docx", "pdf")


@dataclass
class Evaluation:
    split: str
    fmt: str
    found: Counter[str]
    total: Counter[str]
    kept: int
    keep_total: int
    photos_left: int  # .docx only: image parts or drawings left in the redacted copies
    misses: list[tuple[str, str, str]]  # (cv, kind, value)
    drops: list[tuple[str, str]]  # (cv, phrase)

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.total[kind] if self.total[kind] else 1.0

    @property
    def keep_share(self) -> float:
        return self.kept / self.keep_total if self.keep_total else 1.0


def _docx_images_left(path: Path) -> int:
    import zipfile

    with zipfile.ZipFile(path) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/") or "thumbnail" in n]
        xml = package.read("word/document.xml").decode("utf-8")
    return len(media) + xml.count("<w:drawing") + xml.count("<w:pict")


def evaluate(split: str, fmt: str, workdir: Path, options: object | None = None) -> Evaluation:
    """Redact every CV of ``split`` written as ``fmt`` and score the redacted text."""
    from inclusive_hiring.redact.engine import Options
    from inclusive_hiring.redact.formats import redact_file

    chosen = options if options is not None else Options()
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    kept = keep_total = photos_left = 0
    misses: list[tuple[str, str, str]] = []
    drops: list[tuple[str, str]] = []
    workdir.mkdir(parents=True, exist_ok=True)
    for cv in load(split):
        stem = cv.name.replace("/", "-").rsplit(".", 1)[0]
        source = workdir / f"{stem}.{fmt}"
        if fmt in ("txt", "md"):
            source.write_text(cv.text, encoding="utf-8")
        elif fmt == "docx":
            make_docx(cv, source)
        else:
            make_pdf(pdf_lines(cv), source)
        result = redact_file(source, chosen)  # type: ignore[arg-type]
        if fmt == "docx":
            out = workdir / f"{stem}.redacted.docx"
            out.write_bytes(result.data)
            output = docx_text(out)
            photos_left += _docx_images_left(out) + (0 if "[PHOTO]" in output else 1)
            total["PHOTO"] += 1
            found["PHOTO"] += 1 if result.counts.get("PHOTO") and not _docx_images_left(out) else 0
        else:
            output = result.data.decode("utf-8")
        graded = score(cv, output)
        found.update(graded.found)
        total.update(graded.total)
        kept += graded.kept
        keep_total += graded.keep_total
        misses += [(cv.name, kind, value) for kind, value in graded.missed or []]
        drops += [(cv.name, phrase) for phrase in graded.dropped or []]
    return Evaluation(split, fmt, found, total, kept, keep_total, photos_left, misses, drops)
