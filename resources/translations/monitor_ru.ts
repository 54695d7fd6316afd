<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="177"/>
        <location filename="../../monitor/gui/vault_care.py" line="188"/>
        <source>Backup copy</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="180"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="182"/>
        <source>Copy to</source>
        <translation>Куда копировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="184"/>
        <source>Writes an encrypted copy of the vault (and its key file) to the file you choose. It opens with the same passphrase.</source>
        <translation>Записывает зашифрованную копию хранилища (и его файла ключа) в выбранный файл. Она открывается той же парольной фразой.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="190"/>
        <source>Monitor vaults (*.vault)</source>
        <translation>Хранилища Monitor (*.vault)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="199"/>
        <source>Choose where to write the copy.</source>
        <translation>Выберите, куда записать копию.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="205"/>
        <source>Written: {files}</source>
        <translation>Записано: {files}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="112"/>
        <source>updated {time}</source>
        <translation>изменено {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="114"/>
        <source>SEALED — addenda only</source>
        <translation>ЗАПЕЧАТАНО — только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="116"/>
        <source>CONFLICT — {n} concurrent versions</source>
        <translation>КОНФЛИКТ — параллельных версий: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="135"/>
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="137"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="137"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="138"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="138"/>
        <source>Facility</source>
        <translation>Учреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="139"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="139"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="140"/>
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="140"/>
        <source>Matched words</source>
        <translation>Совпавшие слова</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="156"/>
        <source>Search narratives, names, notes…</source>
        <translation>Поиск по показаниям, именам, заметкам…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="160"/>
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="162"/>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="163"/>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="166"/>
        <source>All types</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="170"/>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="199"/>
        <source>{cases} cases, {records} records</source>
        <translation>Дел: {cases}, записей: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="224"/>
        <source>{n} matches</source>
        <translation>Совпадений: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="226"/>
        <source>very common words: the most recent matches are ranked first</source>
        <translation>очень частые слова: сначала ранжируются самые новые совпадения</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="210"/>
        <source>Change passphrase</source>
        <translation>Смена парольной фразы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="216"/>
        <source>Current passphrase</source>
        <translation>Текущая парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="217"/>
        <source>New passphrase</source>
        <translation>Новая парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="218"/>
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="219"/>
        <source>Choose four or more unrelated words. Backup copies keep the old passphrase.</source>
        <translation>Возьмите четыре или больше не связанных слов. Резервные копии сохраняют старую парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="227"/>
        <source>Type the current passphrase.</source>
        <translation>Введите текущую парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="233"/>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="251"/>
        <source>The passphrase was changed.</source>
        <translation>Парольная фраза изменена.</translation>
    </message>
</context>
<context>
    <name>RecordType</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="90"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="91"/>
        <source>Interview</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="92"/>
        <source>Medical examination</source>
        <translation>Медицинское освидетельствование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="93"/>
        <source>Person</source>
        <translation>Лицо</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="94"/>
        <source>Facility</source>
        <translation>Учреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="95"/>
        <source>Visit</source>
        <translation>Посещение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="96"/>
        <source>Complaint</source>
        <translation>Жалоба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="97"/>
        <source>Proceeding</source>
        <translation>Производство</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="98"/>
        <source>Attachment</source>
        <translation>Вложение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="99"/>
        <source>Addendum</source>
        <translation>Дополнение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="100"/>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="101"/>
        <source>Reprisal</source>
        <translation>Преследование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="102"/>
        <source>Official statistic</source>
        <translation>Официальная статистика</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="103"/>
        <source>Link</source>
        <translation>Связь</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="104"/>
        <source>Vocabulary term</source>
        <translation>Термин словаря</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../monitor/gui/session.py" line="190"/>
        <source>Locked after {n} minutes without activity.</source>
        <translation>Заблокировано: {n} мин. без действий.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="192"/>
        <source>Locked because the screen was locked.</source>
        <translation>Заблокировано, потому что был заблокирован экран.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="194"/>
        <source>Locked before the computer went to sleep.</source>
        <translation>Заблокировано перед переходом компьютера в сон.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="196"/>
        <source>Locked when the window was minimised.</source>
        <translation>Заблокировано при сворачивании окна.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="198"/>
        <source>The vault was wiped.</source>
        <translation>Хранилище уничтожено.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="26"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="29"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="30"/>
        <source>Lock when the window is minimised</source>
        <translation>Блокировать при сворачивании окна</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="33"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="35"/>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="39"/>
        <source>Remember recently opened vaults</source>
        <translation>Запоминать недавно открытые хранилища</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="44"/>
        <source>Lock after no activity for</source>
        <translation>Блокировать после бездействия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="46"/>
        <source>Clear copied text after</source>
        <translation>Очищать скопированный текст через</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="47"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="49"/>
        <source>Monitor also locks when the screen locks and before the computer sleeps. A new language applies from the next start.</source>
        <translation>Monitor также блокируется при блокировке экрана и перед сном компьютера. Новый язык действует со следующего запуска.</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="60"/>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="62"/>
        <location filename="../../monitor/gui/vault_care.py" line="112"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="78"/>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="90"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="127"/>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="133"/>
        <source>Unexpected error: {error}</source>
        <translation>Непредвиденная ошибка: {error}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="72"/>
        <source>Monitor — unlock</source>
        <translation>Монитор — разблокировка</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="81"/>
        <source>Open another vault file…</source>
        <translation>Открыть другой файл хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="84"/>
        <source>Show passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="89"/>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="90"/>
        <source>Create empty vault</source>
        <translation>Создать пустое хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="91"/>
        <source>Create demo vault</source>
        <translation>Создать демо-хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="92"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="99"/>
        <source>Vault</source>
        <translation>Хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="100"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="101"/>
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="155"/>
        <source>Type the passphrase of this vault.</source>
        <translation>Введите парольную фразу этого хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="158"/>
        <source>There is no vault at this path yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>По этому пути хранилища ещё нет. Придумайте парольную фразу из четырёх или больше не связанных слов; если её забыть, восстановить её нельзя.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="170"/>
        <source>Open a vault file</source>
        <translation>Открыть файл хранилища</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="171"/>
        <source>Monitor vaults (*.vault);;All files (*)</source>
        <translation>Хранилища Monitor (*.vault);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="192"/>
        <source>Type the passphrase first.</source>
        <translation>Сначала введите парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="206"/>
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="220"/>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="241"/>
        <source>Creating the demo vault…</source>
        <translation>Создание демо-хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="241"/>
        <source>Creating the vault…</source>
        <translation>Создание хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="280"/>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="283"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="351"/>
        <source>Cancelled; nothing was created.</source>
        <translation>Отменено; ничего не создано.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="355"/>
        <source>Unexpected error: {error}</source>
        <translation>Непредвиденная ошибка: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="377"/>
        <source>Strong enough.</source>
        <translation>Достаточно надёжная.</translation>
    </message>
</context>
<context>
    <name>VaultCare</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="300"/>
        <source>Wiping…</source>
        <translation>Уничтожение…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="306"/>
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="324"/>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="325"/>
        <source>Change passphrase…</source>
        <translation>Сменить парольную фразу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="326"/>
        <source>Verify…</source>
        <translation>Проверить…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="327"/>
        <source>Backup copy…</source>
        <translation>Резервная копия…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="329"/>
        <source>Quick wipe…</source>
        <translation>Быстрое уничтожение…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="152"/>
        <source>Verify the vault</source>
        <translation>Проверка хранилища</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="154"/>
        <source>Checks the encryption of every page, the database, every revision, the audit chain and every attachment&apos;s hash.</source>
        <translation>Проверяет шифрование каждой страницы, базу данных, каждую редакцию, цепочку аудита и хеш каждого вложения.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="165"/>
        <source>The vault is intact: {n} revisions, {a} audit entries and {b} attachments checked.</source>
        <translation>Хранилище цело: проверено редакций — {n}, записей аудита — {a}, вложений — {b}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="170"/>
        <source>{n} problem(s) found:</source>
        <translation>Найдено проблем: {n}:</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="259"/>
        <source>Quick wipe</source>
        <translation>Быстрое уничтожение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="261"/>
        <source>WIPE</source>
        <translation>УНИЧТОЖИТЬ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="265"/>
        <source>This destroys the vault {path} for ever: its key material first, then every byte. Nobody, not even with the passphrase, can open it afterwards. Backup copies elsewhere are not touched.</source>
        <translation>Хранилище {path} будет уничтожено навсегда: сначала ключевой материал, затем каждый байт. После этого его не откроет никто, даже зная парольную фразу. Резервные копии в других местах не затрагиваются.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="268"/>
        <source>Type {word} to confirm:</source>
        <translation>Для подтверждения введите {word}:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="272"/>
        <source>Wipe now</source>
        <translation>Уничтожить сейчас</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="275"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
</TS>
