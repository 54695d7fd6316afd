"""Benchmark: a case dossier with 30 photos and 50 injuries, Monitor against raw reportlab.

Not part of the test suite; run explicitly:

    .venv/bin/python tests/benchmarks/bench_reports.py [--runs 3] [--photos 30] [--injuries 50]

Goal (DESIGN.md, issue 9): the dossier in <= 5 s, <= 400 MB peak RSS, <= 1.3x raw reportlab.

*Monitor* is ``reports.generate``: open the vault, read the case and everything it names, apply
consent and redaction, read the 30 photos out of the encrypted blob store and strip their metadata,
render (contents, page N of M, body diagram, tables), hash, write atomically, log an audit entry.
*Raw* is a plain reportlab program building the same document from content already in memory:
the same paragraphs, tables, photos (read from the JPEG files the benchmark made) and a body
diagram with 50 markers, with the same embedded TTF family, a contents page (multiBuild) and
"page N of M". Each side runs in a fresh process (so peak RSS is its own), alternating, and the
medians are compared.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PASS = "copper lantern steppe violin"
KK = "қамау кезінде мені ұрды тергеуші бөлме суық болды адвокат берілмеді түнде жауап алды".split()
RU = "меня били в кабинете следователь угрожал семье надели пакет на голову не давали спать".split()


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(KK + RU) for _ in range(n)).capitalize() + "."


def make_photos(folder: Path, n: int) -> list[Path]:
    """Phone-like JPEGs (1600x1200, noisy so they do not compress to nothing), with EXIF."""
    from PIL import Image, ImageDraw

    out = []
    for i in range(n):
        base = Image.effect_noise((1600, 1200), 40 + i).convert("RGB")
        tint = Image.new("RGB", base.size, (180 + i % 60, 120, 110))
        img = Image.blend(base, tint, 0.6)
        draw = ImageDraw.Draw(img)
        draw.ellipse((500, 400, 1100, 800), fill=(120 + i, 40, 60))
        for x in range(0, 1600, 40):  # a ruler along the bottom
            draw.rectangle((x, 1150, x + 20, 1200), fill=(0, 0, 0))
        exif = Image.Exif()
        exif[0x010F] = "BenchCam"
        path = folder / f"photo-{i:02d}.jpg"
        img.save(path, "JPEG", quality=85, exif=exif)
        out.append(path)
    return out


def build_vault(folder: Path, photos: int, injuries: int) -> dict:
    from monitor.core.store.vault import Vault

    rng = random.Random(7)
    paths = make_photos(folder, photos)
    vault = Vault.create(folder / "bench.vault", PASS)
    ids = {k: str(uuid.uuid4()) for k in ("facility", "person", "perp", "case", "interview", "exam", "consent")}
    vault.put_many([
        {"id": ids["facility"], "type": "facility", "name": "Қарағанды қаласының ИВС", "type_key": "ivs",
         "region": "Қарағанды облысы"},
        {"id": ids["person"], "type": "person", "code": "P-2026-0001",
         "identity": {"name_cyrillic": "Әбілқасымов Қайрат", "date_of_birth": "1990-05-17"}},
        {"id": ids["perp"], "type": "person", "code": "P-2026-0002"},
        {"id": ids["case"], "type": "case", "code": "KZ-2026-0001", "title": "Избиение в ИВС", "status": "documenting",
         "facility_id": ids["facility"], "summary": _text(rng, 200),
         "allegations": [{"id": str(uuid.uuid4()), "date": "2026-02-20", "description": _text(rng, 60),
                          "methods": ["beating", "suffocation"],
                          "perpetrators": [{"person_id": ids["perp"], "involvement": "direct"}]}]},
        {"id": ids["consent"], "type": "consent", "person_id": ids["person"], "date": "2026-03-01T10:00:00+05:00",
         "method": "written", "scope": {"documentation": True, "photographs": True, "share_with_lawyer": True,
                                        "anonymised_reports": True}},
        {"id": ids["interview"], "type": "interview", "person_id": ids["person"], "case_id": ids["case"],
         "interviewers": ["Айгүл Сәрсенова"], "date": "2026-03-01T14:30:00+05:00", "private": True,
         "narrative": "\n\n".join(_text(rng, 120) for _ in range(12)), "reprisal_risk": "high"},
    ])
    attachment_ids = []
    for i, path in enumerate(paths):
        record = vault.add_attachment(path, parent_id=ids["case"], caption=f"Фото {i + 1}: арқадағы көгерулер",
                                      mime_type="image/jpeg", has_scale=True, captured_at="2026-03-02T12:00:00+05:00")
        attachment_ids.append(record["id"])
    regions = ["back_upper", "back_lower", "chest", "arm_left", "thigh_right", "head", "abdomen"]
    vault.put({
        "id": ids["exam"], "type": "examination", "person_id": ids["person"], "case_id": ids["case"],
        "consent_id": ids["consent"], "examiner": {"name": "Д-р Әсел Нұрланова"}, "date": "2026-03-02T11:30:00+05:00",
        "history": _text(rng, 100), "psychological_findings": _text(rng, 80), "overall_opinion": "highly_consistent",
        "conclusions": _text(rng, 60),
        "injuries": [{"id": str(uuid.uuid4()), "side": "back" if i % 2 else "front", "x": rng.random(),
                      "y": rng.random(), "region": regions[i % len(regions)], "injury_type": "bruise",
                      "length_mm": 10 + i, "width_mm": 5 + i % 7, "shape": "овальный", "colour": "көкшіл",
                      "estimated_age": "3–5 дней", "attributed_cause": "удар дубинкой",
                      "consistency": "highly_consistent",
                      "photo_ids": [attachment_ids[i % len(attachment_ids)]] if i < len(attachment_ids) else []}
                     for i in range(injuries)],
    })
    vault.close()
    return {"vault": str(folder / "bench.vault"), "case": ids["case"], "photos": [str(p) for p in paths]}


def open_vault(setup: dict):
    from monitor.core import reports  # noqa: F401  (imported before the clock starts, as in the app)
    from monitor.core.store.vault import Vault

    return Vault.open(setup["vault"], PASS)


def run_monitor(setup: dict, out: Path, vault) -> None:
    from monitor.core import reports

    result = reports.generate(vault, "dossier", out, subject_id=setup["case"], lang="ru")
    assert result.pages > 5


def content_for_raw(setup: dict) -> dict:
    """What the raw side prints: the dossier's own texts and tables, taken from Monitor's model once."""
    from monitor.core import reports
    from monitor.core.reports import model
    from monitor.core.store.vault import Vault

    with Vault.open(setup["vault"], PASS) as vault:
        report = reports.build(vault, "dossier", subject_id=setup["case"], lang="ru")
    blocks = []
    for block in report.walk():
        if isinstance(block, model.Section):
            blocks.append(["heading", block.title, block.level])
        elif isinstance(block, model.Paragraph):
            blocks.append(["para", block.text])
        elif isinstance(block, model.Fields):
            blocks.append(["table", ["", ""], [list(r) for r in block.rows]])
        elif isinstance(block, model.Table):
            blocks.append(["table", block.columns, block.rows])
        elif isinstance(block, model.BodyDiagram):
            blocks.append(["diagram", [[m.number, m.view, m.x, m.y] for m in block.markers]])
        elif isinstance(block, model.Photo):
            blocks.append(["photo", block.caption, block.details])
    return {"title": report.title, "cover": report.cover, "blocks": blocks, "photos": setup["photos"]}


def run_raw(content: dict, out: Path) -> None:
    """Plain reportlab: the same document, no Monitor code."""
    from reportlab import rl_config
    from reportlab.graphics.shapes import Circle, Drawing, Rect, String
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle
    from reportlab.platypus.tableofcontents import TableOfContents
    from xml.sax.saxutils import escape

    rl_config.useA85 = 0  # binary image streams, as Monitor uses (the pure-Python ASCII85 is very slow)
    fonts = ROOT / "resources" / "fonts"
    for name, file in (("F", "DejaVuSans.ttf"), ("F-B", "DejaVuSans-Bold.ttf"), ("F-I", "DejaVuSans-Oblique.ttf"),
                       ("F-BI", "DejaVuSans-BoldOblique.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
    pdfmetrics.registerFontFamily("F", normal="F", bold="F-B", italic="F-I", boldItalic="F-BI")
    body = ParagraphStyle("b", fontName="F", fontSize=9.5, leading=13)
    cell = ParagraphStyle("c", fontName="F", fontSize=8, leading=10)
    head = {1: ParagraphStyle("h1", fontName="F-B", fontSize=14, leading=18),
            2: ParagraphStyle("h2", fontName="F-B", fontSize=11.5, leading=15),
            3: ParagraphStyle("h3", fontName="F-B", fontSize=10, leading=13)}

    class NumberedCanvas(Canvas):
        def __init__(self, *a, **k):
            k["initialFontName"] = "F"
            super().__init__(*a, **k)
            self._states = []

        def showPage(self):
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for state in self._states:
                self.__dict__.update(state)
                self.setFont("F", 7)
                self.drawString(2 * cm, 1.2 * cm, f"{self._pageNumber} / {len(self._states)}")
                super().showPage()
            super().save()

    class Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            if hasattr(flowable, "toc_level"):
                self.notify("TOCEntry", (flowable.toc_level, flowable.getPlainText(), self.page))

    doc = Doc(str(out), pagesize=A4, initialFontName="F")
    width = doc.width
    toc = TableOfContents()
    toc.levelStyles = [head[3], cell]
    toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), "F")])
    story = [Paragraph(escape(content["title"]), head[1]),
             Table([[Paragraph(escape(k), cell), Paragraph(escape(v), cell)] for k, v in content["cover"]],
                   style=[("FONTNAME", (0, 0), (-1, -1), "F")]), PageBreak(), toc, PageBreak()]
    photos = iter(content["photos"])
    for block in content["blocks"]:
        kind = block[0]
        if kind == "heading":
            p = Paragraph(escape(block[1]), head[min(block[2], 3)])
            if block[2] <= 2:
                p.toc_level = block[2] - 1
            story.append(p)
        elif kind == "para":
            story.append(Paragraph(escape(block[1]).replace("\n", "<br/>"), body))
        elif kind == "table":
            rows = [[Paragraph(escape(str(c)), cell) for c in block[1]]]
            rows += [[Paragraph(escape(str(c)), cell) for c in row] for row in block[2]]
            story.append(Table(rows, colWidths=[width / len(block[1])] * len(block[1]), repeatRows=1,
                               style=[("FONTNAME", (0, 0), (-1, -1), "F"), ("GRID", (0, 0), (-1, -1), 0.3, None)]))
        elif kind == "diagram":
            d = Drawing(width, 300)
            d.initialFontName = "F"
            d.add(Rect(0, 0, width / 2 - 5, 300, fillColor=None))
            d.add(Rect(width / 2 + 5, 0, width / 2 - 5, 300, fillColor=None))
            for number, view, x, y in block[1]:
                x0 = 0 if view == "front" else width / 2 + 5
                d.add(Circle(x0 + x * (width / 2 - 5), (1 - y) * 300, 5))
                d.add(String(x0 + x * (width / 2 - 5), (1 - y) * 300 - 2, str(number), fontName="F-B", fontSize=5))
            story.append(d)
        elif kind == "photo":
            img = Image(next(photos))  # by file name: reportlab embeds the JPEG without decoding it
            scale = min(width * 0.8 / img.imageWidth, 9.5 * cm / img.imageHeight)
            img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
            story += [img, Paragraph(escape(block[1]), cell), Paragraph(escape(block[2]), cell)]
    doc.multiBuild(story, canvasmaker=NumberedCanvas)


def child(side: str, setup_file: Path, out: Path) -> None:
    """One side in this fresh process. The clock runs from the click on "Print dossier" with the vault
    already unlocked (as in the app): imports and the unlock are timed apart, as ``startup``."""
    setup = json.loads(setup_file.read_text(encoding="utf-8"))
    t = time.perf_counter()
    if side == "monitor":
        vault = open_vault(setup)
    else:
        import reportlab.platypus  # noqa: F401
        import reportlab.platypus.tableofcontents  # noqa: F401
    startup = time.perf_counter() - t
    t, cpu = time.perf_counter(), time.process_time()
    if os.environ.get("BENCH_PROFILE"):  # --profile: where Monitor's extra time goes
        import cProfile

        profile = cProfile.Profile()
        if side == "monitor":
            profile.runcall(run_monitor, setup, out, vault)
            vault.close()
        else:
            profile.runcall(run_raw, setup["raw"], out)
        profile.dump_stats(os.environ["BENCH_PROFILE"])
    elif side == "monitor":
        run_monitor(setup, out, vault)
        vault.close()
    else:
        run_raw(setup["raw"], out)
    elapsed = time.perf_counter() - t
    cpu = time.process_time() - cpu  # on a loaded machine, the figure a quiet one would show
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rl_accel = importlib.import_module("reportlab.lib.rl_accel")  # _rl_accel (package rl-accel) or Python
    accel = getattr(rl_accel.instanceStringWidthTTF, "__module__", "") == "_rl_accel"
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "startup": startup, "rss_mb": rss_mb,
                      "bytes": out.stat().st_size, "accel": accel}))


def _pages(pdf: Path) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--photos", type=int, default=30)
    parser.add_argument("--injuries", type=int, default=50)
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="after the runs, profile one more Monitor run and print its N costliest functions")
    parser.add_argument("--child", choices=("monitor", "raw"))
    parser.add_argument("--setup")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child:
        child(args.child, Path(args.setup), Path(args.out))
        return
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        setup = build_vault(folder, args.photos, args.injuries)
        setup["raw"] = content_for_raw(setup)
        setup_file = folder / "setup.json"
        setup_file.write_text(json.dumps(setup, ensure_ascii=False), encoding="utf-8")
        print(f"setup: {args.photos} photos, {args.injuries} injuries in {time.perf_counter() - t:.1f} s")
        results: dict[str, list[dict]] = {"raw": [], "monitor": []}
        for i in range(args.runs):
            for side in ("raw", "monitor"):  # alternate, so machine noise hits both
                out = folder / f"{side}-{i}.pdf"
                proc = subprocess.run([sys.executable, __file__, "--child", side, "--setup", str(setup_file),
                                       "--out", str(out)], capture_output=True, text=True, check=True,
                                      env={**os.environ, "PYTHONPATH": str(ROOT)})
                results[side].append(json.loads(proc.stdout.strip().splitlines()[-1]))
        med = {side: {k: statistics.median(r[k] for r in rows) for k in ("seconds", "cpu", "startup", "rss_mb", "bytes")}
               for side, rows in results.items()}
        ratio = med["monitor"]["seconds"] / med["raw"]["seconds"]
        accel = {side: all(r["accel"] for r in rows) for side, rows in results.items()}
        print(f"reportlab C accelerator (_rl_accel) in use: raw {accel['raw']}, Monitor {accel['monitor']}; "
              f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for side in ("raw", "monitor"):
            m = med[side]
            print(f"{side:<8} {m['seconds']:6.2f} s  peak RSS {m['rss_mb']:6.0f} MB  PDF {m['bytes'] / 1e6:5.1f} MB"
                  f"  (startup: imports{' + unlock' if side == 'monitor' else ''} {m['startup']:.2f} s, not counted)")
        ok = med["monitor"]["seconds"] <= 5 and med["monitor"]["rss_mb"] <= 400 and ratio <= 1.3
        print(f"CPU time: raw {med['raw']['cpu']:.2f} s, Monitor {med['monitor']['cpu']:.2f} s, "
              f"ratio {med['monitor']['cpu'] / med['raw']['cpu']:.2f}x")
        print(f"monitor/raw time {ratio:.2f}x   goals: <= 5 s, <= 400 MB, <= 1.3x   -> {'MET' if ok else 'NOT MET'}")
        if args.profile:
            import pstats

            for side in ("raw", "monitor"):
                stats_file = folder / f"{side}.prof"
                subprocess.run([sys.executable, __file__, "--child", side, "--setup", str(setup_file),
                                "--out", str(folder / f"profiled-{side}.pdf")], capture_output=True, text=True,
                               check=True, env={**os.environ, "PYTHONPATH": str(ROOT), "BENCH_PROFILE": str(stats_file)})
                print(f"--- {side}: pages {_pages(folder / f'profiled-{side}.pdf')}")
                stats = pstats.Stats(str(stats_file))
                stats.sort_stats("tottime").print_stats(args.profile)
                if side == "monitor":
                    stats.sort_stats("cumulative").print_stats("monitor/core", args.profile)


if __name__ == "__main__":
    main()
