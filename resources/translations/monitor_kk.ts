<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="176"/>
        <location filename="../../monitor/gui/vault_care.py" line="187"/>
        <source>Backup copy</source>
        <translation>Сақтық көшірме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="179"/>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="181"/>
        <source>Copy to</source>
        <translation>Қайда көшіру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="183"/>
        <source>Writes an encrypted copy of the vault (and its key file) to the file you choose. It opens with the same passphrase.</source>
        <translation>Қойманың (және оның кілт файлының) шифрланған көшірмесін таңдалған файлға жазады. Ол сол құпия фразамен ашылады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="189"/>
        <source>Monitor vaults (*.vault)</source>
        <translation>Monitor қоймалары (*.vault)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="198"/>
        <source>Choose where to write the copy.</source>
        <translation>Көшірмені қайда жазу керегін таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="204"/>
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
        <location filename="../../monitor/gui/main_window.py" line="155"/>
        <source>Search narratives, names, notes…</source>
        <translation>Айғақтар, есімдер, жазбалар бойынша іздеу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="159"/>
        <source>Main</source>
        <translation>Негізгі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="161"/>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="162"/>
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="165"/>
        <source>All types</source>
        <translation>Барлық түрлер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="169"/>
        <source>Find</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="197"/>
        <source>{cases} cases, {records} records</source>
        <translation>Істер: {cases}, жазбалар: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="222"/>
        <source>{n} matches</source>
        <translation>Сәйкестіктер: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="224"/>
        <source>very common words: the most recent matches are ranked first</source>
        <translation>өте жиі сөздер: алдымен ең жаңа сәйкестіктер реттеледі</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="209"/>
        <source>Change passphrase</source>
        <translation>Құпия фразаны өзгерту</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="215"/>
        <source>Current passphrase</source>
        <translation>Қазіргі құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="216"/>
        <source>New passphrase</source>
        <translation>Жаңа құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="217"/>
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="218"/>
        <source>Choose four or more unrelated words. Backup copies keep the old passphrase.</source>
        <translation>Бір-бірімен байланыссыз төрт не одан көп сөз алыңыз. Сақтық көшірмелер ескі құпия фразамен қалады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="226"/>
        <source>Type the current passphrase.</source>
        <translation>Қазіргі құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="232"/>
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="250"/>
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
        <location filename="../../monitor/gui/session.py" line="187"/>
        <source>Locked after {n} minutes without activity.</source>
        <translation>Құлыпталды: {n} минут әрекетсіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="189"/>
        <source>Locked because the screen was locked.</source>
        <translation>Экран құлыпталғандықтан құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="191"/>
        <source>Locked before the computer went to sleep.</source>
        <translation>Компьютер ұйқы режиміне өтер алдында құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="193"/>
        <source>Locked when the window was minimised.</source>
        <translation>Терезе жиналғанда құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="195"/>
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
        <location filename="../../monitor/gui/vault_care.py" line="59"/>
        <source>Start</source>
        <translation>Бастау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="61"/>
        <location filename="../../monitor/gui/vault_care.py" line="111"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="77"/>
        <source>Done.</source>
        <translation>Дайын.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="89"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="126"/>
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="132"/>
        <source>Unexpected error: {error}</source>
        <translation>Күтпеген қате: {error}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="69"/>
        <source>Monitor — unlock</source>
        <translation>Монитор — құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="79"/>
        <source>Open another vault file…</source>
        <translation>Басқа қойма файлын ашу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="82"/>
        <source>Show passphrase</source>
        <translation>Құпия фразаны көрсету</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="87"/>
        <source>Unlock</source>
        <translation>Құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="88"/>
        <source>Create empty vault</source>
        <translation>Бос қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="89"/>
        <source>Create demo vault</source>
        <translation>Демо қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="90"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="97"/>
        <source>Vault</source>
        <translation>Қойма</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="98"/>
        <source>Passphrase</source>
        <translation>Құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="99"/>
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="153"/>
        <source>Type the passphrase of this vault.</source>
        <translation>Осы қойманың құпия фразасын енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="156"/>
        <source>There is no vault at this path yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>Бұл жолда әлі қойма жоқ. Бір-бірімен байланыссыз төрт не одан көп сөзден тұратын құпия фраза ойлап табыңыз; ұмытсаңыз, оны қалпына келтіру мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="168"/>
        <source>Open a vault file</source>
        <translation>Қойма файлын ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="169"/>
        <source>Monitor vaults (*.vault);;All files (*)</source>
        <translation>Monitor қоймалары (*.vault);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="190"/>
        <source>Type the passphrase first.</source>
        <translation>Алдымен құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="202"/>
        <source>Unlocking…</source>
        <translation>Құлып ашылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="216"/>
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="235"/>
        <source>Creating the demo vault…</source>
        <translation>Демо қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="235"/>
        <source>Creating the vault…</source>
        <translation>Қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="260"/>
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="263"/>
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="325"/>
        <source>Cancelled; nothing was created.</source>
        <translation>Тоқтатылды; ештеңе құрылған жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="329"/>
        <source>Unexpected error: {error}</source>
        <translation>Күтпеген қате: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="351"/>
        <source>Strong enough.</source>
        <translation>Жеткілікті берік.</translation>
    </message>
</context>
<context>
    <name>VaultCare</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="304"/>
        <source>&amp;Vault</source>
        <translation>&amp;Қойма</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="322"/>
        <source>Settings…</source>
        <translation>Баптаулар…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="323"/>
        <source>Change passphrase…</source>
        <translation>Құпия фразаны өзгерту…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="324"/>
        <source>Verify…</source>
        <translation>Тексеру…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="325"/>
        <source>Backup copy…</source>
        <translation>Сақтық көшірме…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="327"/>
        <source>Quick wipe…</source>
        <translation>Жедел жою…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="151"/>
        <source>Verify the vault</source>
        <translation>Қойманы тексеру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="153"/>
        <source>Checks the encryption of every page, the database, every revision, the audit chain and every attachment&apos;s hash.</source>
        <translation>Әр беттің шифрлануын, дерекқорды, әр нұсқаны, аудит тізбегін және әр тіркеменің хешін тексереді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="164"/>
        <source>The vault is intact: {n} revisions, {a} audit entries and {b} attachments checked.</source>
        <translation>Қойма бүтін: тексерілген нұсқалар — {n}, аудит жазбалары — {a}, тіркемелер — {b}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="169"/>
        <source>{n} problem(s) found:</source>
        <translation>Табылған ақаулар: {n}:</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="258"/>
        <source>Quick wipe</source>
        <translation>Жедел жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="260"/>
        <source>WIPE</source>
        <translation>ЖОЮ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="264"/>
        <source>This destroys the vault {path} for ever: its key material first, then every byte. Nobody, not even with the passphrase, can open it afterwards. Backup copies elsewhere are not touched.</source>
        <translation>{path} қоймасы біржола жойылады: алдымен кілт материалы, содан кейін әр байт. Осыдан кейін оны ешкім, тіпті құпия фразаны білсе де, аша алмайды. Басқа жердегі сақтық көшірмелерге тиіспейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="267"/>
        <source>Type {word} to confirm:</source>
        <translation>Растау үшін {word} деп жазыңыз:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="271"/>
        <source>Wipe now</source>
        <translation>Қазір жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/vault_care.py" line="274"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
</context>
</TS>
