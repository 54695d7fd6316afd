<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
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
        <location filename="../../monitor/gui/sealing.py" line="126" />
        <source>Write the addendum first.</source>
        <translation>Сначала напишите дополнение.</translation>
    </message>
</context>
<context>
    <name>ExaminationEditor</name>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="77" />
        <source>Remove this injury</source>
        <translation>Удалить это повреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="80" />
        <source>Click the figure to mark an injury; drag a marker to move it; click a marker to edit its injury.</source>
        <translation>Щёлкните по фигуре, чтобы отметить повреждение; перетащите метку, чтобы сдвинуть её; щёлкните по метке, чтобы изменить описание.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="107" />
        <source>Examination details</source>
        <translation>Сведения об освидетельствовании</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="116" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="118" />
        <source>Seal…</source>
        <translation>Запечатать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="180" />
        <source>Injury {n}</source>
        <translation>Повреждение {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="181" />
        <source>No injury selected</source>
        <translation>Повреждение не выбрано</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="236" />
        <source>sealed {time}: addenda only</source>
        <translation>запечатано {time}: только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="258" />
        <source>Unsaved work from {time} was restored from the vault.</source>
        <translation>Несохранённая работа от {time} восстановлена из хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="299" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Не сохранено: исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="300" />
        <source>Not saved: {message}</source>
        <translation>Не сохранено: {message}</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../monitor/gui/forms.py" line="134" />
        <location filename="../../monitor/gui/forms.py" line="587" />
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="185" />
        <source>Enter a whole number.</source>
        <translation>Введите целое число.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="185" />
        <source>Enter a number.</source>
        <translation>Введите число.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="207" />
        <source>not stated</source>
        <translation>не указано</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="208" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="209" />
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="235" />
        <source>YYYY-MM-DD HH:MM</source>
        <translation>ГГГГ-ММ-ДД чч:мм</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="235" />
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="238" />
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="238" />
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="261" />
        <location filename="../../monitor/gui/forms.py" line="589" />
        <source>Not a valid date.</source>
        <translation>Неверная дата.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="357" />
        <source>Choose a record from the list.</source>
        <translation>Выберите запись из списка.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="485" />
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="499" />
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="530" />
        <location filename="../../monitor/gui/forms.py" line="594" />
        <source>Add at least one.</source>
        <translation>Добавьте хотя бы один элемент.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="588" />
        <source>Too long.</source>
        <translation>Слишком длинно.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="590" />
        <source>Not in the expected form.</source>
        <translation>Неверный формат.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="591" />
        <source>Out of range.</source>
        <translation>Значение вне допустимых пределов.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="592" />
        <source>Not a term of this list.</source>
        <translation>Такого значения нет в списке.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="593" />
        <source>The linked record does not exist.</source>
        <translation>Связанная запись не существует.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="595" />
        <source>The date is in the future.</source>
        <translation>Дата в будущем.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="646" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="680" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Не сохранено: исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="681" />
        <source>Not saved: {message}</source>
        <translation>Не сохранено: {message}</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="69" />
        <source>Record a change or withdrawal of consent</source>
        <translation>Записать изменение или отзыв согласия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="88" />
        <source>The person's account, in their words, as they gave it.</source>
        <translation>Рассказ человека его словами, как он был дан.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="99" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="101" />
        <source>Seal…</source>
        <translation>Запечатать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="170" />
        <source>sealed {time}: addenda only</source>
        <translation>запечатано {time}: только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="190" />
        <source>Choose the person to see the consent they have given.</source>
        <translation>Выберите лицо, чтобы увидеть данное им согласие.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="196" />
        <source>Consent on record: {items}</source>
        <translation>Записанное согласие: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="197" />
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="225" />
        <source>Unsaved typing from {time} was restored from the vault.</source>
        <translation>Несохранённый текст от {time} восстановлен из хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="249" />
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="308" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Не сохранено: исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="309" />
        <source>Not saved: {message}</source>
        <translation>Не сохранено: {message}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="345" />
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../monitor/gui/labels.py" line="25" />
        <source>(missing record)</source>
        <translation>(запись отсутствует)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/labels.py" line="78" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/labels.py" line="78" />
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="89" />
        <source>updated {time}</source>
        <translation>изменено {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="91" />
        <source>SEALED — addenda only</source>
        <translation>ЗАПЕЧАТАНО — только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="93" />
        <source>CONFLICT — {n} concurrent versions</source>
        <translation>КОНФЛИКТ — параллельных версий: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="112" />
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="114" />
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="114" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="115" />
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="115" />
        <source>Facility</source>
        <translation>Учреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="116" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="116" />
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="117" />
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="131" />
        <source>Search narratives, names, notes…</source>
        <translation>Поиск по показаниям, именам, заметкам…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="135" />
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="137" />
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="138" />
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="162" />
        <source>{cases} cases, {records} records</source>
        <translation>Дел: {cases}, записей: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="175" />
        <source>{n} matches</source>
        <translation>Совпадений: {n}</translation>
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
        <location filename="../../monitor/gui/unlock.py" line="44" />
        <source>Monitor — unlock</source>
        <translation>Монитор — разблокировка</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="53" />
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="54" />
        <source>Create empty vault</source>
        <translation>Создать пустое хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="55" />
        <source>Create demo vault</source>
        <translation>Создать демо-хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="56" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="59" />
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="66" />
        <source>Vault: {path}</source>
        <translation>Хранилище: {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="74" />
        <source>There is no vault at {path} yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>По адресу {path} хранилища пока нет. Выберите парольную фразу из четырёх или более не связанных между собой слов; потерянную фразу восстановить невозможно.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="76" />
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="100" />
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="105" />
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="119" />
        <source>Creating the demo vault…</source>
        <translation>Создание демо-хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="119" />
        <source>Creating the vault…</source>
        <translation>Создание хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="167" />
        <source>Cancelled; nothing was created.</source>
        <translation>Отменено; ничего не создано.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="171" />
        <source>Unexpected error: {error}</source>
        <translation>Непредвиденная ошибка: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="177" />
        <source>Strong enough.</source>
        <translation>Достаточно надёжная.</translation>
    </message>
</context>
</TS>