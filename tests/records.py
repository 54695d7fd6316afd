"""A complete, valid set of records of every type, with Kazakh and Russian text, for tests."""

from __future__ import annotations

import uuid


def uid(n: int) -> str:
    return str(uuid.UUID(int=n, version=4))


# Builders for single records: every test takes its sample records from here (or from
# full_set below) rather than writing the dicts out again. Each gives a valid record with the
# fields its type requires; keyword arguments add or replace fields.


def new_facility(id_: str, name: str = "СИЗО-1", type_key: str = "sizo", **fields) -> dict:
    return {"id": id_, "type": "facility", "name": name, "type_key": type_key, **fields}


def new_person(id_: str, code: str = "P-2026-0001", **fields) -> dict:
    return {"id": id_, "type": "person", "code": code, **fields}


def new_visit(id_: str, facility_id: str, date_start: str = "2026-01-01", **fields) -> dict:
    return {"id": id_, "type": "visit", "facility_id": facility_id, "date_start": date_start, **fields}


def new_case(id_: str, code: str = "KZ-2026-0001", title: str = "Избиение в ИВС", status: str = "documenting",
             **fields) -> dict:
    return {"id": id_, "type": "case", "code": code, "title": title, "status": status, **fields}


def new_term(id_: str, key: str, labels: dict, vocabulary: str = "method", **fields) -> dict:
    return {"id": id_, "type": "term", "vocabulary": vocabulary, "key": key, "labels": labels, **fields}


CONSENT = {"documentation": True, "photographs": True, "intimate_photographs": False,
           "share_with_lawyer": True, "anonymised_reports": True, "publication_with_name": False,
           "date": "2026-03-02T11:00:00+05:00", "method": "written", "notes": "Келісім жазбаша алынды"}

KAZAKH_WORD = "Қамау"  # "detention"; appears in the narrative below in upper and lower case
SECRET = "Сентинел-Әбілқасымов-7731"  # a string that must never appear outside the vault


def full_set(sha256: str, size: int) -> list[dict]:
    """One or more records of every type; the attachment names bytes (sha256, size) already stored."""
    facility, visit, person, victim2, perp = uid(1), uid(2), uid(3), uid(4), uid(5)
    case, interview, exam, photo = uid(6), uid(7), uid(8), uid(9)
    complaint, proceeding, link, addendum, term = uid(10), uid(11), uid(12), uid(13), uid(14)
    rec1 = uid(15)
    consent, reprisal, statistic = uid(16), uid(17), uid(18)
    return [
        {"id": term, "type": "term", "vocabulary": "method", "key": "cold_exposure",
         "labels": {"en": "Exposure to cold", "ru": "Воздействие холодом", "kk": "Суыққа ұстау"}},
        {"id": facility, "type": "facility", "name": "Қарағанды қаласының ИВС", "type_key": "ivs",
         "region": "Қарағанды облысы", "address": "ул. Ерубаева, 1", "authority": "МВД РК",
         "capacity": 40, "notes": "Камеры без окон; жалобы на холод"},
        {"id": visit, "type": "visit", "facility_id": facility, "date_start": "2026-03-01",
         "date_end": "2026-03-02", "team": ["Айгүл Сәрсенова", "Oleg Petrov"], "announced": False,
         "visit_kind": "first", "focus": "Условия содержания",
         "population": {"total": 38, "capacity": 40, "pretrial": 30, "administrative": 8, "women": 3,
                        "minors": 1, "foreigners": 2},
         "conditions": [{"theme": "food_water", "rating": "poor", "notes": "Су жеткіліксіз"},
                        {"theme": "lighting_ventilation", "notes": "Нет естественного света"}],
         "findings": [{"id": uid(101), "theme": "treatment", "text": "Жалобы на избиение при задержании",
                       "sources": [{"kind": "interview_detainee", "record_id": interview},
                                   {"kind": "register", "note": "журнал № 4"}]}],
         "recommendations": [{"id": rec1, "text": "Обеспечить доступ к врачу", "priority": "urgent",
                              "status": "new", "addressee": "Начальник ИВС"}],
         "good_practices": ["Журналы ведутся аккуратно"], "summary": "Бірінші бару",
         "notes": "внутренняя заметка"},
        {"id": person, "type": "person", "code": "P-2026-0042",
         "identity": {"name_cyrillic": SECRET, "name_latin": "Kairat Abilkasymov",
                      "date_of_birth": "1990-05-17", "gender": "male", "nationality": "Қазақстан",
                      "languages": ["kk", "ru"], "contact": "+7 700 000 00 00"},
         "notes": "Жәбірленуші"},
        {"id": victim2, "type": "person", "code": "P-2026-0043",
         "identity": {"name_cyrillic": "Ғалия Өмірбекқызы", "gender": "female"}},
        {"id": perp, "type": "person", "code": "P-2026-0044", "notes": "сотрудник ИВС"},
        {"id": case, "type": "case", "code": "KZ-2026-0007", "title": "Избиение в ИВС Караганды",
         "status": "documenting", "facility_id": facility, "period_start": "2026-02-20",
         "period_end": "2026-02-21", "summary": "Ұстау кезінде ұрып-соғу туралы шағым",
         "allegations": [{"id": uid(102), "date": "2026-02-20", "place": "ИВС, кабинет 12",
                          "facility_id": facility, "description": "Удары дубинкой по спине",
                          "methods": ["beating", "cold_exposure"],
                          "perpetrators": [{"person_id": perp, "involvement": "direct", "note": "в форме"}]}],
         "tags": ["ИВС", "Қарағанды"]},
        {"id": link, "type": "link", "person_id": perp, "target_id": case, "role": "alleged_perpetrator",
         "rank": "капитан", "unit": "УП г. Караганды", "uniform": "тёмно-синяя форма"},
        {"id": interview, "type": "interview", "person_id": person, "case_id": case, "visit_id": visit,
         "interviewers": ["Айгүл Сәрсенова"], "date": "2026-03-01T14:30:00+05:00", "place": "ИВС, комната свиданий",
         "language": "kk", "interpreter": {"present": True, "name": "Н. Ким", "language": "ru"},
         "private": True, "persons_present": ["Айгүл Сәрсенова", "Н. Ким"], "chaperone": "жоқ",
         "narrative": f"{KAZAKH_WORD.upper()} кезінде мені ұрды. {KAZAKH_WORD} бөлмесінде суық болды. "
                      f"Меня били по спине, угрожали семье. {SECRET}",
         "reprisal_risk": "high", "follow_up": "Повторный визит через месяц", "consent": CONSENT},
        {"id": photo, "type": "attachment", "sha256": sha256, "size": size, "mime_type": "image/png",
         "original_name": "арқа_жарақат.png", "captured_at": "2026-03-02T12:00:00+05:00",
         "added_by": "Айгүл", "parent_id": case, "caption": "Арқадағы көгерулер, сызғышпен",
         "has_scale": True, "intimate": False},
        {"id": exam, "type": "examination", "person_id": person, "case_id": case, "consent_id": consent,
         "examiner": {"name": "Д-р Әсел Нұрланова", "qualifications": "судебно-медицинский эксперт, 12 лет"},
         "date": "2026-03-02T11:30:00+05:00", "place": "Медпункт ИВС", "requesting_party": "Адвокат",
         "persons_present": ["врач", "переводчик"], "conditions": "Без присутствия охраны",
         "history": "Жалобы на боль в спине", "symptoms": "Боль при движении",
         "injuries": [{"id": uid(103), "side": "back", "x": 0.42, "y": 0.35, "region": "back_upper",
                       "injury_type": "bruise", "length_mm": 120, "width_mm": 25, "shape": "линейный",
                       "colour": "көкшіл-күлгін", "estimated_age": "3–5 дней",
                       "attributed_cause": "удар дубинкой", "consistency": "highly_consistent",
                       "photo_ids": [photo]}],
         "psychological_findings": "Тревожность, нарушения сна", "overall_opinion": "highly_consistent",
         "conclusions": "Находки в высокой степени соответствуют описанию"},
        {"id": complaint, "type": "complaint", "case_id": case, "complainant_id": person,
         "filed_by": "Адвокат Ж. Бекова", "date_filed": "2026-03-05", "authority": "prosecutor",
         "authority_name": "Прокуратура Карагандинской области", "reference": "ЖТ-2026/114",
         "statement": "Прошу возбудить уголовное дело по ст. 146 УК РК", "status": "registered",
         "reply_date": "2026-04-01", "reply": "Материал направлен в ДП"},
        {"id": proceeding, "type": "proceeding", "case_id": case, "complaint_id": complaint,
         "authority": "prosecutor", "case_number": "261500031000114", "date_opened": "2026-04-10",
         "article": "cc2014-146", "status": "judgment", "outcome": "conviction", "judgment_date": "2026-10-01",
         "defendants": [perp], "sentence_years": 5, "sentence_suspended": True,
         "appeal": {"date": "2026-10-15", "by": "потерпевший", "outcome": "pending"},
         "erdr_number": "261500031000114", "erdr_date": "2026-04-10",
         "article_registered": {"article": "cc2014-146", "part": "2"},
         "article_charged": {"article": "cc2014-362", "part": "4"},
         "article_judgment": {"article": "cc2014-362", "part": "4"},
         "charges": [
             {"id": uid(104), "person_id": perp, "article": {"article": "cc2014-362", "part": "4"},
              "verdict": "convicted", "verdict_date": "2026-10-01",
              "punishments": [{"kind": "suspended_imprisonment", "years": 3, "probation_years": 2},
                              {"kind": "ban_from_office", "years": 2}]},
             {"id": uid(105), "officer": {"rank": "старший лейтенант", "unit": "ИВС г. Караганды"},
              "article": {"article": "cc2014-362", "part": "4"}, "verdict": "convicted", "verdict_date": "2026-10-01",
              "punishments": [{"kind": "imprisonment", "years": 7}]}],
         "decisions": [
             {"id": uid(106), "date": "2026-04-10", "kind": "registered", "authority": "prosecutor",
              "article": {"article": "cc2014-146", "part": "2"}},
             {"id": uid(107), "date": "2026-05-20", "kind": "refused", "authority": "prosecutor"},
             {"id": uid(108), "date": "2026-06-15", "kind": "refusal_overturned", "authority": "court"},
             {"id": uid(109), "date": "2026-08-01", "kind": "sent_to_court",
              "article": {"article": "cc2014-362", "part": "4"}},
             {"id": uid(110), "date": "2026-10-01", "kind": "judgment", "authority": "court"}],
         "compensation": {"claimed": 5000000, "awarded": 500000, "currency": "KZT", "date": "2026-10-01"},
         "victims": [{"person_id": person, "status": "recognised", "date": "2026-04-12"}]},
        {"id": addendum, "type": "addendum", "target_id": interview, "text": "Қосымша: куәгер табылды",
         "author": "Айгүл", "date": "2026-03-10T09:00:00+05:00"},
        # schema v4
        {"id": consent, "type": "consent", "person_id": person, "date": "2026-03-02T11:15:00+05:00",
         "method": "written", "taken_by": "Д-р Әсел Нұрланова", "covers": [exam],
         "scope": {"documentation": True, "photographs": True, "intimate_photographs": False,
                   "share_with_lawyer": True, "share_with_prosecutor": True, "anonymised_reports": True},
         "notes": "Медициналық тексеруге келісім"},
        {"id": reprisal, "type": "reprisal", "person_id": person, "date": "2026-03-20", "kind": "punishment_cell",
         "description": "Шағымнан кейін ШИЗО-ға 10 тәулікке орналастырылды", "complaint_id": complaint,
         "case_id": case, "facility_id": facility},
        {"id": statistic, "type": "statistic", "source_document": "Генеральная прокуратура РК, ответ на запрос",
         "source_authority": "prosecutor", "period_start": "2013-01-01", "period_end": "2013-05-31",
         "indicator": "complaints_registered", "value": 304},
    ]
