"""The CSV kinds: a builder per kind that turns one row (or a group of rows) into a record, and
the tables read elsewhere (:data:`CSV_KINDS`, the header signatures, :data:`CSV_COLUMNS` for
docs/csv.md). Plain kinds come from the registry's entries; the others are written here."""


import uuid
from typing import TYPE_CHECKING


from ..model import registry
from ..errors import RecordNotFound
from ..messages import Message

from .csv_cells import CSV_NAMESPACE, Context, CsvKind, Row, either

if TYPE_CHECKING:
    pass


_c = registry.csv_column  # short: the tables below declare a column per line


# --- the kinds -------------------------------------------------------------------------------------

def _copy(row: Row, record: dict, *names: str) -> dict:
    for name in names:
        if name in row.values:
            record[name] = row.values[name]
    return record


def _case_id(ctx: Context, row: Row, required: bool = True) -> str | None:
    if "case_id" in row.values:
        ctx.reference(row, "case_id", ("case",))
        return row.values["case_id"]
    if "case_code" in row.values:
        return ctx.lookup(row, "case_code", "case")
    if required:
        row.one_of("case_id", "case_code")
    return None


def _person_id(ctx: Context, row: Row, id_column: str, code_column: str, required: bool = True) -> str | None:
    if id_column in row.values:
        ctx.reference(row, id_column, ("person",))
        return row.values[id_column]
    if code_column in row.values:
        return ctx.lookup(row, code_column, "person")
    if required:
        row.one_of(id_column, code_column)
    return None


def _facility_id(ctx: Context, row: Row, record: dict, paths: dict) -> None:
    """``facility_id`` (a UUID) or ``facility`` (the facility's name) into the record's facility_id."""
    if "facility_id" in row.values:
        if "facility" in row.values:
            raise row.error("facility", Message("load_facility_both", id=ctx.shown("facility_id"),
                                                name=ctx.shown("facility")))
        ctx.reference(row, "facility_id", ("facility",))
        record["facility_id"] = row.values["facility_id"]
    elif "facility" in row.values:
        record["facility_id"] = ctx.facility(row, "facility")
        paths["facility_id"] = "facility"


def _refs(ctx: Context, row: Row, **columns: tuple[str, ...]) -> None:
    for column, allowed in columns.items():
        if column in row.values:
            ctx.reference(row, column, allowed)


def _article_ref(row: Row, article: str, part: str) -> dict | None:
    if part in row.values and article not in row.values:
        raise row.error(part, Message("load_part_needs_article", column=row.ctx.shown(article)))
    if article not in row.values:
        return None
    ref = {"article": row.values[article]}
    if part in row.values:
        ref["part"] = row.values[part]
    return ref


def _build_case(ctx: Context, row: Row) -> dict:
    for column in ("code", "title", "status"):
        row.need(column)
    record = {"id": ctx.record_id(row, "case"), "type": "case"}
    _copy(row, record, "code", "title", "status", "period_start", "period_end", "summary", "tags")
    paths = {}
    _facility_id(ctx, row, record, paths)
    if any(c in row.values for c in ("allegation_date", "allegation_place", "allegation_description", "methods")):
        if "allegation_description" not in row.values or "methods" not in row.values:
            raise row.error(None, Message("load_allegation_needs", description=ctx.shown("allegation_description"),
                                          methods=ctx.shown("methods")))
        allegation = {"id": str(uuid.uuid5(CSV_NAMESPACE, f"allegation:{record['id']}")),
                      "description": row.values["allegation_description"], "methods": row.values["methods"]}
        if "allegation_date" in row.values:
            allegation["date"] = row.values["allegation_date"]
        if "allegation_place" in row.values:
            allegation["place"] = row.values["allegation_place"]
        record["allegations"] = [allegation]
        paths = {"allegations.0.date": "allegation_date", "allegations.0.place": "allegation_place",
                 "allegations.0.description": "allegation_description", "allegations.0.methods": "methods"}
    ctx.validate(row, record, paths)
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "case")
    return record


def _build_complaint(ctx: Context, row: Row) -> dict:
    for column in ("date_filed", "authority", "status"):
        row.need(column)
    case_id = _case_id(ctx, row)
    natural = (f"complaint:{case_id}:{row.values['date_filed']}:{row.values['authority']}:"
               f"{row.values.get('reference', '')}")
    record = {"id": row.values.get("id") or str(uuid.uuid5(CSV_NAMESPACE, natural)), "type": "complaint",
              "case_id": case_id}
    _copy(row, record, "date_filed", "date_received", "intake_channel", "authority", "authority_name",
          "reference", "filed_by", "statement", "status", "reply_date", "reply")
    complainant = _person_id(ctx, row, "complainant_id", "complainant_code", required=False)
    if complainant:
        record["complainant_id"] = complainant
    if "pressure_to_withdraw" in row.values:
        record["withdrawal_pressure"] = {"reported": row.values["pressure_to_withdraw"]}
    forwarded = {k: row.values[c] for k, c in (("authority", "forwarded_to"), ("authority_name", "forwarded_to_name"),
                                               ("date", "forwarded_date")) if c in row.values}
    if forwarded:
        if "authority" not in forwarded:
            raise row.error(None, Message("load_forwarded_needs", column=ctx.shown("forwarded_to")))
        record["forwarded_to"] = forwarded
    ctx.validate(row, record, {"case_id": "case_code" if "case_code" in row.values else "case_id",
                               "complainant_id": "complainant_code" if "complainant_code" in row.values
                               else "complainant_id",
                               "withdrawal_pressure": "pressure_to_withdraw", "forwarded_to.authority": "forwarded_to",
                               "forwarded_to.authority_name": "forwarded_to_name",
                               "forwarded_to.date": "forwarded_date"})
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "complaint")
    return record


def _build_statistic(ctx: Context, row: Row) -> dict:
    for column in ("source_document", "period_start", "period_end", "indicator", "value"):
        row.need(column)
    if row.values["period_end"] < row.values["period_start"]:
        raise row.error("period_end", Message("load_period_reversed", end=row.values["period_end"],
                                              start=row.values["period_start"]))
    record = {"id": ctx.record_id(row, "statistic"), "type": "statistic"}
    _copy(row, record, "source_document", "source_authority", "period_start", "period_end", "indicator", "value",
          "article", "region", "facility_type", "notes")
    ctx.validate(row, record)
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "figure")
    return record


CONSENT_SCOPE = ("documentation", "photographs", "intimate_photographs", "audio", "share_with_lawyer",
                 "share_with_prosecutor", "share_with_un", "complaint_in_name", "anonymised_reports",
                 "publication_with_name")


def _build_consent(ctx: Context, row: Row) -> dict:
    for column in ("date", "method"):
        row.need(column)
    person = _person_id(ctx, row, "person_id", "person_code")
    scope = {item: row.values[item] for item in CONSENT_SCOPE if item in row.values}
    if not scope:
        raise row.error(None, Message("load_consent_needs_scope"))
    if "id" in row.values:
        rid = row.values["id"]
    else:
        # the wall-clock time as written, not the offset: the same file gives the same ids in any zone
        rid = str(uuid.uuid5(CSV_NAMESPACE, f"consent:{person}:{row.values['date'][:19]}"))
    record = {"id": rid, "type": "consent", "person_id": person, "scope": scope}
    _copy(row, record, "date", "method", "taken_by", "interpreter", "covers", "withdrawal", "notes")
    _refs(ctx, row, covers=("interview", "examination", "case", "attachment"))
    paths = {f"scope.{item}": item for item in CONSENT_SCOPE}
    paths["scope"] = "withdrawal"  # the only rule about the scope as a whole
    paths["person_id"] = "person_code" if "person_code" in row.values else "person_id"
    ctx.validate(row, record, paths)
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "consent record")
    return record


def _build_reprisal(ctx: Context, row: Row) -> dict:
    for column in ("date", "kind"):
        row.need(column)
    person = _person_id(ctx, row, "person_id", "person_code")
    case_id = _case_id(ctx, row, required=False)
    if "id" in row.values:
        rid = row.values["id"]
    else:
        rid = str(uuid.uuid5(CSV_NAMESPACE, f"reprisal:{person}:{row.values['date']}:{row.values['kind']}"))
    record = {"id": rid, "type": "reprisal", "person_id": person}
    _copy(row, record, "date", "kind", "complaint_id", "visit_id", "interview_id", "reported_by",
          "action_taken", "notes")
    if case_id:
        record["case_id"] = case_id
    _refs(ctx, row, complaint_id=("complaint",), visit_id=("visit",), interview_id=("interview",))
    facility_paths: dict = {}
    _facility_id(ctx, row, record, facility_paths)
    article = _article_ref(row, "counter_charge_article", "counter_charge_part")
    if article:
        record["counter_charge_article"] = article
    ctx.validate(row, record, {"person_id": "person_code" if "person_code" in row.values else "person_id",
                               "case_id": "case_code" if "case_code" in row.values else "case_id",
                               "counter_charge_article.article": "counter_charge_article",
                               "counter_charge_article.part": "counter_charge_part", **facility_paths})
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], "reprisal")
    return record


# Proceedings: one row per charge (a defendant and the article they were charged under), the rows of
# one proceeding next to each other. Proceeding columns are given on the first row of the group and
# either repeated identically or left empty on the others.

_STAGES = (("article_registered", "article_registered_part"), ("article_charged", "article_charged_part"),
           ("article_judgment", "article_judgment_part"))


def proceeding_key(ctx: Context, row: Row) -> tuple:
    if "id" in row.values:
        return ("id", row.values["id"])
    number = row.values.get("case_number") or row.values.get("erdr_number")
    if number is None:
        raise row.error(None, Message("load_proceeding_needs_number", number=ctx.shown("case_number"),
                                      erdr=ctx.shown("erdr_number"), id=ctx.shown("id")))
    case = row.values.get("case_id") or row.values.get("case_code")
    return ("number", case, number)


def _build_proceeding(ctx: Context, rows: list[Row]) -> dict:
    first = rows[0]
    proceeding_columns = [c.name for c in ctx.kind.columns if not c.charge]
    for row in rows[1:]:
        for name in proceeding_columns:
            if name in row.values and row.values[name] != first.values.get(name):
                raise row.error(name, Message("load_proceeding_differs", line=first.line))
    case_id = _case_id(ctx, first)
    if "id" in first.values:
        rid = first.values["id"]
    else:
        number = first.values.get("case_number") or first.values.get("erdr_number")
        rid = str(uuid.uuid5(CSV_NAMESPACE, f"proceeding:{case_id}:{number}"))
    if ctx.first_pass:  # a proceeding's rows must be together: a key seen before is a second group
        ctx.check_unique(first, rid, "proceeding")
    for column in ("authority", "status"):
        first.need(column)
    record = {"id": rid, "type": "proceeding", "case_id": case_id}
    _copy(first, record, "complaint_id", "authority", "case_number", "erdr_number", "erdr_date", "date_opened",
          "date_refused", "status", "outcome", "judgment_date", "notes")
    _refs(ctx, first, complaint_id=("complaint",))
    if "complaint_id" in first.values:
        try:
            complaint = ctx.vault.info(first.values["complaint_id"])
        except RecordNotFound:
            complaint = None
        if complaint is not None and (complaint.body or {}).get("case_id") != case_id:
            raise first.error("complaint_id", Message("load_complaint_other_case"))
    paths = {"case_id": "case_code" if "case_code" in first.values else "case_id"}
    for article, part in _STAGES:
        ref = _article_ref(first, article, part)
        if ref:
            record[article] = ref
            paths[f"{article}.article"], paths[f"{article}.part"] = article, part
    compensation = {}
    for column, field_name in (("compensation_claimed", "claimed"), ("compensation_awarded", "awarded"),
                               ("compensation_currency", "currency"), ("compensation_date", "date")):
        if column in first.values:
            compensation[field_name] = first.values[column]
            paths[f"compensation.{field_name}"] = column
    if compensation:
        record["compensation"] = compensation
    victim = _person_id(ctx, first, "victim_id", "victim_code", required=False)
    if victim:
        entry = {"person_id": victim, "status": first.need("victim_status")}
        record["victims"] = [entry]
        paths["victims.0.person_id"] = "victim_code" if "victim_code" in first.values else "victim_id"
        paths["victims.0.status"] = "victim_status"
    elif "victim_status" in first.values:
        raise first.error("victim_status", Message("load_needs_column", columns=either(
            [ctx.shown("victim_code"), ctx.shown("victim_id")])))
    charges, charge_lines, row_paths = [], {}, {}
    for row in rows:
        charge = _charge(ctx, row, rid)
        if charge is None:
            continue
        if charge["id"] in charge_lines:
            used = [c for c in ("defendant_code", "defendant_id", "officer_rank", "officer_unit", "charge_article",
                                "charge_part") if c in row.values]
            raise row.error(None, Message("load_charge_twice", line=charge_lines[charge["id"]],
                                          columns=", ".join(ctx.shown(c) for c in used)))
        charge_lines[charge["id"]] = row.line
        charges.append(charge)
        row_paths[len(charges) - 1] = row
    if charges:
        record["charges"] = charges
    rows_paths = {}
    for index, row in row_paths.items():
        charge_paths = dict(_CHARGE_PATHS)
        if "defendant_id" in row.values:
            charge_paths["person_id"] = "defendant_id"
        rows_paths[index] = (row, charge_paths)
    ctx.validate(first, record, paths, rows_paths)
    return record


def _charge(ctx: Context, row: Row, proceeding_id: str) -> dict | None:
    charge_columns = [c.name for c in ctx.kind.columns if c.charge]
    if not any(name in row.values for name in charge_columns):
        return None
    person = _person_id(ctx, row, "defendant_id", "defendant_code", required=False)
    officer = {k: row.values[f"officer_{k}"] for k in ("rank", "unit") if f"officer_{k}" in row.values}
    if person and officer:
        raise row.error("officer_rank" if "officer_rank" in officer else None,
                        Message("load_charge_both"))
    if not person and not officer:
        raise row.error(None, Message("load_charge_needs_who", column=ctx.shown("defendant_code")))
    article = _article_ref(row, "charge_article", "charge_part")
    who = person or "officer:" + "\x1f".join(officer.get(k, "") for k in ("rank", "unit"))
    what = f"{article['article']}:{article.get('part', '')}" if article else ""
    charge = {"id": str(uuid.uuid5(CSV_NAMESPACE, f"charge:{proceeding_id}:{who}:{what}"))}
    if person:
        charge["person_id"] = person
    else:
        charge["officer"] = officer
    if article:
        charge["article"] = article
    _copy(row, charge, "verdict", "verdict_date")
    punishment = {}
    if "punishment" in row.values:
        punishment["kind"] = row.values["punishment"]
        for column, field_name in (("years", "years"), ("months", "months"), ("probation_years", "probation_years"),
                                   ("probation_months", "probation_months"), ("fine_amount", "amount"),
                                   ("life", "life")):
            if column in row.values:
                punishment[field_name] = row.values[column]
    else:
        for column in ("years", "months", "probation_years", "probation_months", "fine_amount", "life"):
            if column in row.values:
                raise row.error(column, Message("load_needs_punishment", column=ctx.shown("punishment")))
    punishments = [punishment] if punishment else []
    if "ban_years" in row.values:
        punishments.append({"kind": "ban_from_office", "years": row.values["ban_years"]})
    if punishments:
        charge["punishments"] = punishments
    if "charge_notes" in row.values:
        charge["notes"] = row.values["charge_notes"]
    return charge


_CHARGE_PATHS = {"person_id": "defendant_code", "officer.rank": "officer_rank", "officer.unit": "officer_unit",
                 "officer": "officer_rank", "verdict_date": "verdict_date",
                 "article.article": "charge_article", "article.part": "charge_part", "article": "charge_article",
                 "verdict": "verdict", "punishments.0.kind": "punishment", "punishments.0.years": "years",
                 "punishments.0.months": "months", "punishments.0.probation_years": "probation_years",
                 "punishments.0.probation_months": "probation_months", "punishments.0.amount": "fine_amount",
                 "punishments.0.life": "life", "punishments.0": "punishment", "punishments": "punishment",
                 "punishments.1.years": "ban_years", "punishments.1": "ban_years",
                 "notes": "charge_notes"}


def _kinds() -> dict[str, CsvKind]:
    uuid_note = "optional UUID of a record in the vault"
    case = CsvKind("case", "case", "cases", (
        _c("id", "optional UUID; without it the id is derived from the code", "uuid"),
        _c("code", "required, e.g. KZ-2026-0007", ru=("код дела", "код"), kk=("іс коды", "код")),
        _c("title", "required", ru="название", kk="атауы"),
        _c("status", "required, a case_status term (open, documenting, complaint_filed, …)", "vocab", "case_status",
           ru="статус", kk="мәртебесі"),
        _c("facility_id", uuid_note + " (a facility)", "uuid"),
        _c("facility", "optional, the facility's name as in the vault (any case); instead of facility_id",
           ru="учреждение", kk="мекеме"),
        _c("period_start", "optional date (YYYY-MM-DD or DD.MM.YYYY)", "date", ru="начало периода", kk="кезеңнің басы"),
        _c("period_end", "optional date", "date", ru="конец периода", kk="кезеңнің соңы"),
        _c("summary", "optional text", ru="краткое описание", kk="қысқаша сипаттама"),
        _c("tags", "optional, separated by ';'", "list", ru="метки", kk="белгілер"),
        _c("allegation_date", "optional: with allegation_description and methods, adds one allegation", "date",
           ru="дата события", kk="оқиға күні"),
        _c("allegation_place", "optional", ru="место события", kk="оқиға орны"),
        _c("allegation_description", "optional text", ru="описание события", kk="оқиға сипаттамасы"),
        _c("methods", "method terms separated by ';' (beating; threats; …), required with an allegation",
           "vocablist", "method", ru="методы", kk="әдістер"),
    ), ("code",), _build_case)
    complaint = CsvKind("complaint", "complaint", "complaints", (
        _c("id", "optional UUID; without it the id is derived from case, date, authority and reference", "uuid"),
        _c("case_id", "UUID of the case (this or case_code is required)", "uuid"),
        _c("case_code", "code of a case already in the vault", ru="код дела", kk="іс коды"),
        _c("date_filed", "required date (YYYY-MM-DD or DD.MM.YYYY)", "date", ru="дата подачи", kk="берілген күні"),
        _c("authority", "required, an authority term (prosecutor, police, court, …)", "vocab", "authority",
           ru="орган", kk="орган"),
        _c("authority_name", "optional, the office", ru="наименование органа", kk="органның атауы"),
        _c("reference", "optional registration number", ru="регистрационный номер", kk="тіркеу нөмірі"),
        _c("filed_by", "optional", ru="кем подана", kk="кім берді"),
        _c("complainant_id", "optional UUID of the person who filed it (the complainant)", "uuid"),
        _c("complainant_code", "optional pseudonym code of the complainant, a person in the vault",
           ru="код заявителя", kk="шағымданушы коды"),
        _c("statement", "optional text", ru="текст жалобы", kk="шағым мәтіні"),
        _c("status", "required, a complaint_status term (filed, refused, …)", "vocab", "complaint_status",
           ru="статус", kk="мәртебесі"),
        _c("reply_date", "optional date, not before date_filed", "date", ru="дата ответа", kk="жауап күні"),
        _c("reply", "optional text", ru="ответ", kk="жауап"),
    ), ("case_id", "case_code", "date_filed", "authority", "reference"), _build_complaint)
    complaint = CsvKind(complaint.name, complaint.record_type, complaint.title, complaint.columns + (
        _c("date_received", "optional date the NGO received it", "date", ru="дата получения", kk="алынған күні"),
        _c("intake_channel", "optional, an intake_channel term (ngo_hotline, visit, lawyer, relative, …)", "vocab",
           "intake_channel", ru="канал поступления", kk="түсу арнасы"),
        _c("pressure_to_withdraw", "optional yes/no: pressure to withdraw the complaint was reported", "bool",
           ru="давление с целью отзыва", kk="кері алуға қысым"),
        _c("forwarded_to", "optional, the authority term the complaint was forwarded to", "vocab", "authority",
           ru="перенаправлена в", kk="жолданған орган"),
        _c("forwarded_to_name", "optional, that office", ru="наименование органа перенаправления",
           kk="жолданған органның атауы"),
        _c("forwarded_date", "optional date it was forwarded", "date", ru="дата перенаправления", kk="жолданған күні"),
    ), complaint.identity, complaint.build)
    statistic = CsvKind("statistic", "statistic", "official statistics", (
        _c("id", "optional UUID; without it the id is derived from source, period, indicator, article, region and "
                 "facility type", "uuid"),
        _c("source_document", "required, the document or publication the figure comes from", ru="источник",
           kk="дереккөз"),
        _c("source_authority", "optional, an authority term (prosecutor, …)", "vocab", "authority",
           ru="орган-источник", kk="дереккөз органы"),
        _c("period_start", "required date, the first day the figure covers", "date", ru="начало периода",
           kk="кезеңнің басы"),
        _c("period_end", "required date, the last day (2013-05-31 for January–May 2013)", "date", ru="конец периода",
           kk="кезеңнің соңы"),
        _c("indicator", "required, a stat_indicator term (complaints_registered, criminal_cases_opened, "
                        "cases_sent_to_court, convictions, complaints_received_ngo)", "vocab", "stat_indicator",
           ru="показатель", kk="көрсеткіш"),
        _c("value", "required whole number", "int", ru="значение", kk="мәні"),
        _c("article", "optional, an article term (cc1997-141-1, …)", "vocab", "article", ru="статья", kk="бап"),
        _c("region", "optional", ru="регион", kk="өңір"),
        _c("facility_type", "optional, a facility_type term", "vocab", "facility_type", ru="тип учреждения",
           kk="мекеме түрі"),
        _c("notes", "optional text", ru="примечания", kk="ескертпелер"),
    ), ("source_document", "period_start", "period_end", "indicator", "article", "region", "facility_type"),
        _build_statistic)
    scope_aliases = {
        "documentation": ("документирование", "құжаттау"),
        "photographs": ("фотографии", "фотосуреттер"),
        "intimate_photographs": ("интимные фотографии", "интимдік фотосуреттер"),
        "audio": ("аудиозапись", "аудиожазба"),
        "share_with_lawyer": ("передача адвокату", "адвокатқа беру"),
        "share_with_prosecutor": ("передача прокурору", "прокурорға беру"),
        "share_with_un": ("передача в ООН", "БҰҰ-ға беру"),
        "complaint_in_name": ("жалоба от имени", "атынан шағым"),
        "anonymised_reports": ("анонимные отчёты", "анонимді есептер"),
        "publication_with_name": ("публикация с именем", "атымен жариялау"),
    }
    consent = CsvKind("consent", "consent", "consent", (
        _c("id", "optional UUID; without it the id is derived from the person and the date", "uuid"),
        _c("person_id", "UUID of the person (this or person_code is required)", "uuid"),
        _c("person_code", "pseudonym code of a person in the vault (P-2026-0042)", ru="код лица", kk="тұлға коды"),
        _c("date", "required date, or date and time, the consent was given or withdrawn", "datetime", ru="дата",
           kk="күні"),
        _c("method", "required, a consent_method term (written, oral, oral_witnessed)", "vocab", "consent_method",
           ru="способ", kk="тәсілі"),
        _c("taken_by", "optional, who took it", ru="кто получил", kk="кім алды"),
        _c("interpreter", "optional", ru="переводчик", kk="аудармашы"),
        _c("covers", "optional ids of the interviews, examinations, cases or attachments it covers, separated by ';'",
           "uuids"),
        _c("withdrawal", "optional yes/no: this record withdraws what it sets to no", "bool", ru="отзыв",
           kk="кері қайтарып алу"),
        *(_c(item, "yes (given), no (refused or withdrawn) or empty (unchanged); at least one scope column per row",
             "bool", ru=ru, kk=kk) for item, (ru, kk) in scope_aliases.items()),
        _c("notes", "optional text", ru="примечания", kk="ескертпелер"),
    ), ("person_id", "person_code", "date"), _build_consent)
    reprisal = CsvKind("reprisal", "reprisal", "reprisals", (
        _c("id", "optional UUID; without it the id is derived from the person, the date and the kind", "uuid"),
        _c("person_id", "UUID of the person (this or person_code is required)", "uuid"),
        _c("person_code", "pseudonym code of a person in the vault", ru="код лица", kk="тұлға коды"),
        _c("date", "required date", "date", ru="дата", kk="күні"),
        _c("kind", "required, a reprisal_kind term (transfer, punishment_cell, threats_to_family, counter_charge, …)",
           "vocab", "reprisal_kind", ru="вид преследования", kk="қудалау түрі"),
        _c("case_id", "optional UUID of the case", "uuid"),
        _c("case_code", "optional code of a case in the vault", ru="код дела", kk="іс коды"),
        _c("complaint_id", "optional UUID of the complaint it followed", "uuid"),
        _c("visit_id", "optional UUID of the visit it followed", "uuid"),
        _c("interview_id", "optional UUID of the interview it followed", "uuid"),
        _c("facility_id", "optional UUID of the facility", "uuid"),
        _c("facility", "optional, the facility's name as in the vault (any case); instead of facility_id",
           ru="учреждение", kk="мекеме"),
        _c("counter_charge_article", "optional, an article term: the counter-charge (false denunciation, …)",
           "vocab", "article", ru="статья встречного обвинения", kk="қарсы айыптау бабы"),
        _c("counter_charge_part", "optional part of that article (ч. 2)", ru="часть статьи встречного обвинения",
           kk="қарсы айыптау бабының бөлігі"),
        _c("reported_by", "optional", ru="кто сообщил", kk="кім хабарлады"),
        _c("action_taken", "optional text", ru="принятые меры", kk="қабылданған шаралар"),
        _c("notes", "optional text: what happened", ru="описание", kk="сипаттама"),
    ), ("person_id", "person_code", "date", "kind"), _build_reprisal)
    charge = dict(charge=True)
    proceeding = CsvKind("proceeding", "proceeding", "proceedings", (
        _c("id", "optional UUID of the proceeding; without it the id is derived from the case and the number",
           "uuid"),
        _c("case_id", "UUID of the case (this or case_code is required)", "uuid"),
        _c("case_code", "code of a case in the vault", ru="код дела", kk="іс коды"),
        _c("complaint_id", "optional UUID of the complaint that started it", "uuid"),
        _c("case_number", "the criminal case number (this or erdr_number ties the rows together)",
           ru="номер дела", kk="іс нөмірі"),
        _c("erdr_number", "the number in the unified pre-trial register (ЕРДР)", ru="номер ЕРДР", kk="ЕРДР нөмірі"),
        _c("erdr_date", "optional date of ERDR registration", "date", ru="дата ЕРДР", kk="ЕРДР күні"),
        _c("authority", "required, an authority term", "vocab", "authority", ru="орган", kk="орган"),
        _c("status", "required, a proceeding_status term (investigation, at_trial, judgment, …)", "vocab",
           "proceeding_status", ru="статус", kk="мәртебесі"),
        _c("outcome", "optional, an outcome term (conviction, acquittal, refused, amnesty, …)", "vocab", "outcome",
           ru="исход", kk="нәтижесі"),
        _c("date_opened", "optional date", "date", ru="дата возбуждения", kk="қозғалған күні"),
        _c("date_refused", "optional date", "date", ru="дата отказа", kk="бас тартылған күні"),
        _c("judgment_date", "optional date", "date", ru="дата приговора", kk="үкім күні"),
        _c("article_registered", "optional article term at registration", "vocab", "article",
           ru="статья при регистрации", kk="тіркеу кезіндегі бап"),
        _c("article_registered_part", "optional part (ч. 2)", ru="часть статьи при регистрации",
           kk="тіркеу кезіндегі бап бөлігі"),
        _c("article_charged", "optional article term of the charge", "vocab", "article", ru="статья обвинения",
           kk="айыптау бабы"),
        _c("article_charged_part", "optional part", ru="часть статьи обвинения", kk="айыптау бабының бөлігі"),
        _c("article_judgment", "optional article term of the judgment", "vocab", "article", ru="статья приговора",
           kk="үкім бабы"),
        _c("article_judgment_part", "optional part", ru="часть статьи приговора", kk="үкім бабының бөлігі"),
        _c("compensation_claimed", "optional amount", "number", ru="заявленная компенсация",
           kk="талап етілген өтемақы"),
        _c("compensation_awarded", "optional amount", "number", ru="присуждённая компенсация",
           kk="тағайындалған өтемақы"),
        _c("compensation_currency", "optional, 3 letters (KZT)", ru="валюта", kk="валюта"),
        _c("compensation_date", "optional date of the award", "date", ru="дата компенсации", kk="өтемақы күні"),
        _c("victim_id", "optional UUID of the victim (a person)", "uuid"),
        _c("victim_code", "optional pseudonym code of the victim", ru="код потерпевшего", kk="жәбірленуші коды"),
        _c("victim_status", "with a victim: a victim_status term (recognised, not_recognised, pending)", "vocab",
           "victim_status", ru="статус потерпевшего", kk="жәбірленуші мәртебесі"),
        _c("notes", "optional text", ru="примечания", kk="ескертпелер"),
        _c("defendant_id", "UUID of the defendant (a person)", "uuid", **charge),
        _c("defendant_code", "pseudonym code of the defendant", ru="код обвиняемого", kk="айыпталушы коды", **charge),
        _c("officer_rank", "an unnamed officer's rank (instead of a defendant)", ru="звание", kk="атағы", **charge),
        _c("officer_unit", "an unnamed officer's unit", ru="подразделение", kk="бөлімше", **charge),
        _c("charge_article", "required with a charge: the article term", "vocab", "article", ru="статья",
           kk="бап", **charge),
        _c("charge_part", "optional part (ч. 4)", ru="часть", kk="бөлігі", **charge),
        _c("verdict", "required with a charge: a verdict term (pending, convicted, acquitted, terminated, "
                      "amnestied)", "vocab", "verdict", ru="решение", kk="шешім", **charge),
        _c("verdict_date", "optional date", "date", ru="дата решения", kk="шешім күні", **charge),
        _c("punishment", "optional punishment term (imprisonment, suspended_imprisonment, restriction_of_freedom, "
                         "fine, ban_from_office, amnesty_release, other)", "vocab", "punishment", ru="наказание",
           kk="жаза", **charge),
        _c("years", "term in years", "int", ru="лет", kk="жыл", **charge),
        _c("months", "and months (0–11)", "int", ru="месяцев", kk="ай", **charge),
        _c("probation_years", "probation of a suspended sentence, years", "int", ru="испытательный срок (лет)",
           kk="сынақ мерзімі (жыл)", **charge),
        _c("probation_months", "and months", "int", ru="испытательный срок (месяцев)", kk="сынақ мерзімі (ай)",
           **charge),
        _c("fine_amount", "a fine's amount (KZT)", "number", ru="сумма штрафа", kk="айыппұл сомасы", **charge),
        _c("life", "yes for life imprisonment (no years then)", "bool", ru="пожизненно", kk="өмір бойы", **charge),
        _c("ban_years", "an added ban from office, in years", "int", ru="запрет занимать должность (лет)",
           kk="лауазым атқару тыйымы (жыл)", **charge),
        _c("charge_notes", "optional text about this charge", ru="примечания к обвинению",
           kk="айыптауға ескертпе", **charge),
    ), ("case_id", "case_code", "case_number", "erdr_number"), _build_proceeding, grouped=True)
    return {k.record_type: k for k in (case, complaint, statistic, consent, reprisal, proceeding)}


def _build_plain(ctx: Context, row: Row) -> dict:
    """A record of a plain kind declared in the registry: one row, one record, each column the
    field of the same name; ``person_code`` and ``case_code`` name a person or case by code."""
    record_type = ctx.kind.record_type
    record = {"id": ctx.record_id(row, record_type), "type": record_type}
    paths = {}
    for column in ctx.kind.columns:
        if column.name == "id" or column.name not in row.values:
            continue
        if column.name in ("person_code", "case_code"):
            target = column.name[:-5]
            if f"{target}_id" not in row.values:
                record[f"{target}_id"] = ctx.lookup(row, column.name, target)
                paths[f"{target}_id"] = column.name
            continue
        record[column.name] = row.values[column.name]
    ctx.validate(row, record, paths)
    if ctx.first_pass:
        ctx.check_unique(row, record["id"], record_type)
    return record


def _all_kinds() -> dict[str, CsvKind]:
    """The CSV kinds of the registry's types, keyed by --csv-type, in the order they are detected."""
    built = _kinds()
    out = {}
    for entry in registry.csv_kinds():
        spec = entry.csv
        if entry.name in built:
            out[entry.name] = built[entry.name]
        elif spec.columns is not None:
            out[entry.name] = CsvKind(entry.name, entry.name, spec.title, spec.columns, spec.identity, _build_plain)
    return out


CSV_KINDS: dict[str, CsvKind] = _all_kinds()
# Header columns that tell the kinds apart when --csv-type is not given (tried in this order).
SIGNATURES: dict[str, list[set[str]]] = {
    name: ([{"method", item} for item in CONSENT_SCOPE] if name == "consent"
           else [set(s) for s in registry.BY_NAME[name].csv.signatures])
    for name in CSV_KINDS
}
# The columns of each kind and what they mean (docs/csv.md lists them all).
CSV_COLUMNS: dict[str, dict[str, str]] = {
    kind.name: {c.name: c.meaning for c in kind.columns} for kind in CSV_KINDS.values()
}


