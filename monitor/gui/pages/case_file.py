"""The case file: one page per case with everything linked to it and a chronology of all of it.

Every link opens its record (``open_record``); examinations show small body diagrams and photos
show thumbnails, both drawn in memory and handed to the page as resources (never a temp file).
An intimate photo shows no thumbnail until the user asks for it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument, QTextOption
from PySide6.QtWidgets import QTextBrowser

from ...core.queries import casefile
from ...core.model import diagram, registry, titles
from ...core.errors import MonitorError
from ..editors.body_diagram import diagram_image
from ..labels import format_date, format_datetime
from .record_view import esc, link

THUMB = 150
MAX_THUMB_BYTES = 40 * 1024 * 1024  # larger images are listed without a thumbnail

EVENTS = {
    "allegation": QT_TRANSLATE_NOOP("CaseFile", "Alleged ill-treatment"),
    "visit": QT_TRANSLATE_NOOP("CaseFile", "Visit"),
    "interview": QT_TRANSLATE_NOOP("CaseFile", "Interview"),
    "examination": QT_TRANSLATE_NOOP("CaseFile", "Medical examination"),
    "complaint_filed": QT_TRANSLATE_NOOP("CaseFile", "Complaint filed"),
    "complaint_reply": QT_TRANSLATE_NOOP("CaseFile", "Reply to the complaint"),
    "response": QT_TRANSLATE_NOOP("CaseFile", "Response of an authority"),
    "proceeding_opened": QT_TRANSLATE_NOOP("CaseFile", "Criminal case opened"),
    "proceeding_refused": QT_TRANSLATE_NOOP("CaseFile", "Criminal case refused"),
    "decision": QT_TRANSLATE_NOOP("CaseFile", "Decision"),
    "judgment": QT_TRANSLATE_NOOP("CaseFile", "Judgment"),
    "appeal": QT_TRANSLATE_NOOP("CaseFile", "Appeal"),
    "reprisal": QT_TRANSLATE_NOOP("CaseFile", "Reprisal"),
    "consent": QT_TRANSLATE_NOOP("CaseFile", "Consent recorded"),
    "addendum": QT_TRANSLATE_NOOP("CaseFile", "Addendum"),
}
# Events that are not a record of their own (a record type's event takes its vocabulary from the registry).
DETAIL_VOCABULARY = {"allegation": "method", "complaint_filed": "authority", "proceeding_opened": "article",
                     "judgment": "outcome", "decision": "decision_kind", "response": "response_kind"}

# Strings used through t() inside f-strings, marked here for the catalogue (lupdate reads these).
_MARKED = (
    QT_TRANSLATE_NOOP("CaseFile", "consent given: {items}"),
    QT_TRANSLATE_NOOP("CaseFile", "not given or withdrawn: {items}"),
    QT_TRANSLATE_NOOP("CaseFile", "Intimate photo: not shown."),
    QT_TRANSLATE_NOOP("CaseFile", "Show it"),
    QT_TRANSLATE_NOOP("CaseFile", "Period"),
    QT_TRANSLATE_NOOP("CaseFile", "Open the case record"),
    QT_TRANSLATE_NOOP("CaseFile", "People and roles"),
    QT_TRANSLATE_NOOP("CaseFile", "sealed"),
    QT_TRANSLATE_NOOP("CaseFile", "{n} injuries"),
    QT_TRANSLATE_NOOP("CaseFile", "Photos and documents"),
    QT_TRANSLATE_NOOP("CaseFile", "Chronology"),
    QT_TRANSLATE_NOOP("CaseFile", "None yet."),
)


def _detail_vocabulary(kind: str) -> str | None:
    entry = registry.get(kind)
    return entry.section.detail_vocabulary if entry and entry.section else None


def t(text: str) -> str:
    return QCoreApplication.translate("CaseFile", text)


class CaseFilePage(QTextBrowser):
    open_record = Signal(str)

    def __init__(self, vault, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("case_file")
        self.vault, self.lang = vault, lang
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        # Lines break between words only: a narrow pane never splits a date ("01.12.202/6").
        self.setWordWrapMode(QTextOption.WordWrap)
        self.case_id: str | None = None
        self.shown_intimate: set[str] = set()
        self.links: list[str] = []  # record ids linked from the page, in order (for tests and keyboard use)

    # --- helpers -------------------------------------------------------------------------------

    def _vocab(self, name: str, key: str) -> str:
        return self.vault.label(name, key, self.lang) if key else ""

    def _link(self, record_id: str, label: str) -> str:
        self.links.append(record_id)
        return link(record_id, label)

    def _title(self, path: str) -> str:
        return esc(titles.field_title(path, self.lang))

    def _image(self, key: str, image: QImage) -> str:
        url = QUrl(f"mem:{key}")
        self.document().addResource(QTextDocument.ImageResource, url, image)
        return f"<img src='{html.escape(url.toString())}' width='{image.width()}' height='{image.height()}'>"

    def _thumbnail(self, body: dict) -> str:
        if not str(body.get("mime_type", "")).startswith("image/") or body.get("size", 0) > MAX_THUMB_BYTES:
            return ""
        if body.get("intimate") and body["id"] not in self.shown_intimate:
            return (f"<i>{esc(t('Intimate photo: not shown.'))}</i> "
                    f"<a href='show:{html.escape(body['id'])}'>{esc(t('Show it'))}</a>")
        image = QImage()
        try:
            image.loadFromData(b"".join(self.vault.read_attachment(body["sha256"])))
        except MonitorError:
            return ""
        if image.isNull():
            return ""
        return self._image(body["id"], image.scaled(THUMB, THUMB, Qt.KeepAspectRatio, Qt.SmoothTransformation))

    # --- the page ------------------------------------------------------------------------------

    def show_case(self, case_id: str) -> None:
        self.case_id = case_id
        self.links = []
        try:
            cf = casefile.gather(self.vault, case_id)
        except MonitorError as exc:
            self.setHtml(f"<p>{esc(exc)}</p>")
            return
        case, lang = cf.case, self.lang
        out = [f"<h1>{esc(case['code'])} — {esc(case['title'])}</h1>"]
        facts = [f"{self._title('case.status')}: {esc(self._vocab('case_status', case['status']))}"]
        if case.get("facility_id"):
            facts.append(f"{self._title('case.facility_id')}: "
                         f"{self._link(case['facility_id'], self._label(case['facility_id']))}")
        if case.get("period_start"):
            facts.append(f"{esc(t('Period'))}: {esc(format_date(case['period_start'], lang))} – "
                         f"{esc(format_date(case.get('period_end', ''), lang)) if case.get('period_end') else ''}")
        out.append("<p>" + " · ".join(facts) + "</p>")
        if case.get("summary"):
            out.append(f"<p>{esc(case['summary'])}</p>")
        out.append(f"<p>{self._link(case_id, t('Open the case record'))}</p>")

        # People and roles.
        roles: dict[str, list[str]] = {}
        for body in cf.links:
            role = self._vocab("role", body.get("role", ""))
            extra = ", ".join(x for x in (body.get("rank"), body.get("unit")) if x)
            roles.setdefault(body["person_id"], []).append(role + (f" ({extra})" if extra else ""))
        for allegation in case.get("allegations", []):
            for perp in allegation.get("perpetrators", []):
                if perp.get("person_id"):
                    roles.setdefault(perp["person_id"], []).append(self._vocab("involvement", perp.get("involvement", "")))
        people = [f"<li>{self._link(p['id'], p['code'])} — {esc('; '.join(dict.fromkeys(r for r in roles.get(p['id'], []) if r)))}"
                  f"{self._consent(p['id'])}</li>" for p in cf.people]
        out.append(self._section(t('People and roles'), people))

        allegations = []
        for allegation in case.get("allegations", []):
            methods = ", ".join(self._vocab("method", m) for m in allegation.get("methods", []))
            when = format_date(allegation["date"], lang) if allegation.get("date") else ""
            allegations.append(f"<li><b>{esc(when)}</b> {esc(allegation.get('place', ''))} — {esc(methods)}<br>"
                               f"{esc(allegation.get('description', ''))}</li>")
        out.append(self._section(titles.field_title("case.allegations", lang), allegations))

        sealed_mark = f" <i>({esc(t('sealed'))})</i>"
        interviews = [f"<li>{self._link(b['id'], format_datetime(b['date'], lang) + ' — ' + self._code(b.get('person_id')))}"
                      f"{sealed_mark if b['id'] in cf.sealed else ''}</li>" for b in cf.interviews]
        out.append(self._section(titles.type_title("interview", lang) + f" ({len(cf.interviews)})", interviews))

        exams = []
        for body in cf.examinations:
            injuries = body.get("injuries", [])
            body_id = body["id"]
            used = [name for name in diagram.views() if any(diagram.injury_view(i) == name for i in injuries)]
            cells = "".join(
                f"<td align='center'>{self._image(f'{body_id}-{name}', diagram_image(name, injuries, 90, 180 if name in ('front', 'back', 'left', 'right') else 110))}"
                f"<br><small>{esc(diagram.view(name).title(lang))}</small></td>" for name in used)
            pictures = f"<table cellpadding='4'><tr>{cells}</tr></table>" if used else ""
            opinion = self._vocab("consistency", body.get("overall_opinion", ""))
            exams.append(f"<li>{self._link(body['id'], format_datetime(body['date'], lang) + ' — ' + self._code(body.get('person_id')))}"
                         f"{sealed_mark if body['id'] in cf.sealed else ''}<br>"
                         f"{esc(t('{n} injuries').format(n=len(injuries)))}"
                         f"{' · ' + self._title('examination.overall_opinion') + ': ' + esc(opinion) if opinion else ''}"
                         f"<br>{pictures}</li>")
        out.append(self._section(titles.type_title("examination", lang) + f" ({len(cf.examinations)})", exams))

        complaints = [f"<li>{self._link(b['id'], format_date(b.get('date_filed', ''), lang) + ' — ' + self._vocab('authority', b.get('authority', '')))}"
                      f" · {esc(self._vocab('complaint_status', b.get('status', '')))}</li>" for b in cf.complaints]
        out.append(self._section(titles.type_title("complaint", lang), complaints))
        proceedings = [f"<li>{self._link(b['id'], b.get('case_number') or titles.type_title('proceeding', lang))}"
                       f" · {esc(self._vocab('proceeding_status', b.get('status', '')))}"
                       f"{' · ' + esc(self._vocab('article', b['article'])) if b.get('article') else ''}</li>"
                       for b in cf.proceedings]
        out.append(self._section(titles.type_title("proceeding", lang), proceedings))
        for entry in registry.sections():  # the types the registry has the page list on their own
            section = entry.section
            if section.listed and cf.sections[section.name]:
                items = [f"<li>{self._link(b['id'], self._item(section, b))}</li>" for b in cf.sections[section.name]]
                out.append(self._section(titles.type_title(entry.name, lang), items))

        photos = []
        for body in cf.attachments:
            caption = body.get("caption") or body.get("original_name") or ""
            photos.append(f"<li>{self._link(body['id'], caption)}<br>"
                          f"<small>SHA-256 {esc(body['sha256'])}</small><br>{self._thumbnail(body)}</li>")
        out.append(self._section(t('Photos and documents'), photos))

        rows = []
        for event in cf.chronology():
            detail = event.detail
            vocab = DETAIL_VOCABULARY.get(event.kind) or _detail_vocabulary(event.kind)
            if vocab and detail:
                detail = ", ".join(self._vocab(vocab, d) for d in detail.split(","))
            when = format_datetime(event.date, lang) if "T" in event.date else format_date(event.date, lang)
            rows.append(f"<tr><td>{esc(when)}</td><td>{self._link(event.record_id, self._event_title(event.kind))}</td>"
                        f"<td>{esc(detail)}</td></tr>")
        out.append(f"<h2>{esc(t('Chronology'))}</h2><table cellpadding='3'>{''.join(rows)}</table>")
        self.setHtml("".join(out))

    def _event_title(self, kind: str) -> str:
        if kind in EVENTS:
            return t(EVENTS[kind])
        return titles.type_title(kind, self.lang) if registry.get(kind) else kind

    def _item(self, section, body: dict) -> str:
        """A record of a listed section: its date and its detail."""
        text = format_date(body.get(section.date, ""), self.lang)
        if section.detail:
            value = body.get(section.detail, "")
            shown = self._vocab(section.detail_vocabulary, value) if section.detail_vocabulary else str(value)
            text += " — " + shown
        return text

    def _consent(self, person_id: str) -> str:
        """The person's current consent, item by item (given / refused or withdrawn)."""
        from ...core.store import consent

        state = consent.current(self.vault, person_id)
        if not state:
            return ""
        given = [titles.field_title(f"consent.scope.{k}", self.lang) for k, v in state.items() if v.given]
        refused = [titles.field_title(f"consent.scope.{k}", self.lang) for k, v in state.items() if not v.given]
        parts = []
        if given:
            parts.append(t("consent given: {items}").format(items=", ".join(given)))
        if refused:
            parts.append(t("not given or withdrawn: {items}").format(items=", ".join(refused)))
        return f"<br><small>{esc('; '.join(parts))}</small>"

    def _section(self, title: str, items: list[str]) -> str:
        body = f"<ul>{''.join(items)}</ul>" if items else f"<p><i>{esc(t('None yet.'))}</i></p>"
        return f"<h2>{esc(title)}</h2>{body}"

    def _label(self, record_id: str) -> str:
        from ..labels import record_label
        return record_label(self.vault, record_id, self.lang)

    def _code(self, person_id: str | None) -> str:
        if not person_id:
            return ""
        try:
            return self.vault.get(person_id)["code"]
        except MonitorError:
            return ""

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "record":
            self.open_record.emit(url.path())
        elif url.scheme() == "show":
            self.shown_intimate.add(url.path())
            self.show_case(self.case_id)

    def forget(self) -> None:
        self.shown_intimate.clear()
        self.case_id = None
        self.clear()
