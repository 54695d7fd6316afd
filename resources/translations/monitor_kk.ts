<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="90"/>
        <source>updated {time}</source>
        <translation>өзгертілген уақыты {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="92"/>
        <source>SEALED — addenda only</source>
        <translation>МӨРЛЕНГЕН — тек қосымшалар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="94"/>
        <source>CONFLICT — {n} concurrent versions</source>
        <translation>ҚАЙШЫЛЫҚ — қатар нұсқалар саны: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="115"/>
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="117"/>
        <source>Code</source>
        <translation>Коды</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="117"/>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="118"/>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="118"/>
        <source>Facility</source>
        <translation>Мекеме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="119"/>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="119"/>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="120"/>
        <source>Match</source>
        <translation>Сәйкестік</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="134"/>
        <source>Search narratives, names, notes…</source>
        <translation>Айғақтар, есімдер, жазбалар бойынша іздеу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="138"/>
        <source>Main</source>
        <translation>Негізгі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="140"/>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="141"/>
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="160"/>
        <source>The vault was wiped, changed or damaged by another program while it was open. Monitor has locked it.</source>
        <translation>Қойма ашық тұрғанда оны басқа бағдарлама өшірді, өзгертті немесе бүлдірді. Monitor оны құлыптады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="190"/>
        <source>{cases} cases, {records} records</source>
        <translation>Істер: {cases}, жазбалар: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="206"/>
        <source>{n} matches</source>
        <translation>Сәйкестіктер: {n}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="46"/>
        <source>Monitor — unlock</source>
        <translation>Монитор — құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="55"/>
        <source>Unlock</source>
        <translation>Құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="56"/>
        <source>Create empty vault</source>
        <translation>Бос қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="57"/>
        <source>Create demo vault</source>
        <translation>Демо қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="58"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="61"/>
        <source>Passphrase</source>
        <translation>Құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="68"/>
        <source>Vault: {path}</source>
        <translation>Қойма: {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="76"/>
        <source>There is no vault at {path} yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>{path} жолында әзірге қойма жоқ. Өзара байланыссыз төрт не одан көп сөзден тұратын құпия фраза таңдаңыз; ол жоғалса, қалпына келтіру мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="78"/>
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="102"/>
        <source>Unlocking…</source>
        <translation>Құлып ашылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="107"/>
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="121"/>
        <source>Creating the demo vault…</source>
        <translation>Демо қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="121"/>
        <source>Creating the vault…</source>
        <translation>Қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="169"/>
        <source>Cancelled; nothing was created.</source>
        <translation>Тоқтатылды; ештеңе құрылған жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="173"/>
        <source>Unexpected error: {error}</source>
        <translation>Күтпеген қате: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="179"/>
        <source>Strong enough.</source>
        <translation>Жеткілікті берік.</translation>
    </message>
</context>
</TS>
