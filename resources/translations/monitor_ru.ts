<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name />
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="119" />
        <source>Show the intimate photo</source>
        <translation>Показать интимный снимок</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="121" />
        <source>Export a copy…</source>
        <translation>Экспортировать копию…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="137" />
        <source>An intimate photo: shown only on request.</source>
        <translation>Интимный снимок: показывается только по запросу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="145" />
        <source>No preview for this file.</source>
        <translation>Для этого файла нет предпросмотра.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="154" />
        <source>Export a copy</source>
        <translation>Экспорт копии</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="163" />
        <source>A copy was written; the export is recorded in the audit log. The copy is not encrypted.</source>
        <translation>Копия записана; экспорт отмечен в журнале аудита. Копия не зашифрована.</translation>
    </message>
</context>
<context>
    <name>AddendaPanel</name>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="83" />
        <source>Addenda</source>
        <translation>Дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="89" />
        <source>A correction or later information; the sealed text stays as it was.</source>
        <translation>Исправление или новые сведения; запечатанный текст остаётся как был.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="91" />
        <source>Add addendum</source>
        <translation>Добавить дополнение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="125" />
        <source>Write the addendum first.</source>
        <translation>Сначала напишите дополнение.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="44" />
        <source>Adding files</source>
        <translation>Добавление файлов</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="45" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="53" />
        <source>Adding {name} ({n} of {total})…</source>
        <translation>Добавляется {name} ({n} из {total})…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/attachments_view.py" line="67" />
        <source>Cancelled; the file being added was not kept.</source>
        <translation>Отменено; добавляемый файл не сохранён.</translation>
    </message>
</context>
<context>
    <name>CaseFile</name>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="26" />
        <source>Alleged ill-treatment</source>
        <translation>Заявленное жестокое обращение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="27" />
        <source>Visit</source>
        <translation>Посещение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="28" />
        <source>Interview</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="29" />
        <source>Medical examination</source>
        <translation>Медицинское освидетельствование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="30" />
        <source>Complaint filed</source>
        <translation>Подана жалоба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="31" />
        <source>Reply to the complaint</source>
        <translation>Ответ на жалобу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="32" />
        <source>Response of an authority</source>
        <translation>Ответ органа</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="33" />
        <source>Criminal case opened</source>
        <translation>Возбуждено уголовное дело</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="34" />
        <source>Criminal case refused</source>
        <translation>Отказ в возбуждении дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="35" />
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="36" />
        <source>Judgment</source>
        <translation>Приговор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="37" />
        <source>Appeal</source>
        <translation>Обжалование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="38" />
        <source>Reprisal</source>
        <translation>Преследование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="39" />
        <source>Consent recorded</source>
        <translation>Записано согласие</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="40" />
        <source>Addendum</source>
        <translation>Дополнение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="48" />
        <source>consent given: {items}</source>
        <translation>согласие дано: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="49" />
        <source>not given or withdrawn: {items}</source>
        <translation>не дано или отозвано: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="50" />
        <source>Intimate photo: not shown.</source>
        <translation>Интимный снимок: не показан.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="51" />
        <source>Show it</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="52" />
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="53" />
        <source>Open the case record</source>
        <translation>Открыть запись дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="54" />
        <source>People and roles</source>
        <translation>Лица и их роли</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="55" />
        <source>sealed</source>
        <translation>запечатано</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="56" />
        <source>{n} injuries</source>
        <translation>повреждений: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="57" />
        <source>Photos and documents</source>
        <translation>Фотографии и документы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="58" />
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/case_file.py" line="59" />
        <source>None yet.</source>
        <translation>Пока нет.</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="104" />
        <source>Edit the case</source>
        <translation>Изменить дело</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="105" />
        <source>New interview</source>
        <translation>Новое интервью</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="106" />
        <source>New examination</source>
        <translation>Новое освидетельствование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="107" />
        <source>New complaint</source>
        <translation>Новая жалоба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="108" />
        <source>Add photo or document…</source>
        <translation>Добавить фото или документ…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="109" />
        <source>History</source>
        <translation>История</translation>
    </message>
</context>
<context>
    <name>ExaminationEditor</name>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="78" />
        <source>Remove this injury</source>
        <translation>Удалить это повреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="81" />
        <source>Click the figure to mark an injury; drag a marker to move it; click a marker to edit its injury.</source>
        <translation>Щёлкните по фигуре, чтобы отметить повреждение; перетащите метку, чтобы сдвинуть её; щёлкните по метке, чтобы изменить описание.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="110" />
        <source>Examination details</source>
        <translation>Сведения об освидетельствовании</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="119" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="121" />
        <source>Seal…</source>
        <translation>Запечатать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="195" />
        <source>Injury {n}</source>
        <translation>Повреждение {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="196" />
        <source>No injury selected</source>
        <translation>Повреждение не выбрано</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="251" />
        <source>sealed {time}: addenda only</source>
        <translation>запечатано {time}: только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="273" />
        <source>Unsaved work from {time} was restored from the vault.</source>
        <translation>Несохранённая работа от {time} восстановлена из хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="314" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Не сохранено: исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="315" />
        <source>Not saved: {message}</source>
        <translation>Не сохранено: {message}</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../monitor/gui/forms.py" line="153" />
        <location filename="../../monitor/gui/forms.py" line="681" />
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="204" />
        <source>Enter a whole number.</source>
        <translation>Введите целое число.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="204" />
        <source>Enter a number.</source>
        <translation>Введите число.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="228" />
        <source>not stated</source>
        <translation>не указано</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="229" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="230" />
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="262" />
        <source>YYYY-MM-DD HH:MM</source>
        <translation>ГГГГ-ММ-ДД чч:мм</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="262" />
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="265" />
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="265" />
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="288" />
        <location filename="../../monitor/gui/forms.py" line="683" />
        <source>Not a valid date.</source>
        <translation>Неверная дата.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="420" />
        <source>Choose a record from the list.</source>
        <translation>Выберите запись из списка.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="555" />
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="569" />
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="600" />
        <location filename="../../monitor/gui/forms.py" line="688" />
        <source>Add at least one.</source>
        <translation>Добавьте хотя бы один элемент.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="682" />
        <source>Too long.</source>
        <translation>Слишком длинно.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="684" />
        <source>Not in the expected form.</source>
        <translation>Неверный формат.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="685" />
        <source>Out of range.</source>
        <translation>Значение вне допустимых пределов.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="686" />
        <source>Not a term of this list.</source>
        <translation>Такого значения нет в списке.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="687" />
        <source>The linked record does not exist.</source>
        <translation>Связанная запись не существует.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="689" />
        <source>The date is in the future.</source>
        <translation>Дата в будущем.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="690" />
        <source>This date comes before the date it must follow.</source>
        <translation>Эта дата раньше той, за которой она должна следовать.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="691" />
        <source>Does not agree with the status or outcome.</source>
        <translation>Не согласуется со статусом или итогом.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="740" />
        <source>Show identity fields</source>
        <translation>Показать личные данные</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="764" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="788" />
        <source>Unsaved changes from {time} were restored from the vault.</source>
        <translation>Несохранённые изменения от {time} восстановлены из хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="805" />
        <source>New: {what}</source>
        <translation>Новая запись: {what}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="811" />
        <source>Editing: {what}</source>
        <translation>Изменение: {what}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="845" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Не сохранено: исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="846" />
        <source>Not saved: {message}</source>
        <translation>Не сохранено: {message}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../monitor/gui/history_view.py" line="51" />
        <source>this device</source>
        <translation>это устройство</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/history_view.py" line="52" />
        <source>device {code}</source>
        <translation>устройство {code}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/history_view.py" line="65" />
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/history_view.py" line="69" />
        <source>History of {record}: {n} revisions</source>
        <translation>История записи ({record}): версий — {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/history_view.py" line="130" />
        <source>No change in content.</source>
        <translation>Содержание не изменилось.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/history_view.py" line="131" />
        <source>First version.</source>
        <translation>Первая версия.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/history_view.py" line="131" />
        <source>Changes from the revision before:</source>
        <translation>Изменения по сравнению с предыдущей версией:</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="80" />
        <source>Record a change or withdrawal of consent</source>
        <translation>Записать изменение или отзыв согласия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="83" />
        <source>Save the consent</source>
        <translation>Сохранить согласие</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="104" />
        <source>The person's account, in their words, as they gave it.</source>
        <translation>Рассказ человека его словами, как он был дан.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="115" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="117" />
        <source>Seal…</source>
        <translation>Запечатать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="131" />
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="188" />
        <source>sealed {time}: addenda only</source>
        <translation>запечатано {time}: только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="208" />
        <source>Choose the person to see the consent they have given.</source>
        <translation>Выберите лицо, чтобы увидеть данное им согласие.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="215" />
        <source>Consent on record: {items}</source>
        <translation>Записанное согласие: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="215" />
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="217" />
        <source>Withdrawn: {items}</source>
        <translation>Отозвано: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="231" />
        <source>Choose the person first.</source>
        <translation>Сначала выберите лицо.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="278" />
        <source>Unsaved typing from {time} was restored from the vault.</source>
        <translation>Несохранённый текст от {time} восстановлен из хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="302" />
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="366" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Не сохранено: исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="367" />
        <source>Not saved: {message}</source>
        <translation>Не сохранено: {message}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="403" />
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../monitor/gui/labels.py" line="27" />
        <source>(missing record)</source>
        <translation>(запись отсутствует)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/labels.py" line="102" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/labels.py" line="102" />
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../monitor/gui/lists.py" line="21" />
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/lists.py" line="22" />
        <source>Visits</source>
        <translation>Посещения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/lists.py" line="23" />
        <source>Facilities</source>
        <translation>Учреждения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/lists.py" line="24" />
        <source>People</source>
        <translation>Лица</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/lists.py" line="25" />
        <source>Examinations</source>
        <translation>Освидетельствования</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/lists.py" line="26" />
        <source>Complaints</source>
        <translation>Жалобы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/lists.py" line="28" />
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/lists.py" line="28" />
        <source>Sealed</source>
        <translation>Запечатано</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="161" />
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="169" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="169" />
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="170" />
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="190" />
        <source>Filter this list…</source>
        <translation>Фильтр списка…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="199" />
        <source>from YYYY-MM-DD</source>
        <translation>с ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="201" />
        <source>to YYYY-MM-DD</source>
        <translation>по ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="235" />
        <source>Search narratives, names, notes…</source>
        <translation>Поиск по показаниям, именам, заметкам…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="254" />
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="255" />
        <source>Forward</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="256" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="257" />
        <source>Find…</source>
        <translation>Найти…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="259" />
        <source>Add photo or document…</source>
        <translation>Добавить фото или документ…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="260" />
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="261" />
        <source>History of this record</source>
        <translation>История этой записи</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="263" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="268" />
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="271" />
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="281" />
        <source>&amp;Records</source>
        <translation>&amp;Записи</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="286" />
        <source>New {what}</source>
        <translation>Создать: {what}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="293" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="294" />
        <location filename="../../monitor/gui/main_window.py" line="671" />
        <source>Consistency terms (Istanbul Protocol)</source>
        <translation>Термины соответствия (Стамбульский протокол)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="295" />
        <location filename="../../monitor/gui/main_window.py" line="677" />
        <source>About Monitor</source>
        <translation>О программе Monitor</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="297" />
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="614" />
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="615" />
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="616" />
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="636" />
        <source>Add photos or documents</source>
        <translation>Добавить фото или документы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="649" />
        <source>{n} file(s) added to the vault.</source>
        <translation>Добавлено файлов в хранилище: {n}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="678" />
        <source>Monitor keeps the records of visits to places of detention and of torture documentation in one encrypted vault, offline.</source>
        <translation>Monitor хранит записи о посещениях мест лишения свободы и документировании пыток в одном зашифрованном хранилище, без подключения к сети.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="262" />
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="258" />
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="327" />
        <source>The vault was wiped, changed or damaged by another program while it was open. Monitor has locked it.</source>
        <translation>Хранилище было стёрто, изменено или повреждено другой программой, пока оно было открыто. Monitor заблокировал его.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="499" />
        <source>The vault is empty.</source>
        <translation>Хранилище пусто.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="507" />
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="515" />
        <source>Any facility</source>
        <translation>Любое учреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="552" />
        <source>{cases} cases, {records} records</source>
        <translation>Дел: {cases}, записей: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="580" />
        <source>Search: {text}</source>
        <translation>Поиск: {text}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="584" />
        <source>{n} matches</source>
        <translation>Совпадений: {n}</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="79" />
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="81" />
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="83" />
        <source>Add photo or document…</source>
        <translation>Добавить фото или документ…</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../monitor/gui/record_view.py" line="25" />
        <source>updated {time}</source>
        <translation>изменено {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/record_view.py" line="26" />
        <source>Deleted.</source>
        <translation>Удалено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/record_view.py" line="27" />
        <source>Sealed — addenda only.</source>
        <translation>Запечатано — только дополнения.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/record_view.py" line="28" />
        <source>Conflict: {n} concurrent versions.</source>
        <translation>Конфликт: параллельных версий — {n}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/record_view.py" line="29" />
        <source>hidden</source>
        <translation>скрыто</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/record_view.py" line="30" />
        <source>Reveal identity</source>
        <translation>Показать личные данные</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/record_view.py" line="31" />
        <source>Linked records</source>
        <translation>Связанные записи</translation>
    </message>
</context>
<context>
    <name>Sealing</name>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="63" />
        <source>Once sealed, this {what} can never be changed again, by anyone. Later corrections can only be added as addenda, which are kept beside it.

Seal it now?</source>
        <translation>После запечатывания эту запись ({what}) уже никто и никогда не сможет изменить. Поздние исправления можно будет внести только как дополнения, которые хранятся рядом.

Запечатать сейчас?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="66" />
        <source>Seal — this is final</source>
        <translation>Запечатать — это окончательно</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="69" />
        <source>Seal</source>
        <translation>Запечатать</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="46" />
        <source>Monitor — unlock</source>
        <translation>Монитор — разблокировка</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="55" />
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="56" />
        <source>Create empty vault</source>
        <translation>Создать пустое хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="57" />
        <source>Create demo vault</source>
        <translation>Создать демо-хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="58" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="61" />
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="68" />
        <source>Vault: {path}</source>
        <translation>Хранилище: {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="76" />
        <source>There is no vault at {path} yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>По адресу {path} хранилища пока нет. Выберите парольную фразу из четырёх или более не связанных между собой слов; потерянную фразу восстановить невозможно.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="78" />
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="102" />
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="107" />
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="122" />
        <source>Creating the demo vault…</source>
        <translation>Создание демо-хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="122" />
        <source>Creating the vault…</source>
        <translation>Создание хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="170" />
        <source>Cancelled; nothing was created.</source>
        <translation>Отменено; ничего не создано.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="174" />
        <source>Unexpected error: {error}</source>
        <translation>Непредвиденная ошибка: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="180" />
        <source>Strong enough.</source>
        <translation>Достаточно надёжная.</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="128" />
        <source>This vault is empty. Start with what you are documenting:

• a case — one person's or one event's file: people, allegations, interviews, examinations, complaints;
• a visit — to a place of detention: add the facility first, then the visit, its findings and recommendations.

Everything you enter stays inside this encrypted vault. Lock it with Ctrl+L when you step away.</source>
        <translation>Хранилище пусто. Начните с того, что вы документируете:

• дело — материалы об одном человеке или событии: лица, заявленные нарушения, интервью, освидетельствования, жалобы;
• посещение места лишения свободы — сначала добавьте учреждение, затем посещение, его выводы и рекомендации.

Всё введённое остаётся в этом зашифрованном хранилище. Уходя, заблокируйте его клавишами Ctrl+L.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="141" />
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="142" />
        <source>New facility</source>
        <translation>Новое учреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="143" />
        <source>New visit</source>
        <translation>Новое посещение</translation>
    </message>
</context>
</TS>