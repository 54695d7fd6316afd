<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="kk_KZ">
<context>
    <name />
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="119" />
        <source>Show the intimate photo</source>
        <translation>Жеке суретті көрсету</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="121" />
        <source>Export a copy…</source>
        <translation>Көшірмесін экспорттау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="137" />
        <source>An intimate photo: shown only on request.</source>
        <translation>Жеке сурет: тек сұрау бойынша көрсетіледі.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="145" />
        <source>No preview for this file.</source>
        <translation>Бұл файлды алдын ала қарау мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="154" />
        <source>Export a copy</source>
        <translation>Көшірмені экспорттау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="166" />
        <source>A copy was written; the export is recorded in the audit log. The copy is not encrypted.</source>
        <translation>Көшірме жазылды; экспорт аудит журналына тіркелді. Көшірме шифрланбаған.</translation>
    </message>
</context>
<context>
    <name>AddendaPanel</name>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="149" />
        <source>Addenda</source>
        <translation>Толықтырулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="155" />
        <source>A correction or later information; the sealed text stays as it was.</source>
        <translation>Түзету немесе кейінгі мәлімет; мөрленген мәтін өзгеріссіз қалады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="157" />
        <source>Add addendum</source>
        <translation>Толықтыру қосу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="191" />
        <source>Write the addendum first.</source>
        <translation>Алдымен толықтыруды жазыңыз.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="44" />
        <source>Adding files</source>
        <translation>Файлдарды қосу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="45" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="53" />
        <source>Adding {name} ({n} of {total})…</source>
        <translation>{name} қосылуда ({total} ішінен {n})…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="67" />
        <source>Cancelled; the file being added was not kept.</source>
        <translation>Тоқтатылды; қосылып жатқан файл сақталмады.</translation>
    </message>
</context>
<context>
    <name>AudioPanel</name>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="374" />
        <source>Audio recording</source>
        <translation>Аудиожазба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="390" />
        <source>Record</source>
        <translation>Жазу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="393" />
        <location filename="../../monitor/gui/editors/audio.py" line="498" />
        <location filename="../../monitor/gui/editors/audio.py" line="755" />
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="395" />
        <source>Stop</source>
        <translation>Тоқтату</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="405" />
        <source>Input level</source>
        <translation>Кіріс сигналының деңгейі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="408" />
        <source>Insert timestamp</source>
        <translation>Уақыт белгісін қою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="409" />
        <source>Put the time of the recording or of the player, e.g. [12:34], into the narrative at the cursor.</source>
        <translation>Жазбаның немесе ойнатқыштың уақытын, мысалы [12:34], әңгімеге курсор тұрған жерге қою.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="417" />
        <source>Duration</source>
        <translation>Ұзақтығы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="417" />
        <source>Recorded</source>
        <translation>Жазылған күні</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="417" />
        <source>Device</source>
        <translation>Құрылғы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="421" />
        <source>The narrative's timestamps: choose one, or Ctrl+click one in the narrative, to move the player there.</source>
        <translation>Әңгімедегі уақыт белгілері: ойнатқышты сол сәтке жылжыту үшін белгіні таңдаңыз немесе әңгімеде Ctrl басып тұрып оны шертіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="429" />
        <location filename="../../monitor/gui/editors/audio.py" line="755" />
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="432" />
        <source>Position in the recording</source>
        <translation>Жазбадағы орын</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="450" />
        <source>Recordings</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="451" />
        <source>Timestamps in the narrative</source>
        <translation>Әңгімедегі уақыт белгілері</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="484" />
        <source>Microphone: {name}</source>
        <translation>Микрофон: {name}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="486" />
        <source>No microphone found.</source>
        <translation>Микрофон табылмады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="498" />
        <source>Resume</source>
        <translation>Жалғастыру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="520" />
        <source>The interview must be saved before recording: correct the marked fields.</source>
        <translation>Жазу алдында сұхбатты сақтау керек: белгіленген өрістерді түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="535" />
        <source>The microphone could not be opened.</source>
        <translation>Микрофонды ашу мүмкін болмады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="735" />
        <source>This recording cannot be played.</source>
        <translation>Бұл жазбаны ойнату мүмкін емес.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="86" />
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="97" />
        <source>Backup copy</source>
        <translation>Сақтық көшірме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="89" />
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="91" />
        <source>Copy to</source>
        <translation>Қайда көшіру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="93" />
        <source>Writes an encrypted copy of the vault (and its key file) to the file you choose. It opens with the same passphrase.</source>
        <translation>Қойманың (және оның кілт файлының) шифрланған көшірмесін таңдалған файлға жазады. Ол сол құпия фразамен ашылады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="99" />
        <source>Monitor vaults (*.vault)</source>
        <translation>Monitor қоймалары (*.vault)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="108" />
        <source>Choose where to write the copy.</source>
        <translation>Көшірмені қайда жазу керегін таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="114" />
        <source>Written: {files}</source>
        <translation>Жазылды: {files}</translation>
    </message>
</context>
<context>
    <name>BodyDiagram</name>
    <message>
        <location filename="../../monitor/gui/editors/body_diagram.py" line="150" />
        <source>R</source>
        <comment>the person's right side on the outline</comment>
        <translation>О</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/body_diagram.py" line="151" />
        <source>L</source>
        <comment>the person's left side on the outline</comment>
        <translation>С</translation>
    </message>
</context>
<context>
    <name>CaseFile</name>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="27" />
        <source>Alleged ill-treatment</source>
        <translation>Мәлімделген қатыгездік</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="28" />
        <source>Visit</source>
        <translation>Бару</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="29" />
        <source>Interview</source>
        <translation>Сұхбат</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="30" />
        <source>Medical examination</source>
        <translation>Медициналық куәландыру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="31" />
        <source>Complaint filed</source>
        <translation>Шағым берілді</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="32" />
        <source>Reply to the complaint</source>
        <translation>Шағымға жауап</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="33" />
        <source>Response of an authority</source>
        <translation>Органның жауабы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="34" />
        <source>Criminal case opened</source>
        <translation>Қылмыстық іс қозғалды</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="35" />
        <source>Criminal case refused</source>
        <translation>Іс қозғаудан бас тартылды</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="36" />
        <source>Decision</source>
        <translation>Шешім</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="37" />
        <source>Judgment</source>
        <translation>Үкім</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="38" />
        <source>Appeal</source>
        <translation>Шағымдану</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="39" />
        <source>Reprisal</source>
        <translation>Қудалау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="40" />
        <source>Consent recorded</source>
        <translation>Келісім жазылды</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="41" />
        <source>Addendum</source>
        <translation>Толықтыру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="49" />
        <source>consent given: {items}</source>
        <translation>келісім берілді: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="50" />
        <source>not given or withdrawn: {items}</source>
        <translation>берілмеді немесе кері алынды: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="51" />
        <source>Intimate photo: not shown.</source>
        <translation>Жеке сурет: көрсетілмеген.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="52" />
        <source>Show it</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="53" />
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="54" />
        <source>Open the case record</source>
        <translation>Іс жазбасын ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="55" />
        <source>People and roles</source>
        <translation>Тұлғалар және рөлдері</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="56" />
        <source>sealed</source>
        <translation>мөрленген</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="57" />
        <source>{n} injuries</source>
        <translation>жарақат саны: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="58" />
        <source>Photos and documents</source>
        <translation>Суреттер мен құжаттар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="59" />
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="60" />
        <source>None yet.</source>
        <translation>Әзірге жоқ.</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="146" />
        <source>Edit the case</source>
        <translation>Істі өзгерту</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="147" />
        <source>New interview</source>
        <translation>Жаңа сұхбат</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="148" />
        <source>New examination</source>
        <translation>Жаңа куәландыру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="149" />
        <source>New complaint</source>
        <translation>Жаңа шағым</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="150" />
        <source>Add a person with a role…</source>
        <translation>Тұлғаны рөлімен қосу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="152" />
        <source>Add photo or document…</source>
        <translation>Сурет немесе құжат қосу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="153" />
        <source>History</source>
        <translation>Тарих</translation>
    </message>
</context>
<context>
    <name>CheckReportDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="32" />
        <location filename="../../monitor/gui/dialogs/check_report.py" line="51" />
        <source>Check a printed report</source>
        <translation>Басылған есепті тексеру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="36" />
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="39" />
        <source>only for a password-protected PDF</source>
        <translation>тек құпиясөзбен қорғалған PDF үшін</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="40" />
        <source>Report (PDF)</source>
        <translation>Есеп (PDF)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="42" />
        <source>PDF password</source>
        <translation>PDF құпиясөзі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="43" />
        <source>Check</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="44" />
        <source>Confirms that the file is, byte for byte, a report this vault recorded in its audit trail, and that the records it was built from have not changed since; records changed since are listed with their history.</source>
        <translation>Файлдың осы қойманың аудит журналында тіркелген есеппен байт-байтқа дейін сәйкес келетінін және ол құрылған жазбалардың содан бері өзгермегенін растайды; өзгерген жазбалар олардың тарихымен бірге тізіледі.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="52" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="59" />
        <source>Choose the report's PDF file.</source>
        <translation>Есептің PDF файлын таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="286" />
        <source>(absent)</source>
        <translation>(жоқ)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="348" />
        <source>(deleted)</source>
        <translation>(жойылған)</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="598" />
        <source>Conflicts to review</source>
        <translation>Қарауға арналған қайшылықтар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="607" />
        <source>Nothing to review: no record has versions from different devices that conflict, and no edit of a sealed record was refused.</source>
        <translation>Қарайтын ештеңе жоқ: ешбір жазбада әр құрылғыдан келген қайшы нұсқалар жоқ, мөрленген жазбаның ешбір өзгерісі қабылданбаған жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="636" />
        <source>{n} versions</source>
        <translation>нұсқалар: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="638" />
        <source>refused sealed edit</source>
        <translation>мөрленген жазбаның қабылданбаған өзгерісі</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="47" />
        <source>monitor</source>
        <translation>бақылаушы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="48" />
        <source>coordinator</source>
        <translation>үйлестіруші</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="129" />
        <source>Trusted contacts</source>
        <translation>Сенімді байланыстар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="134" />
        <source>Add from a contact file…</source>
        <translation>Байланыс файлынан қосу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="138" />
        <source>Revoke the selected laptop…</source>
        <translation>Таңдалған ноутбукті қайтарып алу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="156" />
        <source>revoked from {date}</source>
        <translation>{date} бастап қайтарып алынған</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="161" />
        <source>Revoke a laptop</source>
        <translation>Ноутбукті қайтарып алу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="162" />
        <source>Revoke {name} ({fingerprint})?

From now on its revisions and bundles are refused here, and by every vault that receives this vault's bundles.</source>
        <translation>{name} ({fingerprint}) қайтарып алынсын ба?

Осы сәттен бастап оның нұсқалары мен топтамалары мұнда және осы қойманың топтамаларын алатын әр қоймада қабылданбайды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="186" />
        <source>Revoked {name}.</source>
        <translation>{name}: кілті қайтарып алынды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="190" />
        <source>Add a contact</source>
        <translation>Байланыс қосу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="197" />
        <source>Compare the fingerprint</source>
        <translation>Саусақ ізін салыстырыңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="198" />
        <source>{name} ({role})

{fingerprint}

Does the owner read you exactly this fingerprint? Add the contact only if they do.</source>
        <translation>{name} ({role})

{fingerprint}

Иесі сізге дәл осы саусақ ізін оқып берді ме? Тек солай болса ғана қосыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="220" />
        <source>Not added.</source>
        <translation>Қосылмады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="224" />
        <source>Added {name}.</source>
        <translation>{name} қосылды.</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="18" />
        <location filename="../../monitor/gui/dialogs/duress.py" line="47" />
        <source>Duress passphrase</source>
        <translation>Дабыл құпия фразасы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="24" />
        <source>A second passphrase that, typed at unlock, destroys this vault's key file: every passphrase slot, and the coordinator recovery slot unless you keep it below. Monitor then behaves exactly as for a wrong passphrase. Nobody can open this vault afterwards, you included; only a backup copy of both files brings it back.</source>
        <translation>Екінші құпия фраза: құлыпты ашқанда терілсе, ол осы қойманың кілт файлын жояды — құпия фразалардың барлық ұяшықтарын, сондай-ақ төменде сақтамасаңыз, үйлестірушінің қалпына келтіру ұяшығын да. Содан кейін Monitor құпия фраза қате болғандағыдай әрекет етеді. Осыдан кейін қойманы ешкім, сіз де аша алмайсыз; оны тек екі файлдың сақтық көшірмесінен қайтаруға болады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="29" />
        <source>Risks: in many countries destroying data during a search or an inspection is itself an offence (obstruction, destroying evidence), and may be punished more harshly than what the data would have shown. A copy of this laptop's disk made before the unlock is not affected: whoever has it and your real passphrase still opens the vault. It only protects against an unlock forced at the laptop itself. GrapheneOS's duress PIN makes the same trade-off, and its users discuss exactly these risks.</source>
        <translation>Тәуекелдер: көптеген елдерде тінту не тексеру кезінде деректерді жоюдың өзі құқық бұзушылық (кедергі келтіру, дәлелдемелерді жою) болып табылады және деректер көрсетуі мүмкін нәрседен де қатаңырақ жазалануы мүмкін. Құлыпты ашқанға дейін алынған осы ноутбук дискісінің көшірмесіне бұл әсер етпейді: оны иеленген әрі нағыз құпия фразаңызды білетін адам қойманы бәрібір ашады. Ол тек ноутбуктың өз басында мәжбүрлеп аштыруға қарсы қорғайды. GrapheneOS-тың мәжбүрлеу PIN-коды дәл осындай ымыраға барады, оның пайдаланушылары дәл осы тәуекелдерді талқылайды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="37" />
        <source>Off unless you set it. Monitor cannot show whether one is set: the key file looks the same either way. Setting replaces any earlier duress passphrase; Remove makes sure there is none.</source>
        <translation>Өзіңіз орнатпасаңыз, өшірулі. Monitor оның орнатылғанын көрсете алмайды: кілт файлы екі жағдайда да бірдей көрінеді. Жаңа дабыл құпия фразасы бұрынғысын ауыстырады; «Жою» оның жоқ екеніне кепілдік береді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="46" />
        <source>Keep the coordinator recovery slot</source>
        <translation>Үйлестірушінің қалпына келтіру ұяшығын сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="48" />
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="50" />
        <source>It must differ from the vault's passphrase. Choose one you would never type by mistake.</source>
        <translation>Ол қойманың құпия фразасынан өзгеше болуы керек. Оны ешқашан қателесіп термейтіндей етіп таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="52" />
        <source>Set duress passphrase</source>
        <translation>Дабыл фразасын орнату</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="53" />
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="74" />
        <source>Type the duress passphrase first.</source>
        <translation>Алдымен дабыл құпия фразасын теріңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="77" />
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="91" />
        <source>No duress passphrase is set now.</source>
        <translation>Қазір дабыл құпия фразасы орнатылмаған.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="93" />
        <source>The duress passphrase is set. Typed at unlock, it destroys this vault's key file.</source>
        <translation>Дабыл құпия фразасы орнатылды. Құлыпты ашқанда терілсе, ол осы қойманың кілт файлын жояды.</translation>
    </message>
</context>
<context>
    <name>ExaminationEditor</name>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="80" />
        <source>Remove this injury</source>
        <translation>Бұл жарақатты жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="83" />
        <source>Click the figure to mark an injury; drag a marker to move it; click a marker to edit its injury.</source>
        <translation>Жарақатты белгілеу үшін суретті басыңыз; белгіні жылжыту үшін сүйреңіз; сипаттамасын өзгерту үшін белгіні басыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="112" />
        <source>Examination details</source>
        <translation>Куәландыру туралы мәліметтер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="121" />
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="123" />
        <source>Seal…</source>
        <translation>Мөрлеу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="197" />
        <source>Injury {n}</source>
        <translation>Жарақат {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="198" />
        <source>No injury selected</source>
        <translation>Жарақат таңдалмаған</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="246" />
        <source>sealed {time}: addenda only</source>
        <translation>мөрленді {time}: тек толықтырулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="266" />
        <source>Unsaved work from {time} was restored from the vault.</source>
        <translation>{time} кезіндегі сақталмаған жұмыс қоймадан қалпына келтірілді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="305" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Сақталмады: белгіленген өрістерді түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="306" />
        <source>Not saved: {message}</source>
        <translation>Сақталмады: {message}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="309" />
        <source>Export a bundle</source>
        <translation>Пакетті экспорттау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="311" />
        <source>Encrypt for:</source>
        <translation>Кім үшін шифрлау:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="320" />
        <source>Only what changed since the last export to them</source>
        <translation>Оларға соңғы экспорттан бергі өзгерістер ғана</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="323" />
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="337" />
        <source>Save the bundle</source>
        <translation>Пакетті сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="344" />
        <source>Choose at least one contact.</source>
        <translation>Кемінде бір байланысты таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="349" />
        <source>Wrote {path}: {revisions} revisions, {attachments} attachments.</source>
        <translation>{path} жазылды: {revisions} нұсқа, {attachments} тіркеме.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="64" />
        <source>Merged value: {field}</source>
        <translation>Біріктірілген мән: {field}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="68" />
        <source>Type the value to keep.</source>
        <translation>Сақталатын мәнді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="69" />
        <source>Type the value to keep, as JSON (text in double quotes).</source>
        <translation>Сақталатын мәнді JSON түрінде енгізіңіз (мәтін қос тырнақшада).</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="73" />
        <source>Leave this field out</source>
        <translation>Бұл өрісті қоспау</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="199" />
        <source>Required.</source>
        <translation>Міндетті өріс.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="284" />
        <source>Enter a whole number.</source>
        <translation>Бүтін санды енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="284" />
        <source>Enter a number.</source>
        <translation>Санды енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="308" />
        <source>not stated</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="309" />
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="310" />
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="437" />
        <source>Now</source>
        <translation>Қазір</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="438" />
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="427" />
        <source>DD.MM.YYYY HH:MM</source>
        <translation>КК.АА.ЖЖЖЖ СС:ММ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="428" />
        <source>DD.MM.YYYY, MM.YYYY or YYYY</source>
        <translation>КК.АА.ЖЖЖЖ, АА.ЖЖЖЖ не ЖЖЖЖ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="429" />
        <source>DD.MM.YYYY</source>
        <translation>КК.АА.ЖЖЖЖ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="435" />
        <source>Choose the day in a calendar</source>
        <translation>Күнді күнтізбеден таңдау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="646" />
        <source>Choose a record from the list.</source>
        <translation>Тізімнен жазбаны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="776" />
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="790" />
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="821" />
        <source>Add at least one.</source>
        <translation>Кемінде біреуін қосыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="936" />
        <source>Show identity fields</source>
        <translation>Жеке деректерді көрсету</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="960" />
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="991" />
        <source>Unsaved changes from {time} were restored from the vault.</source>
        <translation>{time} кезіндегі сақталмаған өзгерістер қоймадан қалпына келтірілді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="1016" />
        <source>New: {what}</source>
        <translation>Жаңа жазба: {what}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="1022" />
        <source>Editing: {what}</source>
        <translation>Өзгерту: {what}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="1064" />
        <source>Not saved: correct the marked fields ({fields}).</source>
        <translation>Сақталмады: белгіленген өрістерді түзетіңіз ({fields}).</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="1066" />
        <source>Not saved: {message}</source>
        <translation>Сақталмады: {message}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="53" />
        <source>unsigned, from before signatures</source>
        <translation>қолтаңбасыз, қолтаңбалар енгізілгенге дейін</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="58" />
        <source>device revoked from {date}</source>
        <translation>құрылғы {date} бастап қайтарып алынған</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="73" />
        <source>deleted</source>
        <translation>жойылған</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="77" />
        <source>History of {record}: {n} revisions</source>
        <translation>Жазба тарихы ({record}): нұсқалар саны — {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="138" />
        <source>No change in content.</source>
        <translation>Мазмұны өзгерген жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="139" />
        <source>First version.</source>
        <translation>Алғашқы нұсқа.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="139" />
        <source>Changes from the revision before:</source>
        <translation>Алдыңғы нұсқамен салыстырғандағы өзгерістер:</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="73" />
        <source>My identity</source>
        <translation>Құрылғы деректерім</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="78" />
        <source>My name in the contact file:</source>
        <translation>Байланыс файлындағы атым:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="87" />
        <source>My role:</source>
        <translation>Менің рөлім:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="89" />
        <source>Read this fingerprint aloud to whoever adds you as a contact, and compare it with the one they see.</source>
        <translation>Сізді байланысқа қосатын адамға осы саусақ ізін дауыстап оқып, ол көріп отырғанымен салыстырыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="93" />
        <source>Age recipient (others encrypt bundles to it):</source>
        <translation>age алушысы (пакеттер соған шифрланады):</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="96" />
        <source>Save contact file…</source>
        <translation>Байланыс файлын сақтау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="111" />
        <source>Save contact file</source>
        <translation>Байланыс файлын сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="120" />
        <source>Saved {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="357" />
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="377" />
        <source>Import a bundle</source>
        <translation>Пакетті импорттау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="360" />
        <source>Choose a bundle…</source>
        <translation>Пакетті таңдау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="364" />
        <source>Review conflicts…</source>
        <translation>Қайшылықтарды қарау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="398" />
        <source>This bundle was imported before; nothing changed.</source>
        <translation>Бұл пакет бұрын импортталған; ештеңе өзгермеді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="400" />
        <source>{new} new, {updated} updated, {conflicts} conflicts, {sealed} sealed edits refused, {skipped} skipped, {attachments} attachments added.</source>
        <translation>Жаңа {new}, жаңартылған {updated}, қайшылықтар {conflicts}, мөрленген жазбалардың қабылданбаған өзгерістері {sealed}, өткізілген {skipped}, қосылған тіркемелер {attachments}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/trust.py" line="13" />
        <source>Unknown signer</source>
        <translation>Белгісіз қол қоюшы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/trust.py" line="14" />
        <source>This bundle is signed by a device you do not trust yet:

{fingerprint}

Trust it only if its owner reads you exactly this fingerprint.</source>
        <translation>Бұл пакетке сіз әлі сенбейтін құрылғы қол қойған:

{fingerprint}

Иесі дәл осы саусақ ізін оқып берсе ғана сеніңіз.</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="173" />
        <location filename="../../monitor/gui/dialogs/inbox.py" line="219" />
        <source>Inbox folder</source>
        <translation>Кіріс қалтасы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="177" />
        <source>Bundles for this vault that arrive in this folder (a synced folder, a USB stick) are merged while the vault is open, each all or nothing. Files there are never changed or deleted.</source>
        <translation>Осы қалтаға (синхрондалатын қалта, USB жинақтауыш) келген осы қоймаға арналған топтамалар қойма ашық тұрғанда біріктіріледі, әрқайсысы толығымен немесе мүлдем емес. Қалтадағы файлдар ешқашан өзгертілмейді және жойылмайды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="183" />
        <source>Choose folder…</source>
        <translation>Қалтаны таңдау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="185" />
        <source>Stop using this folder</source>
        <translation>Бұл қалтаны енді қолданбау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="187" />
        <source>Check now</source>
        <translation>Қазір тексеру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="194" />
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="194" />
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="194" />
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="194" />
        <source>Details</source>
        <translation>Мәліметтер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="202" />
        <source>Compare the fingerprint and import…</source>
        <translation>Саусақ ізін салыстырып, импорттау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="207" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="255" />
        <source>Merged</source>
        <translation>Біріктірілді</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="255" />
        <source>Imported before</source>
        <translation>Бұрын импортталған</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="256" />
        <source>Waits for trust</source>
        <translation>Сенімді күтуде</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="256" />
        <source>Refused</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="260" />
        <source>Folder: {path}</source>
        <translation>Қалта: {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="261" />
        <source>No inbox folder is chosen for this vault.</source>
        <translation>Бұл қойма үшін кіріс қалтасы таңдалмаған.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="282" />
        <source>Checking the folder…</source>
        <translation>Қалта тексерілуде…</translation>
    </message>
</context>
<context>
    <name>InboxWatcher</name>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="145" />
        <source>Inbox: {merged} merged, {waiting} waiting for trust, {refused} refused</source>
        <translation>Кіріс: біріктірілді {merged}, сенімді күтуде {waiting}, қабылданбады {refused}</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="86" />
        <source>Record a change or withdrawal of consent</source>
        <translation>Келісімнің өзгеруін немесе кері алынуын жазу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="89" />
        <source>Save the consent</source>
        <translation>Келісімді сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="110" />
        <source>The person's account, in their words, as they gave it.</source>
        <translation>Адамның әңгімесі, өз сөзімен, қалай айтса солай.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="129" />
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="131" />
        <source>Seal…</source>
        <translation>Мөрлеу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="145" />
        <source>Details</source>
        <translation>Мәліметтер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="201" />
        <source>sealed {time}: addenda only</source>
        <translation>мөрленді {time}: тек толықтырулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="219" />
        <source>Choose the person to see the consent they have given.</source>
        <translation>Берген келісімін көру үшін тұлғаны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="226" />
        <source>Consent on record: {items}</source>
        <translation>Жазылған келісім: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="226" />
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="228" />
        <source>Withdrawn: {items}</source>
        <translation>Кері алынды: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="242" />
        <source>Choose the person first.</source>
        <translation>Алдымен тұлғаны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="284" />
        <source>Unsaved typing from {time} was restored from the vault.</source>
        <translation>{time} кезіндегі сақталмаған мәтін қоймадан қалпына келтірілді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="329" />
        <source>Required.</source>
        <translation>Міндетті өріс.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="395" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Сақталмады: белгіленген өрістерді түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="396" />
        <source>Not saved: {message}</source>
        <translation>Сақталмады: {message}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="428" />
        <source>Saved.</source>
        <translation>Сақталды.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../monitor/gui/labels.py" line="27" />
        <source>(missing record)</source>
        <translation>(жазба жоқ)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/labels.py" line="106" />
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/labels.py" line="106" />
        <source>no</source>
        <translation>жоқ</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="26" />
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="26" />
        <source>Visits</source>
        <translation>Барулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="27" />
        <source>Facilities</source>
        <translation>Мекемелер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="27" />
        <source>People</source>
        <translation>Тұлғалар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="28" />
        <source>Examinations</source>
        <translation>Куәландырулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="28" />
        <source>Complaints</source>
        <translation>Шағымдар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="24" />
        <source>Updated</source>
        <translation>Өзгертілді</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="24" />
        <source>Sealed</source>
        <translation>Мөрленген</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="217" />
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="225" />
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="225" />
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="226" />
        <source>Match</source>
        <translation>Сәйкестік</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="226" />
        <source>Matched words</source>
        <translation>Сәйкес келген сөздер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="248" />
        <source>Filter this list…</source>
        <translation>Тізімді сүзу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="258" />
        <source>from YYYY-MM-DD</source>
        <translation>ЖЖЖЖ-АА-КК бастап</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="260" />
        <source>to YYYY-MM-DD</source>
        <translation>ЖЖЖЖ-АА-КК дейін</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="301" />
        <source>Search narratives, names, notes…</source>
        <translation>Айғақтар, есімдер, жазбалар бойынша іздеу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="320" />
        <source>My passphrase or laptop may be compromised…</source>
        <translation>Құпия фразам немесе ноутбугім бөгде қолға түсуі мүмкін…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="336" />
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="337" />
        <source>Forward</source>
        <translation>Алға</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="338" />
        <location filename="../../monitor/gui/main_window.py" line="465" />
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="339" />
        <source>Find…</source>
        <translation>Табу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="341" />
        <source>Add photo or document…</source>
        <translation>Сурет немесе құжат қосу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="342" />
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="343" />
        <source>Export list to spreadsheet…</source>
        <translation>Тізімді кестеге шығару…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="345" />
        <source>History of this record</source>
        <translation>Осы жазбаның тарихы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="347" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="353" />
        <source>&amp;Edit</source>
        <translation>&amp;Өңдеу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="356" />
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="366" />
        <source>&amp;Records</source>
        <translation>&amp;Жазбалар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="371" />
        <source>New {what}</source>
        <translation>Жаңа: {what}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="378" />
        <source>&amp;Reports</source>
        <translation>&amp;Есептер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="379" />
        <source>Case dossier…</source>
        <translation>Іс бойынша досье…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="379" />
        <source>Medical evaluation report…</source>
        <translation>Медициналық қорытынды…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="380" />
        <source>Visit report…</source>
        <translation>Бару туралы есеп…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="380" />
        <source>Statistics…</source>
        <translation>Статистика…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="383" />
        <source>Check a printed report…</source>
        <translation>Басылған есепті тексеру…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="389" />
        <source>Review conflicts…</source>
        <translation>Қайшылықтарды қарау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="392" />
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="393" />
        <location filename="../../monitor/gui/main_window.py" line="1024" />
        <source>Consistency terms (Istanbul Protocol)</source>
        <translation>Сәйкестік терминдері (Стамбул хаттамасы)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="394" />
        <location filename="../../monitor/gui/main_window.py" line="1030" />
        <source>About Monitor</source>
        <translation>Monitor туралы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="396" />
        <source>Main</source>
        <translation>Негізгі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="405" />
        <source>All types</source>
        <translation>Барлық түрлер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="461" />
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="462" />
        <source>This page has changes that are not saved. Save them before leaving?</source>
        <translation>Бұл бетте сақталмаған өзгерістер бар. Кетер алдында оларды сақтау керек пе?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="466" />
        <source>Discard</source>
        <translation>Сақтамау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="467" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="537" />
        <source>{n} records to review</source>
        <translation>қарайтын жазбалар: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="547" />
        <source>Review</source>
        <translation>Қарау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="570" />
        <source>{n} versions from different devices: choose what to keep before editing.</source>
        <translation>Әр құрылғыдан келген нұсқалар: {n}. Өңдеуден бұрын нені қалдыру керектігін таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="573" />
        <source>An edit of this sealed record from another device was refused and kept.</source>
        <translation>Бұл мөрленген жазбаның басқа құрылғыдан келген өзгерісі қабылданбады және сақталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="586" />
        <source>Resolved: {record}</source>
        <translation>Шешілді: {record}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="767" />
        <location filename="../../monitor/gui/main_window.py" line="801" />
        <source>Export to spreadsheet</source>
        <translation>Кестеге шығару</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="769" />
        <source>The workbook will hold this list as PLAINTEXT outside the encrypted vault: anyone who gets the file can read it. Keep it off shared or unencrypted disks. Export it?</source>
        <translation>Кітапта бұл тізім шифрланған қоймадан тыс АШЫҚ МӘТІНМЕН сақталады: файл қолына түскен кез келген адам оны оқи алады. Оны ортақ не шифрланбаған дискілерде сақтамаңыз. Шығару керек пе?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="775" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel кітабы (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="790" />
        <source>Writing the workbook…</source>
        <translation>Кітап жазылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="798" />
        <source>Wrote {rows} rows to {path}</source>
        <translation>{path} файлына {rows} жол жазылды</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="875" />
        <source>very common words: the most recent matches are ranked first</source>
        <translation>өте жиі сөздер: алдымен ең жаңа сәйкестіктер реттеледі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="923" />
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="924" />
        <source>Edit</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="925" />
        <source>History</source>
        <translation>Тарих</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="945" />
        <source>Add photos or documents</source>
        <translation>Суреттер немесе құжаттар қосу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="958" />
        <source>{n} file(s) added to the vault.</source>
        <translation>Қоймаға қосылған файлдар: {n}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="1001" />
        <source>Open a case (or one of its records) first.</source>
        <translation>Алдымен істі (немесе оның бір жазбасын) ашыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="1002" />
        <source>Open a medical examination first.</source>
        <translation>Алдымен медициналық тексеруді ашыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="1003" />
        <source>Open a visit first.</source>
        <translation>Алдымен баруды ашыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="1031" />
        <source>Monitor keeps the records of visits to places of detention and of torture documentation in one encrypted vault, offline.</source>
        <translation>Monitor бас бостандығынан айыру орындарына бару және азаптауды құжаттау жазбаларын желіге қосылмай, бір шифрланған қоймада сақтайды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="346" />
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="340" />
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="438" />
        <source>The vault was wiped, changed or damaged by another program while it was open. Monitor has locked it.</source>
        <translation>Қойма ашық тұрғанда оны басқа бағдарлама өшірді, өзгертті немесе бүлдірді. Monitor оны құлыптады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="731" />
        <source>The vault is empty.</source>
        <translation>Қойма бос.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="739" />
        <source>Any status</source>
        <translation>Кез келген мәртебе</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="748" />
        <source>Any facility</source>
        <translation>Кез келген мекеме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="830" />
        <source>{cases} cases, {records} records</source>
        <translation>Істер: {cases}, жазбалар: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="869" />
        <source>Search: {text}</source>
        <translation>Іздеу: {text}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="873" />
        <source>{n} matches</source>
        <translation>Сәйкестіктер: {n}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="119" />
        <source>Change passphrase</source>
        <translation>Құпия фразаны өзгерту</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="125" />
        <source>Current passphrase</source>
        <translation>Қазіргі құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="126" />
        <source>New passphrase</source>
        <translation>Жаңа құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="127" />
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="128" />
        <source>Choose four or more unrelated words. Backup copies keep the old passphrase.</source>
        <translation>Бір-бірімен байланыссыз төрт не одан көп сөз алыңыз. Сақтық көшірмелер ескі құпия фразамен қалады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="136" />
        <source>Type the current passphrase.</source>
        <translation>Қазіргі құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="142" />
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="160" />
        <source>The passphrase was changed.</source>
        <translation>Құпия фраза өзгертілді.</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="98" />
        <source>Edit</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="100" />
        <source>History</source>
        <translation>Тарих</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="102" />
        <source>Add photo or document…</source>
        <translation>Сурет немесе құжат қосу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="107" />
        <source>New visit here</source>
        <translation>Осы мекемеге жаңа бару</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="108" />
        <source>New interview here</source>
        <translation>Осында жаңа сұхбат</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="109" />
        <source>New examination here</source>
        <translation>Осында жаңа куәландыру</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="26" />
        <source>updated {time}</source>
        <translation>өзгертілген уақыты {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="27" />
        <source>Deleted.</source>
        <translation>Жойылған.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="28" />
        <source>Sealed — addenda only.</source>
        <translation>Мөрленген — тек толықтырулар.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="29" />
        <source>Conflict: {n} concurrent versions.</source>
        <translation>Қайшылық: қатар нұсқалар саны — {n}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="30" />
        <source>hidden</source>
        <translation>жасырын</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="31" />
        <source>Reveal identity</source>
        <translation>Жеке деректерді көрсету</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="32" />
        <source>Linked records</source>
        <translation>Байланысты жазбалар</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="42" />
        <source>No recovery slot: a forgotten passphrase cannot be recovered.</source>
        <translation>Қалпына келтіру ұяшығы жоқ: ұмытылған құпия фразаны қалпына келтіру мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="45" />
        <source>a recipient not among the contacts</source>
        <translation>байланыстар арасында жоқ алушы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="46" />
        <source>Recovery slot {slot}: the data key is wrapped to {name} ({fingerprint}…).</source>
        <translation>{slot}-қалпына келтіру ұяшығы: деректер кілті {name} үшін шифрланған ({fingerprint}…).</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="58" />
        <source>Recovery</source>
        <translation>Қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="61" />
        <source>A recovery slot lets a coordinator you trust open this vault if you forget your passphrase. It holds this vault's key, encrypted to the coordinator's age key. Whoever holds that key and copies of this vault and its key file can open it, so choose only a coordinator you trust with every record here. A recovery gives the vault a new key and a new passphrase. Wiping the vault destroys the slot too.</source>
        <translation>Қалпына келтіру ұяшығы құпия фразаңызды ұмытып қалсаңыз, өзіңіз сенетін үйлестірушіге осы қойманы ашуға мүмкіндік береді. Онда осы қойманың кілті үйлестірушінің age кілтіне шифрланып сақталады. Сол кілт, қойманың және оның кілт файлының көшірмелері кімде болса, сол оны аша алады, сондықтан мұндағы әр жазбаны сеніп тапсыра алатын үйлестірушіні ғана таңдаңыз. Қалпына келтіргенде қойма жаңа кілт пен жаңа құпия фраза алады. Қойманы жойғанда ұяшық та жойылады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="69" />
        <location filename="../../monitor/gui/dialogs/recovery.py" line="113" />
        <source>Add a recovery slot</source>
        <translation>Қалпына келтіру ұяшығын қосу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="70" />
        <location filename="../../monitor/gui/dialogs/recovery.py" line="119" />
        <source>Remove the recovery slot</source>
        <translation>Қалпына келтіру ұяшығын алып тастау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="75" />
        <source>Coordinator</source>
        <translation>Үйлестіруші</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="100" />
        <source>No coordinator among your contacts. Add the coordinator's contact file under Sync › Trusted contacts first.</source>
        <translation>Байланыстарыңыз арасында үйлестіруші жоқ. Алдымен үйлестірушінің байланыс файлын Синхрондау › Сенімді байланыстар мәзірінде қосыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="114" />
        <source>{name} ({fingerprint})

Whoever holds this coordinator's age key will be able to open this vault from copies of it and its key file. Add the recovery slot?</source>
        <translation>{name} ({fingerprint})

Осы үйлестірушінің age кілті кімде болса, сол осы қойманы оның және кілт файлының көшірмелерінен аша алады. Қалпына келтіру ұяшығы қосылсын ба?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="120" />
        <source>Remove the recovery slot? If you then forget your passphrase, nobody can open this vault.</source>
        <translation>Қалпына келтіру ұяшығы алып тасталсын ба? Содан кейін құпия фразаңызды ұмытсаңыз, бұл қойманы ешкім аша алмайды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="141" />
        <source>Added. Tell {name} to keep their Monitor vault (or age key) safe.</source>
        <translation>Қосылды. {name} өзінің Monitor қоймасын (немесе age кілтін) сенімді сақтасын деп айтыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="155" />
        <source>Removed: the slot was overwritten in place.</source>
        <translation>Алып тасталды: ұяшық орнында қайта жазылды.</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="18" />
        <source>New key for the whole vault</source>
        <translation>Бүкіл қоймаға жаңа кілт</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="24" />
        <source>Current passphrase</source>
        <translation>Қазіргі құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="25" />
        <source>New passphrase</source>
        <translation>Жаңа құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="26" />
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="28" />
        <source>Monitor makes a new random key, re-encrypts the whole vault with it and destroys the old key file. Afterwards the old passphrase, old copies of the key file and memory taken from this laptop earlier open nothing. Backup copies made before keep the old key: wipe them. A large vault takes minutes.</source>
        <translation>Monitor жаңа кездейсоқ кілт жасайды, бүкіл қойманы сол кілтпен қайта шифрлайды және ескі кілт файлын жояды. Осыдан кейін ескі құпия фраза да, кілт файлының ескі көшірмелері де, бұл ноутбуктан бұрын алынған жад та ештеңе ашпайды. Бұрын жасалған сақтық көшірмелер ескі кілтпен қалады: оларды жойыңыз. Үлкен қойма бірнеше минут өңделеді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="38" />
        <source>Type the current passphrase.</source>
        <translation>Қазіргі құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="45" />
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="63" />
        <source>Done: the vault has a new key, and the old key file was destroyed. Open it with the new passphrase from now on.</source>
        <translation>Дайын: қойманың жаңа кілті бар, ескі кілт файлы жойылды. Енді оны жаңа құпия фразамен ашыңыз.</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="41" />
        <source>Case dossier</source>
        <translation>Іс бойынша досье</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="42" />
        <source>Medical evaluation report</source>
        <translation>Медициналық бағалау қорытындысы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="43" />
        <source>Visit report</source>
        <translation>Бару туралы есеп</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="44" />
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="47" />
        <source>full (the person's lawyer)</source>
        <translation>толық (адамның адвокаты)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="48" />
        <source>pseudonymised (partners)</source>
        <translation>бүркеншіктелген (серіктестер)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="49" />
        <source>aggregate (public)</source>
        <translation>жиынтық (жария)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="54" />
        <source>as the level says</source>
        <translation>деңгейге сәйкес</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="55" />
        <source>a UN body (needs consent to share with the UN)</source>
        <translation>БҰҰ органы (БҰҰ-ға беруге келісім қажет)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="202" />
        <source>any</source>
        <translation>кез келген</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="204" />
        <source>Protect with a password (AES-256)</source>
        <translation>Құпия сөзбен қорғау (AES-256)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="209" />
        <source>Preview</source>
        <translation>Алдын ала қарау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="210" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="211" />
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="400" />
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="418" />
        <source>Save as…</source>
        <translation>Басқаша сақтау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="212" />
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="213" />
        <source>Spreadsheet…</source>
        <translation>Кесте…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="214" />
        <source>The report's tables as an .xlsx workbook</source>
        <translation>Есеп кестелері .xlsx кітабы ретінде</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="217" />
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="229" />
        <source>Language</source>
        <translation>Тілі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="229" />
        <source>Level</source>
        <translation>Деңгейі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="230" />
        <source>Recipient</source>
        <translation>Алушы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="234" />
        <source>From year</source>
        <translation>Бастапқы жыл</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="234" />
        <source>To year</source>
        <translation>Соңғы жыл</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="276" />
        <source>Building the report…</source>
        <translation>Есеп жасалуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="325" />
        <source>{n} pages · {w} items withheld · SHA-256 of the records {h}…</source>
        <translation>{n} бет · енгізілмегені: {w} · жазбалар SHA-256 {h}…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="334" />
        <source>Cancelled.</source>
        <translation>Болдырылмады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="346" />
        <source>Export to spreadsheet</source>
        <translation>Кестеге шығару</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="348" />
        <source>The workbook will hold these tables as PLAINTEXT outside the encrypted vault: anyone who gets the file can read it. Keep it off shared or unencrypted disks. Export them?</source>
        <translation>Кітапта бұл кестелер шифрланған қоймадан тыс АШЫҚ МӘТІНМЕН сақталады: файл қолына түскен кез келген адам оларды оқи алады. Оны ортақ не шифрланбаған дискілерде сақтамаңыз. Шығару керек пе?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="354" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel кітабы (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="374" />
        <source>Saved {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="400" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="410" />
        <source>Enter a password, or untick the box.</source>
        <translation>Құпия сөзді енгізіңіз немесе белгіні алып тастаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="420" />
        <source>Saved {path} (SHA-256 {h}…)</source>
        <translation>Сақталды: {path} (SHA-256 {h}…)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="451" />
        <source>Sent to the printer.</source>
        <translation>Басып шығаруға жіберілді.</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="152" />
        <source>Only fields that differ</source>
        <translation>Тек айырмашылығы бар өрістер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="169" />
        <source>Edit merged value…</source>
        <translation>Біріктірілген мәнді өзгерту…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="171" />
        <location filename="../../monitor/gui/pages/conflicts.py" line="581" />
        <source>Delete record</source>
        <translation>Жазбаны жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="180" />
        <location filename="../../monitor/gui/pages/conflicts.py" line="245" />
        <source>Resolve</source>
        <translation>Шешу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="194" />
        <source>The merged record:</source>
        <translation>Біріктірілген жазба:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="219" />
        <source>Nothing to review.</source>
        <translation>Қарайтын ештеңе жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="238" />
        <source>This record is sealed: its content can never change, so only its sealed version can be kept. The refused edit stays in the record's history and can be read here; if it holds something new, add it to the record as an addendum.</source>
        <translation>Бұл жазба мөрленген: оның мазмұны ешқашан өзгермейді, сондықтан тек мөрленген нұсқасын қалдыруға болады. Қабылданбаған өзгеріс жазбаның тарихында қалады және оны осында оқуға болады; егер онда жаңа мәлімет болса, оны жазбаға толықтыру ретінде қосыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="243" />
        <source>Click a cell to keep that version's value of the field; double-click a cell of the merged column to type a value. Rows that differ are highlighted.</source>
        <translation>Өрістің сол нұсқадағы мәнін қалдыру үшін ұяшықты басыңыз; мәнді өзіңіз енгізу үшін біріктірілген бағандағы ұяшықты екі рет басыңыз. Айырмашылығы бар жолдар ерекшеленген.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="245" />
        <source>Keep the sealed version</source>
        <translation>Мөрленген нұсқаны қалдыру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="265" />
        <source>refused edit of a sealed record</source>
        <translation>мөрленген жазбаның қабылданбаған өзгерісі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="267" />
        <source>deletes the record</source>
        <translation>жазбаны жояды</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="269" />
        <source>current view</source>
        <translation>ағымдағы нұсқа</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="271" />
        <source>concurrent version</source>
        <translation>қатар нұсқа</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="273" />
        <source>Version {n}</source>
        <translation>{n}-нұсқа</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="276" />
        <source>{time} · generation {n}</source>
        <translation>{time} · {n}-буын</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="327" />
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="327" />
        <source>Merged result</source>
        <translation>Біріктіру нәтижесі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="332" />
        <source>Revision {rev}</source>
        <translation>{rev} нұсқасы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="356" />
        <source>A refused edit of a sealed record: it can be read, never chosen.</source>
        <translation>Мөрленген жазбаның қабылданбаған өзгерісі: оны оқуға болады, бірақ таңдауға болмайды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="383" />
        <source>Keep version {n}: delete</source>
        <translation>{n}-нұсқаны қалдыру: жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="385" />
        <source>Keep version {n} whole</source>
        <translation>{n}-нұсқаны толық қалдыру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="411" />
        <location filename="../../monitor/gui/pages/conflicts.py" line="432" />
        <source>A refused edit of a sealed record can be read, but never chosen.</source>
        <translation>Мөрленген жазбаның қабылданбаған өзгерісін оқуға болады, бірақ таңдауға болмайды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="414" />
        <source>That version deletes the record: it has no fields to keep.</source>
        <translation>Бұл нұсқа жазбаны жояды: онда қалдыратын өрістер жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="481" />
        <source>A sealed record's content cannot change.</source>
        <translation>Мөрленген жазбаның мазмұны өзгермейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="534" />
        <source>Typed by hand.</source>
        <translation>Қолмен енгізілген.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="537" />
        <source>From version {n}.</source>
        <translation>{n}-нұсқадан.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="554" />
        <source>The merged record passes the form checks.</source>
        <translation>Біріктірілген жазба пішін тексерулерінен өтеді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="565" />
        <source>Resolve by deleting this record? Every version stays in its history.</source>
        <translation>Қайшылықты осы жазбаны жою арқылы шешу керек пе? Барлық нұсқа оның тарихында қалады.</translation>
    </message>
</context>
<context>
    <name>Sealing</name>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="129" />
        <source>Once sealed, this {what} can never be changed again, by anyone. Later corrections can only be added as addenda, which are kept beside it.

Seal it now?</source>
        <translation>Мөрленгеннен кейін бұл жазбаны ({what}) ешкім ешқашан өзгерте алмайды. Кейінгі түзетулерді тек қасында сақталатын толықтырулар ретінде қосуға болады.

Қазір мөрлеу керек пе?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="132" />
        <source>Seal — this is final</source>
        <translation>Мөрлеу — бұл түпкілікті</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="135" />
        <source>Seal</source>
        <translation>Мөрлеу</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../monitor/gui/session.py" line="205" />
        <source>Locked after {n} minutes without activity.</source>
        <translation>Құлыпталды: {n} минут әрекетсіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="207" />
        <source>Locked because the screen was locked.</source>
        <translation>Экран құлыпталғандықтан құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="209" />
        <source>Locked before the computer went to sleep.</source>
        <translation>Компьютер ұйқы режиміне өтер алдында құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="211" />
        <source>Locked when the window was minimised.</source>
        <translation>Терезе жиналғанда құлыпталды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="213" />
        <source>The vault was wiped.</source>
        <translation>Қойма жойылды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="215" />
        <source>The vault was wiped, changed or damaged by another program while it was open. Monitor has locked it.</source>
        <translation>Қойма ашық тұрғанда оны басқа бағдарлама өшірді, өзгертті немесе бүлдірді. Monitor оны құлыптады.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="35" />
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="38" />
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="39" />
        <source>Lock when the window is minimised</source>
        <translation>Терезе жиналғанда құлыптау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="42" />
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="44" />
        <source>System language</source>
        <translation>Жүйе тілі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="48" />
        <source>Remember recently opened vaults</source>
        <translation>Жуырда ашылған қоймаларды есте сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="53" />
        <source>Lock after no activity for</source>
        <translation>Әрекетсіздіктен кейін құлыптау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="55" />
        <source>Clear copied text after</source>
        <translation>Көшірілген мәтінді тазалау уақыты</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="56" />
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="60" />
        <source>e.g. doctor, lawyer</source>
        <translation>мысалы, дәрігер, заңгер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="74" />
        <source>My name, role and organisation</source>
        <translation>Менің атым, рөлім және ұйымым</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="77" />
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="78" />
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="79" />
        <source>Organisation</source>
        <translation>Ұйым</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="80" />
        <source>Kept in this vault. Your new work is signed with this name, and your contact file carries it, so others see who did it.</source>
        <translation>Осы қоймада сақталады. Жаңа жұмысыңызға осы атпен қол қойылады, ол байланыс файлыңызда да тұрады, сондықтан басқалар жұмысты кім істегенін көреді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="88" />
        <source>Duress passphrase…</source>
        <translation>Дабыл құпия фразасы…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="91" />
        <source>At a checkpoint</source>
        <translation>Тексеру кезіне</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="93" />
        <source>Monitor also locks when the screen locks and before the computer sleeps. A new language applies at once.</source>
        <translation>Monitor экран құлыпталғанда және компьютер ұйқыға кетер алдында да құлыпталады. Жаңа тіл бірден қолданылады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="122" />
        <source>Recovery…</source>
        <translation>Қалпына келтіру…</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="412" />
        <source>&amp;Sync</source>
        <translation>&amp;Синхрондау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="425" />
        <source>My identity…</source>
        <translation>Құрылғы деректерім…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="426" />
        <source>Trusted contacts…</source>
        <translation>Сенімді байланыстар…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="427" />
        <source>Export a bundle…</source>
        <translation>Пакетті экспорттау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="428" />
        <source>Import a bundle…</source>
        <translation>Пакетті импорттау…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="300" />
        <source>Inbox folder…</source>
        <translation>Кіріс қалтасы…</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="52" />
        <source>Start</source>
        <translation>Бастау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="54" />
        <location filename="../../monitor/gui/dialogs/task.py" line="104" />
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="70" />
        <source>Done.</source>
        <translation>Дайын.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="82" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="119" />
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="125" />
        <source>Unexpected error: {error}</source>
        <translation>Күтпеген қате: {error}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="82" />
        <source>Monitor — unlock</source>
        <translation>Монитор — құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="91" />
        <source>Open another vault file…</source>
        <translation>Басқа қойма файлын ашу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="95" />
        <source>Show passphrase</source>
        <translation>Құпия фразаны көрсету</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="98" />
        <source>optional; it signs your work</source>
        <translation>міндетті емес; жұмысыңызға осымен қол қойылады</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="100" />
        <source>e.g. doctor, lawyer</source>
        <translation>мысалы, дәрігер, заңгер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="106" />
        <source>Unlock</source>
        <translation>Құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="107" />
        <source>Create empty vault</source>
        <translation>Бос қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="108" />
        <source>Create demo vault</source>
        <translation>Демо қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="109" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="116" />
        <source>Vault</source>
        <translation>Қойма</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="117" />
        <source>Passphrase</source>
        <translation>Құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="118" />
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="120" />
        <source>Your name</source>
        <translation>Атыңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="121" />
        <source>Your role</source>
        <translation>Рөліңіз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="122" />
        <source>Organisation</source>
        <translation>Ұйым</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="191" />
        <source>Type the passphrase of this vault.</source>
        <translation>Осы қойманың құпия фразасын енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="194" />
        <source>There is no vault at this path yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>Бұл жолда әлі қойма жоқ. Бір-бірімен байланыссыз төрт не одан көп сөзден тұратын құпия фраза ойлап табыңыз; ұмытсаңыз, оны қалпына келтіру мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="206" />
        <source>Open a vault file</source>
        <translation>Қойма файлын ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="207" />
        <source>Monitor vaults (*.vault);;All files (*)</source>
        <translation>Monitor қоймалары (*.vault);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="228" />
        <source>Type the passphrase first.</source>
        <translation>Алдымен құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="243" />
        <source>Unlocking…</source>
        <translation>Құлып ашылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="257" />
        <location filename="../../monitor/gui/dialogs/unlock.py" line="447" />
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="306" />
        <source>Creating the demo vault…</source>
        <translation>Демо қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="306" />
        <source>Creating the vault…</source>
        <translation>Қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="345" />
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="348" />
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="416" />
        <source>Cancelled; nothing was created.</source>
        <translation>Тоқтатылды; ештеңе құрылған жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="420" />
        <source>Unexpected error: {error}</source>
        <translation>Күтпеген қате: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="463" />
        <source>Strong enough.</source>
        <translation>Жеткілікті берік.</translation>
    </message>
</context>
<context>
    <name>VaultCare</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="213" />
        <source>Wiping…</source>
        <translation>Жойылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="219" />
        <source>&amp;Vault</source>
        <translation>&amp;Қойма</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="237" />
        <source>Settings…</source>
        <translation>Баптаулар…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="238" />
        <source>Change passphrase…</source>
        <translation>Құпия фразаны өзгерту…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="239" />
        <source>Verify…</source>
        <translation>Тексеру…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="240" />
        <source>Backup copy…</source>
        <translation>Сақтық көшірме…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="242" />
        <source>Quick wipe…</source>
        <translation>Жедел жою…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="32" />
        <source>Verify the vault</source>
        <translation>Қойманы тексеру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="34" />
        <source>Checks the encryption of every page, the database, every revision, the audit chain and every attachment's hash.</source>
        <translation>Әр беттің шифрлануын, дерекқорды, әр нұсқаны, аудит тізбегін және әр тіркеменің хешін тексереді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="40" />
        <source>optional: the audit chain head from a printed report</source>
        <translation>міндетті емес: басылған есептегі аудит тізбегінің басы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="41" />
        <source>Printed head</source>
        <translation>Басылған тізбек басы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="74" />
        <source>The vault is intact: {n} revisions, {a} audit entries and {b} attachments checked.</source>
        <translation>Қойма бүтін: тексерілген нұсқалар — {n}, аудит жазбалары — {a}, тіркемелер — {b}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="79" />
        <source>{n} problem(s) found:</source>
        <translation>Табылған ақаулар: {n}:</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="172" />
        <source>This vault is empty. Start with what you are documenting:

• a case — one person's or one event's file: people, allegations, interviews, examinations, complaints;
• a visit — to a place of detention: add the facility first, then the visit, its findings and recommendations.

Everything you enter stays inside this encrypted vault. Lock it with Ctrl+L when you step away.</source>
        <translation>Қойма бос. Нені құжаттайтыныңыздан бастаңыз:

• іс — бір адам немесе бір оқиға туралы материалдар: тұлғалар, мәлімделген бұзушылықтар, сұхбаттар, куәландырулар, шағымдар;
• бас бостандығынан айыру орнына бару — алдымен мекемені, содан кейін баруды, оның қорытындылары мен ұсынымдарын қосыңыз.

Енгізгеннің бәрі осы шифрланған қоймада қалады. Кетерде оны Ctrl+L пернелерімен құлыптаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="193" />
        <source>New case</source>
        <translation>Жаңа іс</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="194" />
        <source>New facility</source>
        <translation>Жаңа мекеме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="195" />
        <source>New visit</source>
        <translation>Жаңа бару</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="168" />
        <source>Quick wipe</source>
        <translation>Жедел жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="172" />
        <source>WIPE</source>
        <translation>ЖОЮ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="176" />
        <source>This destroys the vault {path} for ever: its key material first, then every byte. Nobody, not even with the passphrase, can open it afterwards. Backup copies elsewhere are not touched.</source>
        <translation>{path} қоймасы біржола жойылады: алдымен кілт материалы, содан кейін әр байт. Осыдан кейін оны ешкім, тіпті құпия фразаны білсе де, аша алмайды. Басқа жердегі сақтық көшірмелерге тиіспейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="179" />
        <source>Type {word} to confirm:</source>
        <translation>Растау үшін {word} деп жазыңыз:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="183" />
        <source>Wipe now</source>
        <translation>Қазір жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="186" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
</context>
<context>
    <name>_Job</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="239" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="264" />
        <source>Working…</source>
        <translation>Орындалуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="293" />
        <source>Cancelled; nothing was changed.</source>
        <translation>Болдырылмады; ештеңе өзгерген жоқ.</translation>
    </message>
</context>
</TS>