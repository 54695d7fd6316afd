"""What a report says, as plain data: no reportlab, no vault, no Qt.

A report builder (``dossier.py``, ``medical.py``, ``visit.py``, ``stats.py``) reads the vault
through a :class:`~monitor.core.reports.sources.Reader`, applies consent and the redaction level
(``redaction.py``) and returns a :class:`Report`. A renderer (``pdf.py``) turns it into bytes.
Because the content is plain data, tests can check what a report says without parsing a PDF, and
another renderer (HTML, DOCX) can be added without touching the builders.

Every text here is already translated into the report's language and already redacted: a
renderer prints what it is given and decides nothing about consent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union


@dataclass
class Paragraph:
    text: str
    style: str = "body"  # body | verbatim | note | lead (a note kept with what follows) | warning | small | signature


@dataclass
class Fields:
    """A two-column list of label → value (case information, interview conditions, …)."""

    rows: list[tuple[str, str]]


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # relative widths; None: equal
    caption: str | None = None
    numeric: set[int] = field(default_factory=set)  # column indexes right-aligned
    flagged_rows: set[int] = field(default_factory=set)  # rows shown highlighted (conflicts, partial years)


@dataclass
class Marker:
    number: int
    view: str  # front | back | left | right | soles | palms | hands_back | head
    x: float  # 0..1 in the view's frame
    y: float
    consistency: str | None = None  # vocabulary key, for the marker's shade


@dataclass
class BodyDiagram:
    """One figure per view used, markers numbered as in the injury table."""

    views: list[str]
    markers: list[Marker]
    labels: dict[str, str]  # view key → translated view name
    caption: str | None = None
    letters: dict[str, str] = field(default_factory=dict)  # the outline's side marks "R"/"L" → П/Л, О/С
    legend: list[tuple[str | None, str]] = field(default_factory=list)  # (consistency key, label): marker colours
    legend_title: str = ""


@dataclass
class BarChart:
    """Grouped vertical bars: one group per category, one bar per series."""

    categories: list[str]
    series: list[tuple[str, list[float]]]  # (series name, one value per category)
    caption: str | None = None
    log_note: str | None = None


@dataclass
class Photo:
    """An attachment shown as an image; ``loader`` gives its bytes while rendering (read from the vault
    then, or handed over by the custody trail that read them: images.PhotoBytes)."""

    sha256: str
    caption: str
    details: str  # hash, capture time, scale, …
    loader: object = None  # callable returning the bytes (kept out of repr)
    # printed next to the image when the embedded copy differs from the file ("{h}": the copy's SHA-256),
    # or when only its pixels are embedded
    stripped_note: str = ""
    pixels_note: str = ""

    def __repr__(self) -> str:  # never print image bytes or loaders in test output
        return f"Photo({self.sha256[:12]}, {self.caption!r})"


@dataclass
class PageBreak:
    pass


Block = Union[Paragraph, Fields, Table, BodyDiagram, BarChart, Photo, PageBreak, "Section"]


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)
    level: int = 1  # 1 chapter, 2 sub-section (both in the contents), 3 heading only
    conflict: bool = False  # the section shows a record in conflict

    def add(self, *blocks) -> "Section":
        self.blocks.extend(b for b in blocks if b is not None)
        return self


@dataclass
class Withheld:
    """What a report left out and why, as counts (never the content)."""

    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # (what, why) → n

    def add(self, what: str, why: str, n: int = 1) -> None:
        if n:
            self.counts[(what, why)] = self.counts.get((what, why), 0) + n

    def total(self) -> int:
        return sum(self.counts.values())

    def items(self) -> list[tuple[str, str, int]]:
        return [(what, why, n) for (what, why), n in sorted(self.counts.items())]


@dataclass
class Report:
    kind: str  # dossier | medical | visit | stats
    lang: str
    level: str  # full | pseudonymised | aggregate
    title: str
    code: str  # case code, visit code, examination report number, or period
    marking: str  # confidentiality marking for the running header
    subtitle: str = ""  # a line under the title on the cover (e.g. "Following the Istanbul Protocol, Annex IV")
    cover: list[tuple[str, str]] = field(default_factory=list)  # label → value on the cover page
    sections: list[Section] = field(default_factory=list)
    withheld: Withheld = field(default_factory=Withheld)
    conflicts: list[str] = field(default_factory=list)  # translated notes: records in conflict
    contents: bool = True  # print a contents page
    subject_id: str | None = None  # the record the report is about (for the audit log)
    audience: str = ""  # lawyer | partners | un | public (redaction.AUDIENCES); "" before a builder sets it
    source_digest: str = ""  # SHA-256 of the canonical set of revisions read (sources.py)
    source_count: int = 0
    sources: dict[str, list[str]] = field(default_factory=dict)  # record id → revision hashes read (check.py)
    report_id: str = ""  # set by the renderer; printed in the footer and logged with the PDF's hash
    audit_head: tuple[int, str] = (0, "")  # the audit chain's head when the report was rendered
    period: tuple[str | None, str | None] = (None, None)  # statistics: the years asked for (check.py rebuilds)
    pages: int = 0  # set by the renderer
    labels: dict[str, str] = field(default_factory=dict)  # translated frame strings for the renderer

    def walk(self) -> Iterator[object]:
        """Every block, depth first (sections included)."""

        def visit(blocks):
            for block in blocks:
                yield block
                if isinstance(block, Section):
                    yield from visit(block.blocks)

        yield from visit(self.sections)

    def text(self) -> str:
        """All printed text of the report, for tests and search (no images)."""
        out: list[str] = [self.title, self.subtitle, self.code, self.marking]
        out += [f"{k}: {v}" for k, v in self.cover]
        out += self.conflicts
        for block in self.walk():
            if isinstance(block, Section):
                out.append(block.title)
            elif isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Fields):
                out += [f"{k}: {v}" for k, v in block.rows]
            elif isinstance(block, Table):
                out += [block.caption or "", " | ".join(block.columns)]
                out += [" | ".join(row) for row in block.rows]
            elif isinstance(block, (BodyDiagram, BarChart)):
                out.append(block.caption or "")
            elif isinstance(block, Photo):
                out += [block.caption, block.details]
        return "\n".join(x for x in out if x)
