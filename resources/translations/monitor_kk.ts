<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="177"/>
        <location filename="../../monitor/gui/vault_care.py" line="188"/>
        <source>Backup copy</source>
        <translation>Сақтық көшірме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="180"/>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="182"/>
        <source>Copy to</source>
        <translation>Қайда көшіру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="184"/>
        <source>Writes an encrypted copy of the vault (and its key file) to the file you choose. It opens with the same passphrase.</source>
        <translation>Қойманың (және оның кілт файлының) шифрланған көшірмесін таңдалған файлға жазады. Ол сол құпия фразамен ашылады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="190"/>
        <source>Monitor vaults (*.vault)</source>
        <translation>Monitor қоймалары (*.vault)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="199"/>
        <source>Choose where to write the copy.</source>
        <translation>Көшірмені қайда жазу керегін таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="205"/>
        <source>Written: {files}</source>
        <translation>Жазылды: {files}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="112"/>
        <source>updated {time}</source>
        <translation>өзгертілген уақыты {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="114"/>
        <source>SEALED — addenda only</source>
        <translation>МӨРЛЕНГЕН — тек қосымшалар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="116"/>
        <source>CONFLICT — {n} concurrent versions</source>
        <translation>ҚАЙШЫЛЫҚ — қатар нұсқалар саны: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="135"/>
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="137"/>
        <source>Code</source>
        <translation>Коды</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="137"/>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="138"/>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="138"/>
        <source>Facility</source>
        <translation>Мекеме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="139"/>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="139"/>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="140"/>
        <source>Match</source>
        <translation>Сәйкестік</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="140"/>
        <source>Matched words</source>
        <translation>Сәйкес келген сөздер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="156"/>
        <source>Search narratives, names, notes…</source>
        <translation>Айғақтар, есімдер, жазбалар бойынша іздеу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="160"/>
        <source>Main</source>
        <translation>Негізгі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="162"/>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="163"/>
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="166"/>
        <source>All types</source>
        <translation>Барлық түрлер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="170"/>
        <source>Find</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="199"/>
        <source>{cases} cases, {records} records</source>
        <translation>Істер: {cases}, жазбалар: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="224"/>
        <source>{n} matches</source>
        <translation>Сәйкестіктер: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="226"/>
        <source>very common words: the most recent matches are ranked first</source>
        <translation>өте жиі сөздер: алдымен ең жаңа сәйкестіктер реттеледі</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="210"/>
        <source>Change passphrase</source>
        <translation>Құпия фразаны өзгерту</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="216"/>
        <source>Current passphrase</source>
        <translation>Қазіргі құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="217"/>
        <source>New passphrase</source>
        <translation>Жаңа құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="218"/>
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="219"/>
        <source>Choose four or more unrelated words. Backup copies keep the old passphrase.</source>
        <translation>Бір-бірімен байланыссыз төрт не одан көп сөз алыңыз. Сақтық көшірмелер ескі құпия фразамен қалады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="227"/>
        <source>Type the current passphrase.</source>
        <translation>Қазіргі құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="233"/>
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="251"/>
        <source>The passphrase was changed.</source>
        <translation>Құпия фраза өзгертілді.</translation>
    </message>
</context>
<context>
    <name>RecordType</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="90"/>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="91"/>
        <source>Interview</source>
        <translation>Сұхбат</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="92"/>
        <source>Medical examination</source>
        <translation>Медициналық куәландыру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="93"/>
        <source>Person</source>
        <translation>Тұлға</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="94"/>
        <source>Facility</source>
        <translation>Мекеме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="95"/>
        <source>Visit</source>
        <translation>Бару</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="96"/>
        <source>Complaint</source>
        <translation>Шағым</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="97"/>
        <source>Proceeding</source>
        <translation>Іс жүргізу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="98"/>
        <source>Attachment</source>
        <translation>Тіркеме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="99"/>
        <source>Addendum</source>
        <translation>Толықтыру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="100"/>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="101"/>
        <source>Reprisal</source>
        <translation>Қудалау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="102"/>
        <source>Official statistic</source>
        <translation>Ресми статистика</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="103"/>
        <source>Link</source>
        <translation>Байланыс</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="104"/>
        <source>Vocabulary term</source>
        <translation>Сөздік термині</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../monitor/gui/session.py" line="190"/>
        <source>Locked after {n} minutes without activity.</source>
        <translation>Құлыпталды: {n} минут әрекетсіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="192"/>
        <source>Locked because the screen was locked.</source>
        <translation>Экран құлыпталғандықтан құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="194"/>
        <source>Locked before the computer went to sleep.</source>
        <translation>Компьютер ұйқы режиміне өтер алдында құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="196"/>
        <source>Locked when the window was minimised.</source>
        <translation>Терезе жиналғанда құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="198"/>
        <source>The vault was wiped.</source>
        <translation>Қойма жойылды.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="26"/>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="29"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="30"/>
        <source>Lock when the window is minimised</source>
        <translation>Терезе жиналғанда құлыптау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="33"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="35"/>
        <source>System language</source>
        <translation>Жүйе тілі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="39"/>
        <source>Remember recently opened vaults</source>
        <translation>Жуырда ашылған қоймаларды есте сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="44"/>
        <source>Lock after no activity for</source>
        <translation>Әрекетсіздіктен кейін құлыптау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="46"/>
        <source>Clear copied text after</source>
        <translation>Көшірілген мәтінді тазалау уақыты</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="47"/>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/settings_dialog.py" line="49"/>
        <source>Monitor also locks when the screen locks and before the computer sleeps. A new language applies from the next start.</source>
        <translation>Monitor экран құлыпталғанда және компьютер ұйқыға кетер алдында да құлыпталады. Жаңа тіл келесі іске қосудан бастап қолданылады.</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="60"/>
        <source>Start</source>
        <translation>Бастау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="62"/>
        <location filename="../../monitor/gui/vault_care.py" line="112"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="78"/>
        <source>Done.</source>
        <translation>Дайын.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="90"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="127"/>
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="133"/>
        <source>Unexpected error: {error}</source>
        <translation>Күтпеген қате: {error}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="72"/>
        <source>Monitor — unlock</source>
        <translation>Монитор — құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="81"/>
        <source>Open another vault file…</source>
        <translation>Басқа қойма файлын ашу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="84"/>
        <source>Show passphrase</source>
        <translation>Құпия фразаны көрсету</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="89"/>
        <source>Unlock</source>
        <translation>Құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="90"/>
        <source>Create empty vault</source>
        <translation>Бос қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="91"/>
        <source>Create demo vault</source>
        <translation>Демо қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="92"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="99"/>
        <source>Vault</source>
        <translation>Қойма</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="100"/>
        <source>Passphrase</source>
        <translation>Құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="101"/>
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="155"/>
        <source>Type the passphrase of this vault.</source>
        <translation>Осы қойманың құпия фразасын енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="158"/>
        <source>There is no vault at this path yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>Бұл жолда әлі қойма жоқ. Бір-бірімен байланыссыз төрт не одан көп сөзден тұратын құпия фраза ойлап табыңыз; ұмытсаңыз, оны қалпына келтіру мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="170"/>
        <source>Open a vault file</source>
        <translation>Қойма файлын ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="171"/>
        <source>Monitor vaults (*.vault);;All files (*)</source>
        <translation>Monitor қоймалары (*.vault);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="192"/>
        <source>Type the passphrase first.</source>
        <translation>Алдымен құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="206"/>
        <source>Unlocking…</source>
        <translation>Құлып ашылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="220"/>
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="241"/>
        <source>Creating the demo vault…</source>
        <translation>Демо қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="241"/>
        <source>Creating the vault…</source>
        <translation>Қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="280"/>
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="283"/>
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="351"/>
        <source>Cancelled; nothing was created.</source>
        <translation>Тоқтатылды; ештеңе құрылған жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="355"/>
        <source>Unexpected error: {error}</source>
        <translation>Күтпеген қате: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="377"/>
        <source>Strong enough.</source>
        <translation>Жеткілікті берік.</translation>
    </message>
</context>
<context>
    <name>VaultCare</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="300"/>
        <source>Wiping…</source>
        <translation>Жойылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="306"/>
        <source>&amp;Vault</source>
        <translation>&amp;Қойма</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="324"/>
        <source>Settings…</source>
        <translation>Баптаулар…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="325"/>
        <source>Change passphrase…</source>
        <translation>Құпия фразаны өзгерту…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="326"/>
        <source>Verify…</source>
        <translation>Тексеру…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="327"/>
        <source>Backup copy…</source>
        <translation>Сақтық көшірме…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="329"/>
        <source>Quick wipe…</source>
        <translation>Жедел жою…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="152"/>
        <source>Verify the vault</source>
        <translation>Қойманы тексеру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="154"/>
        <source>Checks the encryption of every page, the database, every revision, the audit chain and every attachment&apos;s hash.</source>
        <translation>Әр беттің шифрлануын, дерекқорды, әр нұсқаны, аудит тізбегін және әр тіркеменің хешін тексереді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="165"/>
        <source>The vault is intact: {n} revisions, {a} audit entries and {b} attachments checked.</source>
        <translation>Қойма бүтін: тексерілген нұсқалар — {n}, аудит жазбалары — {a}, тіркемелер — {b}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="170"/>
        <source>{n} problem(s) found:</source>
        <translation>Табылған ақаулар: {n}:</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="259"/>
        <source>Quick wipe</source>
        <translation>Жедел жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="261"/>
        <source>WIPE</source>
        <translation>ЖОЮ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="265"/>
        <source>This destroys the vault {path} for ever: its key material first, then every byte. Nobody, not even with the passphrase, can open it afterwards. Backup copies elsewhere are not touched.</source>
        <translation>{path} қоймасы біржола жойылады: алдымен кілт материалы, содан кейін әр байт. Осыдан кейін оны ешкім, тіпті құпия фразаны білсе де, аша алмайды. Басқа жердегі сақтық көшірмелерге тиіспейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="268"/>
        <source>Type {word} to confirm:</source>
        <translation>Растау үшін {word} деп жазыңыз:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="272"/>
        <source>Wipe now</source>
        <translation>Қазір жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="275"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
</context>
</TS>
