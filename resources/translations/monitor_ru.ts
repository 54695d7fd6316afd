<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name />
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="119" />
        <source>Show the intimate photo</source>
        <translation>Показать интимный снимок</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="121" />
        <source>Export a copy…</source>
        <translation>Экспортировать копию…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="137" />
        <source>An intimate photo: shown only on request.</source>
        <translation>Интимный снимок: показывается только по запросу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="145" />
        <source>No preview for this file.</source>
        <translation>Для этого файла нет предпросмотра.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="154" />
        <source>Export a copy</source>
        <translation>Экспорт копии</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="166" />
        <source>A copy was written; the export is recorded in the audit log. The copy is not encrypted.</source>
        <translation>Копия записана; экспорт отмечен в журнале аудита. Копия не зашифрована.</translation>
    </message>
</context>
<context>
    <name>AddendaPanel</name>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="149" />
        <source>Addenda</source>
        <translation>Дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="155" />
        <source>A correction or later information; the sealed text stays as it was.</source>
        <translation>Исправление или новые сведения; запечатанный текст остаётся как был.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="157" />
        <source>Add addendum</source>
        <translation>Добавить дополнение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="191" />
        <source>Write the addendum first.</source>
        <translation>Сначала напишите дополнение.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="44" />
        <source>Adding files</source>
        <translation>Добавление файлов</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="45" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="53" />
        <source>Adding {name} ({n} of {total})…</source>
        <translation>Добавляется {name} ({n} из {total})…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/attachments_view.py" line="67" />
        <source>Cancelled; the file being added was not kept.</source>
        <translation>Отменено; добавляемый файл не сохранён.</translation>
    </message>
</context>
<context>
    <name>AudioPanel</name>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="374" />
        <source>Audio recording</source>
        <translation>Аудиозапись</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="390" />
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="393" />
        <location filename="../../monitor/gui/editors/audio.py" line="498" />
        <location filename="../../monitor/gui/editors/audio.py" line="755" />
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="395" />
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="405" />
        <source>Input level</source>
        <translation>Уровень входного сигнала</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="408" />
        <source>Insert timestamp</source>
        <translation>Вставить отметку времени</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="409" />
        <source>Put the time of the recording or of the player, e.g. [12:34], into the narrative at the cursor.</source>
        <translation>Вставить в рассказ у курсора время записи или проигрывателя, например [12:34].</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="417" />
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="417" />
        <source>Recorded</source>
        <translation>Дата записи</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="417" />
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="421" />
        <source>The narrative's timestamps: choose one, or Ctrl+click one in the narrative, to move the player there.</source>
        <translation>Отметки времени в рассказе: выберите отметку или щёлкните по ней в рассказе с нажатой Ctrl, чтобы перейти к этому месту записи.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="429" />
        <location filename="../../monitor/gui/editors/audio.py" line="755" />
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="432" />
        <source>Position in the recording</source>
        <translation>Положение в записи</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="450" />
        <source>Recordings</source>
        <translation>Записи</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="451" />
        <source>Timestamps in the narrative</source>
        <translation>Отметки времени в рассказе</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="484" />
        <source>Microphone: {name}</source>
        <translation>Микрофон: {name}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="486" />
        <source>No microphone found.</source>
        <translation>Микрофон не найден.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="498" />
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="520" />
        <source>The interview must be saved before recording: correct the marked fields.</source>
        <translation>Перед записью интервью нужно сохранить: исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="535" />
        <source>The microphone could not be opened.</source>
        <translation>Не удалось открыть микрофон.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/audio.py" line="735" />
        <source>This recording cannot be played.</source>
        <translation>Эту запись невозможно воспроизвести.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="86" />
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="97" />
        <source>Backup copy</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="89" />
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="91" />
        <source>Copy to</source>
        <translation>Куда копировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="93" />
        <source>Writes an encrypted copy of the vault (and its key file) to the file you choose. It opens with the same passphrase.</source>
        <translation>Записывает зашифрованную копию хранилища (и его файла ключа) в выбранный файл. Она открывается той же парольной фразой.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="99" />
        <source>Monitor vaults (*.vault)</source>
        <translation>Хранилища Monitor (*.vault)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="108" />
        <source>Choose where to write the copy.</source>
        <translation>Выберите, куда записать копию.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="114" />
        <source>Written: {files}</source>
        <translation>Записано: {files}</translation>
    </message>
</context>
<context>
    <name>BodyDiagram</name>
    <message>
        <location filename="../../monitor/gui/editors/body_diagram.py" line="150" />
        <source>R</source>
        <comment>the person's right side on the outline</comment>
        <translation>П</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/body_diagram.py" line="151" />
        <source>L</source>
        <comment>the person's left side on the outline</comment>
        <translation>Л</translation>
    </message>
</context>
<context>
    <name>CaseFile</name>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="27" />
        <source>Alleged ill-treatment</source>
        <translation>Заявленное жестокое обращение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="28" />
        <source>Visit</source>
        <translation>Посещение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="29" />
        <source>Interview</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="30" />
        <source>Medical examination</source>
        <translation>Медицинское обследование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="31" />
        <source>Complaint filed</source>
        <translation>Подана жалоба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="32" />
        <source>Reply to the complaint</source>
        <translation>Ответ на жалобу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="33" />
        <source>Response of an authority</source>
        <translation>Ответ органа</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="34" />
        <source>Criminal case opened</source>
        <translation>Возбуждено уголовное дело</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="35" />
        <source>Criminal case refused</source>
        <translation>Отказ в возбуждении дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="36" />
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="37" />
        <source>Judgment</source>
        <translation>Приговор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="38" />
        <source>Appeal</source>
        <translation>Обжалование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="39" />
        <source>Reprisal</source>
        <translation>Преследование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="40" />
        <source>Consent recorded</source>
        <translation>Записано согласие</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="41" />
        <source>Addendum</source>
        <translation>Дополнение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="49" />
        <source>consent given: {items}</source>
        <translation>согласие дано: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="50" />
        <source>not given or withdrawn: {items}</source>
        <translation>не дано или отозвано: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="51" />
        <source>Intimate photo: not shown.</source>
        <translation>Интимный снимок: не показан.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="52" />
        <source>Show it</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="53" />
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="54" />
        <source>Open the case record</source>
        <translation>Открыть запись дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="55" />
        <source>People and roles</source>
        <translation>Лица и их роли</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="56" />
        <source>sealed</source>
        <translation>запечатано</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="57" />
        <source>{n} injuries</source>
        <translation>повреждений: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="58" />
        <source>Photos and documents</source>
        <translation>Фотографии и документы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="59" />
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/case_file.py" line="60" />
        <source>None yet.</source>
        <translation>Пока нет.</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="146" />
        <source>Edit the case</source>
        <translation>Изменить дело</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="147" />
        <source>New interview</source>
        <translation>Новое интервью</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="148" />
        <source>New examination</source>
        <translation>Новое обследование</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="149" />
        <source>New complaint</source>
        <translation>Новая жалоба</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="150" />
        <source>Add a person with a role…</source>
        <translation>Добавить лицо с ролью…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="152" />
        <source>Add photo or document…</source>
        <translation>Добавить фото или документ…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="153" />
        <source>History</source>
        <translation>История</translation>
    </message>
</context>
<context>
    <name>CheckReportDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="32" />
        <location filename="../../monitor/gui/dialogs/check_report.py" line="51" />
        <source>Check a printed report</source>
        <translation>Проверить напечатанный отчёт</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="36" />
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="39" />
        <source>only for a password-protected PDF</source>
        <translation>только для PDF, защищённого паролем</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="40" />
        <source>Report (PDF)</source>
        <translation>Отчёт (PDF)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="42" />
        <source>PDF password</source>
        <translation>Пароль PDF</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="43" />
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="44" />
        <source>Confirms that the file is, byte for byte, a report this vault recorded in its audit trail, and that the records it was built from have not changed since; records changed since are listed with their history.</source>
        <translation>Подтверждает, что файл побайтно совпадает с отчётом, записанным в журнале аудита этого хранилища, и что записи, по которым он составлен, с тех пор не изменились; изменённые записи перечисляются вместе с их историей.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="52" />
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/check_report.py" line="59" />
        <source>Choose the report's PDF file.</source>
        <translation>Выберите PDF-файл отчёта.</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="286" />
        <source>(absent)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="348" />
        <source>(deleted)</source>
        <translation>(удалена)</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="598" />
        <source>Conflicts to review</source>
        <translation>Конфликты для проверки</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="607" />
        <source>Nothing to review: no record has versions from different devices that conflict, and no edit of a sealed record was refused.</source>
        <translation>Проверять нечего: ни у одной записи нет конфликтующих версий с разных устройств, и ни одно изменение запечатанной записи не было отклонено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="636" />
        <source>{n} versions</source>
        <translation>версий: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="638" />
        <source>refused sealed edit</source>
        <translation>отклонённое изменение запечатанной записи</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="47" />
        <source>monitor</source>
        <translation>наблюдатель</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="48" />
        <source>coordinator</source>
        <translation>координатор</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="129" />
        <source>Trusted contacts</source>
        <translation>Доверенные контакты</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="134" />
        <source>Add from a contact file…</source>
        <translation>Добавить из файла контакта…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="138" />
        <source>Revoke the selected laptop…</source>
        <translation>Отозвать выбранный ноутбук…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="156" />
        <source>revoked from {date}</source>
        <translation>отозван с {date}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="161" />
        <source>Revoke a laptop</source>
        <translation>Отзыв ноутбука</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="162" />
        <source>Revoke {name} ({fingerprint})?

From now on its revisions and bundles are refused here, and by every vault that receives this vault's bundles.</source>
        <translation>Отозвать {name} ({fingerprint})?

С этого момента его редакции и пакеты отклоняются здесь и в каждом хранилище, которое получает пакеты этого хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="186" />
        <source>Revoked {name}.</source>
        <translation>{name}: ключ отозван.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="190" />
        <source>Add a contact</source>
        <translation>Добавить контакт</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="197" />
        <source>Compare the fingerprint</source>
        <translation>Сверьте отпечаток</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="198" />
        <source>{name} ({role})

{fingerprint}

Does the owner read you exactly this fingerprint? Add the contact only if they do.</source>
        <translation>{name} ({role})

{fingerprint}

Владелец прочитал вам именно этот отпечаток? Добавляйте контакт, только если да.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="220" />
        <source>Not added.</source>
        <translation>Не добавлено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="224" />
        <source>Added {name}.</source>
        <translation>Добавлен контакт {name}.</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="18" />
        <location filename="../../monitor/gui/dialogs/duress.py" line="47" />
        <source>Duress passphrase</source>
        <translation>Тревожная парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="24" />
        <source>A second passphrase that, typed at unlock, destroys this vault's key file: every passphrase slot, and the coordinator recovery slot unless you keep it below. Monitor then behaves exactly as for a wrong passphrase. Nobody can open this vault afterwards, you included; only a backup copy of both files brings it back.</source>
        <translation>Вторая парольная фраза: набранная при разблокировке, она уничтожает файл ключа этого хранилища — все слоты парольных фраз, а также слот восстановления координатора, если вы не сохраните его ниже. Затем Monitor ведёт себя точно так же, как при неверной парольной фразе. После этого хранилище не откроет никто, в том числе вы; вернуть его можно только из резервной копии обоих файлов.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="29" />
        <source>Risks: in many countries destroying data during a search or an inspection is itself an offence (obstruction, destroying evidence), and may be punished more harshly than what the data would have shown. A copy of this laptop's disk made before the unlock is not affected: whoever has it and your real passphrase still opens the vault. It only protects against an unlock forced at the laptop itself. GrapheneOS's duress PIN makes the same trade-off, and its users discuss exactly these risks.</source>
        <translation>Риски: во многих странах уничтожение данных во время обыска или досмотра само по себе является правонарушением (воспрепятствование, уничтожение доказательств) и может караться строже, чем то, что показали бы данные. Копия диска этого ноутбука, снятая до разблокировки, не затрагивается: тот, у кого она есть и кто знает вашу настоящую парольную фразу, по-прежнему откроет хранилище. Защита действует только против разблокировки, к которой принуждают у самого ноутбука. Такой же компромисс сделан в PIN-коде принуждения GrapheneOS, и его пользователи обсуждают именно эти риски.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="37" />
        <source>Off unless you set it. Monitor cannot show whether one is set: the key file looks the same either way. Setting replaces any earlier duress passphrase; Remove makes sure there is none.</source>
        <translation>Выключено, пока вы её не зададите. Monitor не может показать, задана ли она: файл ключа выглядит одинаково в обоих случаях. Новая тревожная парольная фраза заменяет прежнюю; «Удалить» гарантирует, что её нет.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="46" />
        <source>Keep the coordinator recovery slot</source>
        <translation>Сохранить слот восстановления координатора</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="48" />
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="50" />
        <source>It must differ from the vault's passphrase. Choose one you would never type by mistake.</source>
        <translation>Она должна отличаться от парольной фразы хранилища. Выберите такую, которую вы никогда не наберёте по ошибке.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="52" />
        <source>Set duress passphrase</source>
        <translation>Задать тревожную фразу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="53" />
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="74" />
        <source>Type the duress passphrase first.</source>
        <translation>Сначала введите тревожную парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="77" />
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="91" />
        <source>No duress passphrase is set now.</source>
        <translation>Тревожная парольная фраза теперь не задана.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/duress.py" line="93" />
        <source>The duress passphrase is set. Typed at unlock, it destroys this vault's key file.</source>
        <translation>Тревожная парольная фраза задана. Набранная при разблокировке, она уничтожит файл ключа этого хранилища.</translation>
    </message>
</context>
<context>
    <name>ExaminationEditor</name>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="80" />
        <source>Remove this injury</source>
        <translation>Удалить это повреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="83" />
        <source>Click the figure to mark an injury; drag a marker to move it; click a marker to edit its injury.</source>
        <translation>Щёлкните по фигуре, чтобы отметить повреждение; перетащите метку, чтобы сдвинуть её; щёлкните по метке, чтобы изменить описание.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="112" />
        <source>Examination details</source>
        <translation>Сведения об обследовании</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="121" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="123" />
        <source>Seal…</source>
        <translation>Запечатать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="197" />
        <source>Injury {n}</source>
        <translation>Повреждение {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="198" />
        <source>No injury selected</source>
        <translation>Повреждение не выбрано</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="246" />
        <source>sealed {time}: addenda only</source>
        <translation>запечатано {time}: только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="266" />
        <source>Unsaved work from {time} was restored from the vault.</source>
        <translation>Несохранённая работа от {time} восстановлена из хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="305" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Не сохранено: исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/examination_editor.py" line="306" />
        <source>Not saved: {message}</source>
        <translation>Не сохранено: {message}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="309" />
        <source>Export a bundle</source>
        <translation>Экспорт пакета</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="311" />
        <source>Encrypt for:</source>
        <translation>Зашифровать для:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="320" />
        <source>Only what changed since the last export to them</source>
        <translation>Только изменения с последнего экспорта для них</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="323" />
        <source>Export…</source>
        <translation>Экспортировать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="337" />
        <source>Save the bundle</source>
        <translation>Сохранить пакет</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="344" />
        <source>Choose at least one contact.</source>
        <translation>Выберите хотя бы один контакт.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="349" />
        <source>Wrote {path}: {revisions} revisions, {attachments} attachments.</source>
        <translation>Записано {path}: редакций {revisions}, вложений {attachments}.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="64" />
        <source>Merged value: {field}</source>
        <translation>Объединённое значение: {field}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="68" />
        <source>Type the value to keep.</source>
        <translation>Введите значение, которое нужно сохранить.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="69" />
        <source>Type the value to keep, as JSON (text in double quotes).</source>
        <translation>Введите значение, которое нужно сохранить, в виде JSON (текст в двойных кавычках).</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="73" />
        <source>Leave this field out</source>
        <translation>Не включать это поле</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="199" />
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="284" />
        <source>Enter a whole number.</source>
        <translation>Введите целое число.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="284" />
        <source>Enter a number.</source>
        <translation>Введите число.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="308" />
        <source>not stated</source>
        <translation>не указано</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="309" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="310" />
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="437" />
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="438" />
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="427" />
        <source>DD.MM.YYYY HH:MM</source>
        <translation>ДД.ММ.ГГГГ ЧЧ:ММ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="428" />
        <source>DD.MM.YYYY, MM.YYYY or YYYY</source>
        <translation>ДД.ММ.ГГГГ, ММ.ГГГГ или ГГГГ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="429" />
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.ГГГГ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="435" />
        <source>Choose the day in a calendar</source>
        <translation>Выбрать день в календаре</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="646" />
        <source>Choose a record from the list.</source>
        <translation>Выберите запись из списка.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="776" />
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="790" />
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="821" />
        <source>Add at least one.</source>
        <translation>Добавьте хотя бы один элемент.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="936" />
        <source>Show identity fields</source>
        <translation>Показать личные данные</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="960" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="991" />
        <source>Unsaved changes from {time} were restored from the vault.</source>
        <translation>Несохранённые изменения от {time} восстановлены из хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="1016" />
        <source>New: {what}</source>
        <translation>Новая запись: {what}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="1022" />
        <source>Editing: {what}</source>
        <translation>Изменение: {what}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="1064" />
        <source>Not saved: correct the marked fields ({fields}).</source>
        <translation>Не сохранено: исправьте отмеченные поля ({fields}).</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/forms.py" line="1066" />
        <source>Not saved: {message}</source>
        <translation>Не сохранено: {message}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="53" />
        <source>unsigned, from before signatures</source>
        <translation>без подписи, до введения подписей</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="58" />
        <source>device revoked from {date}</source>
        <translation>устройство отозвано с {date}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="73" />
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="77" />
        <source>History of {record}: {n} revisions</source>
        <translation>История записи ({record}): версий — {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="138" />
        <source>No change in content.</source>
        <translation>Содержание не изменилось.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="139" />
        <source>First version.</source>
        <translation>Первая версия.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/history_view.py" line="139" />
        <source>Changes from the revision before:</source>
        <translation>Изменения по сравнению с предыдущей версией:</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="73" />
        <source>My identity</source>
        <translation>Мои данные устройства</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="78" />
        <source>My name in the contact file:</source>
        <translation>Моё имя в файле контакта:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="87" />
        <source>My role:</source>
        <translation>Моя роль:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="89" />
        <source>Read this fingerprint aloud to whoever adds you as a contact, and compare it with the one they see.</source>
        <translation>Прочитайте этот отпечаток вслух тому, кто добавляет вас в контакты, и сверьте с тем, что видит он.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="93" />
        <source>Age recipient (others encrypt bundles to it):</source>
        <translation>Получатель age (для него шифруют пакеты):</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="96" />
        <source>Save contact file…</source>
        <translation>Сохранить файл контакта…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="111" />
        <source>Save contact file</source>
        <translation>Сохранить файл контакта</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="120" />
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="357" />
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="377" />
        <source>Import a bundle</source>
        <translation>Импорт пакета</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="360" />
        <source>Choose a bundle…</source>
        <translation>Выбрать пакет…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="364" />
        <source>Review conflicts…</source>
        <translation>Проверить конфликты…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="398" />
        <source>This bundle was imported before; nothing changed.</source>
        <translation>Этот пакет уже был импортирован; ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="400" />
        <source>{new} new, {updated} updated, {conflicts} conflicts, {sealed} sealed edits refused, {skipped} skipped, {attachments} attachments added.</source>
        <translation>Новых {new}, обновлено {updated}, конфликтов {conflicts}, отклонено изменений запечатанных записей {sealed}, пропущено {skipped}, добавлено вложений {attachments}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/trust.py" line="13" />
        <source>Unknown signer</source>
        <translation>Неизвестный подписант</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/trust.py" line="14" />
        <source>This bundle is signed by a device you do not trust yet:

{fingerprint}

Trust it only if its owner reads you exactly this fingerprint.</source>
        <translation>Пакет подписан устройством, которому вы пока не доверяете:

{fingerprint}

Доверяйте ему, только если владелец прочитает вам именно этот отпечаток.</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="173" />
        <location filename="../../monitor/gui/dialogs/inbox.py" line="219" />
        <source>Inbox folder</source>
        <translation>Папка входящих</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="177" />
        <source>Bundles for this vault that arrive in this folder (a synced folder, a USB stick) are merged while the vault is open, each all or nothing. Files there are never changed or deleted.</source>
        <translation>Пакеты для этого хранилища, которые появляются в этой папке (синхронизируемая папка, USB-накопитель), объединяются, пока хранилище открыто, каждый целиком или никак. Файлы в папке никогда не изменяются и не удаляются.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="183" />
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="185" />
        <source>Stop using this folder</source>
        <translation>Больше не использовать эту папку</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="187" />
        <source>Check now</source>
        <translation>Проверить сейчас</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="194" />
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="194" />
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="194" />
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="194" />
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="202" />
        <source>Compare the fingerprint and import…</source>
        <translation>Сверить отпечаток и импортировать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="207" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="255" />
        <source>Merged</source>
        <translation>Объединён</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="255" />
        <source>Imported before</source>
        <translation>Уже импортирован</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="256" />
        <source>Waits for trust</source>
        <translation>Ждёт доверия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="256" />
        <source>Refused</source>
        <translation>Отклонён</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="260" />
        <source>Folder: {path}</source>
        <translation>Папка: {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="261" />
        <source>No inbox folder is chosen for this vault.</source>
        <translation>Для этого хранилища папка входящих не выбрана.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="282" />
        <source>Checking the folder…</source>
        <translation>Проверка папки…</translation>
    </message>
</context>
<context>
    <name>InboxWatcher</name>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="145" />
        <source>Inbox: {merged} merged, {waiting} waiting for trust, {refused} refused</source>
        <translation>Входящие: объединено {merged}, ждут доверия {waiting}, отклонено {refused}</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="86" />
        <source>Record a change or withdrawal of consent</source>
        <translation>Записать изменение или отзыв согласия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="89" />
        <source>Save the consent</source>
        <translation>Сохранить согласие</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="110" />
        <source>The person's account, in their words, as they gave it.</source>
        <translation>Рассказ человека его словами, как он был дан.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="129" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="131" />
        <source>Seal…</source>
        <translation>Запечатать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="145" />
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="201" />
        <source>sealed {time}: addenda only</source>
        <translation>запечатано {time}: только дополнения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="219" />
        <source>Choose the person to see the consent they have given.</source>
        <translation>Выберите лицо, чтобы увидеть данное им согласие.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="226" />
        <source>Consent on record: {items}</source>
        <translation>Записанное согласие: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="226" />
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="228" />
        <source>Withdrawn: {items}</source>
        <translation>Отозвано: {items}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="242" />
        <source>Choose the person first.</source>
        <translation>Сначала выберите лицо.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="284" />
        <source>Unsaved typing from {time} was restored from the vault.</source>
        <translation>Несохранённый текст от {time} восстановлен из хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="329" />
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="395" />
        <source>Not saved: correct the marked fields.</source>
        <translation>Не сохранено: исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="396" />
        <source>Not saved: {message}</source>
        <translation>Не сохранено: {message}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/interview_editor.py" line="428" />
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
        <location filename="../../monitor/gui/labels.py" line="106" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/labels.py" line="106" />
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="26" />
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="26" />
        <source>Visits</source>
        <translation>Посещения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="27" />
        <source>Facilities</source>
        <translation>Учреждения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="27" />
        <source>People</source>
        <translation>Лица</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="28" />
        <source>Examinations</source>
        <translation>Обследования</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="28" />
        <source>Complaints</source>
        <translation>Жалобы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="24" />
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/lists.py" line="24" />
        <source>Sealed</source>
        <translation>Запечатано</translation>
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
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="225" />
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="226" />
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="226" />
        <source>Matched words</source>
        <translation>Совпавшие слова</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="248" />
        <source>Filter this list…</source>
        <translation>Фильтр списка…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="258" />
        <source>from YYYY-MM-DD</source>
        <translation>с ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="260" />
        <source>to YYYY-MM-DD</source>
        <translation>по ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="301" />
        <source>Search narratives, names, notes…</source>
        <translation>Поиск по показаниям, именам, заметкам…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="320" />
        <source>My passphrase or laptop may be compromised…</source>
        <translation>Моя парольная фраза или ноутбук могли попасть в чужие руки…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="336" />
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="337" />
        <source>Forward</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="338" />
        <location filename="../../monitor/gui/main_window.py" line="465" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="339" />
        <source>Find…</source>
        <translation>Найти…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="341" />
        <source>Add photo or document…</source>
        <translation>Добавить фото или документ…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="342" />
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="343" />
        <source>Export list to spreadsheet…</source>
        <translation>Выгрузить список в таблицу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="345" />
        <source>History of this record</source>
        <translation>История этой записи</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="347" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="353" />
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="356" />
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="366" />
        <source>&amp;Records</source>
        <translation>&amp;Записи</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="371" />
        <source>New {what}</source>
        <translation>Создать: {what}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="378" />
        <source>&amp;Reports</source>
        <translation>&amp;Отчёты</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="379" />
        <source>Case dossier…</source>
        <translation>Досье по делу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="379" />
        <source>Medical evaluation report…</source>
        <translation>Медицинское заключение…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="380" />
        <source>Visit report…</source>
        <translation>Отчёт о посещении…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="380" />
        <source>Statistics…</source>
        <translation>Статистика…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="383" />
        <source>Check a printed report…</source>
        <translation>Проверить напечатанный отчёт…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="389" />
        <source>Review conflicts…</source>
        <translation>Проверить конфликты…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="392" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="393" />
        <location filename="../../monitor/gui/main_window.py" line="1024" />
        <source>Consistency terms (Istanbul Protocol)</source>
        <translation>Термины соответствия (Стамбульский протокол)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="394" />
        <location filename="../../monitor/gui/main_window.py" line="1030" />
        <source>About Monitor</source>
        <translation>О программе Monitor</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="396" />
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="405" />
        <source>All types</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="461" />
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="462" />
        <source>This page has changes that are not saved. Save them before leaving?</source>
        <translation>На этой странице есть несохранённые изменения. Сохранить их перед уходом?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="466" />
        <source>Discard</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="467" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="537" />
        <source>{n} records to review</source>
        <translation>записей для проверки: {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="547" />
        <source>Review</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="570" />
        <source>{n} versions from different devices: choose what to keep before editing.</source>
        <translation>Версий с разных устройств: {n}. Выберите, что сохранить, прежде чем редактировать.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="573" />
        <source>An edit of this sealed record from another device was refused and kept.</source>
        <translation>Изменение этой запечатанной записи с другого устройства отклонено и сохранено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="586" />
        <source>Resolved: {record}</source>
        <translation>Разрешено: {record}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="767" />
        <location filename="../../monitor/gui/main_window.py" line="801" />
        <source>Export to spreadsheet</source>
        <translation>Выгрузка в таблицу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="769" />
        <source>The workbook will hold this list as PLAINTEXT outside the encrypted vault: anyone who gets the file can read it. Keep it off shared or unencrypted disks. Export it?</source>
        <translation>Книга будет содержать этот список ОТКРЫТЫМ ТЕКСТОМ вне зашифрованного хранилища: любой, к кому попадёт файл, сможет его прочитать. Не храните её на общих или незашифрованных дисках. Выгрузить?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="775" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="790" />
        <source>Writing the workbook…</source>
        <translation>Запись книги…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="798" />
        <source>Wrote {rows} rows to {path}</source>
        <translation>Записано строк: {rows} в {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="875" />
        <source>very common words: the most recent matches are ranked first</source>
        <translation>очень частые слова: сначала ранжируются самые новые совпадения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="923" />
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="924" />
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="925" />
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="945" />
        <source>Add photos or documents</source>
        <translation>Добавить фото или документы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="958" />
        <source>{n} file(s) added to the vault.</source>
        <translation>Добавлено файлов в хранилище: {n}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="1001" />
        <source>Open a case (or one of its records) first.</source>
        <translation>Сначала откройте дело (или одну из его записей).</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="1002" />
        <source>Open a medical examination first.</source>
        <translation>Сначала откройте медицинское обследование.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="1003" />
        <source>Open a visit first.</source>
        <translation>Сначала откройте посещение.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="1031" />
        <source>Monitor keeps the records of visits to places of detention and of torture documentation in one encrypted vault, offline.</source>
        <translation>Monitor хранит записи о посещениях мест лишения свободы и документировании пыток в одном зашифрованном хранилище, без подключения к сети.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="346" />
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="340" />
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="438" />
        <source>The vault was wiped, changed or damaged by another program while it was open. Monitor has locked it.</source>
        <translation>Хранилище было стёрто, изменено или повреждено другой программой, пока оно было открыто. Monitor заблокировал его.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="731" />
        <source>The vault is empty.</source>
        <translation>Хранилище пусто.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="739" />
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="748" />
        <source>Any facility</source>
        <translation>Любое учреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="830" />
        <source>{cases} cases, {records} records</source>
        <translation>Дел: {cases}, записей: {records}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="869" />
        <source>Search: {text}</source>
        <translation>Поиск: {text}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="873" />
        <source>{n} matches</source>
        <translation>Совпадений: {n}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="119" />
        <source>Change passphrase</source>
        <translation>Смена парольной фразы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="125" />
        <source>Current passphrase</source>
        <translation>Текущая парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="126" />
        <source>New passphrase</source>
        <translation>Новая парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="127" />
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="128" />
        <source>Choose four or more unrelated words. Backup copies keep the old passphrase.</source>
        <translation>Возьмите четыре или больше не связанных слов. Резервные копии сохраняют старую парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="136" />
        <source>Type the current passphrase.</source>
        <translation>Введите текущую парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="142" />
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="160" />
        <source>The passphrase was changed.</source>
        <translation>Парольная фраза изменена.</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="98" />
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="100" />
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="102" />
        <source>Add photo or document…</source>
        <translation>Добавить фото или документ…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="107" />
        <source>New visit here</source>
        <translation>Новое посещение этого учреждения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="108" />
        <source>New interview here</source>
        <translation>Новое интервью в этом посещении</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="109" />
        <source>New examination here</source>
        <translation>Новое обследование здесь</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="26" />
        <source>updated {time}</source>
        <translation>изменено {time}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="27" />
        <source>Deleted.</source>
        <translation>Удалено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="28" />
        <source>Sealed — addenda only.</source>
        <translation>Запечатано — только дополнения.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="29" />
        <source>Conflict: {n} concurrent versions.</source>
        <translation>Конфликт: параллельных версий — {n}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="30" />
        <source>hidden</source>
        <translation>скрыто</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="31" />
        <source>Reveal identity</source>
        <translation>Показать личные данные</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/record_view.py" line="32" />
        <source>Linked records</source>
        <translation>Связанные записи</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="42" />
        <source>No recovery slot: a forgotten passphrase cannot be recovered.</source>
        <translation>Слота восстановления нет: забытую парольную фразу восстановить нельзя.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="45" />
        <source>a recipient not among the contacts</source>
        <translation>получатель, которого нет среди контактов</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="46" />
        <source>Recovery slot {slot}: the data key is wrapped to {name} ({fingerprint}…).</source>
        <translation>Слот восстановления {slot}: ключ данных зашифрован для {name} ({fingerprint}…).</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="58" />
        <source>Recovery</source>
        <translation>Восстановление</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="61" />
        <source>A recovery slot lets a coordinator you trust open this vault if you forget your passphrase. It holds this vault's key, encrypted to the coordinator's age key. Whoever holds that key and copies of this vault and its key file can open it, so choose only a coordinator you trust with every record here. A recovery gives the vault a new key and a new passphrase. Wiping the vault destroys the slot too.</source>
        <translation>Слот восстановления позволяет координатору, которому вы доверяете, открыть это хранилище, если вы забудете парольную фразу. В нём ключ этого хранилища, зашифрованный для ключа age координатора. Тот, у кого есть этот ключ и копии хранилища и его файла ключа, может его открыть, поэтому выбирайте только координатора, которому доверяете каждую запись здесь. При восстановлении хранилище получает новый ключ и новую парольную фразу. Уничтожение хранилища уничтожает и слот.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="69" />
        <location filename="../../monitor/gui/dialogs/recovery.py" line="113" />
        <source>Add a recovery slot</source>
        <translation>Добавить слот восстановления</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="70" />
        <location filename="../../monitor/gui/dialogs/recovery.py" line="119" />
        <source>Remove the recovery slot</source>
        <translation>Удалить слот восстановления</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="75" />
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="100" />
        <source>No coordinator among your contacts. Add the coordinator's contact file under Sync › Trusted contacts first.</source>
        <translation>Среди ваших контактов нет координатора. Сначала добавьте файл контакта координатора в меню Синхронизация › Доверенные контакты.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="114" />
        <source>{name} ({fingerprint})

Whoever holds this coordinator's age key will be able to open this vault from copies of it and its key file. Add the recovery slot?</source>
        <translation>{name} ({fingerprint})

Тот, у кого есть ключ age этого координатора, сможет открыть это хранилище по копиям хранилища и его файла ключа. Добавить слот восстановления?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="120" />
        <source>Remove the recovery slot? If you then forget your passphrase, nobody can open this vault.</source>
        <translation>Удалить слот восстановления? Если после этого вы забудете парольную фразу, никто не сможет открыть это хранилище.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="141" />
        <source>Added. Tell {name} to keep their Monitor vault (or age key) safe.</source>
        <translation>Добавлено. Попросите {name} надёжно хранить своё хранилище Monitor (или ключ age).</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/recovery.py" line="155" />
        <source>Removed: the slot was overwritten in place.</source>
        <translation>Удалено: слот перезаписан на месте.</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="18" />
        <source>New key for the whole vault</source>
        <translation>Новый ключ для всего хранилища</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="24" />
        <source>Current passphrase</source>
        <translation>Текущая парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="25" />
        <source>New passphrase</source>
        <translation>Новая парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="26" />
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="28" />
        <source>Monitor makes a new random key, re-encrypts the whole vault with it and destroys the old key file. Afterwards the old passphrase, old copies of the key file and memory taken from this laptop earlier open nothing. Backup copies made before keep the old key: wipe them. A large vault takes minutes.</source>
        <translation>Monitor создаст новый случайный ключ, заново зашифрует им всё хранилище и уничтожит старый ключевой файл. После этого ни старая парольная фраза, ни старые копии ключевого файла, ни снятая ранее с этого ноутбука память ничего не откроют. Резервные копии, сделанные раньше, остаются под старым ключом: уничтожьте их. Большое хранилище обрабатывается несколько минут.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="38" />
        <source>Type the current passphrase.</source>
        <translation>Введите текущую парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="45" />
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/rekey.py" line="63" />
        <source>Done: the vault has a new key, and the old key file was destroyed. Open it with the new passphrase from now on.</source>
        <translation>Готово: у хранилища новый ключ, старый ключевой файл уничтожен. Теперь открывайте его новой парольной фразой.</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="41" />
        <source>Case dossier</source>
        <translation>Досье по делу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="42" />
        <source>Medical evaluation report</source>
        <translation>Заключение медицинской оценки</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="43" />
        <source>Visit report</source>
        <translation>Отчёт о посещении</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="44" />
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="47" />
        <source>full (the person's lawyer)</source>
        <translation>полный (адвокат лица)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="48" />
        <source>pseudonymised (partners)</source>
        <translation>псевдонимизированный (партнёры)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="49" />
        <source>aggregate (public)</source>
        <translation>сводный (публично)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="54" />
        <source>as the level says</source>
        <translation>по уровню обезличивания</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="55" />
        <source>a UN body (needs consent to share with the UN)</source>
        <translation>орган ООН (нужно согласие на передачу в ООН)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="202" />
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="204" />
        <source>Protect with a password (AES-256)</source>
        <translation>Защитить паролем (AES-256)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="209" />
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="210" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="211" />
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="400" />
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="418" />
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="212" />
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="213" />
        <source>Spreadsheet…</source>
        <translation>Таблица…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="214" />
        <source>The report's tables as an .xlsx workbook</source>
        <translation>Таблицы отчёта как книга .xlsx</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="217" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="229" />
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="229" />
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="230" />
        <source>Recipient</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="234" />
        <source>From year</source>
        <translation>Начальный год</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="234" />
        <source>To year</source>
        <translation>Конечный год</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="276" />
        <source>Building the report…</source>
        <translation>Создание отчёта…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="325" />
        <source>{n} pages · {w} items withheld · SHA-256 of the records {h}…</source>
        <translation>Страниц: {n} · не включено: {w} · SHA-256 записей {h}…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="334" />
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="346" />
        <source>Export to spreadsheet</source>
        <translation>Выгрузка в таблицу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="348" />
        <source>The workbook will hold these tables as PLAINTEXT outside the encrypted vault: anyone who gets the file can read it. Keep it off shared or unencrypted disks. Export them?</source>
        <translation>Книга будет содержать эти таблицы ОТКРЫТЫМ ТЕКСТОМ вне зашифрованного хранилища: любой, к кому попадёт файл, сможет их прочитать. Не храните её на общих или незашифрованных дисках. Выгрузить?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="354" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="374" />
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="400" />
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="410" />
        <source>Enter a password, or untick the box.</source>
        <translation>Введите пароль или снимите отметку.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="420" />
        <source>Saved {path} (SHA-256 {h}…)</source>
        <translation>Сохранено: {path} (SHA-256 {h}…)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/report_preview.py" line="451" />
        <source>Sent to the printer.</source>
        <translation>Отправлено на печать.</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="152" />
        <source>Only fields that differ</source>
        <translation>Только различающиеся поля</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="169" />
        <source>Edit merged value…</source>
        <translation>Изменить объединённое значение…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="171" />
        <location filename="../../monitor/gui/pages/conflicts.py" line="581" />
        <source>Delete record</source>
        <translation>Удалить запись</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="180" />
        <location filename="../../monitor/gui/pages/conflicts.py" line="245" />
        <source>Resolve</source>
        <translation>Разрешить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="194" />
        <source>The merged record:</source>
        <translation>Объединённая запись:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="219" />
        <source>Nothing to review.</source>
        <translation>Проверять нечего.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="238" />
        <source>This record is sealed: its content can never change, so only its sealed version can be kept. The refused edit stays in the record's history and can be read here; if it holds something new, add it to the record as an addendum.</source>
        <translation>Эта запись запечатана: её содержание не может измениться, поэтому сохранить можно только запечатанную версию. Отклонённое изменение остаётся в истории записи, и его можно прочитать здесь; если в нём есть что-то новое, добавьте это к записи как дополнение.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="243" />
        <source>Click a cell to keep that version's value of the field; double-click a cell of the merged column to type a value. Rows that differ are highlighted.</source>
        <translation>Щёлкните ячейку, чтобы сохранить значение поля из этой версии; дважды щёлкните ячейку объединённого столбца, чтобы ввести значение. Различающиеся строки выделены.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="245" />
        <source>Keep the sealed version</source>
        <translation>Сохранить запечатанную версию</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="265" />
        <source>refused edit of a sealed record</source>
        <translation>отклонённое изменение запечатанной записи</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="267" />
        <source>deletes the record</source>
        <translation>удаляет запись</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="269" />
        <source>current view</source>
        <translation>текущая версия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="271" />
        <source>concurrent version</source>
        <translation>параллельная версия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="273" />
        <source>Version {n}</source>
        <translation>Версия {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="276" />
        <source>{time} · generation {n}</source>
        <translation>{time} · поколение {n}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="327" />
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="327" />
        <source>Merged result</source>
        <translation>Итог объединения</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="332" />
        <source>Revision {rev}</source>
        <translation>Редакция {rev}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="356" />
        <source>A refused edit of a sealed record: it can be read, never chosen.</source>
        <translation>Отклонённое изменение запечатанной записи: его можно прочитать, но нельзя выбрать.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="383" />
        <source>Keep version {n}: delete</source>
        <translation>Оставить версию {n}: удалить</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="385" />
        <source>Keep version {n} whole</source>
        <translation>Оставить версию {n} целиком</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="411" />
        <location filename="../../monitor/gui/pages/conflicts.py" line="432" />
        <source>A refused edit of a sealed record can be read, but never chosen.</source>
        <translation>Отклонённое изменение запечатанной записи можно прочитать, но нельзя выбрать.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="414" />
        <source>That version deletes the record: it has no fields to keep.</source>
        <translation>Эта версия удаляет запись: в ней нет полей, которые можно сохранить.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="481" />
        <source>A sealed record's content cannot change.</source>
        <translation>Содержание запечатанной записи не может измениться.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="534" />
        <source>Typed by hand.</source>
        <translation>Введено вручную.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="537" />
        <source>From version {n}.</source>
        <translation>Из версии {n}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="554" />
        <source>The merged record passes the form checks.</source>
        <translation>Объединённая запись проходит проверки формы.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/pages/conflicts.py" line="565" />
        <source>Resolve by deleting this record? Every version stays in its history.</source>
        <translation>Разрешить конфликт, удалив эту запись? Все версии останутся в её истории.</translation>
    </message>
</context>
<context>
    <name>Sealing</name>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="129" />
        <source>Once sealed, this {what} can never be changed again, by anyone. Later corrections can only be added as addenda, which are kept beside it.

Seal it now?</source>
        <translation>После запечатывания эту запись ({what}) уже никто и никогда не сможет изменить. Поздние исправления можно будет внести только как дополнения, которые хранятся рядом.

Запечатать сейчас?</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="132" />
        <source>Seal — this is final</source>
        <translation>Запечатать — это окончательно</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/editors/sealing.py" line="135" />
        <source>Seal</source>
        <translation>Запечатать</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../monitor/gui/session.py" line="205" />
        <source>Locked after {n} minutes without activity.</source>
        <translation>Заблокировано: {n} мин. без действий.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="207" />
        <source>Locked because the screen was locked.</source>
        <translation>Заблокировано, потому что был заблокирован экран.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="209" />
        <source>Locked before the computer went to sleep.</source>
        <translation>Заблокировано перед переходом компьютера в сон.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="211" />
        <source>Locked when the window was minimised.</source>
        <translation>Заблокировано при сворачивании окна.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="213" />
        <source>The vault was wiped.</source>
        <translation>Хранилище уничтожено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/session.py" line="215" />
        <source>The vault was wiped, changed or damaged by another program while it was open. Monitor has locked it.</source>
        <translation>Хранилище было стёрто, изменено или повреждено другой программой, пока оно было открыто. Monitor заблокировал его.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="35" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="38" />
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="39" />
        <source>Lock when the window is minimised</source>
        <translation>Блокировать при сворачивании окна</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="42" />
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="44" />
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="48" />
        <source>Remember recently opened vaults</source>
        <translation>Запоминать недавно открытые хранилища</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="53" />
        <source>Lock after no activity for</source>
        <translation>Блокировать после бездействия</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="55" />
        <source>Clear copied text after</source>
        <translation>Очищать скопированный текст через</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="56" />
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="60" />
        <source>e.g. doctor, lawyer</source>
        <translation>например, врач, юрист</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="74" />
        <source>My name, role and organisation</source>
        <translation>Моё имя, роль и организация</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="77" />
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="78" />
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="79" />
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="80" />
        <source>Kept in this vault. Your new work is signed with this name, and your contact file carries it, so others see who did it.</source>
        <translation>Хранится в этом хранилище. Ваша новая работа подписывается этим именем, и оно же стоит в вашем файле контакта, чтобы другие видели, кто её сделал.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="88" />
        <source>Duress passphrase…</source>
        <translation>Тревожная парольная фраза…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="91" />
        <source>At a checkpoint</source>
        <translation>На случай досмотра</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="93" />
        <source>Monitor also locks when the screen locks and before the computer sleeps. A new language applies at once.</source>
        <translation>Monitor также блокируется при блокировке экрана и перед сном компьютера. Новый язык действует сразу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/settings_dialog.py" line="122" />
        <source>Recovery…</source>
        <translation>Восстановление…</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="412" />
        <source>&amp;Sync</source>
        <translation>&amp;Синхронизация</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="425" />
        <source>My identity…</source>
        <translation>Мои данные устройства…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="426" />
        <source>Trusted contacts…</source>
        <translation>Доверенные контакты…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="427" />
        <source>Export a bundle…</source>
        <translation>Экспорт пакета…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="428" />
        <source>Import a bundle…</source>
        <translation>Импорт пакета…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/inbox.py" line="300" />
        <source>Inbox folder…</source>
        <translation>Папка входящих…</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="52" />
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="54" />
        <location filename="../../monitor/gui/dialogs/task.py" line="104" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="70" />
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="82" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="119" />
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/task.py" line="125" />
        <source>Unexpected error: {error}</source>
        <translation>Непредвиденная ошибка: {error}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="82" />
        <source>Monitor — unlock</source>
        <translation>Монитор — разблокировка</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="91" />
        <source>Open another vault file…</source>
        <translation>Открыть другой файл хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="95" />
        <source>Show passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="98" />
        <source>optional; it signs your work</source>
        <translation>необязательно; им подписывается ваша работа</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="100" />
        <source>e.g. doctor, lawyer</source>
        <translation>например, врач, юрист</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="106" />
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="107" />
        <source>Create empty vault</source>
        <translation>Создать пустое хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="108" />
        <source>Create demo vault</source>
        <translation>Создать демо-хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="109" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="116" />
        <source>Vault</source>
        <translation>Хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="117" />
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="118" />
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="120" />
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="121" />
        <source>Your role</source>
        <translation>Ваша роль</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="122" />
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="191" />
        <source>Type the passphrase of this vault.</source>
        <translation>Введите парольную фразу этого хранилища.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="194" />
        <source>There is no vault at this path yet. Choose a passphrase of four or more unrelated words; it cannot be recovered if lost.</source>
        <translation>По этому пути хранилища ещё нет. Придумайте парольную фразу из четырёх или больше не связанных слов; если её забыть, восстановить её нельзя.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="206" />
        <source>Open a vault file</source>
        <translation>Открыть файл хранилища</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="207" />
        <source>Monitor vaults (*.vault);;All files (*)</source>
        <translation>Хранилища Monitor (*.vault);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="228" />
        <source>Type the passphrase first.</source>
        <translation>Сначала введите парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="243" />
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="257" />
        <location filename="../../monitor/gui/dialogs/unlock.py" line="447" />
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="306" />
        <source>Creating the demo vault…</source>
        <translation>Создание демо-хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="306" />
        <source>Creating the vault…</source>
        <translation>Создание хранилища…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="345" />
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="348" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="416" />
        <source>Cancelled; nothing was created.</source>
        <translation>Отменено; ничего не создано.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="420" />
        <source>Unexpected error: {error}</source>
        <translation>Непредвиденная ошибка: {error}</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/unlock.py" line="463" />
        <source>Strong enough.</source>
        <translation>Достаточно надёжная.</translation>
    </message>
</context>
<context>
    <name>VaultCare</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="213" />
        <source>Wiping…</source>
        <translation>Уничтожение…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="219" />
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="237" />
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="238" />
        <source>Change passphrase…</source>
        <translation>Сменить парольную фразу…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="239" />
        <source>Verify…</source>
        <translation>Проверить…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="240" />
        <source>Backup copy…</source>
        <translation>Резервная копия…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="242" />
        <source>Quick wipe…</source>
        <translation>Быстрое уничтожение…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="32" />
        <source>Verify the vault</source>
        <translation>Проверка хранилища</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="34" />
        <source>Checks the encryption of every page, the database, every revision, the audit chain and every attachment's hash.</source>
        <translation>Проверяет шифрование каждой страницы, базу данных, каждую редакцию, цепочку аудита и хеш каждого вложения.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="40" />
        <source>optional: the audit chain head from a printed report</source>
        <translation>необязательно: вершина журнала аудита из напечатанного отчёта</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="41" />
        <source>Printed head</source>
        <translation>Напечатанная вершина</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="74" />
        <source>The vault is intact: {n} revisions, {a} audit entries and {b} attachments checked.</source>
        <translation>Хранилище цело: проверено редакций — {n}, записей аудита — {a}, вложений — {b}.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="79" />
        <source>{n} problem(s) found:</source>
        <translation>Найдено проблем: {n}:</translation>
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
        <translation>Хранилище пусто. Начните с того, что вы документируете:

• дело — материалы об одном человеке или событии: лица, заявленные нарушения, интервью, обследования, жалобы;
• посещение места лишения свободы — сначала добавьте учреждение, затем посещение, его выводы и рекомендации.

Всё введённое остаётся в этом зашифрованном хранилище. Уходя, заблокируйте его клавишами Ctrl+L.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="193" />
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="194" />
        <source>New facility</source>
        <translation>Новое учреждение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/main_window.py" line="195" />
        <source>New visit</source>
        <translation>Новое посещение</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="168" />
        <source>Quick wipe</source>
        <translation>Быстрое уничтожение</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="172" />
        <source>WIPE</source>
        <translation>УНИЧТОЖИТЬ</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="176" />
        <source>This destroys the vault {path} for ever: its key material first, then every byte. Nobody, not even with the passphrase, can open it afterwards. Backup copies elsewhere are not touched.</source>
        <translation>Хранилище {path} будет уничтожено навсегда: сначала ключевой материал, затем каждый байт. После этого его не откроет никто, даже зная парольную фразу. Резервные копии в других местах не затрагиваются.</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="179" />
        <source>Type {word} to confirm:</source>
        <translation>Для подтверждения введите {word}:</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="183" />
        <source>Wipe now</source>
        <translation>Уничтожить сейчас</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/vault_care.py" line="186" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>_Job</name>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="239" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="264" />
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <location filename="../../monitor/gui/dialogs/sync_dialogs.py" line="293" />
        <source>Cancelled; nothing was changed.</source>
        <translation>Отменено; ничего не изменено.</translation>
    </message>
</context>
</TS>