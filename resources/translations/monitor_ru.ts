<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="90"/>
        <source>updated {time}</source>
        <translation>изменено {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="92"/>
        <source>SEALED — addenda only</source>
        <translation>ЗАПЕЧАТАНО — только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="94"/>
        <source>CONFLICT — {n} concurrent versions</source>
        <translation>КОНФЛИКТ — параллельных версий: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="115"/>
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="117"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="117"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="118"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="118"/>
        <source>Facility</source>
        <translation>Учреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="119"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="119"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="120"/>
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="134"/>
        <source>Search narratives, names, notes…</source>
        <translation>Поиск по показаниям, именам, заметкам…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="138"/>
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="140"/>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="141"/>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="160"/>
        <source>The vault was wiped, changed or damaged by another program while it was open. Monitor has locked it.</source>
        <translation>Хранилище было стёрто, изменено или повреждено другой программой, пока оно было открыто. Monitor заблокировал его.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="190"/>
        <source>{cases} cases, {records} records</source>
        <translation>Дел: {cases}, записей: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="206"/>
        <source>{n} matches</source>
        <translation>Совпадений: {n}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="46"/>
        <source>Monitor — unlock</source>
        <translation>Монитор — разблокировка</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="55"/>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="56"/>
        <source>Create empty vault</source>
        <translation>Создать пустое хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="57"/>
        <source>Create demo vault</source>
        <translation>Создать демо-хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="58"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="61"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="68"/>
        <source>Vault: {path}</source>
        <translation>Хранилище: {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="76"/>
        <source>There is no vault at {path} yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>По адресу {path} хранилища пока нет. Выберите парольную фразу из четырёх или более не связанных между собой слов; потерянную фразу восстановить невозможно.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="78"/>
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="102"/>
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="107"/>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="121"/>
        <source>Creating the demo vault…</source>
        <translation>Создание демо-хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="121"/>
        <source>Creating the vault…</source>
        <translation>Создание хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="169"/>
        <source>Cancelled; nothing was created.</source>
        <translation>Отменено; ничего не создано.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="173"/>
        <source>Unexpected error: {error}</source>
        <translation>Непредвиденная ошибка: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="179"/>
        <source>Strong enough.</source>
        <translation>Достаточно надёжная.</translation>
    </message>
</context>
</TS>
