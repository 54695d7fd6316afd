"""Deterministic, clearly fictional demo data for Monitor (standard library only).

``generate(cases, seed)`` streams ``("blob", bytes)`` and ``("record", dict)`` items: every record
is valid per ``docs/data-model.md`` and every record it references (and every blob an attachment
names) comes earlier in the stream, so a loader can insert the items in order. The same
``(cases, seed)`` always gives a byte-identical sequence: all randomness comes from one
``random.Random(seed)``; there is no clock and no ``uuid4()``.

Names, places and facilities are invented; every facility, case, person and visit carries
``DEMO_MARKER`` (or ``[DEMO]``) so no one mistakes the data for real testimony.
"""

from __future__ import annotations

import hashlib
import math
import random
import struct
import uuid
import zlib
from datetime import date
from typing import Iterator

__all__ = ["DEMO_MARKER", "generate", "png_photo"]

DEMO_MARKER = "DEMO — fictional data"
_DEMO_TAG = "[DEMO]"

# --------------------------------------------------------------------------- time frame

_START = date(2009, 1, 12).toordinal()
_END = date(2025, 10, 31).toordinal()  # latest incident
_CUTOFF = date(2026, 2, 27).toordinal()  # no later event (reply, judgment, addendum) is invented
_TZ_SWITCH = date(2024, 3, 1).toordinal()  # Kazakhstan moved to a single zone, UTC+5


def _d(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


# --------------------------------------------------------------------------- vocabularies (keys)

FACILITY_TYPES = ("ivs", "sizo", "colony", "special_reception", "psychiatric", "migrant_centre",
                  "military_guardhouse", "children_institution", "police_station", "other")
_FACILITY_WEIGHTS = (30, 15, 20, 8, 3, 2, 2, 3, 15, 2)
COLONY_REGIMES = ("minimum", "medium", "maximum", "special", "prison", "settlement", "juvenile")
MATERIAL_THEMES = ("food_water", "accommodation", "lighting_ventilation", "sanitation_hygiene",
                   "clothing_bedding")
OTHER_THEMES = ("treatment", "safeguards", "regime_activities", "health_care", "discipline_isolation",
                "contact_outside", "complaints_mechanism", "staff")
SOURCE_KINDS = ("interview_detainee", "interview_staff", "register", "observation", "document",
                "medical_record")

# coordinator-added terms (yielded as `term` records before anything uses them)
_TERM_METHOD = "gas_mask"
_TERM_ARTICLE = "cc2014-107"
_TERMS = (
    ("method", _TERM_METHOD, {"en": "Gas mask (air supply blocked)", "ru": "Противогаз (перекрытие воздуха)",
                              "kk": "Газқағар (ауаны жабу)"}),
    ("article", _TERM_ARTICLE, {"en": "Criminal Code 2014, Art. 107", "ru": "УК РК 2014, ст. 107",
                                "kk": "ҚР ҚК 2014, 107-бап"}),
)

# --------------------------------------------------------------------------- places

# (region nominative, region genitive, city, always UTC+5)
_REGIONS = (
    ("Карагандинская область", "Карагандинской области", "Караганда", False),
    ("город Алматы", "города Алматы", "Алматы", False),
    ("город Астана", "города Астаны", "Астана", False),
    ("город Шымкент", "города Шымкента", "Шымкент", False),
    ("Павлодарская область", "Павлодарской области", "Павлодар", False),
    ("Восточно-Казахстанская область", "Восточно-Казахстанской области", "Усть-Каменогорск", False),
    ("Жамбылская область", "Жамбылской области", "Тараз", False),
    ("Туркестанская область", "Туркестанской области", "Туркестан", False),
    ("Мангистауская область", "Мангистауской области", "Актау", True),
    ("Актюбинская область", "Актюбинской области", "Актобе", True),
    ("Костанайская область", "Костанайской области", "Костанай", False),
    ("Северо-Казахстанская область", "Северо-Казахстанской области", "Петропавловск", False),
    ("Атырауская область", "Атырауской области", "Атырау", True),
    ("Западно-Казахстанская область", "Западно-Казахстанской области", "Уральск", True),
    ("Кызылординская область", "Кызылординской области", "Кызылорда", True),
    ("Акмолинская область", "Акмолинской области", "Кокшетау", False),
    ("Алматинская область", "Алматинской области", "Конаев", False),
)

# facility type -> (ru "to" form, ru locative, kk dative, kk locative, en)
_PLACE_FORMS = {
    "ivs": ("в ИВС", "в ИВС", "уақытша ұстау изоляторына", "уақытша ұстау изоляторында",
            "the temporary detention isolator (IVS)"),
    "sizo": ("в СИЗО", "в СИЗО", "тергеу изоляторына", "тергеу изоляторында",
             "the pre-trial detention centre (SIZO)"),
    "colony": ("в колонию", "в колонии", "колонияға", "колонияда", "the penal colony"),
    "special_reception": ("в спецприёмник", "в спецприёмнике", "арнайы қабылдау орнына",
                          "арнайы қабылдау орнында", "the special reception centre"),
    "psychiatric": ("в психиатрическую больницу", "в психиатрической больнице",
                    "психиатриялық ауруханаға", "психиатриялық ауруханада", "the psychiatric hospital"),
    "migrant_centre": ("в центр содержания иностранцев", "в центре содержания иностранцев",
                       "шетелдіктерді ұстау орталығына", "шетелдіктерді ұстау орталығында",
                       "the detention centre for foreigners"),
    "military_guardhouse": ("на гауптвахту", "на гауптвахте", "гауптвахтаға", "гауптвахтада",
                            "the military guardhouse"),
    "children_institution": ("в специнтернат", "в специнтернате", "арнайы интернатқа", "арнайы интернатта",
                             "the special boarding school"),
    "police_station": ("в отдел полиции", "в отделе полиции", "полиция бөлімшесіне", "полиция бөлімшесінде",
                       "the police station"),
    "other": ("в служебное помещение", "в служебном помещении", "қызметтік бөлмеге", "қызметтік бөлмеде",
              "an office room"),
}

_CAPACITY = {"ivs": (20, 80), "sizo": (300, 1500), "colony": (300, 1500), "special_reception": (20, 100),
             "psychiatric": (100, 600), "migrant_centre": (20, 100), "military_guardhouse": (10, 40),
             "children_institution": (30, 150), "police_station": (5, 15), "other": (5, 30)}

_REGIME_RU = {"minimum": "минимальной безопасности", "medium": "средней безопасности",
              "maximum": "максимальной безопасности", "special": "чрезвычайной безопасности",
              "prison": "полной безопасности (тюрьма)", "settlement": "колония-поселение",
              "juvenile": "для несовершеннолетних"}

# --------------------------------------------------------------------------- names

_KK_MALE = ("Қайрат", "Ерлан", "Нұрлан", "Айбек", "Дәурен", "Бауыржан", "Ғалым", "Серік", "Асқар", "Мұрат",
            "Жанболат", "Әділ", "Төлеген", "Ерғали", "Құдайберген", "Ержан", "Дархан", "Бекзат", "Ербол",
            "Қуаныш", "Мақсат", "Әлібек", "Нұржан", "Өмірзақ", "Һадис")
_KK_FEMALE = ("Әйгерім", "Гүлнар", "Ақмарал", "Жұлдыз", "Сәуле", "Динара", "Меруерт", "Айгүл", "Гүлмира",
              "Ботагөз", "Нұргүл", "Әсем", "Қарлығаш", "Іңкәр", "Өміргүл")
_KK_SURNAMES = ("Әбілқасымов", "Нұрғалиев", "Сейітқалиев", "Оспанов", "Төлеубаев", "Жұмабаев",
                "Құрманғалиев", "Ысқақов", "Мұхаметжанов", "Бекмұхамбетов", "Серікбаев", "Қожахметов",
                "Үсенов", "Өтепов", "Шаһмарданов", "Ахметов", "Сәрсенбаев", "Есенғазиев", "Байжанов",
                "Тұрсынов", "Ілиясов", "Мәуленов", "Қасымов", "Оралбаев", "Дүйсенов")
_KK_FATHERS = ("Серік", "Ерлан", "Асқар", "Мұрат", "Дәулет", "Нұрлан", "Болат", "Қанат")
_RU_MALE = ("Сергей", "Алексей", "Дмитрий", "Андрей", "Виктор", "Олег", "Игорь", "Николай", "Евгений",
            "Максим", "Павел", "Роман", "Артём", "Денис")
_RU_FEMALE = ("Ольга", "Наталья", "Елена", "Татьяна", "Ирина", "Светлана", "Анна", "Юлия", "Марина")
_RU_SURNAMES = ("Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Волков", "Соколов", "Морозов",
                "Новиков", "Фёдоров", "Ткаченко", "Ким", "Шевченко", "Бондаренко", "Лебедев", "Зайцев",
                "Егоров", "Белов", "Пак", "Цой")
_UZ_MALE = ("Шерзод", "Бахтиёр", "Улугбек", "Жасур", "Дилшод")
_UZ_SURNAMES = ("Каримов", "Юсупов", "Рахимов", "Тошматов", "Назаров")

_MONITORS = ("Ә. Қасымова", "Р. Ахметов", "Н. Ким", "Г. Нұрланқызы", "Д. Петров", "С. Оспанова",
             "Е. Тұрсынов", "М. Лебедева", "Ж. Байжанова", "А. Шевченко", "Б. Үсенов", "Т. Морозова")
_EXAMINERS = (
    ("д-р Ш. Есенғазиева", "Врач судебно-медицинский эксперт, стаж 14 лет; обучение по Стамбульскому протоколу."),
    ("д-р В. Соколов", "Врач-травматолог, стаж 20 лет; член экспертной группы НПО (DEMO)."),
    ("д-р А. Мәуленова", "Врач-психиатр, стаж 9 лет; обучение по Стамбульскому протоколу (2022)."),
    ("д-р К. Бондаренко", "Врач общей практики, стаж 11 лет."),
    ("д-р Е. Сейітқалиев", "Судмедэксперт, стаж 17 лет; независимый эксперт."),
)
_INTERPRETERS = ("Әсел Дүйсенова", "Марат Ілиясов", "Ирина Цой", "Жанар Өтепова")
_NGO = "Коалиция НПО против пыток (DEMO)"

_TRANSLIT = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}


def _latin(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in _TRANSLIT:
            t = _TRANSLIT[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


def _feminine(surname: str) -> str:
    return surname + "а" if surname.endswith(("ов", "ев", "ин")) else surname


# --------------------------------------------------------------------------- narrative phrase banks

# method -> (ru, kk, en) first-person sentence
_METHOD_TEXT = {
    "beating": ("Меня били кулаками по голове и по рёбрам.",
                "Мені басымнан және қабырғамнан жұдырықпен ұрды.",
                "They punched me in the head and ribs."),
    "kicking": ("Когда я упал на пол, меня пинали ногами.",
                "Еденге құлағанымда, мені аяқпен тепкіледі.",
                "When I fell to the floor they kicked me."),
    "beating_with_objects": ("Один из сотрудников бил меня резиновой дубинкой по пяткам и спине.",
                             "Қызметкерлердің бірі резеңке таяқпен өкшемнен және арқамнан ұрды.",
                             "One of the officers hit me on the soles and back with a rubber baton."),
    "positional": ("Меня положили на живот и заломили руки за спину.",
                   "Мені етпетімнен жатқызып, қолымды артыма қайырды.",
                   "They put me face down and twisted my arms behind my back."),
    "suspension": ("Меня подвешивали за скованные руки к решётке.",
                   "Кісенделген қолымнан торға іліп қойды.",
                   "They hung me by my handcuffed wrists from the bars."),
    "suffocation": ("На голову надевали полиэтиленовый пакет, пока я не терял сознание.",
                    "Басыма полиэтилен пакет кигізіп, есімнен танғанша тұншықтырды.",
                    "They put a plastic bag over my head until I passed out."),
    "electric_shock": ("К пальцам присоединяли провода и пускали ток.",
                       "Саусақтарыма сым жалғап, ток жіберді.",
                       "They attached wires to my fingers and gave me electric shocks."),
    "sexual_violence": ("Меня раздели догола и угрожали изнасилованием.",
                        "Мені шешіндіріп, зорлаймыз деп қорқытты.",
                        "They stripped me naked and threatened me with rape."),
    "threats": ("Мне угрожали, что «посадят надолго», если я не подпишу признание.",
                "Мойындау хатқа қол қоймасам, ұзақ мерзімге соттатамыз деп қорқытты.",
                "They threatened to have me jailed for years if I did not sign a confession."),
    "threats_to_family": ("Говорили, что задержат моего брата и мать, если я не соглашусь.",
                          "Келіспесем, інім мен анамды да ұстаймыз деді.",
                          "They said they would detain my brother and my mother if I refused."),
    "humiliation": ("Меня оскорбляли, заставляли повторять унизительные слова и снимали на телефон.",
                    "Мені қорлап, балағаттап, телефонға түсірді.",
                    "They insulted me, made me repeat humiliating words and filmed me on a phone."),
    "sleep_deprivation": ("Всю ночь мне не давали спать, будили каждые полчаса.",
                          "Түні бойы ұйықтатпады, жарты сағат сайын оятып отырды.",
                          "They kept me awake all night, waking me every half hour."),
    "deprivation_food_water": ("Почти двое суток мне не давали ни воды, ни еды.",
                               "Екі тәулікке жуық маған су да, тамақ та бермеді.",
                               "For almost two days they gave me neither water nor food."),
    "prolonged_isolation": ("Несколько недель меня держали в одиночной камере без прогулок.",
                            "Бірнеше апта бойы серуенсіз жеке камерада ұстады.",
                            "For several weeks I was held in a solitary cell without exercise."),
    "burns": ("Мне прижигали руку сигаретой.",
              "Қолыма темекі басып күйдірді.",
              "They burned my arm with a cigarette."),
    "forced_stress_positions": ("Часами заставляли стоять на полусогнутых ногах, руки за головой.",
                                "Бірнеше сағат бойы қолымды желкеме қойғызып, жартылай отырған күйде тұрғызды.",
                                "For hours they made me hold a half-squat with my hands behind my head."),
    "denial_medical_care": ("Я просил вызвать врача, но мне отказали.",
                            "Дәрігер шақыруды сұрадым, бірақ рұқсат бермеді.",
                            "I asked for a doctor but they refused."),
    "restraints": ("Наручники застегнули за спиной так туго, что у меня онемели кисти.",
                   "Кісенді артымнан қатты қысып салғаны сонша, білегім ұйып қалды.",
                   "The handcuffs were locked behind my back so tightly that my hands went numb."),
    "pharmacological": ("Мне давали какие-то таблетки, после которых я плохо соображал.",
                        "Маған белгісіз дәрі берді, содан кейін ойым шатасты.",
                        "They gave me unknown pills after which I could not think clearly."),
    "other": ("Меня выводили на мороз без верхней одежды.",
              "Мені сырт киімсіз аязға шығарды.",
              "They took me out into the frost without a coat."),
    _TERM_METHOD: ("На меня надевали противогаз и перекрывали клапан.",
                   "Маған газқағар кигізіп, клапанын жауып тастады.",
                   "They put a gas mask on me and blocked the air valve."),
}

_METHOD_RU_NOUN = {
    "beating": "избиение", "kicking": "удары ногами", "beating_with_objects": "удары дубинкой",
    "positional": "заламывание рук", "suspension": "подвешивание", "suffocation": "удушение пакетом",
    "electric_shock": "электрошок", "sexual_violence": "угрозы сексуальным насилием", "threats": "угрозы",
    "threats_to_family": "угрозы родственникам", "humiliation": "унижение",
    "sleep_deprivation": "лишение сна", "deprivation_food_water": "лишение воды и пищи",
    "prolonged_isolation": "длительная изоляция", "burns": "ожоги сигаретой",
    "forced_stress_positions": "стрессовые позы", "denial_medical_care": "отказ в медицинской помощи",
    "restraints": "тугие наручники", "pharmacological": "принудительный приём препаратов",
    "other": "иное жестокое обращение", _TERM_METHOD: "«слоник» (противогаз)",
}

# (common methods are more frequent; weights are for the first method of an allegation)
_METHODS_MAIN = ("beating", "kicking", "beating_with_objects", "threats", "suffocation", "positional",
                 "restraints", "humiliation", "forced_stress_positions", "electric_shock",
                 "deprivation_food_water", "sleep_deprivation", "threats_to_family", "denial_medical_care",
                 "prolonged_isolation", "burns", "suspension", "sexual_violence", "pharmacological", "other",
                 _TERM_METHOD)
_METHODS_W = (30, 18, 14, 16, 8, 7, 7, 6, 5, 3, 4, 4, 4, 5, 3, 2, 2, 2, 1, 1, 1)

_OPENERS = (
    ("{date} меня задержали на улице возле дома и доставили {to}.",
     "{date} күні мені үйімнің жанында ұстап алып, {kto} апарды.",
     "On {date} I was detained in the street near my home and taken to {en}."),
    ("{date} меня вызвали в полицию как свидетеля, а потом отвезли {to} и стали допрашивать как подозреваемого.",
     "{date} күні мені куә ретінде шақырды, кейін {kto} апарып, күдікті ретінде жауап алды.",
     "On {date} I was summoned as a witness, then taken to {en} and questioned as a suspect."),
    ("{date} вечером ко мне домой пришли люди в гражданской одежде и без объяснений увезли {to}.",
     "{date} күні кешке үйіме азаматша киінген адамдар келіп, ешнәрсе түсіндірместен {kto} алып кетті.",
     "On the evening of {date} men in plain clothes came to my home and took me to {en} without explanation."),
    ("{date}, когда я находился {loc}, меня вывели из камеры в отдельный кабинет.",
     "{date} күні {kloc} отырғанымда, мені камерадан бөлек кабинетке алып шықты.",
     "On {date}, while I was held in {en}, I was taken out of the cell to a separate office."),
    ("{date} {loc} меня вызвали к оперативникам «на беседу».",
     "{date} күні {kloc} жедел қызметкерлер мені «әңгімеге» шақырды.",
     "On {date}, in {en}, the operatives called me in 'for a talk'."),
)
_DEMANDS = (
    ("Они требовали, чтобы я признался в краже, которой не совершал.",
     "Олар мен жасамаған ұрлықты мойындауымды талап етті.",
     "They demanded that I confess to a theft I did not commit."),
    ("От меня требовали показаний против знакомого.",
     "Танысыма қарсы куәлік беруімді талап етті.",
     "They wanted me to testify against an acquaintance."),
    ("Следователь требовал подписать уже готовое признание.",
     "Тергеуші алдын ала жазылған мойындау хатқа қол қоюымды талап етті.",
     "The investigator demanded that I sign a confession that was already written."),
    ("Сотрудники всё время спрашивали, где спрятаны деньги.",
     "Қызметкерлер ақшаның қайда жасырылғанын қайта-қайта сұрады.",
     "The officers kept asking where the money was hidden."),
    ("Мне говорили, что я должен «взять на себя» чужой эпизод.",
     "Басқа біреудің қылмысын мойныма алуымды талап етті.",
     "They told me I had to 'take on' someone else's offence."),
)
_DETAILS = (
    ("Всё происходило в кабинете на втором этаже, жалюзи были закрыты.",
     "Бәрі екінші қабаттағы кабинетте болды, терезелер жалюзимен жабылған.",
     "It all happened in an office on the second floor; the blinds were shut."),
    ("Один из них был в форме, двое других — в гражданском.",
     "Олардың біреуі формада, екеуі азаматша киінген.",
     "One of them was in uniform, the other two in plain clothes."),
    ("В камере не было окна, свет горел круглосуточно.",
     "Камерада терезе болмады, жарық тәулік бойы жанып тұрды.",
     "The cell had no window and the light was on day and night."),
    ("Меня держали в подвале здания около двух часов.",
     "Ғимараттың жертөлесінде екі сағаттай ұстады.",
     "They held me in the basement of the building for about two hours."),
    ("В камере не было никакой мебели, только железная кровать и ведро.",
     "Камерада жиһаз жоқ, тек темір төсек пен шелек бар еді.",
     "There was no furniture in the cell, only an iron bed and a bucket."),
    ("Старший из них называл себя «начальником» и отдавал команды остальным.",
     "Олардың үлкені өзін «бастық» деп атап, басқаларға бұйрық берді.",
     "The eldest called himself 'the boss' and gave orders to the others."),
)
_KAMAU = "Қамау кезінде маған адвокат берілмеді, ол тек келесі күні келді."
_CLOSERS = (
    ("В итоге я подписал признание, потому что больше не мог терпеть.",
     "Ақыры шыдай алмай, мойындау хатқа қол қойдым.",
     "In the end I signed the confession because I could not bear it any more."),
    ("Адвоката ко мне допустили только на следующий день.",
     _KAMAU,
     "A lawyer was allowed to see me only the next day."),
    ("Я боюсь, что после жалобы ко мне снова придут.",
     "Шағым түсірсем, олар қайта келеді деп қорқамын.",
     "I am afraid they will come back after the complaint."),
    ("Следы побоев видели сокамерники.",
     "Соққының іздерін камерадағы адамдар көрді.",
     "My cellmates saw the marks of the beating."),
    ("Врачу я ничего не сказал, потому что рядом стоял конвой.",
     "Конвой қасымда тұрғандықтан, дәрігерге ештеңе айтпадым.",
     "I said nothing to the doctor because the escort was standing next to me."),
)
_WITNESS = (
    ("Я находился в соседней камере и слышал крики и глухие удары.",
     "Мен көрші камерада болдым, айқай мен соққы дыбыстарын естідім.",
     "I was in the next cell and heard screams and dull blows."),
    ("Когда его вернули в камеру, он не мог стоять, лицо было в крови.",
     "Оны камераға қайтарғанда, ол аяғынан тұра алмады, беті қанға боялған еді.",
     "When he was brought back to the cell he could not stand and his face was covered in blood."),
    ("Дежурный сказал нам, что «так будет с каждым, кто жалуется».",
     "Кезекші бізге «шағымданған әрқайсысына осылай болады» деді.",
     "The duty officer told us 'this will happen to anyone who complains'."),
    ("Я видел, как его вели по коридору в наручниках двое сотрудников.",
     "Оны екі қызметкер кісенмен дәлізбен алып бара жатқанын көрдім.",
     "I saw two officers leading him down the corridor in handcuffs."),
    ("Потом в журнале записали, что он «упал с нар».",
     "Кейін журналға ол «сөреден құлап түсті» деп жазылды.",
     "Later the register said he had 'fallen from the bunk'."),
)

# --------------------------------------------------------------------------- visit text banks

# theme -> (adequate note, problem note, recommendation, addressee)
_THEME_TEXT = {
    "food_water": ("Питание трёхразовое, питьевая вода доступна в камерах.",
                   "Питьевая вода выдаётся по графику два раза в день; порции недостаточны.",
                   "Обеспечить постоянный доступ к питьевой воде и питание по нормам.", "Администрация учреждения"),
    "accommodation": ("Камеры соответствуют норме площади, переполненности нет.",
                      "Камеры переполнены: на одного человека приходится менее 2,5 м².",
                      "Привести наполняемость камер в соответствие с нормой площади.", "ДУИС / ДП области"),
    "lighting_ventilation": ("Естественное освещение и вентиляция достаточны.",
                             "Окна закрыты металлическими листами, вентиляция не работает, свет горит ночью.",
                             "Снять металлические листы с окон и восстановить вентиляцию.", "Администрация учреждения"),
    "sanitation_hygiene": ("Санузлы отгорожены, душ раз в неделю.",
                           "Санузел в камере не отгорожен, душ реже раза в неделю, нет средств гигиены.",
                           "Оборудовать приватные санузлы и обеспечить средства гигиены.", "Администрация учреждения"),
    "clothing_bedding": ("Постельные принадлежности выдаются и меняются регулярно.",
                         "Матрасы изношены, постельное бельё не выдаётся.",
                         "Обеспечить всех задержанных постельными принадлежностями.", "Администрация учреждения"),
    "treatment": ("Жалоб на обращение со стороны персонала не поступило.",
                  "Несколько задержанных независимо друг от друга сообщили об ударах при доставлении.",
                  "Обеспечить немедленную регистрацию и расследование каждого сообщения о насилии.", "Прокуратура области"),
    "safeguards": ("Время доставления фиксируется, адвокат допускается своевременно.",
                   "Фактическое время задержания не совпадает с журналом; доступ к адвокату задерживается.",
                   "Фиксировать фактическое время задержания и обеспечить доступ к адвокату с первой минуты.",
                   "Департамент полиции области"),
    "regime_activities": ("Ежедневная прогулка не менее часа, есть библиотека.",
                          "Прогулка не предоставляется, занятость отсутствует.",
                          "Обеспечить ежедневную прогулку не менее одного часа.", "Администрация учреждения"),
    "health_care": ("Медработник осматривает всех поступающих, журнал травм ведётся.",
                    "Медицинский осмотр при поступлении формальный, травмы не описываются.",
                    "Документировать все телесные повреждения при поступлении и сообщать о них прокурору.",
                    "Медицинская часть"),
    "discipline_isolation": ("Дисциплинарные взыскания оформлены, сроки изоляции соблюдаются.",
                             "Водворение в ШИЗО применяется повторно подряд, постановления не вручаются.",
                             "Прекратить последовательное водворение в ШИЗО и вручать копии постановлений.",
                             "Администрация учреждения"),
    "contact_outside": ("Свидания и телефонные звонки предоставляются.",
                        "Родственников не уведомляют о задержании, звонки запрещены.",
                        "Уведомлять родственников о задержании в течение трёх часов.", "Департамент полиции области"),
    "complaints_mechanism": ("Ящики для жалоб доступны и вскрываются прокурором.",
                             "Ящик для жалоб находится под видеокамерой у дежурной части.",
                             "Установить ящики для конфиденциальных жалоб вне поля зрения персонала.",
                             "Администрация учреждения"),
    "staff": ("Персонал прошёл обучение, нагрузка приемлемая.",
              "Нехватка персонала; сотрудники без нагрудных знаков.",
              "Обеспечить ношение нагрудных знаков всеми сотрудниками.", "МВД РК"),
}
_SOURCE_NOTES = {
    "interview_detainee": "беседы с задержанными наедине",
    "interview_staff": "беседа с дежурным",
    "register": "журнал учёта доставленных",
    "observation": "непосредственное наблюдение",
    "document": "внутренний приказ учреждения",
    "medical_record": "журнал регистрации травм",
}
_FOCUS = ("условия содержания", "обращение с задержанными и гарантии при задержании", "медицинская помощь",
          "дисциплинарные взыскания и изоляция", "положение женщин и несовершеннолетних")
_GOOD_PRACTICES = ("В камерах установлены кнопки вызова дежурного.",
                   "Информация о правах задержанных вывешена на трёх языках.",
                   "Медработник ведёт фотофиксацию травм при поступлении.",
                   "Организована библиотека с книгами на казахском и русском языках.")

# --------------------------------------------------------------------------- examination data

# method -> [(region, injury_type), ...]
_INJURY_MAP = {
    "beating": (("face", "bruise"), ("head", "haematoma"), ("chest", "bruise"), ("face", "laceration"),
                ("face", "tooth_injury"), ("abdomen", "bruise")),
    "kicking": (("back_upper", "bruise"), ("back_lower", "haematoma"), ("thigh_left", "bruise"),
                ("thigh_right", "bruise"), ("chest", "fracture")),
    "beating_with_objects": (("foot_left", "bruise"), ("foot_right", "swelling"), ("buttocks", "haematoma"),
                             ("back_upper", "bruise")),
    "positional": (("arm_left", "bruise"), ("arm_right", "dislocation"), ("back_upper", "abrasion")),
    "suspension": (("forearm_left", "ligature_mark"), ("forearm_right", "ligature_mark"), ("arm_left", "bruise")),
    "restraints": (("forearm_left", "ligature_mark"), ("forearm_right", "abrasion"), ("hand_left", "swelling")),
    "burns": (("forearm_left", "burn"), ("hand_right", "burn"), ("forearm_right", "scar")),
    "electric_shock": (("hand_left", "electrical_burn"), ("hand_right", "electrical_burn"),
                       ("foot_left", "electrical_burn")),
    "suffocation": (("neck", "abrasion"), ("face", "other")),
    _TERM_METHOD: (("face", "abrasion"), ("neck", "bruise")),
    "forced_stress_positions": (("leg_left", "swelling"), ("leg_right", "swelling")),
}
_FALLBACK_INJURIES = (("face", "bruise"), ("arm_right", "abrasion"), ("leg_left", "bruise"))

# region -> (allowed sides, x on the front view, y); left/right follow the person (mirrored on the front view)
_REGION_POS = {
    "head": ("fb", 0.5, 0.05), "face": ("f", 0.5, 0.08), "neck": ("fb", 0.5, 0.14),
    "chest": ("f", 0.5, 0.25), "abdomen": ("f", 0.5, 0.38), "genitals": ("f", 0.5, 0.5),
    "back_upper": ("b", 0.5, 0.25), "back_lower": ("b", 0.5, 0.4), "buttocks": ("b", 0.5, 0.5),
    "arm_left": ("fb", 0.68, 0.26), "arm_right": ("fb", 0.32, 0.26),
    "forearm_left": ("fb", 0.74, 0.38), "forearm_right": ("fb", 0.26, 0.38),
    "hand_left": ("fb", 0.79, 0.5), "hand_right": ("fb", 0.21, 0.5),
    "thigh_left": ("fb", 0.57, 0.62), "thigh_right": ("fb", 0.43, 0.62),
    "leg_left": ("fb", 0.57, 0.8), "leg_right": ("fb", 0.43, 0.8),
    "foot_left": ("fb", 0.57, 0.96), "foot_right": ("fb", 0.43, 0.96), "other": ("fb", 0.5, 0.5),
}
_REGION_RU = {
    "head": "волосистая часть головы", "face": "лицо", "neck": "шея", "chest": "грудная клетка",
    "abdomen": "живот", "genitals": "область половых органов", "back_upper": "верхняя часть спины",
    "back_lower": "поясничная область", "buttocks": "ягодицы", "arm_left": "левое плечо",
    "arm_right": "правое плечо", "forearm_left": "левое предплечье", "forearm_right": "правое предплечье",
    "hand_left": "левая кисть", "hand_right": "правая кисть", "thigh_left": "левое бедро",
    "thigh_right": "правое бедро", "leg_left": "левая голень", "leg_right": "правая голень",
    "foot_left": "левая стопа", "foot_right": "правая стопа", "other": "иная область",
}
_INJURY_RU = {
    "abrasion": "ссадина", "bruise": "кровоподтёк", "laceration": "ушибленная рана", "incision": "резаная рана",
    "burn": "ожог", "electrical_burn": "электрометка", "fracture": "перелом", "dislocation": "вывих",
    "scar": "рубец", "swelling": "отёк", "haematoma": "гематома", "tooth_injury": "травма зуба",
    "puncture": "колотая рана", "ligature_mark": "странгуляционная полоса", "other": "петехии",
}
_CONSISTENCY_RU = {"not_consistent": "не соответствуют", "consistent": "соответствуют",
                   "highly_consistent": "в высокой степени соответствуют", "typical": "типичны для",
                   "diagnostic": "диагностичны для"}
_CONSISTENCY_ORDER = ("not_consistent", "consistent", "highly_consistent", "typical", "diagnostic")
_SYMPTOMS = ("Головная боль, головокружение, боль в грудной клетке при глубоком вдохе.",
             "Боль в запястьях, онемение пальцев обеих рук.",
             "Боль в пояснице, кровь в моче в первые дни после событий.",
             "Боль при ходьбе, отёк стоп.",
             "Снижение слуха справа, звон в ухе.")
_PSYCH = ("Нарушения сна, ночные кошмары, навязчивые воспоминания о событиях; признаки посттравматического стрессового расстройства.",
          "Выраженная тревога, избегание разговоров о задержании, вздрагивание при звуке шагов в коридоре.",
          "Подавленное настроение, чувство стыда, трудности концентрации внимания.")
_CONCLUSIONS = ("Физические и психологические данные в совокупности подтверждают рассказ обследуемого.",
                "Рекомендуется повторный осмотр и рентгенография; выводы предварительные.",
                "Повреждения могли образоваться в указанное обследуемым время.")

# --------------------------------------------------------------------------- complaints / proceedings

_COMPLAINT_STATUS = ("refused", "forwarded", "no_reply", "registered", "closed", "investigation_opened",
                     "filed", "draft")
_COMPLAINT_STATUS_W = (30, 20, 15, 10, 10, 5, 7, 3)
_REPLIES = {
    "refused": "Проверкой доводы заявителя не подтвердились. В возбуждении уголовного дела отказано "
               "за отсутствием состава преступления.",
    "forwarded": "Обращение направлено в Департамент полиции для рассмотрения по компетенции.",
    "registered": "Заявление зарегистрировано в Книге учёта информации, проводится проверка.",
    "closed": "Обращение рассмотрено, заявителю дан ответ; нарушений не выявлено.",
    "investigation_opened": "Сведения зарегистрированы в ЕРДР, начато досудебное расследование.",
}
_PROC_STATUS = ("refused_to_open", "terminated", "pre_investigation", "investigation", "suspended",
                "at_trial", "judgment", "appeal", "closed")
_PROC_STATUS_W = (40, 14, 5, 8, 5, 5, 15, 5, 3)
_RANKS_POLICE = ("лейтенант полиции", "старший лейтенант полиции", "капитан полиции", "майор полиции",
                 "сержант полиции", "подполковник полиции")
_RANKS_PENAL = ("младший инспектор УИС", "старший инспектор УИС", "капитан юстиции", "прапорщик")
_UNITS_POLICE = ("отдел криминальной полиции", "дежурная часть", "конвойная служба",
                 "патрульная полиция", "отдел по борьбе с наркопреступностью")
_UNITS_PENAL = ("оперативный отдел учреждения", "дежурная смена", "отдел безопасности", "группа быстрого реагирования")
_UNIFORMS = ("тёмно-синяя форма полиции", "камуфляж без знаков различия", "гражданская одежда",
             "чёрная форма спецподразделения, балаклава", "форма УИС, без нагрудного знака")

_SKIN_TONES = ((236, 200, 170), (224, 180, 146), (205, 160, 125), (190, 140, 105), (160, 115, 85),
               (245, 215, 190))
_BRUISE_TONES = ((110, 50, 95), (85, 45, 110), (130, 60, 70), (95, 70, 120))


def _later(dt: str, minutes: int) -> str:
    """``dt`` ("YYYY-MM-DDTHH:MM:SS+hh:mm", hour <= 16) plus a few minutes, same day and zone."""
    total = int(dt[11:13]) * 60 + int(dt[14:16]) + minutes
    return f"{dt[:11]}{total // 60:02d}:{total % 60:02d}{dt[16:]}"


def _pick(rng: random.Random, seq, weights):
    return rng.choices(seq, weights)[0]


# --------------------------------------------------------------------------- PNG

_W, _H = 96, 64
_LUTS = tuple(bytes(min(255, int(v * (0.82 + 0.015 * k))) for v in range(256)) for k in range(17))


def _build_ruler() -> list[bytes]:
    """Bottom 8 rows: a black/white ruler (ticks above, alternating 8-pixel blocks below)."""
    rows = []
    for ry in range(8):
        row = bytearray()
        for x in range(_W):
            if ry < 3:
                black = x % 8 == 0 or (ry < 1 and x % 4 == 0) or (x % 16 == 0)
                black = black and not (ry == 2 and x % 8 != 0)
            else:
                black = (x // 8) % 2 == 0
            row += b"\x10\x10\x10" if black else b"\xf4\xf4\xf4"
        rows.append(bytes(row))
    return rows


_RULER = _build_ruler()
# colour reference patches (red, green, blue, grey) in the top-right corner, rows 2..7
_PATCH_X = 70
_PATCH = b"".join(bytes(c) * 5 + b"\xf4\xf4\xf4" for c in ((200, 30, 30), (30, 160, 40), (30, 60, 190),
                                                          (128, 128, 128)))[:-3]


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def png_photo(rng: random.Random, label_seed: int) -> bytes:
    """A tiny synthetic injury 'photo' (96x64 RGB PNG): skin background, an irregular bruise,
    a colour reference in the top-right corner and a ruler scale along the bottom edge."""
    tone = rng.choice(_SKIN_TONES)
    tone = tuple(max(0, min(255, c + rng.randint(-12, 12))) for c in tone)
    gx = rng.uniform(-0.25, 0.25)
    base = bytearray()
    for x in range(_W):
        f = 1.0 + gx * (x / _W - 0.5)
        base += bytes(min(255, int(c * f)) for c in tone)
    base = bytes(base)
    # bruise: three nested irregular ellipses (yellow-green halo, red-purple, dark core)
    core = rng.choice(_BRUISE_TONES)
    halo = tuple((2 * t + h) // 3 for t, h in zip(tone, (170, 165, 80)))
    mid = tuple((t + 2 * c) // 3 for t, c in zip(tone, core))
    layers = [bytes(halo) * _W, bytes(mid) * _W, bytes(core) * _W]
    scales = (1.0, 0.68, 0.36)
    cx = rng.uniform(22, 70)
    cy = rng.uniform(16, 38)
    rx = rng.uniform(9, 22)
    ry = rng.uniform(6, 15)
    skew = rng.uniform(-0.5, 0.5)
    waves = [(rng.uniform(0.05, 0.18), rng.uniform(0.3, 1.1), rng.uniform(0, 6.283)) for _ in range(3)]
    gy = rng.uniform(-6, 6)
    specks = {}
    for _ in range(rng.randint(20, 45)):
        specks.setdefault(rng.randrange(_H - 8), []).append(rng.randrange(_W))
    raw = bytearray()
    top = _H - 8
    for y in range(top):
        k = max(0, min(16, int(8 + gy * (y / top - 0.5))))
        row = bytearray(base.translate(_LUTS[k]))
        t = (y - cy) / ry
        if -1.0 < t < 1.0:
            wobble = 1.0
            for amp, freq, phase in waves:
                wobble += amp * math.sin(freq * y + phase)
            half = rx * math.sqrt(1.0 - t * t) * wobble
            centre = cx + skew * (y - cy)
            for layer, scale in zip(layers, scales):
                h = half * scale
                x0 = max(0, int(centre - h))
                x1 = min(_W, int(centre + h) + 1)
                if x1 > x0:
                    row[3 * x0:3 * x1] = layer[3 * x0:3 * x1]
        for x in specks.get(y, ()):
            row[3 * x:3 * x + 3] = bytes(max(0, v - 35) for v in row[3 * x:3 * x + 3])
        if 2 <= y < 7:
            row[3 * _PATCH_X:3 * _PATCH_X + len(_PATCH)] = _PATCH
        raw += b"\x00"
        raw += row
    for ruler_row in _RULER:
        raw += b"\x00"
        raw += ruler_row
    ihdr = struct.pack(">IIBBBBB", _W, _H, 8, 2, 0, 0, 0)
    text = b"Comment\x00DEMO - fictional data; synthetic injury photo #%d" % label_seed
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"tEXt", text)
            + _chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + _chunk(b"IEND", b""))


# --------------------------------------------------------------------------- generator


class _Gen:
    def __init__(self, cases: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.cases = cases
        self.n_facilities = max(10, cases // 20)
        self.n_visits = max(5, cases // 10)
        self.person_seq: dict[int, int] = {}
        self.case_seq: dict[int, int] = {}
        self.photo_seq = 0
        self.colonies = 0
        self.facilities: list[tuple] = []  # (id, type_key, name, region tuple)
        self.fac_weights: list[int] = []
        self.fac_last_visit: dict[str, str] = {}
        self.fac_recs: dict[str, list[tuple[str, str, str]]] = {}  # facility -> [(rec id, text, addressee)]
        self.fac_last_interview: dict[str, str] = {}
        self.fac_last_photo: dict[str, str] = {}
        self.fac_perps: dict[str, list[tuple]] = {}
        self.lawyers: list[tuple[str, str]] = []
        self.max_lawyers = max(3, cases // 40)

    # ---- small helpers
    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def dt(self, ordinal: int, region, hour_lo: int = 9, hour_hi: int = 18) -> str:
        r = self.rng
        tz = "+05:00" if (region[3] or ordinal >= _TZ_SWITCH) else "+06:00"
        return f"{_d(ordinal)}T{r.randint(hour_lo, hour_hi):02d}:{r.randrange(0, 60, 5):02d}:00{tz}"

    def person_code(self, year: int) -> str:
        n = self.person_seq.get(year, 0) + 1
        self.person_seq[year] = n
        return f"P-{year}-{n:04d}"

    def name(self, gender: str, origin: str) -> tuple[str, str]:
        r = self.rng
        if origin == "kk":
            first = r.choice(_KK_MALE if gender == "male" else _KK_FEMALE)
            if r.random() < 0.15:
                last = r.choice(_KK_FATHERS) + ("ұлы" if gender == "male" else "қызы")
            else:
                last = r.choice(_KK_SURNAMES)
                if gender != "male":
                    last = _feminine(last)
        elif origin == "uz":
            first, last = r.choice(_UZ_MALE), r.choice(_UZ_SURNAMES)
        else:
            first = r.choice(_RU_MALE if gender == "male" else _RU_FEMALE)
            last = r.choice(_RU_SURNAMES)
            if gender != "male":
                last = _feminine(last)
        cyr = f"{first} {last}"
        return cyr, _latin(cyr)

    def person(self, year: int, *, role_note: str, gender: str | None = None, age: tuple[int, int] = (18, 60),
               incident: int = _START, origin: str | None = None, full: bool = True) -> dict:
        r = self.rng
        if gender is None:
            gender = "male" if r.random() < 0.86 else "female"
        if origin is None:
            origin = "kk" if r.random() < 0.68 else "ru"
        cyr, lat = self.name(gender, origin)
        identity: dict = {"name_cyrillic": cyr, "name_latin": lat}
        if full:
            dob = incident - r.randint(age[0] * 365 + 1, age[1] * 365)
            identity["date_of_birth"] = _d(dob)
            identity["gender"] = gender
            identity["nationality"] = "Uzbekistan" if origin == "uz" else "Kazakhstan"
            identity["languages"] = (["uz", "ru"] if origin == "uz" else ["kk", "ru"] if origin == "kk"
                                     else ["ru"])
            if r.random() < 0.4:
                identity["contact"] = f"+7 70{r.randint(0, 9)} 000 {r.randint(0, 9999):04d} (DEMO)"
        return {"id": self.uid(), "type": "person", "code": self.person_code(year), "identity": identity,
                "notes": f"{DEMO_MARKER}. {role_note}"}

    def link(self, person_id: str, target_id: str, role: str, **extra) -> dict:
        rec = {"id": self.uid(), "type": "link", "person_id": person_id, "target_id": target_id, "role": role}
        rec.update(extra)
        return rec

    # ---- stream
    def run(self) -> Iterator[tuple[str, object]]:
        for vocabulary, key, labels in _TERMS:
            yield "record", {"id": self.uid(), "type": "term", "vocabulary": vocabulary, "key": key,
                             "labels": dict(labels)}
        for i in range(self.n_facilities):
            yield "record", self.facility(i)
        visit_slots = [k * self.cases // self.n_visits for k in range(self.n_visits)]
        next_visit = 0
        for i in range(self.cases):
            while next_visit < self.n_visits and visit_slots[next_visit] <= i:
                yield from self.visit(next_visit)
                next_visit += 1
            yield from self.case(i)
        while next_visit < self.n_visits:
            yield from self.visit(next_visit)
            next_visit += 1

    # ---- facility
    def facility(self, i: int) -> dict:
        r = self.rng
        if i < len(FACILITY_TYPES):
            type_key = FACILITY_TYPES[i]
        else:
            type_key = _pick(r, FACILITY_TYPES, _FACILITY_WEIGHTS)
        region = r.choice(_REGIONS)
        nom, gen, city, _west = region
        n = i + 1
        regime = None
        if type_key == "ivs":
            name = f"ИВС № {n} Управления полиции г. {city}"
            authority = f"Департамент полиции {gen}"
        elif type_key == "sizo":
            name = f"СИЗО № {n}, г. {city}"
            authority = f"Департамент уголовно-исполнительной системы {gen}"
        elif type_key == "colony":
            regime = COLONY_REGIMES[self.colonies % len(COLONY_REGIMES)]
            self.colonies += 1
            name = f"Учреждение № {n} ({_REGIME_RU[regime]}), {nom}"
            authority = f"Департамент уголовно-исполнительной системы {gen}"
        elif type_key == "special_reception":
            name = f"Спецприёмник № {n} ДП {gen}"
            authority = f"Департамент полиции {gen}"
        elif type_key == "psychiatric":
            name = f"Психиатрическая больница № {n}, г. {city}"
            authority = f"Управление здравоохранения {gen}"
        elif type_key == "migrant_centre":
            name = f"Центр временного содержания иностранцев № {n}, г. {city}"
            authority = f"Департамент полиции {gen}, миграционная служба"
        elif type_key == "military_guardhouse":
            name = f"Гауптвахта войсковой части {n}{r.randint(100, 999)}, г. {city}"
            authority = "Военная полиция Министерства обороны"
        elif type_key == "children_institution":
            name = f"Специальная организация образования № {n}, г. {city}"
            authority = f"Управление образования {gen}"
        elif type_key == "police_station":
            name = f"Отдел полиции № {n} Управления полиции г. {city}"
            authority = f"Департамент полиции {gen}"
        else:
            name = f"Центр социальной адаптации № {n}, г. {city}"
            authority = "Местный исполнительный орган"
        lo, hi = _CAPACITY[type_key]
        fid = self.uid()
        rec = {"id": fid, "type": "facility", "name": f"{name} {_DEMO_TAG}", "type_key": type_key}
        if regime:
            rec["regime"] = regime
        rec.update({"region": nom, "address": f"г. {city}, ул. Демонстрационная, {r.randint(1, 120)} (вымышленный адрес)",
                    "authority": authority, "capacity": r.randint(lo, hi),
                    "notes": f"{DEMO_MARKER}. Вымышленное учреждение для демонстрации программы."})
        self.facilities.append((fid, type_key, name, region, rec["capacity"]))
        self.fac_weights.append({"ivs": 6, "police_station": 5, "sizo": 3, "colony": 3}.get(type_key, 1))
        return rec

    # ---- visit
    def visit_time(self, k: int) -> int:
        frac = (k + self.rng.random()) / self.n_visits
        return _START + int(frac * (_END - _START))

    def visit(self, k: int) -> Iterator[tuple[str, object]]:
        r = self.rng
        visited = [f for f in self.facilities if f[0] in self.fac_last_visit]
        fresh = [(f, w) for f, w in zip(self.facilities, self.fac_weights) if f[0] not in self.fac_last_visit]
        if visited and (k % 3 == 2 or r.random() < 0.3 or not fresh):
            fac = r.choice(visited)
        else:
            fac = r.choices([f for f, _ in fresh], [w for _, w in fresh])[0]
        fid, type_key, fname, region, capacity = fac
        follow_up = fid in self.fac_last_visit
        start = self.visit_time(k)
        vid = self.uid()
        rec: dict = {"id": vid, "type": "visit", "facility_id": fid, "date_start": _d(start)}
        if r.random() < 0.6:
            rec["date_end"] = _d(start + r.randint(0, 2))
        rec["team"] = r.sample(_MONITORS, r.randint(2, 4))
        rec["announced"] = r.random() < 0.3
        rec["visit_kind"] = "follow_up" if follow_up else "first"
        rec["focus"] = r.choice(_FOCUS)
        rec["cooperation"] = r.choice((
            "Администрация обеспечила беспрепятственный доступ ко всем помещениям и документам.",
            "Доступ предоставлен, но беседы наедине удалось организовать не сразу.",
            "Руководство сотрудничало; часть журналов была предоставлена только по письменному запросу."))
        if r.random() < 0.3:
            rec["obstruction"] = r.choice((
                "Вход на территорию задержан на 40 минут «до согласования с руководством».",
                "Отказано в доступе к журналу регистрации травм.",
                "Сотрудник пытался присутствовать при беседах с задержанными."))
        total = max(0, int(capacity * r.uniform(0.5, 1.3)))
        pop = {"total": total, "capacity": capacity}
        if type_key in ("ivs", "police_station", "sizo"):
            pop["pretrial"] = total - total // 10
            pop["sentenced"] = total // 10
        elif type_key == "colony":
            pop["sentenced"] = total
        elif type_key == "special_reception":
            pop["administrative"] = total
        pop["women"] = total // r.randint(8, 30)
        pop["minors"] = total if type_key == "children_institution" else (total // 50 if r.random() < 0.3 else 0)
        pop["foreigners"] = total if type_key == "migrant_centre" else total // r.randint(20, 80)
        rec["population"] = pop
        conditions = []
        problems = []
        for theme in MATERIAL_THEMES + tuple(r.sample(OTHER_THEMES, r.randint(1, 3))):
            rating = _pick(r, ("adequate", "needs_improvement", "poor", "inhuman"), (35, 35, 22, 8))
            good, bad, _rec, _addr = _THEME_TEXT[theme]
            conditions.append({"theme": theme, "rating": rating, "notes": good if rating == "adequate" else bad})
            if rating != "adequate":
                problems.append(theme)
        rec["conditions"] = conditions
        if not problems:
            problems = ["treatment"]
        findings = []
        for theme in r.sample(problems, min(len(problems), r.randint(2, 4))):
            sources = []
            for kind in r.sample(SOURCE_KINDS, r.randint(1, 3)):
                src: dict = {"kind": kind}
                if kind == "interview_detainee" and fid in self.fac_last_interview:
                    src["record_id"] = self.fac_last_interview[fid]
                elif kind == "observation" and fid in self.fac_last_photo and r.random() < 0.5:
                    src["record_id"] = self.fac_last_photo[fid]
                src["note"] = _SOURCE_NOTES[kind]
                sources.append(src)
            findings.append({"id": self.uid(), "theme": theme,
                             "text": f"{_THEME_TEXT[theme][1]} Подтверждено несколькими независимыми источниками.",
                             "sources": sources})
        rec["findings"] = findings
        recs = []
        new_list = []
        if follow_up:
            for prev_id, text, addressee in self.fac_recs.get(fid, []):
                status = _pick(r, ("implemented", "partially_implemented", "not_implemented", "in_progress",
                                   "repeated", "rejected"), (20, 20, 25, 10, 20, 5))
                item = {"id": self.uid(), "text": text, "addressee": addressee,
                        "priority": r.choice(("urgent", "high", "medium")), "status": status, "follows": prev_id}
                recs.append(item)
                if status != "implemented":
                    new_list.append((item["id"], text, addressee))
        for theme in r.sample([f["theme"] for f in findings], min(len(findings), r.randint(1, 3))):
            _g, _b, text, addressee = _THEME_TEXT[theme]
            item = {"id": self.uid(), "text": text, "addressee": addressee,
                    "priority": _pick(r, ("urgent", "high", "medium", "low"), (15, 35, 35, 15)), "status": "new"}
            recs.append(item)
            new_list.append((item["id"], text, addressee))
        rec["recommendations"] = recs
        self.fac_recs[fid] = new_list[:6]
        if r.random() < 0.6:
            rec["good_practices"] = r.sample(_GOOD_PRACTICES, r.randint(1, 2))
        if follow_up:
            rec["changes_since_last"] = r.choice((
                "После предыдущего визита в камерах заменены матрасы; вентиляция по-прежнему не работает.",
                "Сменилось руководство учреждения; журнал травм ведётся аккуратнее.",
                "Существенных изменений с прошлого визита не выявлено."))
        rec["summary"] = (f"{DEMO_MARKER}. {'Повторный' if follow_up else 'Первый'} визит мониторинговой группы "
                          f"в учреждение «{fname}». Основные проблемы: "
                          + ", ".join(sorted(set(problems))) + ".")
        rec["notes"] = f"{DEMO_MARKER}. Внутренние заметки группы: список лиц для повторной беседы хранится отдельно."
        self.fac_last_visit[fid] = vid
        yield "record", rec

    # ---- case and everything hanging off it
    def case(self, i: int) -> Iterator[tuple[str, object]]:
        r = self.rng
        incident = _START + int((i + r.random()) * (_END - _START) / max(1, self.cases))
        year = date.fromordinal(incident).year
        fac = r.choices(self.facilities, self.fac_weights)[0]
        fid, ftype, fname, region, _cap = fac
        forms = _PLACE_FORMS[ftype]

        # --- decisions made up front so the records agree with each other
        has_proc = r.random() < 0.10 or i == min(1, self.cases - 1)
        proc_status = _pick(r, _PROC_STATUS, _PROC_STATUS_W) if has_proc else None
        first_filed = incident + r.randint(5, 45)
        decided = min(first_filed + r.randint(10, 40), _CUTOFF)
        judgment = decided + r.randint(90, 330)
        appeal_day = judgment + r.randint(10, 30)
        if proc_status == "appeal" and appeal_day > _CUTOFF:
            proc_status = "judgment"
        if proc_status in ("judgment", "appeal") and judgment > _CUTOFF:
            proc_status = "at_trial"
        if proc_status == "at_trial" and decided + 60 > _CUTOFF:
            proc_status = "investigation"
        n_perps = _pick(r, (0, 1, 2), (35, 45, 20))
        if proc_status in ("at_trial", "judgment", "appeal") and n_perps == 0:
            n_perps = 1
        n_witness = _pick(r, (0, 1, 2), (50, 35, 15))
        has_exam = r.random() < 0.6 or i == 0
        n_photos = r.randint(1, 3) if (has_exam and (r.random() < 0.5 or i == 0)) else 0
        methods = [_pick(r, _METHODS_MAIN, _METHODS_W)]
        for _ in range(r.randint(0, 3)):
            m = _pick(r, _METHODS_MAIN, _METHODS_W)
            if m not in methods:
                methods.append(m)

        # --- persons that the case record references (perpetrators)
        origin = "uz" if ftype == "migrant_centre" and r.random() < 0.7 else None
        minor = ftype == "children_institution"
        victim_gender = "male" if r.random() < 0.86 else "female"
        victim = self.person(year, role_note="Пострадавший (вымышленное лицо).", gender=victim_gender,
                             age=(14, 17) if minor else (18, 60), incident=incident, origin=origin)
        yield "record", victim
        victim_id = victim["id"]
        perps = []
        pool = self.fac_perps.setdefault(fid, [])
        penal = ftype in ("sizo", "colony")
        for _ in range(n_perps):
            if pool and r.random() < 0.3:
                p = r.choice(pool)
                if p in perps:
                    continue
                perps.append(p)
                continue
            person = self.person(year, role_note="Предполагаемый исполнитель (вымышленное лицо).",
                                 gender="male" if r.random() < 0.95 else "female",
                                 age=(23, 50), incident=incident, full=r.random() < 0.5)
            yield "record", person
            p = (person["id"], r.choice(_RANKS_PENAL if penal else _RANKS_POLICE),
                 r.choice(_UNITS_PENAL if penal else _UNITS_POLICE), r.choice(_UNIFORMS))
            perps.append(p)
            if len(pool) < 8:
                pool.append(p)

        # --- the case
        n = self.case_seq.get(year, 0) + 1
        self.case_seq[year] = n
        cid = self.uid()
        period_end = incident + r.choice((0, 0, 1, 2, 3, 7))
        allegation = {"id": self.uid(), "date": _d(incident)}
        if period_end != incident:
            allegation["date_end"] = _d(period_end)
        allegation.update({
            "place": fname, "facility_id": fid,
            "description": (f"{', '.join(_METHOD_RU_NOUN[m] for m in methods).capitalize()} "
                            f"{forms[1]} с целью получения признательных показаний."),
            "methods": list(methods),
        })
        if perps:
            allegation["perpetrators"] = [
                {"person_id": p[0], "involvement": ("direct" if j == 0 else
                                                    _pick(r, ("direct", "ordered", "present", "failed_to_prevent"),
                                                          (40, 20, 30, 10)))}
                for j, p in enumerate(perps)]
        tags = [ftype, methods[0]]
        if has_proc:
            tags.append("уголовное дело")
        case_rec: dict = {"id": cid, "type": "case", "code": f"KZ-{year}-{n:04d}",
                          "title": f"{_DEMO_TAG} {_METHOD_RU_NOUN[methods[0]].capitalize()} {forms[1]}, "
                                   f"г. {region[2]}",
                          "status": "documenting",  # set below
                          "facility_id": fid, "period_start": _d(incident), "period_end": _d(period_end),
                          "summary": (f"{DEMO_MARKER}. Пострадавший {victim['code']} сообщает о применении "
                                      f"насилия {forms[1]} ({fname}) {_d(incident)}: "
                                      f"{', '.join(_METHOD_RU_NOUN[m] for m in methods)}."),
                          "allegations": [allegation], "tags": tags}
        # complaint plan (needed for the status)
        n_complaints = 1 if r.random() < 0.6 else 2
        statuses = [_pick(r, _COMPLAINT_STATUS, _COMPLAINT_STATUS_W) for _ in range(n_complaints)]
        if has_proc:
            statuses[0] = "refused" if proc_status == "refused_to_open" else "investigation_opened"
        elif "investigation_opened" in statuses:
            statuses = ["registered" if s == "investigation_opened" else s for s in statuses]
        old = incident < _CUTOFF - 5 * 365
        if has_proc:
            status = {"pre_investigation": "investigation", "investigation": "investigation",
                      "suspended": "investigation", "at_trial": "trial"}.get(proc_status, "closed")
        elif all(s == "draft" for s in statuses):
            status = "documenting" if not old else "archived"
        else:
            status = "complaint_filed"
        if status in ("complaint_filed", "closed") and old and r.random() < 0.6:
            status = "archived" if r.random() < 0.3 else "closed"
        if status == "documenting" and r.random() < 0.3:
            status = "open"
        case_rec["status"] = status
        yield "record", case_rec

        # --- links
        yield "record", self.link(victim_id, cid, "victim")
        for p in perps:
            yield "record", self.link(p[0], cid, "alleged_perpetrator", rank=p[1], unit=p[2], uniform=p[3],
                                      notes="Опознан по описанию пострадавшего (вымышленные данные).")
        witnesses = []
        for _ in range(n_witness):
            w = self.person(year, role_note="Свидетель (вымышленное лицо).", incident=incident)
            yield "record", w
            witnesses.append(w["id"])
            yield "record", self.link(w["id"], cid, "witness",
                                      notes=r.choice(("Сокамерник.", "Находился в коридоре.",
                                                      "Видел пострадавшего после допроса.")))
        lawyer = None
        if r.random() < 0.5:
            if len(self.lawyers) < self.max_lawyers and (not self.lawyers or r.random() < 0.4):
                lp = self.person(year, role_note="Адвокат (вымышленное лицо).", incident=incident, age=(28, 65))
                yield "record", lp
                self.lawyers.append((lp["id"], lp["identity"]["name_cyrillic"]))
            lawyer = r.choice(self.lawyers)
            yield "record", self.link(lawyer[0], cid, "lawyer", notes="Защитник по соглашению.")
        relative = None
        if r.random() < 0.15:
            rel = self.person(year, role_note="Родственник пострадавшего (вымышленное лицо).", incident=incident,
                              gender="female" if r.random() < 0.7 else "male", age=(20, 70))
            yield "record", rel
            relative = rel["id"]
            yield "record", self.link(relative, cid, "relative", notes="Родственник пострадавшего, подал жалобу от его имени.")

        # --- interview of the victim
        interview_day = incident + r.randint(2, 30)
        lang = "kk" if i == 0 else _pick(r, ("ru", "kk", "en"), (55, 35, 10))
        if origin == "uz" and lang == "kk":
            lang = "ru"
        photo_consent = n_photos > 0 or r.random() < 0.5
        iv = self.interview(cid, victim_id, fid, region, interview_day, incident, lang, methods, ftype,
                            photo_consent=photo_consent, force_kamau=(i == 0))
        yield "record", iv
        self.fac_last_interview[fid] = iv["id"]
        sealed_records = [iv] if iv.get("sealed") else []
        if witnesses and r.random() < 0.3:
            wl = _pick(r, ("ru", "kk"), (60, 40))
            wiv = self.interview(cid, witnesses[0], fid, region, interview_day + r.randint(0, 10), incident, wl,
                                 methods, ftype, photo_consent=False, witness=True)
            yield "record", wiv
            if wiv.get("sealed"):
                sealed_records.append(wiv)

        # --- examination (+ photos, yielded first)
        if has_exam:
            exam_day = incident + r.randint(3, 20)
            exam_dt = self.dt(exam_day, region, 9, 16)
            injuries = self.injuries(methods, exam_day - incident)
            for j in range(n_photos):
                injury = injuries[j % len(injuries)]
                self.photo_seq += 1
                blob = png_photo(r, self.photo_seq)
                yield "blob", blob
                aid = self.uid()
                yield "record", {
                    "id": aid, "type": "attachment", "sha256": hashlib.sha256(blob).hexdigest(),
                    "size": len(blob), "mime_type": "image/png",
                    "original_name": f"IMG_{self.photo_seq:05d}.png",
                    "captured_at": _later(exam_dt, 10 + 7 * j),
                    "added_by": _EXAMINERS[self.photo_seq % len(_EXAMINERS)][0],
                    "parent_id": cid,
                    "caption": f"{_INJURY_RU[injury['injury_type']].capitalize()}, "
                               f"{_REGION_RU[injury['region']]} {_DEMO_TAG}",
                    "has_scale": True, "intimate": False,
                    "description": f"{DEMO_MARKER}. Синтетическое изображение, не фотография реального человека.",
                }
                injury.setdefault("photo_ids", []).append(aid)
                self.fac_last_photo[fid] = aid
            ex = self.examination(cid, victim_id, exam_day, exam_dt, region, fname, methods, injuries, incident,
                                  forms)
            yield "record", ex
            if ex.get("sealed"):
                sealed_records.append(ex)

        # --- addenda to sealed records
        for target in sealed_records:
            if r.random() < 0.3 or i == 0:
                sealed_day = date.fromisoformat(target["sealed_at"][:10]).toordinal()
                day = min(sealed_day + r.randint(1, 60), _CUTOFF)
                if day <= sealed_day:
                    continue
                yield "record", {"id": self.uid(), "type": "addendum", "target_id": target["id"],
                                 "text": r.choice((
                                     "Дополнение после опечатывания: после визита пострадавшего перевели в другую "
                                     "камеру; со слов адвоката, давление продолжается.",
                                     "Дополнение: получена копия выписки из медицинской карты, подтверждающая "
                                     "обращение за помощью на следующий день после событий.",
                                     "Қосымша: жәбірленуші өтініш бергеннен кейін оған қайта қысым көрсетілді.")),
                                 "author": r.choice(_MONITORS), "date": self.dt(day, region)}

        # --- complaints and proceeding
        filed = first_filed
        proc_complaint = None
        for j, cstatus in enumerate(statuses):
            comp = self.complaint(cid, victim_id, relative, lawyer, region, filed, cstatus, j, methods, forms)
            yield "record", comp
            if j == 0:
                proc_complaint = comp
            filed = min(filed + r.randint(20, 60), _CUTOFF)
        if has_proc:
            yield "record", self.proceeding(cid, proc_complaint, proc_status, incident, perps,
                                            decided, judgment, appeal_day)

    def interview(self, cid, person_id, fid, region, day, incident, lang, methods, ftype, *, photo_consent,
                  force_kamau=False, witness=False) -> dict:
        r = self.rng
        li = {"ru": 0, "kk": 1, "en": 2}[lang]
        forms = _PLACE_FORMS[ftype]
        date_text = date.fromordinal(incident).strftime("%d.%m.%Y")
        if witness:
            parts = r.sample(_WITNESS, r.randint(3, 4))
            sentences = [p[li] for p in parts]
        else:
            opener = r.choice(_OPENERS)[li].format(date=date_text, to=forms[0], loc=forms[1], kto=forms[2],
                                                   kloc=forms[3], en=forms[4])
            sentences = [opener, r.choice(_DEMANDS)[li]]
            sentences += [_METHOD_TEXT[m][li] for m in methods]
            sentences += [d[li] for d in r.sample(_DETAILS, r.randint(1, 2))]
            closers = r.sample(_CLOSERS, r.randint(1, 2))
            if force_kamau and _CLOSERS[1] not in closers:
                closers.append(_CLOSERS[1])
            sentences += [c[li] for c in closers]
        narrative = " ".join(sentences)
        interviewers = r.sample(_MONITORS, r.randint(1, 2))
        rec: dict = {"id": self.uid(), "type": "interview", "person_id": person_id, "case_id": cid}
        last_visit = self.fac_last_visit.get(fid)
        if last_visit and r.random() < 0.25:
            rec["visit_id"] = last_visit
        private = r.random() < 0.85
        rec.update({"interviewers": interviewers, "date": self.dt(day, region),
                    "place": r.choice(("комната для свиданий с адвокатом", "офис НПО (DEMO)",
                                       "кабинет медицинской части", "по месту жительства")) if private
                    else "комната для свиданий учреждения"})
        rec["language"] = lang
        if lang == "kk" and r.random() < 0.3:
            rec["interpreter"] = {"present": True, "name": r.choice(_INTERPRETERS), "language": "kk-ru"}
        elif lang == "en":
            rec["interpreter"] = {"present": True, "name": r.choice(_INTERPRETERS), "language": "ru-en"}
        else:
            rec["interpreter"] = {"present": False}
        rec["private"] = private
        present = []
        if rec["interpreter"]["present"]:
            present.append("переводчик")
        if not private:
            present.append("сотрудник учреждения (отказался выйти)")
        if present:
            rec["persons_present"] = present
        rec["narrative"] = narrative
        rec["reprisal_risk"] = _pick(r, ("none", "low", "medium", "high"), (5, 25, 40, 30))
        if r.random() < 0.5:
            rec["follow_up"] = r.choice(("Повторно посетить через месяц; проверить, не переведён ли в другую камеру.",
                                         "Передать адвокату копию записи с согласия опрошенного.",
                                         "Запросить медицинскую документацию учреждения."))
        method = _pick(r, ("written", "oral", "oral_witnessed"), (50, 30, 20))
        rec["consent"] = {
            "documentation": True, "photographs": photo_consent, "intimate_photographs": False,
            "share_with_lawyer": r.random() < 0.8, "anonymised_reports": True,
            "publication_with_name": r.random() < 0.05, "date": rec["date"], "method": method,
        }
        if r.random() < 0.55 or force_kamau:
            rec["sealed"] = True
            rec["sealed_at"] = self.dt(day, region, 19, 23)
            rec["sealed_by"] = interviewers[0]
        return rec

    def injuries(self, methods, age_days: int) -> list[dict]:
        r = self.rng
        candidates = []
        for m in methods:
            candidates.extend(_INJURY_MAP.get(m, ()))
        if not candidates:
            candidates = list(_FALLBACK_INJURIES)
        out = []
        seen = set()
        for _ in range(r.randint(1, 4)):
            region, itype = r.choice(candidates)
            if (region, itype) in seen:
                continue
            seen.add((region, itype))
            sides, x, y = _REGION_POS[region]
            side = "front" if sides == "f" else "back" if sides == "b" else r.choice(("front", "back"))
            if side == "back":
                x = 1.0 - x  # the person's left is on the left of the back view
            if region.startswith("foot"):
                side = "back" if itype in ("bruise", "swelling") else side
            x = round(min(1.0, max(0.0, x + r.uniform(-0.03, 0.03))), 3)
            y = round(min(1.0, max(0.0, y + r.uniform(-0.03, 0.03))), 3)
            inj: dict = {"id": self.uid(), "side": side, "x": x, "y": y, "region": region, "injury_type": itype}
            if itype not in ("fracture", "dislocation", "tooth_injury"):
                inj["length_mm"] = r.randint(5, 90)
                inj["width_mm"] = round(r.uniform(1, 40), 1)
                inj["shape"] = r.choice(("овальная", "полосовидная", "неправильной формы", "округлая"))
            if itype in ("bruise", "haematoma"):
                inj["colour"] = ("красно-фиолетовый" if age_days <= 2 else "сине-фиолетовый" if age_days <= 6
                                 else "зеленовато-жёлтый" if age_days <= 10 else "жёлтый")
            inj["estimated_age"] = f"{max(1, age_days - 2)}–{age_days + 2} суток"
            inj["attributed_cause"] = "Со слов обследуемого — удары при допросе."
            inj["consistency"] = _pick(r, _CONSISTENCY_ORDER, (5, 35, 38, 17, 5))
            out.append(inj)
        return out

    def examination(self, cid, person_id, day, exam_dt, region, fname, methods, injuries, incident, forms) -> dict:
        r = self.rng
        name, quals = r.choice(_EXAMINERS)
        opinion = max((inj["consistency"] for inj in injuries), key=_CONSISTENCY_ORDER.index)
        if opinion == "diagnostic" and r.random() < 0.7:
            opinion = "typical"
        rec: dict = {"id": self.uid(), "type": "examination", "person_id": person_id, "case_id": cid,
                     "examiner": {"name": name, "qualifications": quals}, "date": exam_dt,
                     "place": r.choice((f"{fname}, медицинская часть", "кабинет врача НПО (DEMO)",
                                        "городская поликлиника, кабинет травматолога")),
                     "requesting_party": r.choice((_NGO, "адвокат пострадавшего", "Национальный превентивный механизм"))}
        if r.random() < 0.2:
            rec["interpreter"] = r.choice(_INTERPRETERS)
        rec["persons_present"] = r.choice(([], ["медсестра"], ["сотрудник конвоя (по требованию администрации)"]))
        rec["restraints"] = r.choice(("не применялись", "не применялись", "наручники сняты по просьбе врача"))
        rec["conditions"] = r.choice(("Осмотр проведён наедине, при достаточном освещении.",
                                      "Осмотр проведён в присутствии сотрудника; просьба выйти отклонена."))
        if r.random() < 0.4:
            rec["restrictions"] = "Рентгенография и лабораторные исследования недоступны."
        rec["history"] = (f"Со слов обследуемого, {_d(incident)} {forms[1]} к нему применили: "
                          f"{', '.join(_METHOD_RU_NOUN[m] for m in methods)}. Осмотр через "
                          f"{day - incident} сут. после событий.")
        rec["symptoms"] = r.choice(_SYMPTOMS)
        rec["injuries"] = injuries
        rec["psychological_findings"] = r.choice(_PSYCH)
        if r.random() < 0.3:
            rec["diagnostic_tests"] = "Рентгенография грудной клетки: консолидирующийся перелом 6-го ребра слева."
        if r.random() < 0.2:
            rec["consultations"] = "Консультация психиатра рекомендована."
        rec["interpretation"] = (f"Выявленные повреждения {_CONSISTENCY_RU[opinion]} описанным обследуемым "
                                 f"событиям (формулировки Стамбульского протокола).")
        rec["overall_opinion"] = opinion
        rec["conclusions"] = r.choice(_CONCLUSIONS)
        rec["recommendations"] = "Повторный осмотр через 2 недели; консультация психолога."
        if r.random() < 0.5:
            rec["sealed"] = True
            rec["sealed_at"] = self.dt(day, region, 19, 23)
            rec["sealed_by"] = name
        else:
            rec["sealed"] = False
        return rec

    def complaint(self, cid, victim_id, relative, lawyer, region, filed, status, j, methods, forms) -> dict:
        r = self.rng
        gen = region[1]
        if j == 0:
            authority = _pick(r, ("prosecutor", "police", "anti_corruption", "national_security"), (80, 10, 5, 5))
        else:
            authority = _pick(r, ("court", "ombudsman", "npm", "penitentiary_committee", "un_body", "prosecutor"),
                              (25, 25, 15, 10, 5, 20))
        if status == "investigation_opened":
            authority = "prosecutor"
        names = {"prosecutor": f"Прокуратура {gen}", "police": f"Департамент полиции {gen}",
                 "anti_corruption": f"Департамент Агентства по противодействию коррупции по {region[2]}",
                 "national_security": f"Департамент КНБ по {region[2]}",
                 "court": f"Следственный суд г. {region[2]}",
                 "ombudsman": "Уполномоченный по правам человека в Республике Казахстан",
                 "npm": "Национальный превентивный механизм",
                 "penitentiary_committee": "Комитет уголовно-исполнительной системы МВД",
                 "un_body": "Комитет ООН против пыток"}
        complainant = relative if (relative and r.random() < 0.5) else victim_id
        rec: dict = {"id": self.uid(), "type": "complaint", "case_id": cid, "complainant_id": complainant,
                     "filed_by": lawyer[1] + " (адвокат)" if lawyer else _NGO,
                     "date_filed": _d(filed), "authority": authority, "authority_name": names[authority]}
        if status != "draft":
            rec["reference"] = f"№ {r.randint(1, 9999)}-{date.fromordinal(filed).year % 100:02d}"
        rec["statement"] = (f"Прошу провести проверку по факту применения пыток {forms[1]} "
                            f"({', '.join(_METHOD_RU_NOUN[m] for m in methods)}) и привлечь виновных к "
                            f"ответственности. {DEMO_MARKER}.")
        reply_day = filed + r.randint(10, 60)
        if status in _REPLIES:
            if reply_day <= _CUTOFF:
                rec["reply_date"] = _d(reply_day)
                rec["reply"] = _REPLIES[status]
            elif status != "investigation_opened":
                status = "registered" if status in ("refused", "closed") else status
        rec["status"] = status
        # keep key order stable and close to the table in data-model.md
        return {k: rec[k] for k in ("id", "type", "case_id", "complainant_id", "filed_by", "date_filed",
                                    "authority", "authority_name", "reference", "statement", "status",
                                    "reply_date", "reply") if k in rec}

    def proceeding(self, cid, complaint, status, incident, perps, decided, judgment, appeal_day) -> dict:
        r = self.rng
        year = date.fromordinal(incident).year
        if incident < date(2015, 1, 1).toordinal():
            article = _pick(r, ("cc1997-308", "cc1997-141-1"), (70, 30))
            case_number = f"№ {r.randint(100000000, 999999999)}"
        else:
            article = _pick(r, ("cc2014-146", "cc2014-362", _TERM_ARTICLE, "other"), (55, 33, 9, 3))
            case_number = f"{year % 100:02d}{r.randrange(10 ** 13):013d}"
        authority = _pick(r, ("prosecutor", "national_security", "anti_corruption"), (80, 12, 8))
        rec: dict = {"id": self.uid(), "type": "proceeding", "case_id": cid, "complaint_id": complaint["id"],
                     "authority": authority}
        if status == "refused_to_open":
            rec["date_refused"] = _d(decided)
            rec["article"] = article
            rec["status"] = status
            rec["outcome"] = "refused"
            rec["notes"] = "Отказано в регистрации: «доводы не нашли подтверждения». Обжаловано в суд. " + DEMO_MARKER
            return rec
        rec["case_number"] = case_number
        rec["date_opened"] = _d(decided)
        rec["article"] = article
        rec["status"] = status
        if status == "terminated":
            rec["outcome"] = "terminated"
        elif status == "closed":
            rec["outcome"] = r.choice(("terminated", "amnesty"))
        elif status in ("judgment", "appeal"):
            rec["outcome"] = "conviction" if r.random() < 0.85 else "acquittal"
            rec["judgment_date"] = _d(judgment)
        else:
            rec["outcome"] = "pending"
        if status in ("at_trial", "judgment", "appeal") and perps:
            rec["defendants"] = [p[0] for p in perps]
        if rec["outcome"] == "conviction":
            suspended = r.random() < 0.3
            rec["sentence_years"] = r.choice((2, 2.5, 3)) if suspended else r.choice((3, 4, 5, 5, 6, 7))
            rec["sentence_suspended"] = suspended
        if status == "appeal":
            rec["appeal"] = {"date": _d(appeal_day), "by": r.choice(("осуждённый", "прокурор", "потерпевший")),
                             "outcome": "pending" if appeal_day + 60 > _CUTOFF else r.choice(("conviction", "other")),
                             "notes": "Апелляционная жалоба на приговор."}
        rec["notes"] = f"{DEMO_MARKER}. Квалификация: {article}."
        return rec


def generate(cases: int = 50, seed: int = 1) -> Iterator[tuple[str, object]]:
    """Stream demo data: ``("blob", bytes)`` and ``("record", dict)`` items, references first."""
    if cases < 0:
        raise ValueError("cases must be >= 0")
    return _Gen(cases, seed).run()
