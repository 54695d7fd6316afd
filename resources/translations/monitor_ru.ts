<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="61" />
        <source>updated {time}</source>
        <translation>изменено {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="63" />
        <source>SEALED — addenda only</source>
        <translation>ЗАПЕЧАТАНО — только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="65" />
        <source>CONFLICT — {n} concurrent versions</source>
        <translation>КОНФЛИКТ — параллельных версий: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="83" />
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="85" />
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="85" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="86" />
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="86" />
        <source>Facility</source>
        <translation>Учреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="87" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="87" />
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="88" />
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="102" />
        <source>Search narratives, names, notes…</source>
        <translation>Поиск по показаниям, именам, заметкам…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="106" />
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="108" />
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="109" />
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="132" />
        <source>{cases} cases, {records} records</source>
        <translation>Дел: {cases}, записей: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="145" />
        <source>{n} matches</source>
        <translation>Совпадений: {n}</translation>
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