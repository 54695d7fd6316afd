<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="kk_KZ">
<context>
    <name>AddendaPanel</name>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="83" />
        <source>Addenda</source>
        <translation>Толықтырулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="89" />
        <source>A correction or later information; the sealed text stays as it was.</source>
        <translation>Түзету немесе кейінгі мәлімет; мөрленген мәтін өзгеріссіз қалады.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="91" />
        <source>Add addendum</source>
        <translation>Толықтыру қосу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="126" />
        <source>Write the addendum first.</source>
        <translation>Алдымен толықтыруды жазыңыз.</translation>
    </message>
</context>
<context>
    <name>ExaminationEditor</name>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="77" />
        <source>Remove this injury</source>
        <translation>Бұл жарақатты жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="80" />
        <source>Click the figure to mark an injury; drag a marker to move it; click a marker to edit its injury.</source>
        <translation>Жарақатты белгілеу үшін суретті басыңыз; белгіні жылжыту үшін сүйреңіз; сипаттамасын өзгерту үшін белгіні басыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="107" />
        <source>Examination details</source>
        <translation>Куәландыру туралы мәліметтер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="116" />
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="118" />
        <source>Seal…</source>
        <translation>Мөрлеу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="180" />
        <source>Injury {n}</source>
        <translation>Жарақат {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="181" />
        <source>No injury selected</source>
        <translation>Жарақат таңдалмаған</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="236" />
        <source>sealed {time}: addenda only</source>
        <translation>мөрленді {time}: тек толықтырулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="258" />
        <source>Unsaved work from {time} was restored from the vault.</source>
        <translation>{time} кезіндегі сақталмаған жұмыс қоймадан қалпына келтірілді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="299" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Сақталмады: белгіленген өрістерді түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/examination_editor.py" line="300" />
        <source>Not saved: {message}</source>
        <translation>Сақталмады: {message}</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../monitor/gui/forms.py" line="134" />
        <location filename="../../monitor/gui/forms.py" line="587" />
        <source>Required.</source>
        <translation>Міндетті өріс.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="185" />
        <source>Enter a whole number.</source>
        <translation>Бүтін санды енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="185" />
        <source>Enter a number.</source>
        <translation>Санды енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="207" />
        <source>not stated</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="208" />
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="209" />
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="235" />
        <source>YYYY-MM-DD HH:MM</source>
        <translation>ЖЖЖЖ-АА-КК сс:мм</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="235" />
        <source>YYYY-MM-DD</source>
        <translation>ЖЖЖЖ-АА-КК</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="238" />
        <source>Now</source>
        <translation>Қазір</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="238" />
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="261" />
        <location filename="../../monitor/gui/forms.py" line="589" />
        <source>Not a valid date.</source>
        <translation>Күні қате.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="357" />
        <source>Choose a record from the list.</source>
        <translation>Тізімнен жазбаны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="485" />
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="499" />
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="530" />
        <location filename="../../monitor/gui/forms.py" line="594" />
        <source>Add at least one.</source>
        <translation>Кемінде біреуін қосыңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="588" />
        <source>Too long.</source>
        <translation>Тым ұзын.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="590" />
        <source>Not in the expected form.</source>
        <translation>Пішімі қате.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="591" />
        <source>Out of range.</source>
        <translation>Мән рұқсат етілген шектен тыс.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="592" />
        <source>Not a term of this list.</source>
        <translation>Мұндай мән тізімде жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="593" />
        <source>The linked record does not exist.</source>
        <translation>Байланысты жазба жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="595" />
        <source>The date is in the future.</source>
        <translation>Күні болашақта.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="646" />
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="680" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Сақталмады: белгіленген өрістерді түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/forms.py" line="681" />
        <source>Not saved: {message}</source>
        <translation>Сақталмады: {message}</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="69" />
        <source>Record a change or withdrawal of consent</source>
        <translation>Келісімнің өзгеруін немесе кері алынуын жазу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="88" />
        <source>The person's account, in their words, as they gave it.</source>
        <translation>Адамның әңгімесі, өз сөзімен, қалай айтса солай.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="99" />
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="101" />
        <source>Seal…</source>
        <translation>Мөрлеу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="170" />
        <source>sealed {time}: addenda only</source>
        <translation>мөрленді {time}: тек толықтырулар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="190" />
        <source>Choose the person to see the consent they have given.</source>
        <translation>Берген келісімін көру үшін тұлғаны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="196" />
        <source>Consent on record: {items}</source>
        <translation>Жазылған келісім: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="197" />
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="225" />
        <source>Unsaved typing from {time} was restored from the vault.</source>
        <translation>{time} кезіндегі сақталмаған мәтін қоймадан қалпына келтірілді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="249" />
        <source>Required.</source>
        <translation>Міндетті өріс.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="308" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Сақталмады: белгіленген өрістерді түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="309" />
        <source>Not saved: {message}</source>
        <translation>Сақталмады: {message}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/interview_editor.py" line="345" />
        <source>Saved.</source>
        <translation>Сақталды.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../monitor/gui/labels.py" line="25" />
        <source>(missing record)</source>
        <translation>(жазба жоқ)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/labels.py" line="78" />
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/labels.py" line="78" />
        <source>no</source>
        <translation>жоқ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="89" />
        <source>updated {time}</source>
        <translation>өзгертілген уақыты {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="91" />
        <source>SEALED — addenda only</source>
        <translation>МӨРЛЕНГЕН — тек қосымшалар</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="93" />
        <source>CONFLICT — {n} concurrent versions</source>
        <translation>ҚАЙШЫЛЫҚ — қатар нұсқалар саны: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="112" />
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="114" />
        <source>Code</source>
        <translation>Коды</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="114" />
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="115" />
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="115" />
        <source>Facility</source>
        <translation>Мекеме</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="116" />
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="116" />
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="117" />
        <source>Match</source>
        <translation>Сәйкестік</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="131" />
        <source>Search narratives, names, notes…</source>
        <translation>Айғақтар, есімдер, жазбалар бойынша іздеу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="135" />
        <source>Main</source>
        <translation>Негізгі</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="137" />
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="138" />
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="162" />
        <source>{cases} cases, {records} records</source>
        <translation>Істер: {cases}, жазбалар: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="175" />
        <source>{n} matches</source>
        <translation>Сәйкестіктер: {n}</translation>
    </message>
</context>
<context>
    <name>Sealing</name>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="63" />
        <source>Once sealed, this {what} can never be changed again, by anyone. Later corrections can only be added as addenda, which are kept beside it.

Seal it now?</source>
        <translation>Мөрленгеннен кейін бұл жазбаны ({what}) ешкім ешқашан өзгерте алмайды. Кейінгі түзетулерді тек қасында сақталатын толықтырулар ретінде қосуға болады.

Қазір мөрлеу керек пе?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="66" />
        <source>Seal — this is final</source>
        <translation>Мөрлеу — бұл түпкілікті</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/sealing.py" line="69" />
        <source>Seal</source>
        <translation>Мөрлеу</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="44" />
        <source>Monitor — unlock</source>
        <translation>Монитор — құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="53" />
        <source>Unlock</source>
        <translation>Құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="54" />
        <source>Create empty vault</source>
        <translation>Бос қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="55" />
        <source>Create demo vault</source>
        <translation>Демо қойма құру</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="56" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="59" />
        <source>Passphrase</source>
        <translation>Құпия фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="66" />
        <source>Vault: {path}</source>
        <translation>Қойма: {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="74" />
        <source>There is no vault at {path} yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>{path} жолында әзірге қойма жоқ. Өзара байланыссыз төрт не одан көп сөзден тұратын құпия фраза таңдаңыз; ол жоғалса, қалпына келтіру мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="76" />
        <source>Again</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="100" />
        <source>Unlocking…</source>
        <translation>Құлып ашылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="105" />
        <source>The two passphrases differ.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="119" />
        <source>Creating the demo vault…</source>
        <translation>Демо қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="119" />
        <source>Creating the vault…</source>
        <translation>Қойма құрылуда…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="167" />
        <source>Cancelled; nothing was created.</source>
        <translation>Тоқтатылды; ештеңе құрылған жоқ.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="171" />
        <source>Unexpected error: {error}</source>
        <translation>Күтпеген қате: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/unlock.py" line="177" />
        <source>Strong enough.</source>
        <translation>Жеткілікті берік.</translation>
    </message>
</context>
</TS>