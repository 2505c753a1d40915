<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>About</name>
    <message>
        <source>Om Uppdrag</source>
        <translation>About Uppdrag</translation>
    </message>
    <message>
        <source>Skriv, planera och följ upp uppdragsdirektiv, uppdragsplaner, projektdirektiv och projektplaner – offline, i en enda fil.</source>
        <translation>Write, plan and follow up assignment directives, assignment plans, project directives and project plans – offline, in a single file.</translation>
    </message>
    <message>
        <source>&amp;Stäng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Egna filer (standarddatabas, säkerhetskopior, loggar):</source>
        <translation>Own files (default database, backups, logs):</translation>
    </message>
    <message>
        <source>(kan inte skapas: {0})</source>
        <translation>(cannot be created: {0})</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <source>Byggd med Python {0}, Qt för Python (PySide6, LGPL-3.0), peewee, python-docx, openpyxl, jsonschema och holidays under sina egna licenser.</source>
        <translation>Built with Python {0}, Qt for Python (PySide6, LGPL-3.0), peewee, python-docx, openpyxl, jsonschema and holidays under their own licences.</translation>
    </message>
    <message>
        <source>Licens: {0}</source>
        <translation>Licence: {0}</translation>
    </message>
</context>
<context>
    <name>Anonymise</name>
    <message>
        <source>Ta bort personuppgifter</source>
        <translation>Remove personal data</translation>
    </message>
    <message>
        <source>&amp;Visa var uppgifterna finns</source>
        <translation>&amp;Show where the data is</translation>
    </message>
    <message>
        <source>Namn, e-post och telefon ersätts överallt i filen, också i borttagna rader, frysta utgåvor och ändringshistoriken, och filen skrivs om så att inget finns kvar. Det går inte att ångra, och ångra-historiken töms (ett äldre steg kunde annars skriva tillbaka uppgifterna).</source>
        <translation>Name, e-mail and phone are replaced everywhere in the file, also in deleted rows, frozen editions and the change history, and the file is rewritten so that nothing remains. This cannot be undone, and the undo history is emptied (an older step could otherwise write the data back).</translation>
    </message>
    <message>
        <source>&amp;Ta bort personuppgifter</source>
        <translation>&amp;Remove personal data</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Person (välj ur registret eller skriv ett namn):</source>
        <translation>&amp;Person (pick from the register or type a name):</translation>
    </message>
    <message>
        <source>%1 står på %2 ställen i filen.</source>
        <translation>%1 appears in %2 places in the file.</translation>
    </message>
    <message>
        <source>Ta bort dem också ur filens %1 säkerhetskopior och ångra-kopior</source>
        <translation>Also remove them from the file&apos;s %1 backups and undo copies</translation>
    </message>
    <message>
        <source>Personuppgifterna är borttagna (%1 textfält).</source>
        <translation>The personal data has been removed (%1 text fields).</translation>
    </message>
    <message>
        <source>Också ur %1 säkerhetskopior och ångra-kopior.</source>
        <translation>Also from %1 backups and undo copies.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source> (och en rad till i filen)</source>
        <translation> (and one more row in the file)</translation>
    </message>
    <message>
        <source> (och {count} rader till i filen)</source>
        <translation> (and {count} more rows in the file)</translation>
    </message>
    <message>
        <source> (och {count} till)</source>
        <translation> (and {count} more)</translation>
    </message>
    <message>
        <source> (rad {line})</source>
        <translation> (line {line})</translation>
    </message>
    <message>
        <source> Din arbetskopia har ändringar som ännu inte är sparade till filen; de skrivs tillbaka nästa gång du kan redigera den.</source>
        <translation> Your working copy has changes not yet saved to the file; they are written back the next time you can edit it.</translation>
    </message>
    <message>
        <source> och {count} till</source>
        <translation> and {count} more</translation>
    </message>
    <message>
        <source> och {count} till.</source>
        <translation> and {count} more.</translation>
    </message>
    <message>
        <source> på rad {line}, kolumn {column}</source>
        <translation> on line {line}, column {column}</translation>
    </message>
    <message>
        <source>(hela filen)</source>
        <translation>(the whole file)</translation>
    </message>
    <message>
        <source>(tomt)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>(utan benämning)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>(utan namn)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>({n} oförändrade).</source>
        <translation>({n} unchanged).</translation>
    </message>
    <message>
        <source>--prefer ska vara mine, theirs eller newest, inte ”{prefer}”.</source>
        <translation>--prefer must be mine, theirs or newest, not “{prefer}”.</translation>
    </message>
    <message>
        <source>. Återställningen finns i arbetskopian och skrivs tillbaka nästa gång filen öppnas.</source>
        <translation>. The restored file is in the working copy and is written back the next time the file is opened.</translation>
    </message>
    <message>
        <source>1 ogiltigt tecken ersattes med �</source>
        <translation>1 invalid character was replaced with �</translation>
    </message>
    <message>
        <source>1 otillåtet tecken togs bort</source>
        <translation>1 disallowed character was removed</translation>
    </message>
    <message>
        <source>Andelen av tjänst</source>
        <translation>The share of a full-time post</translation>
    </message>
    <message>
        <source>Ange en person eller ett namn för rollen.</source>
        <translation>Give a person or a name for the role.</translation>
    </message>
    <message>
        <source>Ange periodens första dag, till exempel 2026-07-01 eller juli 2026.</source>
        <translation>Give the period&apos;s first day, for example 2026-07-01 or July 2026.</translation>
    </message>
    <message>
        <source>Ange vilken plan listan i ”{name}” ska läsas in i (--plan).</source>
        <translation>Say which plan the list in “{name}” should be read into (--plan).</translation>
    </message>
    <message>
        <source>Ange året som tertialen hör till.</source>
        <translation>Give the year the four-month period belongs to.</translation>
    </message>
    <message>
        <source>Arbetsboken ”{name}” har inga blad.</source>
        <translation>The workbook “{name}” has no sheets.</translation>
    </message>
    <message>
        <source>Arbetsboken ”{name}” har inget blad ”{chosen}”; den har {v1}.</source>
        <translation>The workbook “{name}” has no sheet “{chosen}”; it has {v1}.</translation>
    </message>
    <message>
        <source>Avsnittet ”{heading}” har okänt innehåll ”{kind}”; det hoppades över.</source>
        <translation>The section “{heading}” has unknown content “{kind}”; it was skipped.</translation>
    </message>
    <message>
        <source>Begreppet</source>
        <translation>The term</translation>
    </message>
    <message>
        <source>Beloppet</source>
        <translation>The amount</translation>
    </message>
    <message>
        <source>Benämningen</source>
        <translation>The name</translation>
    </message>
    <message>
        <source>Beroendet behöver både en föregångare och en efterföljare.</source>
        <translation>The dependency needs both a predecessor and a successor.</translation>
    </message>
    <message>
        <source>Beroendet finns redan.</source>
        <translation>The dependency already exists.</translation>
    </message>
    <message>
        <source>Beroendet skulle göra en cirkel där posterna väntar på varandra: {items}. Ta bort ett av de andra beroendena först.</source>
        <translation>The dependency would make a cycle in which the items wait for each other: {items}. Remove one of the other dependencies first.</translation>
    </message>
    <message>
        <source>Beroendets typ</source>
        <translation>The dependency&apos;s type</translation>
    </message>
    <message>
        <source>Beskrivningen</source>
        <translation>The description</translation>
    </message>
    <message>
        <source>Beslutet</source>
        <translation>The decision</translation>
    </message>
    <message>
        <source>Beslutspunkten eller milstolpen ”{name}” saknar datum och kan inte placeras på tidslinjen.</source>
        <translation>The decision point or milestone “{name}” has no date and cannot be placed on the timeline.</translation>
    </message>
    <message>
        <source>Bilagan ”Ändringar sedan utgåva” finns bara i Word och PDF.</source>
        <translation>The appendix “Changes since edition” is only available in Word and PDF.</translation>
    </message>
    <message>
        <source>Bladet ”{chosen}” i ”{name}” har fler än {most} rader, fler än en plan kan ha. Ingenting har importerats.</source>
        <translation>The sheet “{chosen}” in “{name}” has more than {most} rows, more than a plan can have. Nothing has been imported.</translation>
    </message>
    <message>
        <source>Bladet ”{chosen}” i ”{name}” är tomt.</source>
        <translation>The sheet “{chosen}” in “{name}” is empty.</translation>
    </message>
    <message>
        <source>Budgettypen</source>
        <translation>The budget type</translation>
    </message>
    <message>
        <source>Checklistorna vid beslutspunkterna ({count} st., {points} punkter) följer inte med: MS Project-XML har ingen plats för dem. De finns kvar i Uppdrag och behålls när filen importeras tillbaka till samma plan.</source>
        <translation>The checklists at the decision points ({count} of them, {points} items) are not included: MS Project XML has no place for them. They stay in Uppdrag and are kept when the file is imported back into the same plan.</translation>
    </message>
    <message>
        <source>Datum saknas. Godkända former: {forms}.</source>
        <translation>The date is missing. Accepted forms: {forms}.</translation>
    </message>
    <message>
        <source>Datumet</source>
        <translation>The date</translation>
    </message>
    <message>
        <source>Den har inte ändrats. </source>
        <translation>It has not been changed. </translation>
    </message>
    <message>
        <source>Den har öppnats skrivskyddad, så att inget skrivs i den. </source>
        <translation>It has been opened read-only, so that nothing is written to it. </translation>
    </message>
    <message>
        <source>Den senaste hela säkerhetskopian är från {when} ({backup}). Återställ den med Arkiv → Återställ från säkerhetskopia, eller med uppdrag restore &quot;{backup}&quot; &quot;{path}&quot;.</source>
        <translation>The latest intact backup is from {when} ({backup}). Restore it with File → Restore from backup, or with uppdrag restore &quot;{backup}&quot; &quot;{path}&quot;.</translation>
    </message>
    <message>
        <source>Den stängda perioden {period} har inga giltiga datum (ÅÅÅÅ-MM-DD).</source>
        <translation>The closed period {period} has no valid dates (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Den stängda perioden {start}–{end} slutar före sin början.</source>
        <translation>The closed period {start}–{end} ends before it begins.</translation>
    </message>
    <message>
        <source>Den stängda perioden {start}–{end} är längre än ett år.</source>
        <translation>The closed period {start}–{end} is longer than a year.</translation>
    </message>
    <message>
        <source>Det faktiska slutet ({end}) ligger före den faktiska starten ({start}).</source>
        <translation>The actual finish ({end}) lies before the actual start ({start}).</translation>
    </message>
    <message>
        <source>Det finns ingen mall som heter ”{key}”. Välj en av: {known}.</source>
        <translation>There is no template called “{key}”. Choose one of: {known}.</translation>
    </message>
    <message>
        <source>Det finns ingen styrmodell som heter ”{key}”. Välj en av: {known}.</source>
        <translation>There is no steering model called “{key}”. Choose one of: {known}.</translation>
    </message>
    <message>
        <source>Det finns ingen säkerhetskopia av den. Spara en kopia av filen och exportera planerna som går att läsa.</source>
        <translation>There is no backup of it. Save a copy of the file and export the plans that can be read.</translation>
    </message>
    <message>
        <source>Det obligatoriska avsnittet ”{heading}” är tomt och skrevs inte ut.</source>
        <translation>The required section “{heading}” is empty and was not written.</translation>
    </message>
    <message>
        <source>Det obligatoriska avsnittet ”{heading}” är tomt.</source>
        <translation>The required section “{heading}” is empty.</translation>
    </message>
    <message>
        <source>Diarienummer saknas.</source>
        <translation>The registration number is missing.</translation>
    </message>
    <message>
        <source>Dokumentet är beslutat men beslutsdatum saknas.</source>
        <translation>The document is decided but the decision date is missing.</translation>
    </message>
    <message>
        <source>Dokumenttypen</source>
        <translation>The document type</translation>
    </message>
    <message>
        <source>En fil kan inte slås samman med sig själv.</source>
        <translation>A file cannot be merged with itself.</translation>
    </message>
    <message>
        <source>En plan jämförs med olika utgåvor i filerna; den här filens val behölls.</source>
        <translation>A plan is compared with different editions in the files; this file’s choice was kept.</translation>
    </message>
    <message>
        <source>En post kan inte bero av sig själv.</source>
        <translation>An item cannot depend on itself.</translation>
    </message>
    <message>
        <source>En rad kan inte flyttas från en plan till en annan på {server}; inget har ändrats. Rader som redan hör till en annan plan måste tas bort ur det som skrivs (till exempel ur planfilen) innan det skrivs igen.</source>
        <translation>A row cannot be moved from one plan to another on {server}; nothing was changed. Rows that already belong to another plan must be removed from what is written (for example from the plan file) before it is written again.</translation>
    </message>
    <message>
        <source>Ett beslut är registrerat men planen har inget avsnitt Beslut där det skrivs ut.</source>
        <translation>A decision is recorded but the plan has no Decision section to write it in.</translation>
    </message>
    <message>
        <source>Filen redigeras av {holder}; den är öppnad skrivskyddad och visar det senast sparade läget.</source>
        <translation>The file is being edited by {holder}; it is opened read-only and shows what was last saved.</translation>
    </message>
    <message>
        <source>Filen redigeras av {holder}; den är öppnad skrivskyddad.</source>
        <translation>The file is being edited by {holder}; it is opened read-only.</translation>
    </message>
    <message>
        <source>Filen {name} finns inte.</source>
        <translation>The file {name} does not exist.</translation>
    </message>
    <message>
        <source>Filen {name} har ställts om till WAL-läge av ett annat program och kan inte läsas skrivskyddat utan att filer skapas bredvid den. Öppna den för redigering i Uppdrag en gång, så ställs den tillbaka. Filen har inte ändrats.</source>
        <translation>The file {name} was switched to WAL mode by another program and cannot be read read-only without files being created beside it. Open it for editing in Uppdrag once and it is switched back. The file has not been changed.</translation>
    </message>
    <message>
        <source>Filen {name} höll på att skrivas när ett program stoppades och har återställts till sitt senast sparade läge. Kopior av filen och journalen som den var finns i ”{copies}”.</source>
        <translation>The file {name} was being written when a program stopped, and has been restored to its last saved state. Copies of the file and the journal as they were are in “{copies}”.</translation>
    </message>
    <message>
        <source>Filen {name} höll på att skrivas när ett program stoppades och kan bara återställas där den är skrivbar. Kopiera filen tillsammans med {journal} till en skrivbar mapp och öppna kopian.</source>
        <translation>The file {name} was being written when a program stopped, and can only be restored where it is writable. Copy the file together with {journal} to a writable folder and open the copy.</translation>
    </message>
    <message>
        <source>Filen {name} innehåller databasobjekt som en Uppdrag-fil inte har ({objects}) och öppnas inte av säkerhetsskäl. Filen har inte ändrats.</source>
        <translation>The file {name} holds database objects that an Uppdrag file does not have ({objects}) and is not opened, for safety. The file has not been changed.</translation>
    </message>
    <message>
        <source>Filen {name} kan inte läsas: {reason}.</source>
        <translation>The file {name} cannot be read: {reason}.</translation>
    </message>
    <message>
        <source>Filen {name} kan inte öppnas: {reason}.</source>
        <translation>The file {name} cannot be opened: {reason}.</translation>
    </message>
    <message>
        <source>Filen {name} saknar schemaversion och kan inte öppnas.</source>
        <translation>The file {name} has no schema version and cannot be opened.</translation>
    </message>
    <message>
        <source>Filen {name} är avkortad ({size} byte av {whole}) och kan inte öppnas. Använd en säkerhetskopia.</source>
        <translation>The file {name} is cut short ({size} bytes of {whole}) and cannot be opened. Use a backup.</translation>
    </message>
    <message>
        <source>Filen {name} är en databas från ett annat program, inte en Uppdrag-fil.</source>
        <translation>The file {name} is a database from another program, not an Uppdrag file.</translation>
    </message>
    <message>
        <source>Filen {name} är ingen Uppdrag-fil (den är inte en SQLite-databas).</source>
        <translation>The file {name} is not an Uppdrag file (it is not an SQLite database).</translation>
    </message>
    <message>
        <source>Filen {name} är skadad (rubriken stämmer inte med innehållet).</source>
        <translation>The file {name} is damaged (its header does not match its contents).</translation>
    </message>
    <message>
        <source>Filen {name} är skadad och kan inte öppnas ({reason}).</source>
        <translation>The file {name} is damaged and cannot be opened ({reason}).</translation>
    </message>
    <message>
        <source>Filen {name} är skadad och kan inte öppnas ({reason}). Använd en säkerhetskopia.</source>
        <translation>The file {name} is damaged and cannot be opened ({reason}). Use a backup.</translation>
    </message>
    <message>
        <source>Filen {name} är skapad av en nyare version av Uppdrag (schemaversion {version}; den här versionen kan öppna till och med version {newest}). Uppdatera Uppdrag för att öppna den. Filen har inte ändrats.</source>
        <translation>The file {name} was made by a newer version of Uppdrag (schema version {version}; this version opens up to version {newest}). Update Uppdrag to open it. The file has not been changed.</translation>
    </message>
    <message>
        <source>Filen {name} är tom (0 byte) och är ingen Uppdrag-fil.</source>
        <translation>The file {name} is empty (0 bytes) and is not an Uppdrag file.</translation>
    </message>
    <message>
        <source>Filen är ingen Uppdrag-plan (fältet ”format” ska vara ”uppdrag-plan”).</source>
        <translation>The file is not an Uppdrag plan (the field “format” must be “uppdrag-plan”).</translation>
    </message>
    <message>
        <source>Filen är skrivskyddad. Spara en kopia för att kunna ändra.</source>
        <translation>The file is read-only. Save a copy to be able to make changes.</translation>
    </message>
    <message>
        <source>Filen är öppnad skrivskyddad.</source>
        <translation>The file is opened read-only.</translation>
    </message>
    <message>
        <source>Filen ”{name}” finns redan; välj ett annat namn.</source>
        <translation>The file “{name}” already exists; choose another name.</translation>
    </message>
    <message>
        <source>Filen ”{name}” går inte att läsa: {why}.</source>
        <translation>The file “{name}” cannot be read: {why}.</translation>
    </message>
    <message>
        <source>Filen ”{name}” har en äldre schemaversion ({version}) och måste uppgraderas, men den är skrivskyddad. Kopiera den till en skrivbar mapp.</source>
        <translation>The file “{name}” has an older schema version ({version}) and must be upgraded, but it is read-only. Copy it to a writable folder.</translation>
    </message>
    <message>
        <source>Filen ”{name}” har fler än {most} rader, fler än en plan kan ha. Ingenting har importerats.</source>
        <translation>The file “{name}” has more than {most} rows, more than a plan can have. Nothing has been imported.</translation>
    </message>
    <message>
        <source>Filen ”{name}” innehåller ett ensamt surrogattecken ({char}) i {where}, vilket inte är giltig text. Rätta värdet och importera filen igen.</source>
        <translation>The file “{name}” contains a lone surrogate character ({char}) in {where}, which is not valid text. Correct the value and import the file again.</translation>
    </message>
    <message>
        <source>Filen ”{name}” kan inte läsas som CSV efter rad {line_num}: {exc}. Ingenting har importerats.</source>
        <translation>The file “{name}” cannot be read as CSV after line {line_num}: {exc}. Nothing has been imported.</translation>
    </message>
    <message>
        <source>Filen ”{name}” kan inte läsas som CSV: {exc}.</source>
        <translation>The file “{name}” cannot be read as CSV: {exc}.</translation>
    </message>
    <message>
        <source>Filen ”{name}” kan inte läsas som MS Project-XML: {why}</source>
        <translation>The file “{name}” cannot be read as MS Project XML: {why}</translation>
    </message>
    <message>
        <source>Filen ”{name}” kan inte läsas: {v1}.</source>
        <translation>The file “{name}” cannot be read: {v1}.</translation>
    </message>
    <message>
        <source>Filen ”{name}” kan inte läsas: {why}.</source>
        <translation>The file “{name}” cannot be read: {why}.</translation>
    </message>
    <message>
        <source>Filen ”{name}” packas upp till mer än {v1} MB och läses inte.</source>
        <translation>The file “{name}” unpacks to more than {v1} MB and is not read.</translation>
    </message>
    <message>
        <source>Filen ”{name}” redigeras redan av {holder}. Du kan öppna den skrivskyddad.</source>
        <translation>The file “{name}” is already being edited by {holder}. You can open it read-only.</translation>
    </message>
    <message>
        <source>Filen ”{name}” var inte UTF-8 och lästes som Windows-1252 (äldre Excel); kontrollera å, ä och ö. Spara som ”CSV UTF-8” nästa gång.</source>
        <translation>The file “{name}” was not UTF-8 and was read as Windows-1252 (older Excel); check accented letters. Save as “CSV UTF-8” next time.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är för djupt nästlad för att vara en plan.</source>
        <translation>The file “{name}” is nested too deeply to be a plan.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är för stor ({v1} MB) för en aktivitets- eller risklista; högst {v2} MB.</source>
        <translation>The file “{name}” is too large ({v1} MB) for an activity or risk list; at most {v2} MB.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är för stor för att vara en plan.</source>
        <translation>The file “{name}” is too large to be a plan.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är ingen Excel-arbetsbok (.xlsx), eller så är den skadad.</source>
        <translation>The file “{name}” is not an Excel workbook (.xlsx), or it is damaged.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är ingen textfil (den innehåller nolltecken); spara den som CSV och försök igen.</source>
        <translation>The file “{name}” is not a text file (it contains null characters); save it as CSV and try again.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är inte en textfil i UTF-8.</source>
        <translation>The file “{name}” is not a UTF-8 text file.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är inte giltig JSON (rad {line}, kolumn {column}).</source>
        <translation>The file “{name}” is not valid JSON (line {line}, column {column}).</translation>
    </message>
    <message>
        <source>Filen ”{name}” är låst av {user} på {machine} sedan {since} (låsfilen ”{lock}”).</source>
        <translation>The file “{name}” is locked by {user} on {machine} since {since} (the lock file “{lock}”).</translation>
    </message>
    <message>
        <source>Filen ”{name}” är skadad (integritetskontrollen fann: {found}). </source>
        <translation>The file “{name}” is damaged (the integrity check found: {found}). </translation>
    </message>
    <message>
        <source>Filen ”{name}” är skrivskyddad.</source>
        <translation>The file “{name}” is read-only.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är skrivskyddad; sammanslagningen kan inte sparas.</source>
        <translation>The file “{name}” is read-only; the merge cannot be saved.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är tom.</source>
        <translation>The file “{name}” is empty.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är varken UTF-8 eller Windows-1252; spara den som ”CSV UTF-8” och försök igen.</source>
        <translation>The file “{name}” is neither UTF-8 nor Windows-1252; save it as “CSV UTF-8” and try again.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är öppnad skrivskyddad.</source>
        <translation>The file “{name}” is opened read-only.</translation>
    </message>
    <message>
        <source>Filen ”{path}” finns inte.</source>
        <translation>The file “{path}” does not exist.</translation>
    </message>
    <message>
        <source>Filen ”{share}” finns inte eller kan inte nås just nu.</source>
        <translation>The file “{share}” does not exist or cannot be reached just now.</translation>
    </message>
    <message>
        <source>Flera planer har diarienummer ”{ref}”; ange planens id eller uuid.</source>
        <translation>Several plans have the registration number “{ref}”; give the plan&apos;s id or uuid.</translation>
    </message>
    <message>
        <source>Färdigställandet</source>
        <translation>The progress</translation>
    </message>
    <message>
        <source>Förskjutningen måste vara ett heltal mellan −{most} och {most} (fick {value}).</source>
        <translation>The lag must be a whole number between −{most} and {most} (got {value}).</translation>
    </message>
    <message>
        <source>Förskjutningens enhet</source>
        <translation>The lag&apos;s unit</translation>
    </message>
    <message>
        <source>Första raden i ”{name}” har inga kolumnnamn som Uppdrag känner igen (till exempel ”Benämning”, ”Start”, ”Slut” eller ”Risk”, ”Sannolikhet”).</source>
        <translation>The first row of “{name}” has no column names Uppdrag recognises (for example “Name”, “Start”, “End” or “Risk”, “Probability”; in a Swedish list “Benämning”, “Slut”, “Sannolikhet”).</translation>
    </message>
    <message>
        <source>Hittar ingen plan med id, uuid eller diarienummer ”{ref}”.</source>
        <translation>Found no plan with the id, uuid or registration number “{ref}”.</translation>
    </message>
    <message>
        <source>Id {uid} står redan på en tidigare rad</source>
        <translation>Id {uid} is already on an earlier row</translation>
    </message>
    <message>
        <source>Inga {v1} kunde läsas ur ”{name}”. Ingenting har importerats.
</source>
        <translation>No {v1} could be read from “{name}”. Nothing has been imported.
</translation>
    </message>
    <message>
        <source>Ingen kolumn för benämningen ({names}); första raden ska ha kolumnernas namn.</source>
        <translation>No column for the name ({names}); the first row must hold the column names.</translation>
    </message>
    <message>
        <source>Inget nytt att hämta: den här filen har redan allt som den andra har.</source>
        <translation>Nothing new to bring in: this file already has everything the other one has.</translation>
    </message>
    <message>
        <source>Kalendern kunde inte skapas: {error}</source>
        <translation>The calendar could not be made: {error}</translation>
    </message>
    <message>
        <source>Konflikt i {part} ”{name}”: {what}. Behöll {kept}.</source>
        <translation>Conflict in {part} “{name}”: {what}. Kept {kept}.</translation>
    </message>
    <message>
        <source>Konflikter: {n}</source>
        <translation>Conflicts: {n}</translation>
    </message>
    <message>
        <source>Konsekvensen</source>
        <translation>The consequence</translation>
    </message>
    <message>
        <source>Kopian kan inte skrivas över originalfilen; välj ett annat namn.</source>
        <translation>The copy cannot be written over the original file; choose another name.</translation>
    </message>
    <message>
        <source>Kunde inte skriva i mappen {folder}: {error}. Välj en annan mapp.</source>
        <translation>Could not write in the folder {folder}: {error}. Choose another folder.</translation>
    </message>
    <message>
        <source>Kunde inte tolka ”{text}” som ett datum. Godkända former: {forms}.</source>
        <translation>Could not read “{text}” as a date. Accepted forms: {forms}.</translation>
    </message>
    <message>
        <source>LibreOffice ({program}) kunde inte startas: {error}. Installera om LibreOffice och försök igen.</source>
        <translation>LibreOffice ({program}) could not be started: {error}. Reinstall LibreOffice and try again.</translation>
    </message>
    <message>
        <source>LibreOffice blev inte klart med PDF:en inom {seconds} sekunder och stoppades. Försök igen; stäng gärna andra program först.</source>
        <translation>LibreOffice did not finish the PDF within {seconds} seconds and was stopped. Try again, preferably with other programs closed.</translation>
    </message>
    <message>
        <source>LibreOffice kunde inte göra om dokumentet till PDF.</source>
        <translation>LibreOffice could not convert the document to PDF.</translation>
    </message>
    <message>
        <source>LibreOffice svarade: {detail}</source>
        <translation>LibreOffice answered: {detail}</translation>
    </message>
    <message>
        <source>Loggtypen</source>
        <translation>The log entry&apos;s type</translation>
    </message>
    <message>
        <source>Läste {tasks} uppgifter ur ”{name}”: {phases} faser, {points} beslutspunkter, {milestones} milstolpar och {activities} aktiviteter; {links} beroenden; {people} personer, {lines} rader i resursplanen och {assignments} tilldelningar.</source>
        <translation>Read {tasks} tasks from “{name}”: {phases} phases, {points} decision points, {milestones} milestones and {activities} activities; {links} dependencies; {people} people, {lines} resource plan rows and {assignments} assignments.</translation>
    </message>
    <message>
        <source>Låset tas inte bort, eftersom programmet som har det fortfarande är igång.</source>
        <translation>The lock is not removed, since the program holding it is still running.</translation>
    </message>
    <message>
        <source>Låset verkar övergivet och kan tas bort.</source>
        <translation>The lock seems abandoned and can be removed.</translation>
    </message>
    <message>
        <source>Låset verkar övergivet: programmet som tog det körs inte längre eller har inte hörts av på {minutes} minuter. Kör kommandot igen med --bryt-las för att ta bort låset.</source>
        <translation>The lock seems abandoned: the program that took it no longer runs or has not been heard from for {minutes} minutes. Run the command again with --bryt-las to remove the lock.</translation>
    </message>
    <message>
        <source>Filen redigeras av {holder}; du ser det senast sparade läget.</source>
        <translation>The file is being edited by {holder}; you see what was last saved.</translation>
    </message>
    <message>
        <source> (borttagen)</source>
        <translation> (deleted)</translation>
    </message>
    <message>
        <source> och </source>
        <translation> and </translation>
    </message>
    <message>
        <source> – menade du ’{command}’?</source>
        <translation> – did you mean ’{command}’?</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(inget)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(okänd person)</source>
        <translation>(unknown person)</translation>
    </message>
    <message>
        <source>, utfall {actual}, prognos {forecast}</source>
        <translation>, actual {actual}, forecast {forecast}</translation>
    </message>
    <message>
        <source>. Ge användare rätt med ”uppdrag server grant”.</source>
        <translation>. Give users rights with “uppdrag server grant”.</translation>
    </message>
    <message>
        <source>. Ändringen finns kvar i arbetskopian på den här datorn och skrivs tillbaka nästa gång filen öppnas.</source>
        <translation>. The change remains in the working copy on this computer and is written back the next time the file is opened.</translation>
    </message>
    <message>
        <source>.csv/.xlsx: planen som listan läses in i</source>
        <translation>.csv/.xlsx: the plan the list is read into</translation>
    </message>
    <message>
        <source>.csv/.xlsx: vilken lista filen har (annars av kolumnnamnen)</source>
        <translation>.csv/.xlsx: which list the file holds (otherwise by the column names)</translation>
    </message>
    <message>
        <source>.csv: aktivitetslistan (standard) eller riskregistret</source>
        <translation>.csv: the activity list (default) or the risk register</translation>
    </message>
    <message>
        <source>.xlsx: bladet att läsa (annars det första)</source>
        <translation>.xlsx: the sheet to read (otherwise the first)</translation>
    </message>
    <message>
        <source>1 dag</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>1 dag sen</source>
        <translation>1 day late</translation>
    </message>
    <message>
        <source>ANNAN</source>
        <translation>OTHER</translation>
    </message>
    <message>
        <source>ANVÄNDARE</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>Adressen innehåller ett lösenord, och Uppdrag sparar aldrig lösenord: ta bort det ur adressen och lägg det i PostgreSQL:s .pgpass-fil, eller skriv det när Uppdrag frågar.</source>
        <translation>The address contains a password, and Uppdrag never stores passwords: take it out of the address and put it in PostgreSQL&apos;s .pgpass file, or type it when Uppdrag asks.</translation>
    </message>
    <message>
        <source>Adressen ”{url}” är ingen giltig serveradress; skriv den som postgresql://användare@värd:port/databas.</source>
        <translation>The address “{url}” is not a valid server address; write it as postgresql://user@host:port/database.</translation>
    </message>
    <message>
        <source>Allt var redan lika på båda sidor.</source>
        <translation>Everything was already the same on both sides.</translation>
    </message>
    <message>
        <source>Allt är sparat till {share}.</source>
        <translation>Everything is saved to {share}.</translation>
    </message>
    <message>
        <source>Ange en benämning för varje nivå av konsekvens (1–{scale}).</source>
        <translation>Give a name for each level of impact (1–{scale}).</translation>
    </message>
    <message>
        <source>Ange en benämning för varje nivå av sannolikhet (1–{scale}).</source>
        <translation>Give a name for each level of probability (1–{scale}).</translation>
    </message>
    <message>
        <source>Ange vem som fattade beslutet, till exempel styrgrupp, nämnd eller uppdragsägare.</source>
        <translation>Give who took the decision, for example steering group, committee or assignment owner.</translation>
    </message>
    <message>
        <source>Ange vem vars personuppgifter ska tas bort.</source>
        <translation>Give whose personal data is to be removed.</translation>
    </message>
    <message>
        <source>Användare: {user} ({may})</source>
        <translation>User: {user} ({may})</translation>
    </message>
    <message>
        <source>Användaren finns inte på servern {server}; be IT lägga upp ditt konto ({user}).</source>
        <translation>The user does not exist on the server {server}; ask IT to set up your account ({user}).</translation>
    </message>
    <message>
        <source>Användaren ”{user}” finns inte på servern; IT lägger upp kontot (CREATE ROLE … LOGIN) först.</source>
        <translation>The user “{user}” does not exist on the server; IT sets up the account (CREATE ROLE … LOGIN) first.</translation>
    </message>
    <message>
        <source>Arbetskopian ”{local}” kunde inte läsas: {why}.</source>
        <translation>The working copy “{local}” could not be read: {why}.</translation>
    </message>
    <message>
        <source>Behålls (datum behålls, namn och checklista från den nya modellen)</source>
        <translation>Kept (dates kept, name and checklist from the new model)</translation>
    </message>
    <message>
        <source>Behålls eftersom beslut är fattat</source>
        <translation>Kept because a decision has been taken</translation>
    </message>
    <message>
        <source>Beslut registreras vid en beslutspunkt.</source>
        <translation>Decisions are recorded at a decision point.</translation>
    </message>
    <message>
        <source>Beslutet ”{outcome}” finns inte; välj {choices}.</source>
        <translation>The decision “{outcome}” does not exist; choose {choices}.</translation>
    </message>
    <message>
        <source>Bredvid filen ”{name}” ligger en journal från ett avbrutet skrivande ({journal}), men den hör inte till den här filen: {reason}. Journalen har inte spelats upp, ingen av filerna har ändrats och filen öppnas inte. Kopior av båda finns i ”{copies}”. Om filen ska öppnas som den är: flytta bort {journal} från mappen och öppna filen igen.</source>
        <translation>Beside the file “{name}” lies a journal from an interrupted write ({journal}), but it does not belong to this file: {reason}. The journal has not been played back, neither file has been changed and the file is not opened. Copies of both are in “{copies}”. To open the file as it is: move {journal} out of the folder and open the file again.</translation>
    </message>
    <message>
        <source>Bredvid filen ”{name}” ligger {names}, som inte hör till den (Uppdrag använder inte WAL-läge) och som skulle läsas in i filen. Den har inte lästs och filen öppnas inte. Flytta bort {names} från mappen och öppna filen igen.</source>
        <translation>Beside the file “{name}” lies {names}, which does not belong to it (Uppdrag does not use WAL mode) and which would be read into the file. It has not been read and the file is not opened. Move {names} out of the folder and open the file again.</translation>
    </message>
    <message>
        <source>Bredvid filen ”{name}” låg {names}, som inte hör till den. Den lästes inte och har flyttats undan som {moved}.</source>
        <translation>Beside the file “{name}” lay {names}, which does not belong to it. It was not read and has been moved aside as {moved}.</translation>
    </message>
    <message>
        <source>Början, mitten eller slutet går att ange för ett år eller en månad, till exempel ”slutet av 2025” eller ”mitten av mars 2026”, inte för ”{text}”.</source>
        <translation>Early, mid or late (the beginning, middle or end) can be given for a year or a month, for example “end of 2025” or “mid-March 2026”, not for “{text}”.</translation>
    </message>
    <message>
        <source>Databasen har redan schemaversion {version}; roller och regler är förnyade</source>
        <translation>The database already has schema version {version}; roles and rules are renewed</translation>
    </message>
    <message>
        <source>Databasen svarade med ett oväntat fel. Filen har inte ändrats; försök igen, eller öppna en säkerhetskopia.</source>
        <translation>The database answered with an unexpected error. The file has not been changed; try again, or open a backup.</translation>
    </message>
    <message>
        <source>Databasen {server} har en äldre schemaversion ({version}); be IT uppgradera den med ”uppdrag server init ADRESS” innan den används.</source>
        <translation>The database {server} has an older schema version ({version}); ask IT to upgrade it with “uppdrag server init ADDRESS” before it is used.</translation>
    </message>
    <message>
        <source>Databasen {server} har redan en tabell ”plan” som inte är Uppdrags; välj en tom databas.</source>
        <translation>The database {server} already has a table “plan” that is not Uppdrag&apos;s; choose an empty database.</translation>
    </message>
    <message>
        <source>Databasen {server} har schemaversion {version}, nyare än den här versionen av Uppdrag kan ({readable}); uppdatera Uppdrag för att använda den.</source>
        <translation>The database {server} has schema version {version}, newer than this version of Uppdrag can use ({readable}); update Uppdrag to use it.</translation>
    </message>
    <message>
        <source>Databasen {server} har schemaversion {version}, nyare än den här versionen av Uppdrag kan ({readable}); uppdatera Uppdrag.</source>
        <translation>The database {server} has schema version {version}, newer than this version of Uppdrag can use ({readable}); update Uppdrag.</translation>
    </message>
    <message>
        <source>Databasen {server} är ingen Uppdrag-databas; IT gör den till en med ”uppdrag server init ADRESS”.</source>
        <translation>The database {server} is not an Uppdrag database; IT makes it one with “uppdrag server init ADDRESS”.</translation>
    </message>
    <message>
        <source>Databasen {server} är inte uppsatt; kör ”uppdrag server init” först.</source>
        <translation>The database {server} is not set up; run “uppdrag server init” first.</translation>
    </message>
    <message>
        <source>Databasen ”{database}” finns inte på servern; kontrollera adressen eller be IT skapa den.</source>
        <translation>The database “{database}” does not exist on the server; check the address or ask IT to create it.</translation>
    </message>
    <message>
        <source>Databasens schemaversion {version} kan inte uppgraderas av den här versionen av Uppdrag.</source>
        <translation>The database&apos;s schema version {version} cannot be upgraded by this version of Uppdrag.</translation>
    </message>
    <message>
        <source>Den tidigare filen finns kvar som {aside}.</source>
        <translation>The previous file remains as {aside}.</translation>
    </message>
    <message>
        <source>Det finns inga säkerhetskopior av {name}.</source>
        <translation>There are no backups of {name}.</translation>
    </message>
    <message>
        <source>Det gick inte att skapa standardfilen i {where}: {reason}.

Du kan öppna en befintlig fil eller skapa en ny fil på en annan plats (Arkiv-menyn). Vill du använda en annan datamapp, starta programmet med miljövariabeln UPPDRAG_DATA_DIR satt till en mapp du kan skriva i.</source>
        <translation>The default file could not be created in {where}: {reason}.

You can open an existing file or create a new file somewhere else (the File menu). To use another data folder, start the program with the environment variable UPPDRAG_DATA_DIR set to a folder you can write in.</translation>
    </message>
    <message>
        <source>Ditt konto får inte göra den här ändringen på {server} ({why}); be IT om behörighet.</source>
        <translation>Your account may not make this change on {server} ({why}); ask IT for permission.</translation>
    </message>
    <message>
        <source>Du får inte ändra det här på {server}: bara planens författare, ägare, ledare eller utsedda redigerare får det. Be planens ägare eller IT om behörighet.</source>
        <translation>You may not change this on {server}: only the plan&apos;s author, owner, leader or appointed editors may. Ask the plan&apos;s owner or IT for permission.</translation>
    </message>
    <message>
        <source>Du har bara läsbehörighet på {server}; be IT om skrivrätt (uppdrag server grant) för att kunna ändra.</source>
        <translation>You only have read permission on {server}; ask IT for write permission (uppdrag server grant) to be able to make changes.</translation>
    </message>
    <message>
        <source>Du har bara läsbehörighet på {server}; historiken kan inte rensas där.</source>
        <translation>You may only read on {server}; its history cannot be pruned there.</translation>
    </message>
    <message>
        <source>Du har bara läsbehörighet på {server}; planerna kan inte skickas dit.</source>
        <translation>You only have read permission on {server}; the plans cannot be sent there.</translation>
    </message>
    <message>
        <source>Du har bara läsbehörighet på {server}; ändringar kan inte sparas.</source>
        <translation>You only have read permission on {server}; changes cannot be saved.</translation>
    </message>
    <message>
        <source>Du har ingen behörighet till {server}; be IT ge ditt konto läs- eller skrivrätt (uppdrag server grant).</source>
        <translation>You have no permission on {server}; ask IT to give your account read or write permission (uppdrag server grant).</translation>
    </message>
    <message>
        <source>Ej sparad till {share} – försöker igen</source>
        <translation>Not saved to {share} – trying again</translation>
    </message>
    <message>
        <source>Ej sparad till {share} – försöker igen ({why})</source>
        <translation>Not saved to {share} – trying again ({why})</translation>
    </message>
    <message>
        <source>Ej sparad till {share}: filen redigeras nu av {holder}. Dina ändringar finns kvar i arbetskopian och skrivs tillbaka när låset är ledigt.</source>
        <translation>Not saved to {share}: the file is now being edited by {holder}. Your changes remain in the working copy and are written back when the lock is free.</translation>
    </message>
    <message>
        <source>En person kan inte slås ihop med sig själv.</source>
        <translation>A person cannot be merged with themselves.</translation>
    </message>
    <message>
        <source>Ett filnamn öppnas bara om filen finns eller slutar på .uppdrag. Mer: uppdrag --help</source>
        <translation>A file name is opened only if the file exists or ends in .uppdrag. More: uppdrag --help</translation>
    </message>
    <message>
        <source>Ett årsskifte är mellan två år som följer på varandra, till exempel årsskiftet {first}/{second}.</source>
        <translation>A turn of the year is between two years that follow each other, for example the turn of the year {first}/{second}.</translation>
    </message>
    <message>
        <source>FIL</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Fil: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Filen används av ett annat program som skriver i den. Försök igen om en stund.</source>
        <translation>The file is in use by another program that is writing to it. Try again in a while.</translation>
    </message>
    <message>
        <source>Filen innehåller inga planer.</source>
        <translation>The file holds no plans.</translation>
    </message>
    <message>
        <source>Filen innehåller text som inte är giltig UTF-8 (den är skadad eller ändrad av ett annat program) och kan inte läsas. Filen har inte ändrats. Använd en säkerhetskopia.</source>
        <translation>The file contains text that is not valid UTF-8 (it is damaged or changed by another program) and cannot be read. The file has not been changed. Use a backup.</translation>
    </message>
    <message>
        <source>Filen kan inte skrivas här (den eller mappen är skrivskyddad). Spara en kopia i en skrivbar mapp.</source>
        <translation>The file cannot be written here (it or its folder is read-only). Save a copy in a writable folder.</translation>
    </message>
    <message>
        <source>Filen på nätverksenheten hade ändrats; ändringarna är sammanfogade med dina.</source>
        <translation>The file on the network drive had changed; the changes are merged with yours.</translation>
    </message>
    <message>
        <source>Filen redigeras av {holder}; du ser det senast sparade läget (uppdaterat {when}).</source>
        <translation>The file is being edited by {holder}; you see what was last saved (updated {when}).</translation>
    </message>
    <message>
        <source>Filen redigeras redan av {holder}.</source>
        <translation>The file is already being edited by {holder}.</translation>
    </message>
    <message>
        <source>Filen som skrevs till ”{share}” blev inte lika med arbetskopian.</source>
        <translation>The file written to “{share}” did not come out equal to the working copy.</translation>
    </message>
    <message>
        <source>Filen är skadad och kan inte läsas. Använd en säkerhetskopia.</source>
        <translation>The file is damaged and cannot be read. Use a backup.</translation>
    </message>
    <message>
        <source>Filen är öppnad skrivskyddad; du ser det senast sparade läget (uppdaterat {when}).</source>
        <translation>The file is opened read-only; you see what was last saved (updated {when}).</translation>
    </message>
    <message>
        <source>Filen ”{name}” (Excel-arbetsbok)</source>
        <translation>The file “{name}” (Excel workbook)</translation>
    </message>
    <message>
        <source>Filen ”{name}” höll på att skrivas när ett program stoppades, men kopior av filen och journalen kunde inte sparas i ”{folder}” ({why}) innan den återställs. Ingenting har ändrats. Frigör utrymme och försök igen.</source>
        <translation>The file “{name}” was being written when a program stopped, but copies of the file and its journal could not be saved in “{folder}” ({why}) before restoring it. Nothing has been changed. Free some space and try again.</translation>
    </message>
    <message>
        <source>Filen ”{name}” på nätverksenheten kunde inte läsas hel ({why}). Försök igen om en stund.</source>
        <translation>The file “{name}” on the network drive could not be read whole ({why}). Try again in a while.</translation>
    </message>
    <message>
        <source>Filen ”{name}” är inte utcheckad från en server; använd ”uppdrag checkout” först.</source>
        <translation>The file “{name}” is not checked out from a server; use “uppdrag checkout” first.</translation>
    </message>
    <message>
        <source>Flera personer heter ”{name}” (id {ids}); ange personens id.</source>
        <translation>Several people are called “{name}” (id {ids}); give the person&apos;s id.</translation>
    </message>
    <message>
        <source>Frysta utgåvor: {count} (får en anteckning om att personuppgifter tagits bort)</source>
        <translation>Frozen editions: {count} (get a note that personal data has been removed)</translation>
    </message>
    <message>
        <source>Förbindelsen med {server} bröts och ändringen sparades inte; försök igen när servern svarar (inget har skrivits till hälften).</source>
        <translation>The connection to {server} was lost and the change was not saved; try again when the server answers (nothing has been half written).</translation>
    </message>
    <message>
        <source>Förhandsgranskning: inget har ändrats.</source>
        <translation>Preview: nothing has been changed.</translation>
    </message>
    <message>
        <source>Gränserna måste uppfylla 1 &lt; gul ≤ röd ≤ {top} (fick gul {yellow}, röd {red}).</source>
        <translation>The limits must satisfy 1 &lt; yellow ≤ red ≤ {top} (got yellow {yellow}, red {red}).</translation>
    </message>
    <message>
        <source>Historik: har versioner äldre än ett år; rensa dem med ”uppdrag server prune” (gärna varje natt, se docs/team-mode.md).</source>
        <translation>History: has versions older than a year; prune them with “uppdrag server prune” (nightly, say; see docs/team-mode.md).</translation>
    </message>
    <message>
        <source>Hittar ingen person eller text ”{text}” i filen.</source>
        <translation>Found no person or text “{text}” in the file.</translation>
    </message>
    <message>
        <source>Hittar ingen plan ”{ref}” på servern.</source>
        <translation>Found no plan “{ref}” on the server.</translation>
    </message>
    <message>
        <source>Hittar inte personen (id {id}).</source>
        <translation>Cannot find the person (id {id}).</translation>
    </message>
    <message>
        <source>Hittar inte utgåvan (id {id}).</source>
        <translation>Cannot find the edition (id {id}).</translation>
    </message>
    <message>
        <source>Hittar inte {part} (id {id}).</source>
        <translation>Cannot find {part} (id {id}).</translation>
    </message>
    <message>
        <source>Hämtade</source>
        <translation>Fetched</translation>
    </message>
    <message>
        <source>INFIL</source>
        <translation>INFILE</translation>
    </message>
    <message>
        <source>Id ”{text}” är ingen uuid</source>
        <translation>Id “{text}” is not a uuid</translation>
    </message>
    <message>
        <source>Identitet: Uppdrag-databas på PostgreSQL {version}</source>
        <translation>Identity: Uppdrag database on PostgreSQL {version}</translation>
    </message>
    <message>
        <source>Identitet: Uppdrag-fil (application_id {id})</source>
        <translation>Identity: Uppdrag file (application_id {id})</translation>
    </message>
    <message>
        <source>Importerade plan {plan} från {name}.</source>
        <translation>Imported plan {plan} from {name}.</translation>
    </message>
    <message>
        <source>Inga ändringar.</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <source>Ingen har någon bokning med andel av tjänst i perioden.</source>
        <translation>Nobody has a booking with a share of a full-time post in the period.</translation>
    </message>
    <message>
        <source>Inloggningen på {server} misslyckades: kontrollera användarnamn och lösenord (eller .pgpass) och försök igen.</source>
        <translation>Logging in to {server} failed: check the user name and password (or .pgpass) and try again.</translation>
    </message>
    <message>
        <source>Integritet: FEL</source>
        <translation>Integrity: ERROR</translation>
    </message>
    <message>
        <source>Integritet: ok</source>
        <translation>Integrity: ok</translation>
    </message>
    <message>
        <source>KOMMANDO</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>KOPIA</source>
        <translation>BACKUP</translation>
    </message>
    <message>
        <source>Kan inte skriva i ”{folder}”: {why}.</source>
        <translation>Cannot write in “{folder}”: {why}.</translation>
    </message>
    <message>
        <source>Kommandon: {commands}.</source>
        <translation>Commands: {commands}.</translation>
    </message>
    <message>
        <source>Konflikter: {count}</source>
        <translation>Conflicts: {count}</translation>
    </message>
    <message>
        <source>Kontot i adressen får inte dela ut behörigheter på {server} ({why}); kör kommandot som databasens ägare.</source>
        <translation>The account in the address may not grant permissions on {server} ({why}); run the command as the database&apos;s owner.</translation>
    </message>
    <message>
        <source>Kontot i adressen får inte sätta upp {server} ({why}); kör kommandot som databasens ägare med rätt att skapa roller (CREATEROLE).</source>
        <translation>The account in the address may not set up {server} ({why}); run the command as the database&apos;s owner with the right to create roles (CREATEROLE).</translation>
    </message>
    <message>
        <source>Kontroll före diarieföring: en registrator skulle skicka tillbaka dokumentet för</source>
        <translation>Check before registration: a registrar would send the document back for</translation>
    </message>
    <message>
        <source>Kontroll före diarieföring: inget att anmärka.</source>
        <translation>Check before registration: nothing to remark.</translation>
    </message>
    <message>
        <source>Kopian av ”{name}” blev inte hel ({why}).</source>
        <translation>The copy of “{name}” did not come out whole ({why}).</translation>
    </message>
    <message>
        <source>Kopian kunde inte skrivas i mappen ”{folder}”: {why}. Välj en annan mapp.</source>
        <translation>The copy could not be written in the folder “{folder}”: {why}. Choose another folder.</translation>
    </message>
    <message>
        <source>Kopian kunde inte skrivas: {why}.</source>
        <translation>The copy could not be written: {why}.</translation>
    </message>
    <message>
        <source>Kopian som skrevs till ”{share}” blev inte lika med arbetskopian.</source>
        <translation>The copy written to “{share}” did not come out equal to the working copy.</translation>
    </message>
    <message>
        <source>Kopian som skulle skrivas till ”{share}” har fel identitet.</source>
        <translation>The copy to be written to “{share}” has the wrong identity.</translation>
    </message>
    <message>
        <source>Kopian ”{name}” kunde inte skrivas: {why}.</source>
        <translation>The copy “{name}” could not be written: {why}.</translation>
    </message>
    <message>
        <source>Kritisk</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Kritisk (ingen slack)</source>
        <translation>Critical (no slack)</translation>
    </message>
    <message>
        <source>Kritisk ({days} dagar sen)</source>
        <translation>Critical ({days} days late)</translation>
    </message>
    <message>
        <source>Läggs till</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Läste {name} in i plan {plan}:</source>
        <translation>Read {name} into plan {plan}:</translation>
    </message>
    <message>
        <source>Låset på ”{share}” kan inte läsas: {why}.</source>
        <translation>The lock on “{share}” cannot be read: {why}.</translation>
    </message>
    <message>
        <source>Låsfilen kunde inte skrivas på nätverksenheten ({error}), så ingen annan skulle se att du redigerar. Filen är öppnad skrivskyddad.</source>
        <translation>The lock file could not be written on the network drive ({error}), so nobody else would see that you are editing. The file is opened read-only.</translation>
    </message>
    <message>
        <source>Låsfilen kunde inte skrivas på nätverksenheten ({error}); filen återställs inte.</source>
        <translation>The lock file could not be written on the network drive ({error}); the file is not restored.</translation>
    </message>
    <message>
        <source>Låsfilen kunde inte skrivas på nätverksenheten ({error}); ”{name}” skrivs inte.</source>
        <translation>The lock file could not be written on the network drive ({error}); “{name}” is not written.</translation>
    </message>
    <message>
        <source>Mallen {name} kunde inte läsas som ett Word-dokument (.docx eller .dotx). Öppna den i Word och spara den som .docx, eller välj en annan mall. ({error})</source>
        <translation>The template {name} could not be read as a Word document (.docx or .dotx). Open it in Word and save it as .docx, or choose another template. ({error})</translation>
    </message>
    <message>
        <source>Mallen {name} är skadad och kunde inte användas ({error}). Välj en annan mall.</source>
        <translation>The template {name} is damaged and could not be used ({error}). Choose another template.</translation>
    </message>
    <message>
        <source>Mallen {path} finns inte. Välj en annan Word-fil som mall.</source>
        <translation>The template {path} does not exist. Choose another Word file as the template.</translation>
    </message>
    <message>
        <source>Mallen ”{name}” är större än 20 MB.</source>
        <translation>The template “{name}” is larger than 20 MB.</translation>
    </message>
    <message>
        <source>Mappen ”{folder}” är skrivskyddad, så ändringar kan inte sparas säkert där. Spara en kopia i en skrivbar mapp för att kunna ändra.</source>
        <translation>The folder “{folder}” is read-only, so changes cannot be saved safely there. Save a copy in a writable folder to be able to make changes.</translation>
    </message>
    <message>
        <source>Mappen ”{parent}” finns inte eller kan inte nås just nu.</source>
        <translation>The folder “{parent}” does not exist or cannot be reached just now.</translation>
    </message>
    <message>
        <source>Mappen ”{parent}” finns inte.</source>
        <translation>The folder “{parent}” does not exist.</translation>
    </message>
    <message>
        <source>Måltexten</source>
        <translation>The goal&apos;s text</translation>
    </message>
    <message>
        <source>Måltypen</source>
        <translation>The goal type</translation>
    </message>
    <message>
        <source>NAMN</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Namnet</source>
        <translation>The name</translation>
    </message>
    <message>
        <source>Nya {part}: {n}</source>
        <translation>New {part}: {n}</translation>
    </message>
    <message>
        <source>Någon ändrade på {server} medan ändringarna skrevs dit; inget av dem har sparats. Försök igen.</source>
        <translation>Someone changed {server} while the changes were being written there; none of them has been saved. Try again.</translation>
    </message>
    <message>
        <source>Också borttagna ur {count} säkerhetskopior och ångra-kopior.</source>
        <translation>Also removed from {count} backups and undo copies.</translation>
    </message>
    <message>
        <source>Ogiltig dag: {day}. Dagen måste vara mellan 1 och 31.</source>
        <translation>Invalid day: {day}. The day must be between 1 and 31.</translation>
    </message>
    <message>
        <source>Ogiltig månad: {month}. Månaden måste vara mellan 1 och 12.</source>
        <translation>Invalid month: {month}. The month must be between 1 and 12.</translation>
    </message>
    <message>
        <source>Ogiltig vecka: v. {week}. År {year} har veckorna 1–{weeks}.</source>
        <translation>Invalid week: wk {week}. The year {year} has weeks 1–{weeks}.</translation>
    </message>
    <message>
        <source>Ogiltigt datum: {month} {year} har inte {day} dagar, bara {days}.</source>
        <translation>Invalid date: {month} {year} does not have {day} days, only {days}.</translation>
    </message>
    <message>
        <source>Ogiltigt halvår: {n}. Det måste vara mellan 1 och {most}, till exempel {example}.</source>
        <translation>Invalid half-year: {n}. It must be between 1 and {most}, for example {example}.</translation>
    </message>
    <message>
        <source>Ogiltigt kvartal: Q{q}. Kvartalet måste vara mellan 1 och 4, till exempel Q3 2025.</source>
        <translation>Invalid quarter: Q{q}. The quarter must be between 1 and 4, for example Q3 2025.</translation>
    </message>
    <message>
        <source>Ogiltigt tertial: {n}. Det måste vara mellan 1 och {most}, till exempel {example}.</source>
        <translation>Invalid tertial: {n}. It must be between 1 and {most}, for example {example}.</translation>
    </message>
    <message>
        <source>Okända fält för {part}: {fields}</source>
        <translation>Unknown fields for {part}: {fields}</translation>
    </message>
    <message>
        <source>Okänt filformat ”{suffix}”; använd någon av {known}.</source>
        <translation>Unknown file format “{suffix}”; use one of {known}.</translation>
    </message>
    <message>
        <source>Okänt innehåll i avsnittet: ”{content}”.</source>
        <translation>Unknown content in the section: “{content}”.</translation>
    </message>
    <message>
        <source>PDF kan inte skapas eftersom LibreOffice inte är installerat. Installera LibreOffice (gratis, libreoffice.org) och försök igen, eller exportera till Word och spara som PDF där.</source>
        <translation>A PDF cannot be made because LibreOffice is not installed. Install LibreOffice (free, libreoffice.org) and try again, or export to Word and save as PDF there.</translation>
    </message>
    <message>
        <source>PERIOD</source>
        <translation>PERIOD</translation>
    </message>
    <message>
        <source>PERSON</source>
        <translation>PERSON</translation>
    </message>
    <message>
        <source>PLAN</source>
        <translation>PLAN</translation>
    </message>
    <message>
        <source>Perioden ”{text}” förstås inte; skriv ett år (2026) eller ett tertial (2026 T2).</source>
        <translation>The period “{text}” is not understood; write a year (2026) or a tertial (2026 T2).</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Personen (id {id}) har ingen bokning i perioden.</source>
        <translation>The person (id {id}) has no booking in the period.</translation>
    </message>
    <message>
        <source>Personen fanns inte i personregistret.</source>
        <translation>The person was not in the register of people.</translation>
    </message>
    <message>
        <source>Personen heter nu ”{label}”.</source>
        <translation>The person is now called “{label}”.</translation>
    </message>
    <message>
        <source>Personuppgifter tas bort i en fil; på en teamserver gör serverns administratör det.</source>
        <translation>Personal data is removed in a file; on a team server the server&apos;s administrator does it.</translation>
    </message>
    <message>
        <source>Personuppgifterna är borttagna ur {file} ({cells} textfält skrivna om, filen omskriven så att inga gamla sidor finns kvar). {who} Det går inte att ångra.</source>
        <translation>The personal data is removed from {file} ({cells} text fields rewritten, the file rewritten so that no old pages remain). {who} This cannot be undone.</translation>
    </message>
    <message>
        <source>Planen har ingen fryst utgåva att jämföra med. Frys en utgåva först (Redigera → Frys utgåva…).</source>
        <translation>The plan has no frozen edition to compare with. Freeze an edition first (Edit → Freeze edition…).</translation>
    </message>
    <message>
        <source>Planen har ingen utgåva {label} (frysta utgåvor: {there}).</source>
        <translation>The plan has no edition {label} (frozen editions: {there}).</translation>
    </message>
    <message>
        <source>Planen har inget avsnitt för beslutet; beslutet skrevs sist i dokumentet. Lägg till avsnittet Beslut för att välja var det står.</source>
        <translation>The plan has no section for the decision; the decision was written at the end of the document. Add the Decision section to choose where it goes.</translation>
    </message>
    <message>
        <source>Planen kan inte importeras:</source>
        <translation>The plan cannot be imported:</translation>
    </message>
    <message>
        <source>Planen kan inte importeras: riskerna bedöms på skalan 1–{scale} i den här filen.</source>
        <translation>The plan cannot be imported: risks are scored on the scale 1–{scale} in this file.</translation>
    </message>
    <message>
        <source>Planen är sparad i en nyare formatversion ({version}) än den här versionen av Uppdrag kan läsa ({readable}). Uppdatera Uppdrag.</source>
        <translation>The plan is saved in a newer format version ({version}) than this version of Uppdrag can read ({readable}). Update Uppdrag.</translation>
    </message>
    <message>
        <source>Planen ”{plan}” kan inte importeras: {what} ”{label}” i filen hör redan till en annan plan här, ”{other}”{more}, och en rad kan bara höra till en plan. Inget har ändrats. Ta bort de raderna ur filen och importera igen, eller exportera planen på nytt från den fil eller server den kommer från.</source>
        <translation>The plan “{plan}” cannot be imported: {what} “{label}” in the file already belongs to another plan here, “{other}”{more}, and a row can belong to one plan only. Nothing was changed. Remove those rows from the file and import again, or export the plan anew from the file or server it comes from.</translation>
    </message>
    <message>
        <source>Planen ”{title}” fanns redan i filen: dess tidplan och resursplan ersattes, resten av planen är orörd.</source>
        <translation>The plan “{title}” was already in the file: its schedule and resource plan were replaced, the rest of the plan is untouched.</translation>
    </message>
    <message>
        <source>Planen ”{title}” får du inte längre ändra på servern: dina ändringar i den finns kvar i filen men skickades inte. Be planens ägare om behörighet och synkronisera igen.</source>
        <translation>You may no longer change the plan “{title}” on the server: your changes to it remain in the file but were not sent. Ask the plan&apos;s owner for permission and synchronise again.</translation>
    </message>
    <message>
        <source>Planen ”{title}”, {field}</source>
        <translation>The plan “{title}”, {field}</translation>
    </message>
    <message>
        <source>Portföljrapporten skrivs som .xlsx, .docx eller .pdf, inte ”{suffix}”.</source>
        <translation>The portfolio report is written as .xlsx, .docx or .pdf, not “{suffix}”.</translation>
    </message>
    <message>
        <source>Posten som beroendet gäller finns inte längre i tidplanen.</source>
        <translation>The item the dependency concerns is no longer in the schedule.</translation>
    </message>
    <message>
        <source>Prognosen</source>
        <translation>The forecast</translation>
    </message>
    <message>
        <source>Projektkalendern lästes inte in: Uppdrag räknar med svenska arbetsdagar och filens egna stängda dagar.</source>
        <translation>The project calendar was not imported: Uppdrag counts Swedish working days and the file&apos;s own closed days.</translation>
    </message>
    <message>
        <source>Rader (levande/borttagna):</source>
        <translation>Rows (live/deleted):</translation>
    </message>
    <message>
        <source>Rapporteringsintervallet från den andra filen: {value} dagar</source>
        <translation>The reporting interval from the other file: {value} days</translation>
    </message>
    <message>
        <source>Rapporteringsintervallet ska vara mellan 1 dag och 52 veckor.</source>
        <translation>The reporting interval must be between 1 day and 52 weeks.</translation>
    </message>
    <message>
        <source>Rapporteringsintervallet skiljer sig i ”{peer}”; den här filens behölls.</source>
        <translation>The reporting interval differs in “{peer}”; this file&apos;s was kept.</translation>
    </message>
    <message>
        <source>Rapporteringsintervallet ”{text}” går inte att använda; skriv ett antal dagar eller veckor mellan 1 dag och 52 veckor, till exempel 30 dagar eller 4 veckor.</source>
        <translation>The reporting interval “{text}” cannot be used; write a number of days or weeks between 1 day and 52 weeks, for example 30 days or 4 weeks.</translation>
    </message>
    <message>
        <source>Referensen</source>
        <translation>The reference</translation>
    </message>
    <message>
        <source>Rensade historiken: {cleared} gamla versioners innehåll och {dropped} versioner som ingen rad längre har.</source>
        <translation>Pruned the history: the content of {cleared} old versions and {dropped} versions no row holds any more.</translation>
    </message>
    <message>
        <source>Resursplanen har ungefärliga perioder (som ”Q3 2025”, {count} st.). MS Project har bara dagar: perioderna skrivs som sin första och sista arbetsdag och läses tillbaka som exakta datum.</source>
        <translation>The resource plan has approximate periods (such as “Q3 2025”, {count} of them). MS Project has days only: the periods are written as their first and last working day and read back as exact dates.</translation>
    </message>
    <message>
        <source>Risken</source>
        <translation>The risk</translation>
    </message>
    <message>
        <source>Risken ”{title}” har sannolikhet eller konsekvens utanför skalan 1–{scale}.</source>
        <translation>The risk “{title}” has a probability or impact outside the scale 1–{scale}.</translation>
    </message>
    <message>
        <source>Risknivåerna skiljer sig i ”{peer}”; den här filens behölls.</source>
        <translation>The risk levels differ in “{peer}”; this file’s were kept.</translation>
    </message>
    <message>
        <source>Riskskalan skiljer sig i ”{peer}”; den här filens behölls.</source>
        <translation>The risk scale differs in “{peer}”; this file’s was kept.</translation>
    </message>
    <message>
        <source>Rollen</source>
        <translation>The role</translation>
    </message>
    <message>
        <source>Rollen ”{role}” finns inte; välj {roles}.</source>
        <translation>The role “{role}” does not exist; choose {roles}.</translation>
    </message>
    <message>
        <source>Rubriken</source>
        <translation>The heading</translation>
    </message>
    <message>
        <source>Rubriknivån måste vara 1 eller 2.</source>
        <translation>The heading level must be 1 or 2.</translation>
    </message>
    <message>
        <source>SPRÅK</source>
        <translation>LANGUAGE</translation>
    </message>
    <message>
        <source>Sammanslagning med ”{peer}”:</source>
        <translation>Merge with “{peer}”:</translation>
    </message>
    <message>
        <source>Sannolikheten</source>
        <translation>The probability</translation>
    </message>
    <message>
        <source>Schemaversion: {version}</source>
        <translation>Schema version: {version}</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message>
        <source>Servern {host} nås bara krypterat med kontrollerat certifikat: ta bort sslmode={mode} ur adressen (eller ange sslmode=verify-full och sslrootcert=CA-fil).</source>
        <translation>The server {host} is reached only encrypted with a verified certificate: remove sslmode={mode} from the address (or give sslmode=verify-full and sslrootcert=CA file).</translation>
    </message>
    <message>
        <source>Servern {server} nåddes utan kryptering; Uppdrag ansluter inte så.</source>
        <translation>The server {server} was reached without encryption; Uppdrag does not connect that way.</translation>
    </message>
    <message>
        <source>Servern {server} svarar inte; kontrollera nätverket och adressen, eller be IT se efter att databasservern är igång.</source>
        <translation>The server {server} does not answer; check the network and the address, or ask IT to see that the database server is running.</translation>
    </message>
    <message>
        <source>Servern {server} vill ha ett lösenord; lägg det i .pgpass eller skriv det när Uppdrag frågar.</source>
        <translation>The server {server} wants a password; put it in .pgpass or type it when Uppdrag asks.</translation>
    </message>
    <message>
        <source>Servern ”{host}” finns inte; kontrollera adressen.</source>
        <translation>The server “{host}” does not exist; check the address.</translation>
    </message>
    <message>
        <source>Serverns certifikat för {server} kunde inte kontrolleras; be IT om rätt CA-fil och ange den som sslrootcert= i adressen.</source>
        <translation>The server certificate for {server} could not be verified; ask IT for the right CA file and give it as sslrootcert= in the address.</translation>
    </message>
    <message>
        <source>Serverns certifikat gäller inte för {host} utan för ett annat namn; skriv serverns namn i adressen så som det står i certifikatet, eller be IT om rätt adress.</source>
        <translation>The server&apos;s certificate is not for {host} but for another name; write the server&apos;s name in the address as it stands in the certificate, or ask IT for the right address.</translation>
    </message>
    <message>
        <source>Skalan måste vara 4 eller 5 (fick {scale}).</source>
        <translation>The scale must be 4 or 5 (got {scale}).</translation>
    </message>
    <message>
        <source>Skapade Uppdrags tabeller (schemaversion {version}), roller och regler</source>
        <translation>Created Uppdrag&apos;s tables (schema version {version}), roles and rules</translation>
    </message>
    <message>
        <source>Skapade {file} med {count} exempelplaner.</source>
        <translation>Created {file} with {count} example plans.</translation>
    </message>
    <message>
        <source>Skapade {file}.</source>
        <translation>Created {file}.</translation>
    </message>
    <message>
        <source>Skickade</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Skickade {name} till servern ({counts}).</source>
        <translation>Sent {name} to the server ({counts}).</translation>
    </message>
    <message>
        <source>Skrev en kopia av {name} till {out}.</source>
        <translation>Wrote a copy of {name} to {out}.</translation>
    </message>
    <message>
        <source>Skrev planen till {out}.</source>
        <translation>Wrote the plan to {out}.</translation>
    </message>
    <message>
        <source>Skrev {count} planer till {out}; synkronisera med ”uppdrag sync {out}”.</source>
        <translation>Wrote {count} plans to {out}; synchronise with “uppdrag sync {out}”.</translation>
    </message>
    <message>
        <source>Skrev {path}.</source>
        <translation>Wrote {path}.</translation>
    </message>
    <message>
        <source>Slack: 1 dag</source>
        <translation>Slack: 1 day</translation>
    </message>
    <message>
        <source>Slack: {days} dagar</source>
        <translation>Slack: {days} days</translation>
    </message>
    <message>
        <source>Slutdatum {end} ligger före startdatum {start}. Ändra ordningen eller rätta något av datumen.</source>
        <translation>The end {end} lies before the start {start}. Swap them or correct one of the dates.</translation>
    </message>
    <message>
        <source>Slutdatumet</source>
        <translation>The end date</translation>
    </message>
    <message>
        <source>Slutdatumet ligger före startdatumet.</source>
        <translation>The end date lies before the start date.</translation>
    </message>
    <message>
        <source>Slutmånaden ligger före startmånaden.</source>
        <translation>The last month lies before the first month.</translation>
    </message>
    <message>
        <source>Sparar till {share} …</source>
        <translation>Saving to {share} …</translation>
    </message>
    <message>
        <source>Sparar till {share} … (kontrollerar kopian)</source>
        <translation>Saving to {share} … (checking the copy)</translation>
    </message>
    <message>
        <source>Starta Uppdrag.</source>
        <translation>Start Uppdrag.</translation>
    </message>
    <message>
        <source>Startdatumet</source>
        <translation>The start date</translation>
    </message>
    <message>
        <source>Statusen</source>
        <translation>The status</translation>
    </message>
    <message>
        <source>Styrmodell: {name}</source>
        <translation>Steering model: {name}</translation>
    </message>
    <message>
        <source>Styrmodellen i ”{origin}”</source>
        <translation>The steering model in “{origin}”</translation>
    </message>
    <message>
        <source>Styrmodellen i ”{origin}” går inte att läsa: fel i TOML-formatet{where}.</source>
        <translation>The steering model in “{origin}” cannot be read: error in the TOML format{where}.</translation>
    </message>
    <message>
        <source>Styrmodellen ”{key}” ser olika ut i filerna; den här filens behölls.</source>
        <translation>The governance model “{key}” differs between the files; this file’s was kept.</translation>
    </message>
    <message>
        <source>Styrmodeller från den andra filen: {n}</source>
        <translation>Governance models from the other file: {n}</translation>
    </message>
    <message>
        <source>Stängda perioder från den andra filen: {n}</source>
        <translation>Closed periods from the other file: {n}</translation>
    </message>
    <message>
        <source>Summeringen</source>
        <translation>The summing rule</translation>
    </message>
    <message>
        <source>Svaret ”{answer}” finns inte; välj Ja, Nej eller Ej aktuellt.</source>
        <translation>The answer “{answer}” does not exist; choose Yes, No or Not applicable.</translation>
    </message>
    <message>
        <source>Synkronisering med {server}:</source>
        <translation>Synchronisation with {server}:</translation>
    </message>
    <message>
        <source>Säkerhetskopian av ”{name}” kunde inte verifieras ({why}).</source>
        <translation>The backup of “{name}” could not be verified ({why}).</translation>
    </message>
    <message>
        <source>Tas bort</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Tertialen måste vara 1, 2 eller 3 (fick {value}).</source>
        <translation>The four-month period must be 1, 2 or 3 (got {value}).</translation>
    </message>
    <message>
        <source>Texten</source>
        <translation>The text</translation>
    </message>
    <message>
        <source>Texten ”{text}” är för lång för att vara ett datum eller en period.</source>
        <translation>The text “{text}” is too long to be a date or a period.</translation>
    </message>
    <message>
        <source>Tidplanens post ”{name}” har slutdatumet ”{date}”, som inte kan placeras på tidslinjen.</source>
        <translation>The schedule item “{name}” has the end date “{date}”, which cannot be placed on the timeline.</translation>
    </message>
    <message>
        <source>Tidplanens post ”{name}” har startdatumet ”{date}”, som inte kan placeras på tidslinjen.</source>
        <translation>The schedule item “{name}” has the start date “{date}”, which cannot be placed on the timeline.</translation>
    </message>
    <message>
        <source>Titeln</source>
        <translation>The title</translation>
    </message>
    <message>
        <source>Tjänsten ”{service}” finns inte i någon pg_service.conf; be IT om rätt adress.</source>
        <translation>The service “{service}” is not in any pg_service.conf; ask IT for the right address.</translation>
    </message>
    <message>
        <source>Tog säkerhetskopian {backup}.</source>
        <translation>Took the backup {backup}.</translation>
    </message>
    <message>
        <source>Trenden</source>
        <translation>The trend</translation>
    </message>
    <message>
        <source>Två styrmodeller har nyckeln ”{key}” ({name}).</source>
        <translation>Two steering models have the key “{key}” ({name}).</translation>
    </message>
    <message>
        <source>Typen</source>
        <translation>The type</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>UT</source>
        <translation>OUT</translation>
    </message>
    <message>
        <source>UTGÅVA</source>
        <translation>EDITION</translation>
    </message>
    <message>
        <source>Uppdaterade plan {plan} från {name}.</source>
        <translation>Updated plan {plan} from {name}.</translation>
    </message>
    <message>
        <source>Uppdrag har ingen plats för {what}; de lästes inte in ({count} uppgifter).</source>
        <translation>Uppdrag has no place for {what}; they were not imported ({count} tasks).</translation>
    </message>
    <message>
        <source>Uppdrag kunde inte ansluta till {server} ({why}); kontrollera adressen.</source>
        <translation>Uppdrag could not connect to {server} ({why}); check the address.</translation>
    </message>
    <message>
        <source>Uppdrag: uppdragsdirektiv, uppdragsplaner, projektdirektiv och projektplaner.</source>
        <translation>Uppdrag: assignment directives, assignment plans, project directives and project plans.</translation>
    </message>
    <message>
        <source>Uppgift utan namn ({uid})</source>
        <translation>Unnamed task ({uid})</translation>
    </message>
    <message>
        <source>Uppgifter som saknade namn heter nu ”Uppgift utan namn” och sitt nummer i filen (UID {uids}).</source>
        <translation>Tasks without a name are now called “Uppgift utan namn” with their number in the file (UID {uids}).</translation>
    </message>
    <message>
        <source>Uppgraderade databasen från schemaversion {old} till {version}</source>
        <translation>Upgraded the database from schema version {old} to {version}</translation>
    </message>
    <message>
        <source>Utfallet</source>
        <translation>The outcome</translation>
    </message>
    <message>
        <source>Utgåva {label} finns redan för planen.</source>
        <translation>Edition {label} already exists for the plan.</translation>
    </message>
    <message>
        <source>Utgåva {label} är inte högre än den senaste ({latest}).</source>
        <translation>Edition {label} is not higher than the latest ({latest}).</translation>
    </message>
    <message>
        <source>Utgåvan finns inte längre för planen; välj en annan.</source>
        <translation>The edition no longer exists for the plan; choose another.</translation>
    </message>
    <message>
        <source>Utgåvan ska skrivas som 0.1, 0.2 eller 1.0, inte ”{label}”.</source>
        <translation>The edition is written as 0.1, 0.2 or 1.0, not “{label}”.</translation>
    </message>
    <message>
        <source>Utgåvans beteckning</source>
        <translation>The edition&apos;s label</translation>
    </message>
    <message>
        <source>Valda beslutade utgåvor från den andra filen: {n}</source>
        <translation>Chosen decided editions from the other file: {n}</translation>
    </message>
    <message>
        <source>Varning: {warning}</source>
        <translation>Warning: {warning}</translation>
    </message>
    <message>
        <source>Vänta tills filen har stängts och försök igen.</source>
        <translation>Wait until the file has been closed and try again.</translation>
    </message>
    <message>
        <source>Word/PDF: bilagan ”Ändringar sedan utgåva UTGÅVA”</source>
        <translation>Word/PDF: the appendix “Ändringar sedan utgåva EDITION” (changes since the edition)</translation>
    </message>
    <message>
        <source>Word: beslutspunkternas besvarade checklistor som bilaga</source>
        <translation>Word: the decision points&apos; answered checklists as an appendix</translation>
    </message>
    <message>
        <source>[…]* = över 100 % av en tjänst ({count} personer).</source>
        <translation>[…]* = over 100 % of a full-time post ({count} people).</translation>
    </message>
    <message>
        <source>alla planer i filen i stället för en (.ics, .xlsx)</source>
        <translation>every plan in the file instead of one (.ics, .xlsx)</translation>
    </message>
    <message>
        <source>användning: </source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>argument</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>avsnitt</source>
        <translation>sections</translation>
    </message>
    <message>
        <source>baslinjer</source>
        <translation>baselines</translation>
    </message>
    <message>
        <source>begrepp</source>
        <translation>terms</translation>
    </message>
    <message>
        <source>benämningen saknas</source>
        <translation>the name is missing</translation>
    </message>
    <message>
        <source>beroenden</source>
        <translation>dependencies</translation>
    </message>
    <message>
        <source>borttagen här, ändrad på den andra sidan</source>
        <translation>deleted here, changed on the other side</translation>
    </message>
    <message>
        <source>borttagen i ”{peer}”, ändrad på den andra sidan</source>
        <translation>deleted in “{peer}”, changed on the other side</translation>
    </message>
    <message>
        <source>budget {amount}</source>
        <translation>budget {amount}</translation>
    </message>
    <message>
        <source>budgetrader</source>
        <translation>budget lines</translation>
    </message>
    <message>
        <source>databasanvändaren</source>
        <translation>the database user</translation>
    </message>
    <message>
        <source>databasfil (eller postgresql://-adress) att öppna</source>
        <translation>database file (or postgresql:// address) to open</translation>
    </message>
    <message>
        <source>databasfil eller teamserver att öppna</source>
        <translation>database file or team server to open</translation>
    </message>
    <message>
        <source>deadlines</source>
        <translation>deadlines</translation>
    </message>
    <message>
        <source>den andra filen</source>
        <translation>the other file</translation>
    </message>
    <message>
        <source>den har {count} uppgifter; Uppdrag läser högst {most}.</source>
        <translation>it has {count} tasks; Uppdrag reads at most {most}.</translation>
    </message>
    <message>
        <source>den här datorn</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>den här filens värde</source>
        <translation>this file’s value</translation>
    </message>
    <message>
        <source>den innehåller en DOCTYPE- eller ENTITY-deklaration, vilket MS Project-filer aldrig har (så ser XML-bomber och externa entiteter ut). Inget importerades.</source>
        <translation>it contains a DOCTYPE or ENTITY declaration, which MS Project files never have (that is what XML bombs and external entities look like). Nothing was imported.</translation>
    </message>
    <message>
        <source>den innehåller en DOCTYPE-deklaration. Inget importerades.</source>
        <translation>it contains a DOCTYPE declaration. Nothing was imported.</translation>
    </message>
    <message>
        <source>den innehåller en entitet som inte tillåts{where}.</source>
        <translation>it contains an entity that is not allowed{where}.</translation>
    </message>
    <message>
        <source>den nya filen (.uppdrag)</source>
        <translation>the new file (.uppdrag)</translation>
    </message>
    <message>
        <source>den tar slut mitt i{where}; filen verkar avkortad. Spara eller hämta den igen.</source>
        <translation>it ends in the middle{where}; the file seems truncated. Save or fetch it again.</translation>
    </message>
    <message>
        <source>den är inte giltig XML{where}: {message}</source>
        <translation>it is not valid XML{where}: {message}</translation>
    </message>
    <message>
        <source>den är större än {size} MB.</source>
        <translation>it is larger than {size} MB.</translation>
    </message>
    <message>
        <source>den är tom.</source>
        <translation>it is empty.</translation>
    </message>
    <message>
        <source>det är ingen MS Project-XML (MSPDI): rotelementet ska vara &lt;Project&gt; i namnrymden {ns}. Spara filen som ”XML-format” i MS Project.</source>
        <translation>it is not MS Project XML (MSPDI): the root element must be &lt;Project&gt; in the namespace {ns}. Save the file as “XML Format” in MS Project.</translation>
    </message>
    <message>
        <source>det är ingen XML-fil (en .mpp-fil från MS Project kan inte läsas direkt). Spara projektet som ”XML-format” i MS Project och välj den filen.</source>
        <translation>it is not an XML file (an .mpp file from MS Project cannot be read directly). Save the project as “XML Format” in MS Project and choose that file.</translation>
    </message>
    <message>
        <source>disken är full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>du saknar behörighet att skriva där</source>
        <translation>you do not have permission to write there</translation>
    </message>
    <message>
        <source>där mappen ska ligga finns redan en fil</source>
        <translation>there is already a file where the folder should be</translation>
    </message>
    <message>
        <source>editor (ändra) eller reader (läsa)</source>
        <translation>editor (change) or reader (read)</translation>
    </message>
    <message>
        <source>en cell har {n} tecken (högst {most})</source>
        <translation>a cell has {n} characters (at most {most})</translation>
    </message>
    <message>
        <source>en del av sökvägen är en fil, inte en mapp</source>
        <translation>part of the path is a file, not a folder</translation>
    </message>
    <message>
        <source>en kopia för att pröva återställningen kunde inte skrivas ({why})</source>
        <translation>a copy to try the restore on could not be written ({why})</translation>
    </message>
    <message>
        <source>en plan (id, uuid eller diarienummer); kan upprepas; utan: hela portföljen</source>
        <translation>a plan (id, uuid or registration number); may be repeated; without: the whole portfolio</translation>
    </message>
    <message>
        <source>en återställd kopia gick inte att läsa ({why})</source>
        <translation>a restored copy could not be read ({why})</translation>
    </message>
    <message>
        <source>enheten är skrivskyddad</source>
        <translation>the drive is read-only</translation>
    </message>
    <message>
        <source>ersätt UT om den finns</source>
        <translation>replace UT if it exists</translation>
    </message>
    <message>
        <source>ett år (2026) eller ett tertial (2026 T2)</source>
        <translation>a year (2026) or a tertial (2026 T2)</translation>
    </message>
    <message>
        <source>exportera en plan (.json, .docx, .pdf, .xlsx, .ics, .csv, .xml)</source>
        <translation>export a plan (.json, .docx, .pdf, .xlsx, .ics, .csv, .xml)</translation>
    </message>
    <message>
        <source>fel typ, väntade {expected}, fick {got}</source>
        <translation>wrong type, expected {expected}, got {got}</translation>
    </message>
    <message>
        <source>felaktig referens i tabell {table} (rad {row})</source>
        <translation>wrong reference in table {table} (row {row})</translation>
    </message>
    <message>
        <source>flaggor</source>
        <translation>options</translation>
    </message>
    <message>
        <source>flytta en fils planer (med historik) till servern</source>
        <translation>move a file&apos;s plans (with history) to the server</translation>
    </message>
    <message>
        <source>fält saknas: {field}</source>
        <translation>field missing: {field}</translation>
    </message>
    <message>
        <source>får inte vara tomt</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>fönstrets språk den här gången: sv eller en (annars det inställda)</source>
        <translation>the window&apos;s language this time: sv or en (otherwise the one set)</translation>
    </message>
    <message>
        <source>första månaden</source>
        <translation>the first month</translation>
    </message>
    <message>
        <source>ge en användare rätt att läsa eller ändra en plan</source>
        <translation>give a user the right to read or change a plan</translation>
    </message>
    <message>
        <source>hyperlänkar</source>
        <translation>hyperlinks</translation>
    </message>
    <message>
        <source>hämta planer och ändringar från en annan kopia av filen</source>
        <translation>bring in plans and changes from another copy of the file</translation>
    </message>
    <message>
        <source>importera en plan (.json, MS Project-XML .xml) eller en aktivitets- eller risklista (.csv, .xlsx)</source>
        <translation>import a plan (.json, MS Project XML .xml) or an activity or risk list (.csv, .xlsx)</translation>
    </message>
    <message>
        <source>inga</source>
        <translation>none</translation>
    </message>
    <message>
        <source>inget datum</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>inget nytt</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <source>inget ännu</source>
        <translation>nothing yet</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>journalen gäller en fil på {journal} sidor, filen har {file}</source>
        <translation>the journal is for a file of {journal} pages, the file has {file}</translation>
    </message>
    <message>
        <source>journalen gäller sidor på {journal} byte, filen har {file}</source>
        <translation>the journal is for pages of {journal} bytes, the file has {file}</translation>
    </message>
    <message>
        <source>journalen kommer från en annan version av filen (ändringsräknaren skiljer sig)</source>
        <translation>the journal comes from another version of the file (the change counter differs)</translation>
    </message>
    <message>
        <source>journalen kommer från en databas som inte är en Uppdrag-fil</source>
        <translation>the journal comes from a database that is not an Uppdrag file</translation>
    </message>
    <message>
        <source>journalens rubrik går inte att läsa</source>
        <translation>the journal&apos;s header cannot be read</translation>
    </message>
    <message>
        <source>journalens sparade filhuvud stämmer inte med journalen</source>
        <translation>the file header saved in the journal does not match the journal</translation>
    </message>
    <message>
        <source>kalender (.ics): aktiviteterna också, inte bara beslutspunkter och milstolpar</source>
        <translation>calendar (.ics): the activities too, not only decision points and milestones</translation>
    </message>
    <message>
        <source>kalenderprogrammet</source>
        <translation>the calendar program</translation>
    </message>
    <message>
        <source>kommandon</source>
        <translation>commands</translation>
    </message>
    <message>
        <source>kontrollera en fil</source>
        <translation>check a file</translation>
    </message>
    <message>
        <source>kopplingen till personen tas bort</source>
        <translation>the link to the person is removed</translation>
    </message>
    <message>
        <source>kostnader</source>
        <translation>costs</translation>
    </message>
    <message>
        <source>ledare</source>
        <translation>leader</translation>
    </message>
    <message>
        <source>lista (eller ta) säkerhetskopior av en fil</source>
        <translation>list (or take) backups of a file</translation>
    </message>
    <message>
        <source>lista det en registrator skulle skicka tillbaka (slutkod 1 om något listas)</source>
        <translation>list what a registrar would send back (exit code 1 if anything is listed)</translation>
    </message>
    <message>
        <source>lista planerna i en fil</source>
        <translation>list the plans in a file</translation>
    </message>
    <message>
        <source>loggposter</source>
        <translation>log entries</translation>
    </message>
    <message>
        <source>lägg till exempelplanerna</source>
        <translation>add the example plans</translation>
    </message>
    <message>
        <source>läsare</source>
        <translation>reader</translation>
    </message>
    <message>
        <source>läser</source>
        <translation>reads</translation>
    </message>
    <message>
        <source>läser och skriver</source>
        <translation>reads and writes</translation>
    </message>
    <message>
        <source>mappen finns inte (en nätverksenhet eller ett USB-minne kan saknas)</source>
        <translation>the folder does not exist (a network drive or a USB stick may be missing)</translation>
    </message>
    <message>
        <source>mål</source>
        <translation>goals</translation>
    </message>
    <message>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <source>nu</source>
        <translation>now</translation>
    </message>
    <message>
        <source>okänd</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>okänt fel</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <source>okänt fält: </source>
        <translation>unknown field: </translation>
    </message>
    <message>
        <source>oläsbar</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>operativsystemet nekade att skriva där</source>
        <translation>the operating system refused to write there</translation>
    </message>
    <message>
        <source>ordning ändrad</source>
        <translation>order changed</translation>
    </message>
    <message>
        <source>personen finns inte i organisation.people</source>
        <translation>the person is not in organisation.people</translation>
    </message>
    <message>
        <source>personens id, uuid eller namn (eller ett namn som bara står i text)</source>
        <translation>the person&apos;s id, uuid or name (or a name that only appears in text)</translation>
    </message>
    <message>
        <source>personer</source>
        <translation>people</translation>
    </message>
    <message>
        <source>planen</source>
        <translation>the plan</translation>
    </message>
    <message>
        <source>planens id, uuid eller diarienummer</source>
        <translation>the plan&apos;s id, uuid or registration number</translation>
    </message>
    <message>
        <source>planer</source>
        <translation>plans</translation>
    </message>
    <message>
        <source>posten finns inte i timeline</source>
        <translation>the item is not in timeline</translation>
    </message>
    <message>
        <source>posten {uuid} finns inte i timeline</source>
        <translation>the item {uuid} is not in timeline</translation>
    </message>
    <message>
        <source>postgresql://ägare@värd:port/databas</source>
        <translation>postgresql://owner@host:port/database</translation>
    </message>
    <message>
        <source>rad {line}: {reason}.</source>
        <translation>row {line}: {reason}.</translation>
    </message>
    <message>
        <source>redigerare</source>
        <translation>editor</translation>
    </message>
    <message>
        <source>referenser</source>
        <translation>references</translation>
    </message>
    <message>
        <source>rensa historik äldre än ett år, som en fil gör när den öppnas</source>
        <translation>prune history older than a year, as a file does when it is opened</translation>
    </message>
    <message>
        <source>resursrader</source>
        <translation>resource lines</translation>
    </message>
    <message>
        <source>riskbedömningar</source>
        <translation>risk assessments</translation>
    </message>
    <message>
        <source>risker</source>
        <translation>risks</translation>
    </message>
    <message>
        <source>roller</source>
        <translation>roles</translation>
    </message>
    <message>
        <source>samma beroende två gånger</source>
        <translation>the same dependency twice</translation>
    </message>
    <message>
        <source>sista månaden</source>
        <translation>the last month</translation>
    </message>
    <message>
        <source>skapa eller uppgradera Uppdrags tabeller, roller och regler</source>
        <translation>create or upgrade Uppdrag&apos;s tables, roles and rules</translation>
    </message>
    <message>
        <source>skapa en ny databasfil</source>
        <translation>create a new database file</translation>
    </message>
    <message>
        <source>skriv Portföljrapporten (.xlsx, .docx eller .pdf)</source>
        <translation>write the portfolio report (.xlsx, .docx or .pdf)</translation>
    </message>
    <message>
        <source>skriv en plan ensam till en ny fil</source>
        <translation>write one plan alone to a new file</translation>
    </message>
    <message>
        <source>skriv historiken som JSON</source>
        <translation>write the history as JSON</translation>
    </message>
    <message>
        <source>skriv listan som JSON</source>
        <translation>write the list as JSON</translation>
    </message>
    <message>
        <source>skriv tabellen som JSON</source>
        <translation>write the table as JSON</translation>
    </message>
    <message>
        <source>skriv ändringarna som JSON</source>
        <translation>write the changes as JSON</translation>
    </message>
    <message>
        <source>skriv översikten som JSON</source>
        <translation>write the overview as JSON</translation>
    </message>
    <message>
        <source>spara en hel och konsekvent kopia av en fil</source>
        <translation>save a whole and consistent copy of a file</translation>
    </message>
    <message>
        <source>språket att skriva på: sv eller en (annars programmets inställda språk)</source>
        <translation>the language to write in: sv or en (otherwise the language set in the program)</translation>
    </message>
    <message>
        <source>start till slut, som Uppdrag inte har</source>
        <translation>start to finish, which Uppdrag does not have</translation>
    </message>
    <message>
        <source>statusrapporter</source>
        <translation>status reports</translation>
    </message>
    <message>
        <source>största avvikelse {slip}</source>
        <translation>largest slip {slip}</translation>
    </message>
    <message>
        <source>synkronisera en utcheckad fil med sin server, åt båda hållen</source>
        <translation>synchronise a checked-out file with its server, both ways</translation>
    </message>
    <message>
        <source>sätt upp och dela ut behörigheter på en teamserver (PostgreSQL)</source>
        <translation>set up, and grant permissions on, a team server (PostgreSQL)</translation>
    </message>
    <message>
        <source>ta bort en persons namn, e-post och telefon ur hela filen</source>
        <translation>remove a person&apos;s name, e-mail and phone from the whole file</translation>
    </message>
    <message>
        <source>ta bort ett övergivet lås (programmet som tog det körs inte längre)</source>
        <translation>remove an abandoned lock (the program that took it is no longer running)</translation>
    </message>
    <message>
        <source>ta bort uppgifterna också ur filens automatiska säkerhetskopior och ångra-kopior</source>
        <translation>remove the data also from the file&apos;s automatic backups and undo copies</translation>
    </message>
    <message>
        <source>ta en säkerhetskopia nu</source>
        <translation>take a backup now</translation>
    </message>
    <message>
        <source>ta med planer från en server offline i en egen fil</source>
        <translation>take plans from a server offline in a file of your own</translation>
    </message>
    <message>
        <source>teckenkodningen stämmer inte ({why}).</source>
        <translation>the character encoding does not match ({why}).</translation>
    </message>
    <message>
        <source>teckenkodningen stämmer inte med filens innehåll{where}; spara den som UTF-8 (MS Project gör det med ”XML-format”).</source>
        <translation>the character encoding does not match the file&apos;s content{where}; save it as UTF-8 (MS Project does so with “XML Format”).</translation>
    </message>
    <message>
        <source>tidplansposter</source>
        <translation>schedule items</translation>
    </message>
    <message>
        <source>till en uppgift som inte finns i filen</source>
        <translation>to a task that is not in the file</translation>
    </message>
    <message>
        <source>till sig själv</source>
        <translation>to itself</translation>
    </message>
    <message>
        <source>uppdrag export: ange antingen PLAN eller --portfolj.</source>
        <translation>uppdrag export: give either PLAN or --portfolj.</translation>
    </message>
    <message>
        <source>uppdrag import: ange planen som {name} ska läsas in i med --plan PLAN.</source>
        <translation>uppdrag import: give the plan {name} is to be read into with --plan PLAN.</translation>
    </message>
    <message>
        <source>uppdrag: avbrutet.</source>
        <translation>uppdrag: interrupted.</translation>
    </message>
    <message>
        <source>uppdrag: indata är för djupt nästlade för att läsas.</source>
        <translation>uppdrag: the input is nested too deeply to be read.</translation>
    </message>
    <message>
        <source>uppdrag: okänt kommando ’{word}’{guess}</source>
        <translation>uppdrag: unknown command ’{word}’{guess}</translation>
    </message>
    <message>
        <source>utan personernas e-post, telefon och anteckningar (alla format)</source>
        <translation>without the people&apos;s e-mail, phone and notes (every format)</translation>
    </message>
    <message>
        <source>utg.</source>
        <translation>ed.</translation>
    </message>
    <message>
        <source>utgåvan att jämföra från (standard: den senaste)</source>
        <translation>the edition to compare from (default: the latest)</translation>
    </message>
    <message>
        <source>utgåvan att jämföra till (standard: planen som den är nu)</source>
        <translation>the edition to compare to (default: the plan as it is now)</translation>
    </message>
    <message>
        <source>utgåvor</source>
        <translation>editions</translation>
    </message>
    <message>
        <source>vid konflikt: den här filens (mine), den andras (theirs) eller senast ändrade (newest)</source>
        <translation>on a conflict: this file&apos;s (mine), the other&apos;s (theirs) or the latest changed (newest)</translation>
    </message>
    <message>
        <source>vid konflikt: filens värde (mine), serverns (theirs) eller det senast ändrade (newest)</source>
        <translation>on a conflict: the file&apos;s value (mine), the server&apos;s (theirs) or the latest changed (newest)</translation>
    </message>
    <message>
        <source>visa bara vad som skulle hända</source>
        <translation>only show what would happen</translation>
    </message>
    <message>
        <source>visa bara var namnet står, ändra inget</source>
        <translation>only show where the name appears, change nothing</translation>
    </message>
    <message>
        <source>visa den här hjälpen och avsluta</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>visa programmets version och avsluta</source>
        <translation>show program&apos;s version number and exit</translation>
    </message>
    <message>
        <source>visa resursbelastningen per person och månad</source>
        <translation>show the resource load per person and month</translation>
    </message>
    <message>
        <source>visa vad som ändrats i en plan sedan en utgåva</source>
        <translation>show what has changed in a plan since an edition</translation>
    </message>
    <message>
        <source>visa vem som ändrat vad och när i en plan</source>
        <translation>show who changed what and when in a plan</translation>
    </message>
    <message>
        <source>värdet från ”{peer}”</source>
        <translation>the value from “{peer}”</translation>
    </message>
    <message>
        <source>{added} nya och {updated} ändrade {what} lästes in</source>
        <translation>{added} new and {updated} changed {what} were read</translation>
    </message>
    <message>
        <source>{count} beroenden hade en fördröjning som inte är hela arbetsdagar eller veckor (eller i procent eller kalenderdagar); den avrundades till arbetsdagar: {links}.</source>
        <translation>{count} dependencies had a lag that is not whole working days or weeks (or in percent or calendar days); it was rounded to working days: {links}.</translation>
    </message>
    <message>
        <source>{count} beroenden kunde inte hållas och lästes inte in: </source>
        <translation>{count} dependencies could not be kept and were not imported: </translation>
    </message>
    <message>
        <source>{count} beslut i loggen gällde beslutspunkter som inte finns i filen; de ligger kvar i loggen utan beslutspunkt.</source>
        <translation>{count} decisions in the log concerned decision points that are not in the file; they stay in the log without a decision point.</translation>
    </message>
    <message>
        <source>{count} höga risker</source>
        <translation>{count} high risks</translation>
    </message>
    <message>
        <source>{count} inaktiva uppgifter lästes in som vanliga poster: {names}.</source>
        <translation>{count} inactive tasks were imported as ordinary items: {names}.</translation>
    </message>
    <message>
        <source>{count} material- eller kostnadsresurser kan inte hållas (Uppdrags resursplan har bara personer och kompetenser) och lästes inte in: {names}.</source>
        <translation>{count} material or cost resources cannot be kept (Uppdrag&apos;s resource plan has only people and competences) and were not imported: {names}.</translation>
    </message>
    <message>
        <source>{count} planer</source>
        <translation>{count} plans</translation>
    </message>
    <message>
        <source>{count} poster hade flyttats utanför sin ungefärliga period och fick exakta datum: {names}.</source>
        <translation>{count} items had been moved outside their approximate period and got exact dates: {names}.</translation>
    </message>
    <message>
        <source>{count} resurser utan namn lästes inte in.</source>
        <translation>{count} resources without a name were not imported.</translation>
    </message>
    <message>
        <source>{count} säkerhetskopior och ångra-kopior innehåller fortfarande uppgifterna; kör igen med --med-sakerhetskopior för att ta bort dem även där.</source>
        <translation>{count} backups and undo copies still hold the data; run again with --med-sakerhetskopior to remove it there too.</translation>
    </message>
    <message>
        <source>{count} tecken som XML inte kan innehålla (styrtecken) lämnades utanför.</source>
        <translation>{count} characters that XML cannot hold (control characters) were left out.</translation>
    </message>
    <message>
        <source>{count} tilldelningar till resurser som inte kunde läsas in lästes inte in: {names}.</source>
        <translation>{count} assignments to resources that could not be imported were not imported: {names}.</translation>
    </message>
    <message>
        <source>{count} uppgifter hade flera resurser; den första blev ansvarig och alla finns i resursplanen: {names}.</source>
        <translation>{count} tasks had several resources; the first became responsible and all are in the resource plan: {names}.</translation>
    </message>
    <message>
        <source>{count} värden i anpassade fält (till exempel Text1 eller Flagga1 med egna namn) lästes inte in.</source>
        <translation>{count} values in custom fields (for example Text1 or Flag1 with names of their own) were not imported.</translation>
    </message>
    <message>
        <source>{database} på {where}</source>
        <translation>{database} on {where}</translation>
    </message>
    <message>
        <source>{days} dagar sen</source>
        <translation>{days} days late</translation>
    </message>
    <message>
        <source>{field}: ditt värde ”{mine}”, det sparade ”{theirs}”</source>
        <translation>{field}: your value “{mine}”, the saved one “{theirs}”</translation>
    </message>
    <message>
        <source>{field}: här ”{mine}”{mine_by}, i ”{peer}” ”{theirs}”{theirs_by}</source>
        <translation>{field}: here “{mine}”{mine_by}, in “{peer}” “{theirs}”{theirs_by}</translation>
    </message>
    <message>
        <source>{first} och {more} fel till</source>
        <translation>{first} and {more} more errors</translation>
    </message>
    <message>
        <source>{formulas} celler började med =, + eller @; de lästes som text, inte som formler.</source>
        <translation>{formulas} cells began with =, + or @; they were read as text, not as formulas.</translation>
    </message>
    <message>
        <source>{header} ”{v1}” är inget av {choices}</source>
        <translation>{header} “{v1}” is none of {choices}</translation>
    </message>
    <message>
        <source>{header} ”{v1}” är inget heltal</source>
        <translation>{header} “{v1}” is not a whole number</translation>
    </message>
    <message>
        <source>{header} ”{v1}” är inget tal</source>
        <translation>{header} “{v1}” is not a number</translation>
    </message>
    <message>
        <source>{header} ”{value}” är inget heltal</source>
        <translation>{header} “{value}” is not a whole number</translation>
    </message>
    <message>
        <source>{label} måste vara ett helt antal kronor, 0 eller mer (fick {value}).</source>
        <translation>{label} must be a whole number of kronor, 0 or more (got {value}).</translation>
    </message>
    <message>
        <source>{label} måste vara ett heltal mellan 0 och 100 procent (fick {value}).</source>
        <translation>{label} must be a whole number between 0 and 100 per cent (got {value}).</translation>
    </message>
    <message>
        <source>{label} måste vara mellan 1 och {scale} (fick {value}).</source>
        <translation>{label} must be between 1 and {scale} (got {value}).</translation>
    </message>
    <message>
        <source>{label} saknas.</source>
        <translation>{label} is missing.</translation>
    </message>
    <message>
        <source>{label} ”{value}” är inte giltig; välj en av: {choices}.</source>
        <translation>{label} “{value}” is not valid; choose one of: {choices}.</translation>
    </message>
    <message>
        <source>{name} finns på 1 ställe i filen (borttagna rader medräknade):</source>
        <translation>{name} appears in 1 place in the file (deleted rows included):</translation>
    </message>
    <message>
        <source>{name} finns på {count} ställen i filen (borttagna rader medräknade):</source>
        <translation>{name} appears in {count} places in the file (deleted rows included):</translation>
    </message>
    <message>
        <source>{name} kunde inte sparas: filen är skrivskyddad eller öppen i ett annat program (till exempel {program}). Stäng den och försök igen.</source>
        <translation>{name} could not be saved: the file is read-only or open in another program (for example {program}). Close it and try again.</translation>
    </message>
    <message>
        <source>{name} kunde inte sparas: filen är skrivskyddad eller öppen i ett annat program. Stäng den och försök igen.</source>
        <translation>{name} could not be saved: the file is read-only or open in another program. Close it and try again.</translation>
    </message>
    <message>
        <source>{name} kunde inte sparas: {error}.</source>
        <translation>{name} could not be saved: {error}.</translation>
    </message>
    <message>
        <source>{name} var redan borttagen ur {file}.</source>
        <translation>{name} was already removed from {file}.</translation>
    </message>
    <message>
        <source>{name} är en mapp, inte en Uppdrag-fil.</source>
        <translation>{name} is a folder, not an Uppdrag file.</translation>
    </message>
    <message>
        <source>{name}, bladet {sheet}</source>
        <translation>{name}, sheet {sheet}</translation>
    </message>
    <message>
        <source>{name}: {allocation} % av tjänst går inte att hålla (0–100 %); raden fick 100 %.</source>
        <translation>{name}: {allocation} % of a full-time post cannot be kept (0–100 %); the row got 100 %.</translation>
    </message>
    <message>
        <source>{n} dag</source>
        <translation>{n} day</translation>
    </message>
    <message>
        <source>{n} dagar</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>{n} dagar sen</source>
        <translation>{n} days late</translation>
    </message>
    <message>
        <source>{n} ogiltiga tecken ersattes med �</source>
        <translation>{n} invalid characters were replaced with �</translation>
    </message>
    <message>
        <source>{n} otillåtna styrtecken togs bort ur texten.</source>
        <translation>{n} disallowed control characters were removed from the text.</translation>
    </message>
    <message>
        <source>{n} otillåtna tecken togs bort</source>
        <translation>{n} disallowed characters were removed</translation>
    </message>
    <message>
        <source>{n} punkter utan datum kom inte med i kalendern.</source>
        <translation>{n} items without dates were left out of the calendar.</translation>
    </message>
    <message>
        <source>{n} rader kunde inte läsas och togs inte med:</source>
        <translation>{n} rows could not be read and were left out:</translation>
    </message>
    <message>
        <source>{n} risk(er) har sannolikhet eller konsekvens utanför skalan 1–{scale}: {names}. Rätta värdena i riskregistret.</source>
        <translation>{n} risk(s) have a probability or impact outside the scale 1–{scale}: {names}. Correct the values in the risk register.</translation>
    </message>
    <message>
        <source>{n} vecka</source>
        <translation>{n} week</translation>
    </message>
    <message>
        <source>{n} veckor</source>
        <translation>{n} weeks</translation>
    </message>
    <message>
        <source>{part} ”{name}” har ändrats av {who} på servern efter att du läste in planen. Inget togs bort; välj om borttagningen ska gälla ändå eller om ändringen ska finnas kvar.</source>
        <translation>{part} “{name}” has been changed by {who} on the server since you loaded the plan. Nothing was deleted; choose whether the deletion holds all the same or the change stays.</translation>
    </message>
    <message>
        <source>{part} ”{name}” har ändrats på servern efter att du läste in planen. Inget togs bort; välj om borttagningen ska gälla ändå eller om ändringen ska finnas kvar.</source>
        <translation>{part} “{name}” has been changed on the server since you loaded the plan. Nothing was deleted; choose whether the deletion holds all the same or the change stays.</translation>
    </message>
    <message>
        <source>{part} ”{name}” togs bort av {who} på servern medan du skrev. Inget skrevs; välj om din ändring ska gälla (då tas det borttagna tillbaka) eller om borttagningen ska stå fast.</source>
        <translation>{part} “{name}” was deleted by {who} on the server while you were typing. Nothing was written; choose whether your change holds (what was deleted then comes back) or the deletion stands.</translation>
    </message>
    <message>
        <source>{part} ”{name}” togs bort på servern medan du skrev. Inget skrevs; välj om din ändring ska gälla (då tas det borttagna tillbaka) eller om borttagningen ska stå fast.</source>
        <translation>{part} “{name}” was deleted on the server while you were typing. Nothing was written; choose whether your change holds (what was deleted then comes back) or the deletion stands.</translation>
    </message>
    <message>
        <source>{part} ”{name}” ändrades av {who} på servern medan du skrev ({said}). Inget skrevs över; välj vilket värde som ska gälla.</source>
        <translation>{part} “{name}” was changed by {who} on the server while you were typing ({said}). Nothing was overwritten; choose which value holds.</translation>
    </message>
    <message>
        <source>{part} ”{name}” ändrades på servern medan du skrev ({said}). Inget skrevs över; välj vilket värde som ska gälla.</source>
        <translation>{part} “{name}” was changed on the server while you were typing ({said}). Nothing was overwritten; choose which value holds.</translation>
    </message>
    <message>
        <source>{prog}: fel användning: {message}</source>
        <translation>{prog}: error: {message}</translation>
    </message>
    <message>
        <source>{sign}{n} dag</source>
        <translation>{sign}{n} day</translation>
    </message>
    <message>
        <source>{sign}{n} dagar</source>
        <translation>{sign}{n} days</translation>
    </message>
    <message>
        <source>{sign}{n} vecka</source>
        <translation>{sign}{n} week</translation>
    </message>
    <message>
        <source>{sign}{n} veckor</source>
        <translation>{sign}{n} weeks</translation>
    </message>
    <message>
        <source>{text} är inget giltigt datum</source>
        <translation>{text} is not a valid date</translation>
    </message>
    <message>
        <source>{user} på {machine} sedan {since}</source>
        <translation>{user} on {machine} since {since}</translation>
    </message>
    <message>
        <source>{user} är nu {role} för planen ”{title}”.</source>
        <translation>{user} is now {role} for the plan “{title}”.</translation>
    </message>
    <message>
        <source>{user} är nu {role}.</source>
        <translation>{user} is now {role}.</translation>
    </message>
    <message>
        <source>{uuid} förekommer flera gånger</source>
        <translation>{uuid} occurs more than once</translation>
    </message>
    <message>
        <source>{value} har fel form</source>
        <translation>{value} has the wrong form</translation>
    </message>
    <message>
        <source>{value} ligger utanför det tillåtna intervallet</source>
        <translation>{value} is outside the allowed range</translation>
    </message>
    <message>
        <source>{value} är inte ett tillåtet värde</source>
        <translation>{value} is not an allowed value</translation>
    </message>
    <message>
        <source>{what} innehåller XML-entiteter eller en DTD, som Excel aldrig skriver (så ser XML-bomber och externa entiteter ut); den lästes inte och ingenting har importerats.</source>
        <translation>{what} contains XML entities or a DTD, which Excel never writes (XML bombs and external entities look like that); it was not read and nothing has been imported.</translation>
    </message>
    <message>
        <source>{what} kan inte läsas ({error}); ingenting har importerats.</source>
        <translation>{what} cannot be read ({error}); nothing has been imported.</translation>
    </message>
    <message>
        <source>{where} (ett fältnamn)</source>
        <translation>{where} (a field name)</translation>
    </message>
    <message>
        <source>{where} i ”{title}”</source>
        <translation>{where} in “{title}”</translation>
    </message>
    <message>
        <source>{where}, beslutspunkt {point}</source>
        <translation>{where}, decision point {point}</translation>
    </message>
    <message>
        <source>{where}: beslutspunkterna skrivs som [[decision_points]]-tabeller.</source>
        <translation>{where}: the decision points are written as [[decision_points]] tables.</translation>
    </message>
    <message>
        <source>{where}: fältet ”{name}” saknas eller är tomt.</source>
        <translation>{where}: the field “{name}” is missing or empty.</translation>
    </message>
    <message>
        <source>{where}: fältet ”{name}” ska vara en lista med texter, till exempel {name} = [&quot;Projektplan&quot;].</source>
        <translation>{where}: the field “{name}” must be a list of texts, for example {name} = [&quot;Projektplan&quot;].</translation>
    </message>
    <message>
        <source>{where}: fältet ”{name}” ska vara en text.</source>
        <translation>{where}: the field “{name}” must be a text.</translation>
    </message>
    <message>
        <source>{where}: koden finns redan i modellen; varje punkt behöver en egen kod.</source>
        <translation>{where}: the code is already in the model; each point needs a code of its own.</translation>
    </message>
    <message>
        <source>{where}: nyckeln ”{key}” får bara innehålla små bokstäver a–z, siffror, - och _; döp om filen eller skriv till exempel key = &quot;region&quot;.</source>
        <translation>{where}: the key “{key}” may only contain lower-case letters a–z, digits, - and _; rename the file or write for example key = &quot;region&quot;.</translation>
    </message>
    <message>
        <source>{where}: okänt fält ”{name}”. Kända fält: {known}.</source>
        <translation>{where}: unknown field “{name}”. Known fields: {known}.</translation>
    </message>
    <message>
        <source>{where}: ska vara en [[decision_points]]-tabell.</source>
        <translation>{where}: must be a [[decision_points]] table.</translation>
    </message>
    <message>
        <source>{where}: ”kind” ska vara decision_point eller milestone, inte ”{kind}”.</source>
        <translation>{where}: “kind” must be decision_point or milestone, not “{kind}”.</translation>
    </message>
    <message>
        <source>Äldre versioner i ändringshistoriken: {count}</source>
        <translation>Older versions in the change history: {count}</translation>
    </message>
    <message>
        <source>Ändrade {part}: {n}</source>
        <translation>Changed {part}: {n}</translation>
    </message>
    <message>
        <source>Ändringar från utgåva {old} till i dag</source>
        <translation>Changes from edition {old} to today</translation>
    </message>
    <message>
        <source>Ändringar från utgåva {old} till utgåva {new}</source>
        <translation>Changes from edition {old} to edition {new}</translation>
    </message>
    <message>
        <source>Ändringar sparas strax till {share}.</source>
        <translation>Changes will be saved to {share} shortly.</translation>
    </message>
    <message>
        <source>Ändringen kunde inte sparas: disken svarade med ett fel vid skrivning. Filen har inte ändrats.</source>
        <translation>The change could not be saved: the disk answered with an error while writing. The file has not been changed.</translation>
    </message>
    <message>
        <source>Ändringen kunde inte sparas: disken är full. Filen har inte ändrats; frigör utrymme och försök igen.</source>
        <translation>The change could not be saved: the disk is full. The file has not been changed; free some space and try again.</translation>
    </message>
    <message>
        <source>ÅTGÄRD</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>Året måste vara mellan 1900 och 2199 (fick {value}).</source>
        <translation>The year must be between 1900 and 2199 (got {value}).</translation>
    </message>
    <message>
        <source>Året saknas i ”{text}”. Skriv till exempel ”{text} 2025”.</source>
        <translation>The year is missing in “{text}”. Write for example “{text} 2025”.</translation>
    </message>
    <message>
        <source>Året {year} ligger utanför det tillåtna intervallet {first}–{last}.</source>
        <translation>The year {year} lies outside the allowed range {first}–{last}.</translation>
    </message>
    <message>
        <source>Återställde {name} från {backup}.</source>
        <translation>Restored {name} from {backup}.</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM</source>
        <translation>YYYY-MM</translation>
    </message>
    <message>
        <source>ägare</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>återkommande uppgifter</source>
        <translation>recurring tasks</translation>
    </message>
    <message>
        <source>återställ en fil från en säkerhetskopia</source>
        <translation>restore a file from a backup</translation>
    </message>
    <message>
        <source>återställd med journalen blir filen skadad</source>
        <translation>restored with the journal, the file becomes damaged</translation>
    </message>
    <message>
        <source>återställd med journalen får filen en annan fils identitet</source>
        <translation>restored with the journal, the file gets another file&apos;s identity</translation>
    </message>
    <message>
        <source>återställd med journalen är filen inte längre en Uppdrag-fil</source>
        <translation>restored with the journal, the file is no longer an Uppdrag file</translation>
    </message>
    <message>
        <source>översikten över alla planer (Portföljrapport)</source>
        <translation>the overview of every plan (portfolio report)</translation>
    </message>
    <message>
        <source>”{name}” har en annan schemaversion.</source>
        <translation>“{name}” has a different schema version.</translation>
    </message>
    <message>
        <source>”{name}” kunde inte uppdateras: {why}.</source>
        <translation>“{name}” could not be updated: {why}.</translation>
    </message>
    <message>
        <source>”{name}” saknar identitet (file_uuid).</source>
        <translation>“{name}” has no identity (file_uuid).</translation>
    </message>
    <message>
        <source>”{name}” skulle bli {mb} MB i {parts} delar när den packas upp; en Word-mall får bli högst {most} MB. Den används inte. Spara mallen på nytt i Word, utan stora inbäddade filer, och välj den igen.</source>
        <translation>“{name}” would become {mb} MB in {parts} parts when unpacked; a Word template may be at most {most} MB. It is not used. Save the template again in Word, without large embedded files, and choose it again.</translation>
    </message>
    <message>
        <source>”{name}” är inget Word-dokument (.docx eller .dotx).</source>
        <translation>“{name}” is not a Word document (.docx or .dotx).</translation>
    </message>
    <message>
        <source>”{name}” är inte en Uppdrag-fil.</source>
        <translation>“{name}” is not an Uppdrag file.</translation>
    </message>
    <message>
        <source>”{name}” är inte en hel SQLite-fil.</source>
        <translation>“{name}” is not a whole SQLite file.</translation>
    </message>
    <message>
        <source>”{name}” är skadad ({why}).</source>
        <translation>“{name}” is damaged ({why}).</translation>
    </message>
    <message>
        <source>”{name}” är skadad och kan inte användas som Word-mall.</source>
        <translation>“{name}” is damaged and cannot be used as a Word template.</translation>
    </message>
    <message>
        <source>”{name}” är skapad av en nyare version av Uppdrag.</source>
        <translation>“{name}” was made by a newer version of Uppdrag.</translation>
    </message>
    <message>
        <source>”{path}” kan inte nås: {why}.</source>
        <translation>“{path}” cannot be reached: {why}.</translation>
    </message>
    <message>
        <source>”{share}” blev inte hel på nätverksenheten. Försök igen.</source>
        <translation>“{share}” was not written whole on the network drive. Try again.</translation>
    </message>
    <message>
        <source>”{share}” kan inte läsas: {why}.</source>
        <translation>“{share}” cannot be read: {why}.</translation>
    </message>
    <message>
        <source>”{share}” kan inte nås.</source>
        <translation>“{share}” cannot be reached.</translation>
    </message>
    <message>
        <source>”{share}” kunde inte ersättas: {why}.</source>
        <translation>“{share}” could not be replaced: {why}.</translation>
    </message>
    <message>
        <source>”{share}” kunde inte skrivas: {why}.</source>
        <translation>“{share}” could not be written: {why}.</translation>
    </message>
    <message>
        <source>”{share}” ändrades hela tiden medan den skulle sparas.</source>
        <translation>“{share}” kept changing while it was being saved.</translation>
    </message>
    <message>
        <source>”{text}” är en period med flera veckor. Skriv den i fältet för start och slut eller ange en vecka, till exempel v. 12 2026.</source>
        <translation>“{text}” is a period of several weeks. Write it in the field for start and end, or give one week, for example week 12 2026.</translation>
    </message>
    <message>
        <source>”{text}” är ingen månad; skriv till exempel 2025-03.</source>
        <translation>“{text}” is not a month; write for example 2025-03.</translation>
    </message>
    <message>
        <source>”{text}” är ingen serveradress; skriv den som postgresql://användare@värd:port/databas.</source>
        <translation>“{text}” is not a server address; write it as postgresql://user@host:port/database.</translation>
    </message>
    <message>
        <source>”{text}” är inte ett lagrat datum. Förväntat ÅÅÅÅ-MM-DD, ÅÅÅÅ-Wnn, ÅÅÅÅ-MM, ÅÅÅÅ-MM-början, ÅÅÅÅ-Qn, ÅÅÅÅ-Tn, ÅÅÅÅ-Hn, ÅÅÅÅ-hösten, ÅÅÅÅ-början, ÅÅÅÅ eller ÅÅÅÅ/ÅÅÅÅ.</source>
        <translation>“{text}” is not a stored date. Expected YYYY-MM-DD, YYYY-Wnn, YYYY-MM, YYYY-Qn, YYYY-Tn, YYYY-Hn, YYYY, YYYY/YYYY or a stored part of a month or year or a season (such as “2026-03-början” or “2026-hösten”).</translation>
    </message>
    <message>
        <source>”{word}” är inget känt månadsnamn. Skriv till exempel september, sep eller sept.</source>
        <translation>“{word}” is not a known month name. Write for example September, Sep or Sept.</translation>
    </message>
    <message>
        <source>… och {n} till.</source>
        <translation>… and {n} more.</translation>
    </message>
</context>
<context>
    <name>ClosedDays</name>
    <message>
        <source>Stängda dagar</source>
        <translation>Closed days</translation>
    </message>
    <message>
        <source>Dagar då organisationen har stängt, utöver helgdagarna. Tidplanens arbetsdagar räknas utan dem. Skriv dagar (2026-07-01) eller hela perioder (juli 2026, v. 28–v. 31 2026).</source>
        <translation>Days when the organisation is closed, besides the public holidays. The schedule&apos;s working days are counted without them. Write days (2026-07-01) or whole periods (July 2026, week 28–week 31 2026).</translation>
    </message>
    <message>
        <source>&amp;Lägg till</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Ta bort</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Stängda perioder</source>
        <translation>Closed periods</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Benämning</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Helgdagar %1 (räknas alltid bort):</source>
        <translation>Public holidays %1 (always left out):</translation>
    </message>
    <message>
        <source>Rad %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Bekräfta</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>&amp;Ta bort</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dag</source>
        <translation>day</translation>
    </message>
    <message>
        <source>månad</source>
        <translation>month</translation>
    </message>
    <message>
        <source>kvartal</source>
        <translation>quarter</translation>
    </message>
    <message>
        <source>år</source>
        <translation>year</translation>
    </message>
    <message>
        <source>t.ex. 2026-03-15, v. 12 2026, mars 2026, Q3 2026, hösten 2026</source>
        <translation>e.g. 2026-03-15, week 12 2026, March 2026, Q3 2026, autumn 2026</translation>
    </message>
    <message>
        <source>Ange en dag, till exempel 2025-09-15.</source>
        <translation>Enter a day, for example 2025-09-15.</translation>
    </message>
    <message>
        <source>→ inget datum</source>
        <translation>→ no date</translation>
    </message>
    <message>
        <source>vecka</source>
        <translation>week</translation>
    </message>
    <message>
        <source>del av månad</source>
        <translation>part of a month</translation>
    </message>
    <message>
        <source>tertial</source>
        <translation>four-month period</translation>
    </message>
    <message>
        <source>årstid</source>
        <translation>season</translation>
    </message>
    <message>
        <source>halvår</source>
        <translation>half-year</translation>
    </message>
    <message>
        <source>del av år</source>
        <translation>part of a year</translation>
    </message>
    <message>
        <source>årsskifte</source>
        <translation>turn of the year</translation>
    </message>
    <message>
        <source>t.ex. 2026-03-15 eller 15/3 2026</source>
        <translation>e.g. 2026-03-15 or 15/3 2026</translation>
    </message>
    <message>
        <source>En dag: 2026-03-15, 15 mars 2026, 15/3 2026 eller 260315.</source>
        <translation>A day: 2026-03-15, 15/3 2026 or 260315.</translation>
    </message>
    <message>
        <source>Ett datum så exakt som det är känt: en dag (2026-03-15), en vecka (v. 12 2026), en månad (mars 2026), ett kvartal (Q3 2026), ett tertial (T2 2026), ett halvår (H1 2026), en årstid (hösten 2026) eller ett år (2026).</source>
        <translation>A date as exact as it is known: a day (2026-03-15), a week (week 12 2026), a month (March 2026), a quarter (Q3 2026), a four-month period (T2 2026), a half-year (H1 2026), a season (autumn 2026) or a year (2026). Swedish forms are read too.</translation>
    </message>
    <message>
        <source> En hel period går också: okt 2024 – jan 2025.</source>
        <translation> A whole period works too: Oct 2024 – Jan 2025.</translation>
    </message>
    <message>
        <source>→ {0} (start och slut)</source>
        <translation>→ {0} (start and end)</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <source>Registrera beslut vid %1</source>
        <translation>Record decision at %1</translation>
    </message>
    <message>
        <source>Beslutsdatum</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Beslutat av</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Diarienummer</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Checklista inför beslut</source>
        <translation>Checklist before the decision</translation>
    </message>
    <message>
        <source>Punkt</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Frys en utgåva efter beslutet</source>
        <translation>Freeze an edition after the decision</translation>
    </message>
    <message>
        <source>Utgåva</source>
        <translation>Edition</translation>
    </message>
    <message>
        <source>&amp;Registrera</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Datum:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Beslutat av:</source>
        <translation>Decided by:</translation>
    </message>
    <message>
        <source>Beslut:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>Diarienummer:</source>
        <translation>Registration number:</translation>
    </message>
    <message>
        <source>Kommentar:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <source>Ange beslutsdatum.</source>
        <translation>Enter the date of the decision.</translation>
    </message>
    <message>
        <source>Ange vem som fattade beslutet.</source>
        <translation>Enter who took the decision.</translation>
    </message>
    <message>
        <source>Styrgrupp</source>
        <translation>Steering group</translation>
    </message>
    <message>
        <source>Uppdragsägare</source>
        <translation>Assignment owner</translation>
    </message>
    <message>
        <source>Projektägare</source>
        <translation>Project owner</translation>
    </message>
    <message>
        <source>Nämnd</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Ledningsgrupp</source>
        <translation>Management team</translation>
    </message>
    <message>
        <source>Checklista inför beslut, %1</source>
        <translation>Checklist before the decision, %1</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
</context>
<context>
    <name>Dependencies</name>
    <message>
        <source>Post</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>Item:</translation>
    </message>
    <message>
        <source>Typ:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Förskjutning:</source>
        <translation>Lag:</translation>
    </message>
    <message>
        <source>vecka</source>
        <translation>week</translation>
    </message>
    <message>
        <source>arbetsdag</source>
        <translation>working day</translation>
    </message>
    <message>
        <source>Beroenden</source>
        <translation>Dependencies</translation>
    </message>
    <message>
        <source>Lägg till föregångare…</source>
        <translation>Add predecessor…</translation>
    </message>
    <message>
        <source>Lägg till efterföljare…</source>
        <translation>Add successor…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Ta bort beroende</source>
        <translation>Remove dependency</translation>
    </message>
    <message>
        <source>Väntar på</source>
        <translation>Waits for</translation>
    </message>
    <message>
        <source>Följs av</source>
        <translation>Followed by</translation>
    </message>
    <message>
        <source>Ny föregångare</source>
        <translation>New predecessor</translation>
    </message>
    <message>
        <source>Ny efterföljare</source>
        <translation>New successor</translation>
    </message>
    <message>
        <source>Ändra beroende</source>
        <translation>Change dependency</translation>
    </message>
</context>
<context>
    <name>Editions</name>
    <message>
        <source>Frys utgåva</source>
        <translation>Freeze edition</translation>
    </message>
    <message>
        <source>&amp;Frys</source>
        <translation>&amp;Freeze</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Utgåva:</source>
        <translation>&amp;Edition:</translation>
    </message>
    <message>
        <source>&amp;Kommentar:</source>
        <translation>&amp;Comment:</translation>
    </message>
    <message>
        <source>Jämför utgåvor</source>
        <translation>Compare editions</translation>
    </message>
    <message>
        <source>Planen som den är nu</source>
        <translation>The plan as it is now</translation>
    </message>
    <message>
        <source>Alla ändringar i planen</source>
        <translation>Every change in the plan</translation>
    </message>
    <message>
        <source>&amp;Exportera till Word med bilagan ”Ändringar sedan utgåva”…</source>
        <translation>&amp;Export to Word with the appendix “Changes since edition”…</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Ändring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Ändrade uppgifter</source>
        <translation>Changed items</translation>
    </message>
    <message>
        <source>Skillnad</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Till:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Avsnittens text ord för ord:</source>
        <translation>The sections&apos; text word by word:</translation>
    </message>
    <message>
        <source>Oförändrat.</source>
        <translation>Unchanged.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Planens delar</source>
        <translation>Parts of the plan</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Det gick inte</source>
        <translation>That did not work</translation>
    </message>
    <message>
        <source>Uppgiften kan ha tagits bort. Välj en annan plan eller ladda om filen.</source>
        <translation>The item may have been deleted. Choose another plan or reopen the file.</translation>
    </message>
    <message>
        <source>Oväntat fel</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Ett oväntat fel inträffade: {error}

Ditt arbete är sparat. Felet har skrivits till {log}. Skicka gärna den filen till den som ger dig support.</source>
        <translation>An unexpected error occurred: {error}

Your work is saved. The error was written to {log}. Please send that file to whoever gives you support.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Summering</source>
        <translation>Totals</translation>
    </message>
    <message>
        <source>t.ex. 250 000</source>
        <translation>e.g. 250 000</translation>
    </message>
    <message>
        <source>Ett belopp i hela kronor, t.ex. 250 000 (mellanslag och ”kr” går bra).</source>
        <translation>An amount in whole kronor, e.g. 250 000 (spaces and “kr” are fine).</translation>
    </message>
    <message>
        <source>t.ex. 50</source>
        <translation>e.g. 50</translation>
    </message>
    <message>
        <source>En andel i procent av en heltidstjänst, 0–100, t.ex. 50.</source>
        <translation>A share of a full-time post in per cent, 0–100, e.g. 50.</translation>
    </message>
    <message>
        <source>t.ex. 2026</source>
        <translation>e.g. 2026</translation>
    </message>
    <message>
        <source>Ett heltal, t.ex. ett år: 2026.</source>
        <translation>A whole number, e.g. a year: 2026.</translation>
    </message>
    <message>
        <source>En dag, t.ex. 2026-03-15 eller 15/3 2026.</source>
        <translation>A day, e.g. 2026-03-15 or 15/3 2026.</translation>
    </message>
    <message>
        <source>Ett datum så exakt som det är känt, t.ex. 2026-03-15, v. 12 2026, mars 2026, Q3 2026 eller hösten 2026.</source>
        <translation>A date as exact as it is known, e.g. 2026-03-15, week 12 2026, March 2026, Q3 2026 or autumn 2026.</translation>
    </message>
    <message>
        <source>Välj ur personregistret eller skriv ett namn</source>
        <translation>Pick from the register of people or type a name</translation>
    </message>
    <message>
        <source>Skriv ett heltal, till exempel 50.</source>
        <translation>Type a whole number, for example 50.</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Undertitel</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Dokumenttyp</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Diarienummer</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Utgåva</source>
        <translation>Edition</translation>
    </message>
    <message>
        <source>Utgåvan i dokumenthuvudet, till exempel 0.3 eller 1.0. Den sätts när du fryser en utgåva (Redigera → Frys utgåva…), och varje fryst utgåva sparas så att den kan jämföras med en senare.</source>
        <translation>The edition in the document header, for example 0.3 or 1.0. It is set when you freeze an edition (Edit → Freeze edition…), and every frozen edition is kept so that it can be compared with a later one.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Bara om er organisation skriver en egen versionsbeteckning bredvid utgåvan (”Version: 1”). Lämna tom om ni bara använder utgåva.</source>
        <translation>Only if your organisation writes its own version mark beside the edition (“Version: 1”). Leave it empty if you use editions only.</translation>
    </message>
    <message>
        <source>Författare (en per rad)</source>
        <translation>Authors (one per line)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Uppdrag</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Beslutsdatum</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Beslutat</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Underskrift av (roll)</source>
        <translation>Signed by (role)</translation>
    </message>
    <message>
        <source>Namnförtydligande</source>
        <translation>Name in print</translation>
    </message>
    <message>
        <source>Datum för underskrift</source>
        <translation>Date of signature</translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>Nivå</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Text efter tabellen</source>
        <translation>Text after the table</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Mätetal</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Benämning</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Klart</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Faktisk start</source>
        <translation>Actual start</translation>
    </message>
    <message>
        <source>Faktiskt slut</source>
        <translation>Actual finish</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Andel av tjänst</source>
        <translation>Share of position</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Resurs/kompetens</source>
        <translation>Resource/competence</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Belopp</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tertial</source>
        <translation>Four-month period</translation>
    </message>
    <message>
        <source>Prognos</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>Ärende/beslut</source>
        <translation>Issue/decision</translation>
    </message>
    <message>
        <source>Beslutad av</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Författare</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Begrepp/förkortning</source>
        <translation>Term/abbreviation</translation>
    </message>
    <message>
        <source>Förklaring</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Referens</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Länk</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>FileProblem</name>
    <message>
        <source>%1 %2 %3 kl. %4.%5</source>
        <translation>%2 %1, %3 at %4:%5</translation>
    </message>
    <message>
        <source>Filen är skadad</source>
        <translation>The file is damaged</translation>
    </message>
    <message>
        <source>Filen kan inte öppnas</source>
        <translation>The file cannot be opened</translation>
    </message>
    <message>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Säkerhetskopia från</source>
        <translation>Backup from</translation>
    </message>
    <message>
        <source>Planer</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>oläsbar</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>Den senaste hela säkerhetskopian är från %1. Välj den (eller en äldre) och öppna den: filen ersätts med kopian, och den nuvarande filen sparas bredvid som ”%2.fore-aterstallning”.</source>
        <translation>The latest intact backup is from %1. Choose it (or an older one) and open it: the file is replaced by the backup, and the current file is kept beside it as “%2.fore-aterstallning”.</translation>
    </message>
    <message>
        <source>Ingen av filens säkerhetskopior går att läsa. Öppna en annan fil eller skapa en ny.</source>
        <translation>None of the file&apos;s backups can be read. Open another file or create a new one.</translation>
    </message>
    <message>
        <source>Det finns ingen säkerhetskopia av filen. Öppna en annan fil eller skapa en ny.</source>
        <translation>There is no backup of the file. Open another file or create a new one.</translation>
    </message>
    <message>
        <source>Öppna &amp;säkerhetskopian</source>
        <translation>Open the &amp;backup</translation>
    </message>
    <message>
        <source>Öppna en &amp;annan fil…</source>
        <translation>Open &amp;another file…</translation>
    </message>
    <message>
        <source>Skapa en &amp;ny fil…</source>
        <translation>Create a &amp;new file…</translation>
    </message>
    <message>
        <source>&amp;Fortsätt skrivskyddat</source>
        <translation>&amp;Continue read-only</translation>
    </message>
    <message>
        <source>&amp;Stäng</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Ny databasfil</source>
        <translation>New database file</translation>
    </message>
    <message>
        <source>Filen är återställd från säkerhetskopian från %1.</source>
        <translation>The file is restored from the backup from %1.</translation>
    </message>
    <message>
        <source>Den tidigare filen finns kvar som %1.</source>
        <translation>The previous file is kept as %1.</translation>
    </message>
    <message>
        <source>Öppna databasfil</source>
        <translation>Open database file</translation>
    </message>
    <message>
        <source>Spara kopia som</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <source>Importera plan</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <source>Plan som JSON eller MS Project-XML (*.json *.xml);;Plan som JSON (*.json);;MS Project-XML (*.xml)</source>
        <translation>Plan as JSON or MS Project XML (*.json *.xml);;Plan as JSON (*.json);;MS Project XML (*.xml)</translation>
    </message>
    <message>
        <source>Plan som JSON (*.json)</source>
        <translation>Plan as JSON (*.json)</translation>
    </message>
    <message>
        <source>import av %1</source>
        <translation>import of %1</translation>
    </message>
    <message>
        <source>Planen uppdaterades från %1.</source>
        <translation>The plan was updated from %1.</translation>
    </message>
    <message>
        <source>Planen importerades från %1.</source>
        <translation>The plan was imported from %1.</translation>
    </message>
    <message>
        <source>Importera aktiviteter eller risker</source>
        <translation>Import activities or risks</translation>
    </message>
    <message>
        <source>Listor (*.csv *.xlsx);;CSV (*.csv);;Excel-arbetsbok (*.xlsx)</source>
        <translation>Lists (*.csv *.xlsx);;CSV (*.csv);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Importerad med anmärkningar</source>
        <translation>Imported with remarks</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Kalender (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <source>risker</source>
        <translation>risks</translation>
    </message>
    <message>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporterad med anmärkningar</source>
        <translation>Exported with remarks</translation>
    </message>
    <message>
        <source>Kopia av %1</source>
        <translation>Copy of %1</translation>
    </message>
    <message>
        <source>En kopia är sparad: %1</source>
        <translation>A copy was saved: %1</translation>
    </message>
    <message>
        <source>Ta bort planen ”%1”? Det går att ångra med Ctrl+Z.</source>
        <translation>Delete the plan “%1”? You can undo it with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Uppdrag-filer (*.uppdrag *.db *.sqlite);;Alla filer (*)</source>
        <translation>Uppdrag files (*.uppdrag *.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>Exporterad</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Planen är exporterad till
%1

Vill du öppna filen?</source>
        <translation>The plan was exported to
%1

Do you want to open the file?</translation>
    </message>
    <message>
        <source>Importen är klar</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Kalendern får beslutspunkterna och milstolparna. Ska aktiviteterna också komma med?</source>
        <translation>The calendar gets the decision points and milestones. Should the activities be included too?</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Kom igång med Uppdrag</source>
        <translation>Getting started with Uppdrag</translation>
    </message>
    <message>
        <source>Kom igång</source>
        <translation>Getting started</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Filtrera (vem, del, text)…</source>
        <translation>Filter (who, part, text)…</translation>
    </message>
    <message>
        <source>Filtrera ändringarna</source>
        <translation>Filter the changes</translation>
    </message>
    <message>
        <source>Ändringar</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Ändring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>okänd</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 ändringar</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <source>Inga ändringar</source>
        <translation>No changes</translation>
    </message>
    <message>
        <source>Ändringshistorik: %1</source>
        <translation>Change history: %1</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>För beslut</source>
        <translation>For decision</translation>
    </message>
    <message>
        <source>Beslutad</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Pågående</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Avslutad</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Avbruten</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Fas</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Beslutspunkt</source>
        <translation>Decision point</translation>
    </message>
    <message>
        <source>Milstolpe</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Aktivitet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Planerad</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Försenad</source>
        <translation>Delayed</translation>
    </message>
    <message>
        <source>Struken</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Beställare</source>
        <translation>Orderer</translation>
    </message>
    <message>
        <source>Uppdragsägare</source>
        <translation>Assignment owner</translation>
    </message>
    <message>
        <source>Uppdragsledare</source>
        <translation>Assignment leader</translation>
    </message>
    <message>
        <source>Styrgrupp</source>
        <translation>Steering group</translation>
    </message>
    <message>
        <source>Uppdragsmedlem</source>
        <translation>Assignment member</translation>
    </message>
    <message>
        <source>Mottagare</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Intressent</source>
        <translation>Stakeholder</translation>
    </message>
    <message>
        <source>Resursägare</source>
        <translation>Resource owner</translation>
    </message>
    <message>
        <source>Projektgrupp</source>
        <translation>Project group</translation>
    </message>
    <message>
        <source>Arbetsgrupp</source>
        <translation>Working group</translation>
    </message>
    <message>
        <source>Referensgrupp</source>
        <translation>Reference group</translation>
    </message>
    <message>
        <source>Summeras</source>
        <translation>Summed</translation>
    </message>
    <message>
        <source>Delad, summeras inte</source>
        <translation>Shared, not summed</translation>
    </message>
    <message>
        <source>Beslutspunkter och beslut</source>
        <translation>Decision points and decisions</translation>
    </message>
    <message>
        <source>Tidplan mot beslutad plan</source>
        <translation>Schedule against the decided plan</translation>
    </message>
    <message>
        <source>Ej aktuellt</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Fortsätt</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Ändra inriktning</source>
        <translation>Change direction</translation>
    </message>
    <message>
        <source>Slut till start</source>
        <translation>Finish to start</translation>
    </message>
    <message>
        <source>Start till start</source>
        <translation>Start to start</translation>
    </message>
    <message>
        <source>Slut till slut</source>
        <translation>Finish to finish</translation>
    </message>
    <message>
        <source>arbetsdagar</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>veckor</source>
        <translation>weeks</translation>
    </message>
    <message>
        <source>planen</source>
        <translation>the plan</translation>
    </message>
    <message>
        <source>personen</source>
        <translation>the person</translation>
    </message>
    <message>
        <source>avsnittet</source>
        <translation>the section</translation>
    </message>
    <message>
        <source>målet</source>
        <translation>the goal</translation>
    </message>
    <message>
        <source>tidplanens post</source>
        <translation>the schedule item</translation>
    </message>
    <message>
        <source>beroendet</source>
        <translation>the dependency</translation>
    </message>
    <message>
        <source>rollen</source>
        <translation>the role</translation>
    </message>
    <message>
        <source>resursen</source>
        <translation>the resource</translation>
    </message>
    <message>
        <source>budgetraden</source>
        <translation>the budget line</translation>
    </message>
    <message>
        <source>risken</source>
        <translation>the risk</translation>
    </message>
    <message>
        <source>riskbedömningen</source>
        <translation>the risk assessment</translation>
    </message>
    <message>
        <source>loggposten</source>
        <translation>the log entry</translation>
    </message>
    <message>
        <source>statusrapporten</source>
        <translation>the status report</translation>
    </message>
    <message>
        <source>begreppet</source>
        <translation>the term</translation>
    </message>
    <message>
        <source>referensen</source>
        <translation>the reference</translation>
    </message>
    <message>
        <source>utgåvan</source>
        <translation>the edition</translation>
    </message>
    <message>
        <source>titel</source>
        <translation>title</translation>
    </message>
    <message>
        <source>undertitel</source>
        <translation>subtitle</translation>
    </message>
    <message>
        <source>rubrik</source>
        <translation>heading</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>text efter tabellen</source>
        <translation>text after the table</translation>
    </message>
    <message>
        <source>mätetal</source>
        <translation>measure</translation>
    </message>
    <message>
        <source>namn</source>
        <translation>name</translation>
    </message>
    <message>
        <source>beskrivning</source>
        <translation>description</translation>
    </message>
    <message>
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <source>startens precision</source>
        <translation>the start&apos;s precision</translation>
    </message>
    <message>
        <source>slut</source>
        <translation>end</translation>
    </message>
    <message>
        <source>slutets precision</source>
        <translation>the end&apos;s precision</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>andel klar</source>
        <translation>progress</translation>
    </message>
    <message>
        <source>kommentar</source>
        <translation>comment</translation>
    </message>
    <message>
        <source>ansvarig</source>
        <translation>responsible</translation>
    </message>
    <message>
        <source>ansvarig person</source>
        <translation>responsible person</translation>
    </message>
    <message>
        <source>ordning</source>
        <translation>order</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>överordnad</source>
        <translation>parent</translation>
    </message>
    <message>
        <source>sannolikhet</source>
        <translation>probability</translation>
    </message>
    <message>
        <source>konsekvens</source>
        <translation>consequence</translation>
    </message>
    <message>
        <source>följd</source>
        <translation>effect</translation>
    </message>
    <message>
        <source>orsak</source>
        <translation>cause</translation>
    </message>
    <message>
        <source>åtgärd</source>
        <translation>action</translation>
    </message>
    <message>
        <source>ägare</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>klart senast</source>
        <translation>due</translation>
    </message>
    <message>
        <source>belopp</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>år</source>
        <translation>year</translation>
    </message>
    <message>
        <source>anteckning</source>
        <translation>note</translation>
    </message>
    <message>
        <source>anteckningar</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>andel av tjänst</source>
        <translation>share of a full-time post</translation>
    </message>
    <message>
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <source>verksamhet</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>resurs/kompetens</source>
        <translation>resource/competence</translation>
    </message>
    <message>
        <source>diarienummer</source>
        <translation>registry number</translation>
    </message>
    <message>
        <source>utgåva</source>
        <translation>edition</translation>
    </message>
    <message>
        <source>författare</source>
        <translation>authors</translation>
    </message>
    <message>
        <source>borttagning</source>
        <translation>deletion</translation>
    </message>
    <message>
        <source>typ</source>
        <translation>type</translation>
    </message>
    <message>
        <source>kod</source>
        <translation>code</translation>
    </message>
    <message>
        <source>e-post</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>telefon</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>begrepp</source>
        <translation>term</translation>
    </message>
    <message>
        <source>förklaring</source>
        <translation>explanation</translation>
    </message>
    <message>
        <source>beslutstext</source>
        <translation>decision text</translation>
    </message>
    <message>
        <source>beslut</source>
        <translation>decision</translation>
    </message>
    <message>
        <source>beslutskommentar</source>
        <translation>decision comment</translation>
    </message>
    <message>
        <source>beslutat av</source>
        <translation>decided by</translation>
    </message>
    <message>
        <source>datum</source>
        <translation>date</translation>
    </message>
    <message>
        <source>förskjutning</source>
        <translation>lag</translation>
    </message>
    <message>
        <source>förskjutningens enhet</source>
        <translation>the lag&apos;s unit</translation>
    </message>
    <message>
        <source>faktisk start</source>
        <translation>actual start</translation>
    </message>
    <message>
        <source>faktiskt slut</source>
        <translation>actual finish</translation>
    </message>
    <message>
        <source>automatisk flytt av efterföljare</source>
        <translation>automatic moving of successors</translation>
    </message>
    <message>
        <source>föregångare</source>
        <translation>predecessor</translation>
    </message>
    <message>
        <source>efterföljare</source>
        <translation>successor</translation>
    </message>
    <message>
        <source>program</source>
        <translation>programme</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>dokumenttyp</source>
        <translation>document type</translation>
    </message>
    <message>
        <source>uppdrag</source>
        <translation>assignment</translation>
    </message>
    <message>
        <source>beslutsdatum</source>
        <translation>decision date</translation>
    </message>
    <message>
        <source>underskrift av (roll)</source>
        <translation>signed by (role)</translation>
    </message>
    <message>
        <source>namnförtydligande</source>
        <translation>name in print</translation>
    </message>
    <message>
        <source>datum för underskrift</source>
        <translation>date of signature</translation>
    </message>
    <message>
        <source>nivå</source>
        <translation>level</translation>
    </message>
    <message>
        <source>checklista</source>
        <translation>checklist</translation>
    </message>
    <message>
        <source>länk</source>
        <translation>link</translation>
    </message>
    <message>
        <source>nummer</source>
        <translation>number</translation>
    </message>
    <message>
        <source>summering</source>
        <translation>summing rule</translation>
    </message>
    <message>
        <source>utfall</source>
        <translation>outcome</translation>
    </message>
    <message>
        <source>prognos</source>
        <translation>forecast</translation>
    </message>
    <message>
        <source>tertial</source>
        <translation>four-month period</translation>
    </message>
    <message>
        <source>trend</source>
        <translation>trend</translation>
    </message>
    <message>
        <source>nyckel</source>
        <translation>key</translation>
    </message>
    <message>
        <source>vägledning</source>
        <translation>guidance</translation>
    </message>
    <message>
        <source>tabell</source>
        <translation>table</translation>
    </message>
    <message>
        <source>Kommande</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>Klar för beslut</source>
        <translation>Ready for decision</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ägare</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Organisation/förvaltning</source>
        <translation>Organisation/department</translation>
    </message>
    <message>
        <source>Dokumenttyp</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Styrmodell</source>
        <translation>Steering model</translation>
    </message>
    <message>
        <source>Period (år)</source>
        <translation>Period (year)</translation>
    </message>
    <message>
        <source>avsnitt</source>
        <translation>section</translation>
    </message>
    <message>
        <source>mål</source>
        <translation>goal</translation>
    </message>
    <message>
        <source>tidplanspost</source>
        <translation>schedule item</translation>
    </message>
    <message>
        <source>beroende</source>
        <translation>dependency</translation>
    </message>
    <message>
        <source>roll</source>
        <translation>role</translation>
    </message>
    <message>
        <source>resursrad</source>
        <translation>resource line</translation>
    </message>
    <message>
        <source>budgetrad</source>
        <translation>budget line</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>risk</translation>
    </message>
    <message>
        <source>riskbedömning</source>
        <translation>risk assessment</translation>
    </message>
    <message>
        <source>loggpost</source>
        <translation>log entry</translation>
    </message>
    <message>
        <source>statusrapport</source>
        <translation>status report</translation>
    </message>
    <message>
        <source>referens</source>
        <translation>reference</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Benämning</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Färdigt (%)</source>
        <translation>Done (%)</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Orsak</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Följd</source>
        <translation>Consequence</translation>
    </message>
    <message>
        <source>Sannolikhet</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Konsekvens</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Riskvärde</source>
        <translation>Risk value</translation>
    </message>
    <message>
        <source>Risknivå</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Mitigation</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>aktiviteter</source>
        <translation>activities</translation>
    </message>
    <message>
        <source>risker</source>
        <translation>risks</translation>
    </message>
    <message>
        <source>Plan som JSON</source>
        <translation>Plan as JSON</translation>
    </message>
    <message>
        <source>Word-dokument</source>
        <translation>Word document</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Excel-arbetsbok</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>iCalendar-kalender</source>
        <translation>iCalendar calendar</translation>
    </message>
    <message>
        <source>CSV (aktiviteter)</source>
        <translation>CSV (activities)</translation>
    </message>
    <message>
        <source>MS Project-XML</source>
        <translation>MS Project XML</translation>
    </message>
    <message>
        <source>Uppgifter om dokumentet</source>
        <translation>Document details</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Tidplan</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Roller</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Resurser</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Referenser</source>
        <translation>References</translation>
    </message>
    <message>
        <source>Tillagd</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Borttagen</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Ändrad</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Flyttad</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>beroenden</source>
        <translation>dependencies</translation>
    </message>
    <message>
        <source>underskrift, titel</source>
        <translation>signature, title</translation>
    </message>
    <message>
        <source>underskrift, namn</source>
        <translation>signature, name</translation>
    </message>
    <message>
        <source>underskrift, datum</source>
        <translation>signature, date</translation>
    </message>
    <message>
        <source>mall</source>
        <translation>template</translation>
    </message>
    <message>
        <source>programrad</source>
        <translation>programme line</translation>
    </message>
    <message>
        <source>styrmodell</source>
        <translation>steering model</translation>
    </message>
    <message>
        <source>riskvärde</source>
        <translation>risk score</translation>
    </message>
    <message>
        <source>adress</source>
        <translation>address</translation>
    </message>
    <message>
        <source>numrerad</source>
        <translation>numbered</translation>
    </message>
    <message>
        <source>valfritt</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>text när avsnittet är tomt</source>
        <translation>text when the section is empty</translation>
    </message>
    <message>
        <source>beslutspunkt</source>
        <translation>decision point</translation>
    </message>
    <message>
        <source>Tillagt</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Borttaget</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Ändrat</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Oförändrat</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Återställd</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Importerad</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Sammanslagen</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Personuppgifter borttagna</source>
        <translation>Personal data removed</translation>
    </message>
    <message>
        <source>Synkad</source>
        <translation>Synchronised</translation>
    </message>
    <message>
        <source>Grå (inaktuell)</source>
        <translation>Grey (out of date)</translation>
    </message>
    <message>
        <source>Ingen rapport</source>
        <translation>No report</translation>
    </message>
    <message>
        <source>PPS</source>
        <translation>PPS</translation>
    </message>
    <message>
        <source>XLPM/PROPS</source>
        <translation>XLPM/PROPS</translation>
    </message>
    <message>
        <source>PROJEKTiL</source>
        <translation>PROJEKTiL</translation>
    </message>
    <message>
        <source>Lokal uppdragsmodell (BP0–BP3)</source>
        <translation>Local assignment model (BP0–BP3)</translation>
    </message>
    <message>
        <source>Egen</source>
        <translation>Own</translation>
    </message>
    <message>
        <source>Effektmål</source>
        <translation>Effect goal</translation>
    </message>
    <message>
        <source>Uppdragsmål</source>
        <translation>Assignment goal</translation>
    </message>
    <message>
        <source>Kostnad</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Finansiering</source>
        <translation>Financing</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Ändring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Avvikelse</source>
        <translation>Deviation</translation>
    </message>
    <message>
        <source>Sammanslagning</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Grön</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Gul</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Röd</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Uppdragsdirektiv</source>
        <translation>Assignment directive</translation>
    </message>
    <message>
        <source>Uppdragsplan</source>
        <translation>Assignment plan</translation>
    </message>
    <message>
        <source>Projektdirektiv</source>
        <translation>Project directive</translation>
    </message>
    <message>
        <source>Projektplan</source>
        <translation>Project plan</translation>
    </message>
    <message>
        <source>Öppen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Hanteras</source>
        <translation>Being handled</translation>
    </message>
    <message>
        <source>Stängd</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Ökande</source>
        <translation>Rising</translation>
    </message>
    <message>
        <source>Oförändrad</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Minskande</source>
        <translation>Falling</translation>
    </message>
    <message>
        <source>Uppdragsmål/projektmål</source>
        <translation>Assignment/project goals</translation>
    </message>
    <message>
        <source>Tidplan (faser och beslutspunkter)</source>
        <translation>Timeline (phases and decision points)</translation>
    </message>
    <message>
        <source>Milstolpar och beslutspunkter</source>
        <translation>Milestones and decision points</translation>
    </message>
    <message>
        <source>Delaktiviteter</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Aktivitetsplan</source>
        <translation>Activity plan</translation>
    </message>
    <message>
        <source>Tidplan som Gantt-schema</source>
        <translation>Timeline as a Gantt chart</translation>
    </message>
    <message>
        <source>Roller, ansvar och befogenheter (tabell)</source>
        <translation>Roles, responsibilities and authority (table)</translation>
    </message>
    <message>
        <source>Organisation (en rad per roll)</source>
        <translation>Organisation (one line per role)</translation>
    </message>
    <message>
        <source>Resursplan</source>
        <translation>Resource plan</translation>
    </message>
    <message>
        <source>Budget (kostnader och finansiering)</source>
        <translation>Budget (costs and financing)</translation>
    </message>
    <message>
        <source>Budget: kostnader</source>
        <translation>Budget: costs</translation>
    </message>
    <message>
        <source>Budget: finansiering</source>
        <translation>Budget: financing</translation>
    </message>
    <message>
        <source>Risker</source>
        <translation>Risks</translation>
    </message>
    <message>
        <source>Ärende- och beslutslogg</source>
        <translation>Issue and decision log</translation>
    </message>
    <message>
        <source>Statusrapporter</source>
        <translation>Status reports</translation>
    </message>
    <message>
        <source>Definitioner och förkortningar</source>
        <translation>Definitions and abbreviations</translation>
    </message>
    <message>
        <source>Referenser/bilagor</source>
        <translation>References/appendices</translation>
    </message>
    <message>
        <source>Mycket liten</source>
        <translation>Very low</translation>
    </message>
    <message>
        <source>Liten</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Måttlig</source>
        <translation>Moderate</translation>
    </message>
    <message>
        <source>Stor</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Mycket stor</source>
        <translation>Very high</translation>
    </message>
    <message>
        <source>Försumbar</source>
        <translation>Negligible</translation>
    </message>
    <message>
        <source>Mindre</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>Betydande</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>Katastrofal</source>
        <translation>Catastrophic</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dina ändringar finns kvar på den här datorn och skrivs tillbaka nästa gång du öppnar filen.</source>
        <translation>Your changes are kept on this computer and are written back the next time you open the file.</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Ny databasfil…</source>
        <translation>&amp;New database file…</translation>
    </message>
    <message>
        <source>&amp;Öppna…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Senast öppnade</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>Öppna se&amp;rver…</source>
        <translation>Open se&amp;rver…</translation>
    </message>
    <message>
        <source>Senaste ser&amp;vrar</source>
        <translation>Recent ser&amp;vers</translation>
    </message>
    <message>
        <source>Teamserver: %1 som %2</source>
        <translation>Team server: %1 as %2</translation>
    </message>
    <message>
        <source>Spara &amp;kopia som…</source>
        <translation>Save a &amp;copy as…</translation>
    </message>
    <message>
        <source>Exportera till &amp;Word…</source>
        <translation>Export to &amp;Word…</translation>
    </message>
    <message>
        <source>Exportera till &amp;PDF…</source>
        <translation>Export to &amp;PDF…</translation>
    </message>
    <message>
        <source>Exportera som &amp;JSON…</source>
        <translation>Export as &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Förhandsgranska…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <source>A&amp;vsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Ångra</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Gör om</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Ny plan…</source>
        <translation>&amp;New plan…</translation>
    </message>
    <message>
        <source>Exportera &amp;riskregistret som CSV…</source>
        <translation>Export the &amp;risk register as CSV…</translation>
    </message>
    <message>
        <source>&amp;Kopiera plan</source>
        <translation>&amp;Copy plan</translation>
    </message>
    <message>
        <source>&amp;Ta bort plan…</source>
        <translation>&amp;Delete plan…</translation>
    </message>
    <message>
        <source>Ta bort &amp;personuppgifter…</source>
        <translation>Remove &amp;personal data…</translation>
    </message>
    <message>
        <source>&amp;Sök</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Inställningar</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Kom igång</source>
        <translation>&amp;Getting started</translation>
    </message>
    <message>
        <source>Sök i titlar, diarienummer och text (Ctrl+F)</source>
        <translation>Search titles, registration numbers and text (Ctrl+F)</translation>
    </message>
    <message>
        <source>Sök planer</source>
        <translation>Search plans</translation>
    </message>
    <message>
        <source>Planer</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Ny här? Läs Kom igång (F1)</source>
        <translation>New here? Read Getting started (F1)</translation>
    </message>
    <message>
        <source>Kom igång</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>Filen hade ett avbrutet skrivförsök; senast sparade läge är återställt.</source>
        <translation>The file had an interrupted write; the last saved state has been restored.</translation>
    </message>
    <message>
        <source>Ingen fil öppen</source>
        <translation>No file open</translation>
    </message>
    <message>
        <source>skrivskyddad</source>
        <translation>read-only</translation>
    </message>
    <message>
        <source>%1 planer</source>
        <translation>%1 plans</translation>
    </message>
    <message>
        <source>%1 i %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Exportera som %1…</source>
        <translation>Export as %1…</translation>
    </message>
    <message>
        <source>&amp;Ångra %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Gör om %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>Skicka plan som &amp;fil…</source>
        <translation>Send plan as &amp;file…</translation>
    </message>
    <message>
        <source>Ta med o&amp;ffline…</source>
        <translation>Take o&amp;ffline…</translation>
    </message>
    <message>
        <source>S&amp;ynkronisera</source>
        <translation>S&amp;ynchronise</translation>
    </message>
    <message>
        <source>Importera från &amp;annan fil…</source>
        <translation>Import from &amp;another file…</translation>
    </message>
    <message>
        <source>Återställ från säker&amp;hetskopia…</source>
        <translation>Re&amp;store from backup…</translation>
    </message>
    <message>
        <source>&amp;Importera plan (JSON, MS Project)…</source>
        <translation>&amp;Import plan (JSON, MS Project)…</translation>
    </message>
    <message>
        <source>Importera a&amp;ktiviteter eller risker (CSV, Excel)…</source>
        <translation>Import a&amp;ctivities or risks (CSV, Excel)…</translation>
    </message>
    <message>
        <source>Exportera alla planer som &amp;kalender…</source>
        <translation>Export all plans as a &amp;calendar…</translation>
    </message>
    <message>
        <source>Exportera alla planer som &amp;riskarbetsbok…</source>
        <translation>Export all plans as a &amp;risk workbook…</translation>
    </message>
    <message>
        <source>&amp;Frys utgåva…</source>
        <translation>&amp;Freeze edition…</translation>
    </message>
    <message>
        <source>&amp;Jämför utgåvor…</source>
        <translation>&amp;Compare editions…</translation>
    </message>
    <message>
        <source>Ändrings&amp;historik…</source>
        <translation>Change &amp;history…</translation>
    </message>
    <message>
        <source>S&amp;tängda dagar…</source>
        <translation>&amp;Closed days…</translation>
    </message>
    <message>
        <source>&amp;Rapporteringsintervall…</source>
        <translation>&amp;Reporting interval…</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Ö&amp;versikt</source>
        <translation>O&amp;verview</translation>
    </message>
    <message>
        <source>Portföljens &amp;tidslinje</source>
        <translation>Portfolio &amp;timeline</translation>
    </message>
    <message>
        <source>Portföljens risk&amp;matris</source>
        <translation>Portfolio risk &amp;matrix</translation>
    </message>
    <message>
        <source>&amp;Resursbelastning</source>
        <translation>&amp;Resource load</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Om Uppdrag</source>
        <translation>&amp;About Uppdrag</translation>
    </message>
    <message>
        <source>Ingen fil är öppen. Öppna en fil med uppdrag, eller skapa en ny fil.</source>
        <translation>No file is open. Open a file of assignments, or create a new file.</translation>
    </message>
    <message>
        <source>Filen är skrivskyddad och har inga planer. Öppna en annan fil, eller skapa en ny fil.</source>
        <translation>The file is read-only and has no plans. Open another file, or create a new file.</translation>
    </message>
    <message>
        <source>Filen har inga planer ännu. Skapa en plan från en mall, eller importera en plan som någon har skickat som JSON.</source>
        <translation>The file has no plans yet. Create a plan from a template, or import a plan someone has sent as JSON.</translation>
    </message>
    <message>
        <source>Filen är skrivskyddad: välj en plan i listan till vänster för att läsa den. Vill du ändra i den, återställ en säkerhetskopia eller öppna en annan fil.</source>
        <translation>The file is read-only: choose a plan in the list on the left to read it. To make changes, restore a backup or open another file.</translation>
    </message>
    <message>
        <source>Välj en plan i listan till vänster, eller skapa en ny plan.</source>
        <translation>Choose a plan in the list on the left, or create a new plan.</translation>
    </message>
    <message>
        <source>Skilj inte på å, ä, ö och a, o</source>
        <translation>Ignore accents on letters</translation>
    </message>
    <message>
        <source>Träff i planens text</source>
        <translation>Match in the plan&apos;s text</translation>
    </message>
    <message>
        <source>Inga träffar för ”%1”. Sök på något annat, eller töm sökfältet för att se alla planer.</source>
        <translation>No matches for “%1”. Search for something else, or clear the search field to see all plans.</translation>
    </message>
    <message>
        <source>1 träff</source>
        <translation>1 hit</translation>
    </message>
    <message>
        <source>%1 träffar</source>
        <translation>%1 hits</translation>
    </message>
    <message>
        <source>1 plan</source>
        <translation>1 plan</translation>
    </message>
    <message>
        <source>Filen har ändrats av ett annat program; visningen är uppdaterad.</source>
        <translation>The file was changed by another program; the view has been updated.</translation>
    </message>
    <message>
        <source>Byt st&amp;yrmodell…</source>
        <translation>Change steeri&amp;ng model…</translation>
    </message>
    <message>
        <source>&amp;Läs in styrmodell…</source>
        <translation>&amp;Read steering model…</translation>
    </message>
    <message>
        <source>Exportera till Word med &amp;checklistor…</source>
        <translation>Export to Word with &amp;checklists…</translation>
    </message>
</context>
<context>
    <name>MarkupEdit</name>
    <message>
        <source>Fet (Ctrl+B)</source>
        <translation>Bold (Ctrl+B)</translation>
    </message>
    <message>
        <source>Kursiv (Ctrl+I)</source>
        <translation>Italic (Ctrl+I)</translation>
    </message>
    <message>
        <source>Punktlista (Ctrl+Shift+8)</source>
        <translation>Bulleted list (Ctrl+Shift+8)</translation>
    </message>
    <message>
        <source>Numrerad lista (Ctrl+Shift+7)</source>
        <translation>Numbered list (Ctrl+Shift+7)</translation>
    </message>
</context>
<context>
    <name>NewPlan</name>
    <message>
        <source>Ny plan</source>
        <translation>New plan</translation>
    </message>
    <message>
        <source>Mall</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Plan att kopiera</source>
        <translation>Plan to copy</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Uppdragets namn</source>
        <translation>Name of the assignment</translation>
    </message>
    <message>
        <source>&amp;Skapa</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Mall:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <source>&amp;Kopiera från:</source>
        <translation>&amp;Copy from:</translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Kopia av befintlig plan</source>
        <translation>Copy of an existing plan</translation>
    </message>
    <message>
        <source>Skriv en titel för planen.</source>
        <translation>Type a title for the plan.</translation>
    </message>
    <message>
        <source>Kopia av %1</source>
        <translation>Copy of %1</translation>
    </message>
    <message>
        <source>Styrmodell</source>
        <translation>Steering model</translation>
    </message>
    <message>
        <source>St&amp;yrmodell:</source>
        <translation>Steering mo&amp;del:</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Dokumenttyp</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Rapportdatum</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>Nästa beslutspunkt</source>
        <translation>Next decision point</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Dagar sen</source>
        <translation>Days late</translation>
    </message>
    <message>
        <source>Klart (%)</source>
        <translation>Done (%)</translation>
    </message>
    <message>
        <source>Budget (kr)</source>
        <translation>Budget (SEK)</translation>
    </message>
    <message>
        <source>Utfall (kr)</source>
        <translation>Actual (SEK)</translation>
    </message>
    <message>
        <source>Prognos (kr)</source>
        <translation>Forecast (SEK)</translation>
    </message>
    <message>
        <source>Höga risker</source>
        <translation>High risks</translation>
    </message>
    <message>
        <source>Ägare</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Avvikelse (kr)</source>
        <translation>Variance (SEK)</translation>
    </message>
    <message>
        <source>Ledare</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Största avvikelse</source>
        <translation>Largest slip</translation>
    </message>
    <message>
        <source>Röd</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Gul</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Grön</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Grå (inaktuell)</source>
        <translation>Grey (out of date)</translation>
    </message>
    <message>
        <source>Ingen rapport</source>
        <translation>No report</translation>
    </message>
    <message>
        <source>Filtrera (plan, ägare, organisation, status …)</source>
        <translation>Filter (plan, owner, organisation, status …)</translation>
    </message>
    <message>
        <source>Filtrera planerna</source>
        <translation>Filter the plans</translation>
    </message>
    <message>
        <source>Exportera Portföljrapport (PDF)…</source>
        <translation>Export portfolio report (PDF)…</translation>
    </message>
    <message>
        <source>Rapportfärg</source>
        <translation>Report colour</translation>
    </message>
    <message>
        <source>Alla rapportfärger</source>
        <translation>All report colours</translation>
    </message>
    <message>
        <source>Alla dokumenttyper</source>
        <translation>All document types</translation>
    </message>
    <message>
        <source>Alla ägare</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>Alla organisationer</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Planerna vars tidplan når in i perioden, och periodens budget</source>
        <translation>The plans whose timeline reaches into the period, and the period&apos;s budget</translation>
    </message>
    <message>
        <source>Alla perioder</source>
        <translation>All periods</translation>
    </message>
    <message>
        <source>Exportera Portföljrapport (Excel)…</source>
        <translation>Export portfolio report (Excel)…</translation>
    </message>
    <message>
        <source>Exportera Portföljrapport (Word)…</source>
        <translation>Export portfolio report (Word)…</translation>
    </message>
    <message>
        <source>Planerna</source>
        <translation>The plans</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>PDF-dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Exportera Portföljrapport</source>
        <translation>Export portfolio report</translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Logg</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadata</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Beslut och underskrift</source>
        <translation>Decision and signature</translation>
    </message>
    <message>
        <source>Nytt mål</source>
        <translation>New goal</translation>
    </message>
    <message>
        <source>Ny aktivitet</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Ny resurs</source>
        <translation>New resource</translation>
    </message>
    <message>
        <source>Ny budgetrad</source>
        <translation>New budget line</translation>
    </message>
    <message>
        <source>Nytt ärende</source>
        <translation>New issue</translation>
    </message>
    <message>
        <source>Nytt begrepp</source>
        <translation>New term</translation>
    </message>
    <message>
        <source>Ny referens</source>
        <translation>New reference</translation>
    </message>
    <message>
        <source>Summa kostnader: %1 · Summa finansiering: %2 · Skillnad: %3</source>
        <translation>Total costs: %1 · Total financing: %2 · Difference: %3</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Flytta upp</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Flytta ned</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Historik…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Inga rader ännu: lägg till den första med ”%1”.</source>
        <translation>No rows yet: add the first one with “%1”.</translation>
    </message>
    <message>
        <source>Ta bort ”%1”? Det går att ångra.</source>
        <translation>Delete “%1”? You can undo it.</translation>
    </message>
    <message>
        <source>Kostnader: utfall %1, prognos %2, avvikelse %3</source>
        <translation>Costs: actual %1, forecast %2, variance %3</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Lägg till mål</source>
        <translation>Add goal</translation>
    </message>
    <message>
        <source>Tidplan</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Lägg till post</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Lägg till person i roll</source>
        <translation>Add person to role</translation>
    </message>
    <message>
        <source>Resursplan</source>
        <translation>Resource plan</translation>
    </message>
    <message>
        <source>Lägg till resurs</source>
        <translation>Add resource</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Lägg till budgetrad</source>
        <translation>Add budget line</translation>
    </message>
    <message>
        <source>Ärende- och beslutslogg</source>
        <translation>Issue and decision log</translation>
    </message>
    <message>
        <source>Statusrapporter</source>
        <translation>Status reports</translation>
    </message>
    <message>
        <source>Lägg till statusrapport</source>
        <translation>Add status report</translation>
    </message>
    <message>
        <source>Definitioner</source>
        <translation>Definitions</translation>
    </message>
    <message>
        <source>Lägg till begrepp</source>
        <translation>Add term</translation>
    </message>
    <message>
        <source>Referenser</source>
        <translation>References</translation>
    </message>
    <message>
        <source>Lägg till referens</source>
        <translation>Add reference</translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Tidplanen som tidslinje</source>
        <translation>The schedule as a timeline</translation>
    </message>
    <message>
        <source>Risker</source>
        <translation>Risks</translation>
    </message>
    <message>
        <source>Riskregister och riskmatris</source>
        <translation>Risk register and risk matrix</translation>
    </message>
    <message>
        <source>Registrera beslut…</source>
        <translation>Record decision…</translation>
    </message>
    <message>
        <source>Checklista…</source>
        <translation>Checklist…</translation>
    </message>
</context>
<context>
    <name>Portfolio</name>
    <message>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Portföljens tidslinje</source>
        <translation>Portfolio timeline</translation>
    </message>
    <message>
        <source>Portföljens riskmatris</source>
        <translation>Portfolio risk matrix</translation>
    </message>
    <message>
        <source>Resursbelastning</source>
        <translation>Resource load</translation>
    </message>
    <message>
        <source>Filtrera på</source>
        <translation>Filter by</translation>
    </message>
    <message>
        <source>Alla planer</source>
        <translation>All plans</translation>
    </message>
    <message>
        <source>Värde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Gruppera efter</source>
        <translation>Group by</translation>
    </message>
    <message>
        <source>Inga grupper</source>
        <translation>No groups</translation>
    </message>
    <message>
        <source>Fäll ihop alla</source>
        <translation>Collapse all</translation>
    </message>
    <message>
        <source>Fäll ut alla</source>
        <translation>Expand all</translation>
    </message>
    <message>
        <source>Visa:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Gruppera:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>(tomt)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Sida %1 av %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Förhandsgranska – %1</source>
        <translation>Print preview – %1</translation>
    </message>
    <message>
        <source>Sidorna tas fram…</source>
        <translation>Preparing the pages…</translation>
    </message>
    <message>
        <source>Förlopp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>&amp;Skriv ut…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>St&amp;äng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Sidorna</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Dokumentet byggs som vid export till Word…</source>
        <translation>Building the document as the Word export does…</translation>
    </message>
    <message>
        <source>Sidorna läggs upp…</source>
        <translation>Laying out the pages…</translation>
    </message>
    <message>
        <source>%1 sidor, som de blir vid export till Word.</source>
        <translation>%1 pages, as the Word export makes them.</translation>
    </message>
    <message>
        <source>Förhandsgranskningen gick inte att ta fram: %1</source>
        <translation>The preview could not be made: %1</translation>
    </message>
    <message>
        <source>Skriv ut</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>Registrar</name>
    <message>
        <source>Kontroll före diarieföring</source>
        <translation>Check before registration</translation>
    </message>
    <message>
        <source>En registrator skulle skicka tillbaka dokumentet för det här. Rätta det i planen, eller exportera ändå.</source>
        <translation>A registrar would send the document back for this. Correct it in the plan, or export anyway.</translation>
    </message>
    <message>
        <source>Anmärkningar</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>&amp;Exportera ändå</source>
        <translation>&amp;Export anyway</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>ReportInterval</name>
    <message>
        <source>Rapporteringsintervall</source>
        <translation>Reporting interval</translation>
    </message>
    <message>
        <source>En plan vars senaste statusrapport är äldre än intervallet visas grå i Översikt. Intervallet sparas i filen och gäller alla som öppnar den. Skriv dagar eller veckor, till exempel 30 dagar eller 4 veckor.</source>
        <translation>A plan whose latest status report is older than the interval shows grey in the Overview. The interval is kept in the file and applies to everyone who opens it. Write days or weeks, for example 30 days or 4 weeks.</translation>
    </message>
    <message>
        <source>&amp;Intervall:</source>
        <translation>&amp;Interval:</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>Resources</name>
    <message>
        <source>över 100 %</source>
        <translation>over 100 %</translation>
    </message>
    <message>
        <source>Ingen enhet angiven</source>
        <translation>No unit given</translation>
    </message>
    <message>
        <source>Första månaden som visas, t.ex. 2026-01 (år-månad).</source>
        <translation>The first month shown, e.g. 2026-01 (year-month).</translation>
    </message>
    <message>
        <source>Sista månaden som visas, t.ex. 2026-12; högst tre år åt gången.</source>
        <translation>The last month shown, e.g. 2026-12; at most three years at a time.</translation>
    </message>
    <message>
        <source>Månader</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Veckor</source>
        <translation>Weeks</translation>
    </message>
    <message>
        <source>Alla utom avbrutna</source>
        <translation>All but cancelled</translation>
    </message>
    <message>
        <source>Resursbelastning per person och period</source>
        <translation>Resource load per person and period</translation>
    </message>
    <message>
        <source>Klicka på en ruta för att se planerna bakom den.</source>
        <translation>Click a cell to see the plans behind it.</translation>
    </message>
    <message>
        <source>Planerna bakom rutan</source>
        <translation>The plans behind the cell</translation>
    </message>
    <message>
        <source>Öppna plan</source>
        <translation>Open plan</translation>
    </message>
    <message>
        <source>Fetstil, röd bakgrund och ”!” = över 100 % av en tjänst.</source>
        <translation>Bold, red background and “!” = over 100 % of a full-time post.</translation>
    </message>
    <message>
        <source>&amp;Från</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Enhet</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>Plan&amp;status</source>
        <translation>Plan &amp;status</translation>
    </message>
    <message>
        <source>Alla enheter</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>roll</source>
        <translation>role</translation>
    </message>
    <message>
        <source>resurs</source>
        <translation>resource</translation>
    </message>
    <message>
        <source>%1 blir bokad över 100 % i %2.</source>
        <translation>%1 is booked over 100 % in %2.</translation>
    </message>
    <message>
        <source>Även bokad i: %1.</source>
        <translation>Also booked in: %1.</translation>
    </message>
</context>
<context>
    <name>Risks</name>
    <message>
        <source>Riskmatris</source>
        <translation>Risk matrix</translation>
    </message>
    <message>
        <source>Konsekvens</source>
        <translation>Consequence</translation>
    </message>
    <message>
        <source>Sannolikhet</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Sannolikhet %1 (%2), konsekvens %3 (%4): %5 risker, %6</source>
        <translation>Probability %1 (%2), consequence %3 (%4): %5 risks, %6</translation>
    </message>
    <message>
        <source>låg</source>
        <translation>low</translation>
    </message>
    <message>
        <source>medel</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>hög</source>
        <translation>high</translation>
    </message>
    <message>
        <source>Låg risk</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <source>Medelhög risk</source>
        <translation>Medium risk</translation>
    </message>
    <message>
        <source>Hög risk</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Orsak</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Följd</source>
        <translation>Effect</translation>
    </message>
    <message>
        <source>Riskvärde</source>
        <translation>Risk value</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Mitigation</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Vad som händer om risken inträffar, i ord.</source>
        <translation>What happens if the risk occurs, in words.</translation>
    </message>
    <message>
        <source>Hur sannolikt det är att risken inträffar, som poäng på riskskalan.</source>
        <translation>How likely the risk is to occur, as a score on the risk scale.</translation>
    </message>
    <message>
        <source>Hur allvarlig följden blir, som poäng på riskskalan. Riskvärdet är sannolikhet × konsekvens.</source>
        <translation>How serious the effect is, as a score on the risk scale. The risk value is probability × consequence.</translation>
    </message>
    <message>
        <source>Sannolikhet från 1 (%2) till %1 (%3), t.ex. 3.</source>
        <translation>Probability from 1 (%2) to %1 (%3), e.g. 3.</translation>
    </message>
    <message>
        <source>Konsekvens från 1 (%2) till %1 (%3), t.ex. 2.</source>
        <translation>Consequence from 1 (%2) to %1 (%3), e.g. 2.</translation>
    </message>
    <message>
        <source>Sannolikhet × konsekvens; nivån står som ord bredvid talet.</source>
        <translation>Probability × consequence; the level is written beside the number.</translation>
    </message>
    <message>
        <source>Klart senast, t.ex. 2026-03-15, mars 2026 eller Q3 2026.</source>
        <translation>Done by, e.g. 2026-03-15, March 2026 or Q3 2026.</translation>
    </message>
    <message>
        <source>Skala</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Riskregister</source>
        <translation>Risk register</translation>
    </message>
    <message>
        <source>Riskens historik</source>
        <translation>History of the risk</translation>
    </message>
    <message>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Visa &amp;alla</source>
        <translation>Show &amp;all</translation>
    </message>
    <message>
        <source>&amp;Ny risk</source>
        <translation>&amp;New risk</translation>
    </message>
    <message>
        <source>&amp;Inställningar…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>1 risk i alla uppdrag</source>
        <translation>1 risk in all assignments</translation>
    </message>
    <message>
        <source>1 risk i uppdraget</source>
        <translation>1 risk in the assignment</translation>
    </message>
    <message>
        <source>%1 risker i alla uppdrag</source>
        <translation>%1 risks in all assignments</translation>
    </message>
    <message>
        <source>%1 risker i uppdraget</source>
        <translation>%1 risks in the assignment</translation>
    </message>
    <message>
        <source>Inga risker i något uppdrag ännu. Öppna ett uppdrag och lägg till risker där.</source>
        <translation>No risks in any assignment yet. Open an assignment and add risks there.</translation>
    </message>
    <message>
        <source>Inga risker ännu: lägg till den första med ”Ny risk”.</source>
        <translation>No risks yet: add the first one with “New risk”.</translation>
    </message>
    <message>
        <source>Visar %1 risker med sannolikhet %2 (%3) och konsekvens %4 (%5)</source>
        <translation>Showing %1 risks with probability %2 (%3) and consequence %4 (%5)</translation>
    </message>
    <message>
        <source>Historik – välj en risk</source>
        <translation>History – choose a risk</translation>
    </message>
    <message>
        <source>Historik för ”%1”</source>
        <translation>History of “%1”</translation>
    </message>
    <message>
        <source>Ny risk</source>
        <translation>New risk</translation>
    </message>
    <message>
        <source>Riskinställningar</source>
        <translation>Risk settings</translation>
    </message>
    <message>
        <source>Benämning för varje nivå</source>
        <translation>Name of each level</translation>
    </message>
    <message>
        <source>&amp;Skala:</source>
        <translation>&amp;Scale:</translation>
    </message>
    <message>
        <source>Lägsta riskvärde (sannolikhet × konsekvens) som räknas som medelhög risk, t.ex. 5.</source>
        <translation>Lowest risk value (probability × consequence) that counts as medium risk, e.g. 5.</translation>
    </message>
    <message>
        <source>Lägsta riskvärde som räknas som hög risk, t.ex. 9.</source>
        <translation>Lowest risk value that counts as high risk, e.g. 9.</translation>
    </message>
    <message>
        <source>Gul från riskvärde:</source>
        <translation>Yellow from risk value:</translation>
    </message>
    <message>
        <source>Röd från riskvärde:</source>
        <translation>Red from risk value:</translation>
    </message>
    <message>
        <source>Benämning för varje nivå:</source>
        <translation>Name of each level:</translation>
    </message>
    <message>
        <source>Alla riskers poäng räknas om från skala 1–%1 till 1–%2 och varje omräkning sparas i riskens historik.</source>
        <translation>Every risk&apos;s scores are recalculated from the scale 1–%1 to 1–%2, and each recalculation is kept in the risk&apos;s history.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Avsnitt</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>&amp;Nytt avsnitt</source>
        <translation>&amp;New section</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Flytta upp</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Flytta ned</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Byt nivå</source>
        <translation>Change level</translation>
    </message>
    <message>
        <source>Nytt avsnitt</source>
        <translation>New section</translation>
    </message>
    <message>
        <source>Här visas tabellen: %1</source>
        <translation>The table shown here: %1</translation>
    </message>
    <message>
        <source>Ta bort avsnittet ”%1”? Det går att ångra.</source>
        <translation>Delete the section “%1”? You can undo it.</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Öppna server</source>
        <translation>Open server</translation>
    </message>
    <message>
        <source>Teamserverns adress, t.ex. postgresql://användare@server.region.se/uppdrag eller postgresql:///?service=uppdrag. Ange en egen CA-fil med ?sslrootcert=SÖKVÄG. Skriv inget lösenord här: Uppdrag frågar om servern vill ha ett.</source>
        <translation>The team server&apos;s address, e.g. postgresql://user@server.region.se/uppdrag or postgresql:///?service=uppdrag. Name your own CA file with ?sslrootcert=PATH. Do not type a password here: Uppdrag asks if the server wants one.</translation>
    </message>
    <message>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Lösenord för %1. Det används bara under den här sessionen och sparas inte.</source>
        <translation>Password for %1. It is used for this session only and is not saved.</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>borttagen</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>Filen används</source>
        <translation>File in use</translation>
    </message>
    <message>
        <source>Öppna &amp;skrivskyddad</source>
        <translation>Open &amp;read-only</translation>
    </message>
    <message>
        <source>&amp;Ta bort låset och redigera</source>
        <translation>&amp;Remove the lock and edit</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Konflikter vid sammanslagning</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <source>&amp;Slå samman</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>Återställ från säkerhetskopia</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Det finns inga säkerhetskopior av den här filen ännu.</source>
        <translation>There are no backups of this file yet.</translation>
    </message>
    <message>
        <source>&amp;Återställ vald kopia</source>
        <translation>&amp;Restore selected backup</translation>
    </message>
    <message>
        <source>&amp;Stäng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>”{name}” redigeras redan av {who}.</source>
        <translation>“{name}” is already being edited by {who}.</translation>
    </message>
    <message>
        <source>Låsfil: {lock}</source>
        <translation>Lock file: {lock}</translation>
    </message>
    <message>
        <source>Låset verkar övergivet (programmet svarar inte). Du kan ta bort det om du vet att ingen annan har filen öppen.</source>
        <translation>The lock seems abandoned (the program does not respond). You may remove it if you know nobody else has the file open.</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Uppgift</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Den här filen</source>
        <translation>This file</translation>
    </message>
    <message>
        <source>Den andra filen</source>
        <translation>The other file</translation>
    </message>
    <message>
        <source>Behåll min</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Ta deras</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Konflikter vid synkronisering</source>
        <translation>Synchronisation conflicts</translation>
    </message>
    <message>
        <source>{n} fält har ändrats både i den här filen och på servern sedan filen togs med offline. Välj för varje fält vilket värde som ska gälla.</source>
        <translation>{n} fields were changed both in this file and on the server since the file was taken offline. Choose for each field which value applies.</translation>
    </message>
    <message>
        <source>På servern</source>
        <translation>On the server</translation>
    </message>
    <message>
        <source>I den här filen</source>
        <translation>In this file</translation>
    </message>
    <message>
        <source>Behåll serverns</source>
        <translation>Keep the server&apos;s</translation>
    </message>
    <message>
        <source>Ta filens</source>
        <translation>Take the file&apos;s</translation>
    </message>
    <message>
        <source>&amp;Synkronisera</source>
        <translation>&amp;Synchronise</translation>
    </message>
    <message>
        <source>Borttaget och ändrat samtidigt</source>
        <translation>Deleted and changed at the same time</translation>
    </message>
    <message>
        <source>Någon annan tog bort det du ändrade, eller ändrade det du tog bort, på servern medan du arbetade. Inget har skrivits. Välj vad som ska gälla.</source>
        <translation>Someone else deleted what you changed, or changed what you deleted, on the server while you were working. Nothing has been written. Choose what holds.</translation>
    </message>
    <message>
        <source>Någon annan ändrade samma fält</source>
        <translation>Someone else changed the same field</translation>
    </message>
    <message>
        <source>{n} fält ändrades av någon annan på servern medan du skrev. Inget har skrivits över. Välj för varje fält vilket värde som ska gälla.</source>
        <translation>{n} fields were changed by someone else on the server while you were typing. Nothing was overwritten. Choose for each field which value applies.</translation>
    </message>
    <message>
        <source>Ditt värde</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>Sparat på servern</source>
        <translation>Stored on the server</translation>
    </message>
    <message>
        <source>Behåll mitt</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Ta det sparade</source>
        <translation>Take the stored one</translation>
    </message>
    <message>
        <source>&amp;Spara valen</source>
        <translation>&amp;Save the choices</translation>
    </message>
    <message>
        <source>Alla: %1</source>
        <translation>All: %1</translation>
    </message>
    <message>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Tidpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Planer</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Återställ</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Ersätta ”{name}” med säkerhetskopian från {when}? Den nuvarande filen sparas som ”{name}.fore-aterstallning”.</source>
        <translation>Replace “{name}” with the backup from {when}? The current file is kept as “{name}.fore-aterstallning”.</translation>
    </message>
    <message>
        <source>oläsbar</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>Filen är återställd från {when}.</source>
        <translation>The file has been restored from {when}.</translation>
    </message>
    <message>
        <source>Importera från annan fil</source>
        <translation>Import from another file</translation>
    </message>
    <message>
        <source>Skicka plan som fil</source>
        <translation>Send plan as file</translation>
    </message>
    <message>
        <source>Planen sparades i %1.</source>
        <translation>The plan was saved in %1.</translation>
    </message>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>finns kvar, ändrad</source>
        <translation>kept, changed</translation>
    </message>
    <message>
        <source>{n} fält har ändrats olika i de två filerna sedan de senast var lika. Välj för varje fält vilket värde som ska gälla.</source>
        <translation>{n} fields were changed differently in the two files since they were last alike. Choose for each field which value applies.</translation>
    </message>
    <message>
        <source>sammanslagning med %1</source>
        <translation>merge with %1</translation>
    </message>
    <message>
        <source>frys utgåva</source>
        <translation>freezing an edition</translation>
    </message>
    <message>
        <source>byt styrmodell</source>
        <translation>change of steering model</translation>
    </message>
    <message>
        <source>Läs in styrmodell</source>
        <translation>Read steering model</translation>
    </message>
    <message>
        <source>Styrmodeller (*.toml)</source>
        <translation>Steering models (*.toml)</translation>
    </message>
    <message>
        <source>läs in styrmodell</source>
        <translation>reading a steering model</translation>
    </message>
    <message>
        <source>Styrmodellen ”%1” finns nu i filen för alla som öppnar den.</source>
        <translation>The steering model “%1” is now in the file for everyone who opens it.</translation>
    </message>
</context>
<context>
    <name>Steering</name>
    <message>
        <source>Byt styrmodell</source>
        <translation>Change steering model</translation>
    </message>
    <message>
        <source>Styrmodell</source>
        <translation>Steering model</translation>
    </message>
    <message>
        <source>&amp;Byt</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>St&amp;yrmodell:</source>
        <translation>Steering mo&amp;del:</translation>
    </message>
    <message>
        <source>Styrmodell: %1</source>
        <translation>Steering model: %1</translation>
    </message>
    <message>
        <source>Behålls (datum behålls, namn och checklista från den nya modellen)</source>
        <translation>Kept (dates kept, names and checklists from the new model)</translation>
    </message>
    <message>
        <source>Läggs till</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Tas bort</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Behålls eftersom beslut är fattat</source>
        <translation>Kept because a decision has been taken</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Lokal fil</source>
        <translation>Local file</translation>
    </message>
    <message>
        <source>Nätverksenhet</source>
        <translation>Network drive</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>allt sparat</source>
        <translation>all saved</translation>
    </message>
    <message>
        <source>sparas strax</source>
        <translation>saving shortly</translation>
    </message>
    <message>
        <source>sparar …</source>
        <translation>saving …</translation>
    </message>
    <message>
        <source>ej sparad</source>
        <translation>not saved</translation>
    </message>
    <message>
        <source>sammanfogad, sparar …</source>
        <translation>merged, saving …</translation>
    </message>
    <message>
        <source>skrivskyddad</source>
        <translation>read-only</translation>
    </message>
</context>
<context>
    <name>TableImport</name>
    <message>
        <source>Importera lista</source>
        <translation>Import list</translation>
    </message>
    <message>
        <source>Välj vilka kolumner i %1 som ska läsas in i planen.</source>
        <translation>Choose which columns of %1 are read into the plan.</translation>
    </message>
    <message>
        <source>&amp;Blad:</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <source>Aktiviteter</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Risker</source>
        <translation>Risks</translation>
    </message>
    <message>
        <source>&amp;Lista:</source>
        <translation>&amp;List:</translation>
    </message>
    <message>
        <source>&amp;Importera</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Ta med offline</source>
        <translation>Take offline</translation>
    </message>
    <message>
        <source>Planerna skrivs till en vanlig fil som du kan arbeta i utan nätverk. Filen minns servern: välj Arkiv → Synkronisera när du är tillbaka.</source>
        <translation>The plans are written to an ordinary file you can work in without a network. The file remembers the server: choose File → Synchronise when you are back.</translation>
    </message>
    <message>
        <source>&amp;Hela portföljen (%1 planer)</source>
        <translation>&amp;The whole portfolio (%1 plans)</translation>
    </message>
    <message>
        <source>&amp;Bara planen ”%1”</source>
        <translation>&amp;Only the plan “%1”</translation>
    </message>
    <message>
        <source>&amp;Ta med offline</source>
        <translation>&amp;Take offline</translation>
    </message>
    <message>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Hämtar planerna från servern …</source>
        <translation>Fetching the plans from the server …</translation>
    </message>
    <message>
        <source>%1 planer finns nu i %2 för arbete offline (servern ändrades inte). Öppna filen med Arkiv → Senast öppnade och välj Synkronisera när du är tillbaka.</source>
        <translation>%1 plans are now in %2 for working offline (the server was not changed). Open the file with File → Recent files and choose Synchronise when you are back.</translation>
    </message>
    <message>
        <source>Ansluter till servern …</source>
        <translation>Connecting to the server …</translation>
    </message>
    <message>
        <source>Skickar dina ändringar till servern …</source>
        <translation>Sending your changes to the server …</translation>
    </message>
    <message>
        <source>Hämtar ändringar från servern …</source>
        <translation>Fetching changes from the server …</translation>
    </message>
    <message>
        <source>Synkronisera</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <source>Synkroniserat med %1: %2 ändringar skickade, %3 hämtade, %4 konflikter. Synkroniseringen kan inte ångras, eftersom ändringarna redan finns på servern.</source>
        <translation>Synchronised with %1: %2 changes sent, %3 fetched, %4 conflicts. A synchronisation cannot be undone, since the changes are already on the server.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Post</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Float</translation>
    </message>
    <message>
        <source>Mot beslutad</source>
        <translation>Against decided</translation>
    </message>
    <message>
        <source>%1 (%2 planer) – klicka för att fälla ihop eller ut alla</source>
        <translation>%1 (%2 plans) – click to collapse or expand them all</translation>
    </message>
    <message>
        <source>%1: %2 (%3 poster) – klicka för att fälla ihop eller ut</source>
        <translation>%1: %2 (%3 items) – click to collapse or expand</translation>
    </message>
    <message>
        <source>Borttagna sedan beslutad plan: %1</source>
        <translation>Removed since the decided plan: %1</translation>
    </message>
    <message>
        <source>Största avvikelse mot beslutad plan: %1 (%2)</source>
        <translation>Largest slip against the decided plan: %1 (%2)</translation>
    </message>
    <message>
        <source>Nästa beslutspunkt: %1</source>
        <translation>Next decision point: %1</translation>
    </message>
    <message>
        <source>Tillkommen sedan beslutad plan</source>
        <translation>Added since the decided plan</translation>
    </message>
    <message>
        <source>Mot beslutad plan: %1</source>
        <translation>Against the decided plan: %1</translation>
    </message>
    <message>
        <source>Nästa: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source>Tillkommen</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Zooma in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zooma ut</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Anpassa till planen</source>
        <translation>Fit to the plan</translation>
    </message>
    <message>
        <source>Idag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Exportera PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <source>Exportera SVG…</source>
        <translation>Export SVG…</translation>
    </message>
    <message>
        <source>Skriv ut…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Kritisk linje</source>
        <translation>Critical path</translation>
    </message>
    <message>
        <source>Markera kedjan som avgör slutdatum och visa varje posts slack</source>
        <translation>Mark the chain that decides the end date and show each item&apos;s float</translation>
    </message>
    <message>
        <source>Beslutad plan</source>
        <translation>Decided plan</translation>
    </message>
    <message>
        <source>Visa den senast frysta utgåvan som en tunn linje under varje stapel, med avvikelsen i verktygstipset</source>
        <translation>Show the last frozen edition as a thin line under each bar, with the deviation in the tooltip</translation>
    </message>
    <message>
        <source>Flytta efterföljare automatiskt</source>
        <translation>Move successors automatically</translation>
    </message>
    <message>
        <source>När en post flyttas eller växer flyttas efterföljare som börjar för tidigt direkt, i stället för att erbjudas (gäller planen).</source>
        <translation>When an item moves or grows, successors that would start too early are moved at once instead of being offered a move (for this plan).</translation>
    </message>
    <message>
        <source>Kunde inte spara bilden %1.</source>
        <translation>Could not save the picture %1.</translation>
    </message>
    <message>
        <source>Tidslinje exporterad från Uppdrag</source>
        <translation>Timeline exported from Uppdrag</translation>
    </message>
    <message>
        <source>Exportera tidslinjen som PNG</source>
        <translation>Export the timeline as PNG</translation>
    </message>
    <message>
        <source>tidslinje.png</source>
        <translation>timeline.png</translation>
    </message>
    <message>
        <source>PNG-bild (*.png)</source>
        <translation>PNG picture (*.png)</translation>
    </message>
    <message>
        <source>Exportera tidslinjen som SVG</source>
        <translation>Export the timeline as SVG</translation>
    </message>
    <message>
        <source>tidslinje.svg</source>
        <translation>timeline.svg</translation>
    </message>
    <message>
        <source>SVG-bild (*.svg)</source>
        <translation>SVG picture (*.svg)</translation>
    </message>
    <message>
        <source>Kunde inte exportera tidslinjen: %1. Välj en annan mapp och försök igen.</source>
        <translation>Could not export the timeline: %1. Choose another folder and try again.</translation>
    </message>
    <message>
        <source>Tidplanens poster</source>
        <translation>Items of the schedule</translation>
    </message>
    <message>
        <source>inget datum</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>%1 %2: %3, status %4</source>
        <translation>%1 %2: %3, status %4</translation>
    </message>
    <message>
        <source>Länka ”%1” till… välj efterföljare med pil upp/ned och tryck Retur (Esc avbryter)</source>
        <translation>Link “%1” to… pick the successor with the up/down arrows and press Return (Esc cancels)</translation>
    </message>
    <message>
        <source>v. %1</source>
        <translation>wk %1</translation>
    </message>
    <message>
        <source> och %1 till</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <source>%1 efterföljare börjar för tidigt: %2.</source>
        <translation>%1 successor(s) start too early: %2.</translation>
    </message>
    <message>
        <source>Flytta dem</source>
        <translation>Move them</translation>
    </message>
    <message>
        <source>Flyttar hela kedjan av efterföljare så att beroendena hålls (ett ångra-steg).</source>
        <translation>Moves the whole chain of successors so that the dependencies hold (one undo step).</translation>
    </message>
    <message>
        <source>Låt dem vara</source>
        <translation>Leave them</translation>
    </message>
    <message>
        <source>Beslutad plan att jämföra med</source>
        <translation>Decided plan to compare with</translation>
    </message>
    <message>
        <source>Vilken fryst utgåva tidslinjen och exporterna jämför planen med</source>
        <translation>Which frozen edition the timeline and the exports compare the plan with</translation>
    </message>
    <message>
        <source>&amp;Jämför med:</source>
        <translation>&amp;Compare with:</translation>
    </message>
    <message>
        <source>Senast frysta utgåvan (%1)</source>
        <translation>Last frozen edition (%1)</translation>
    </message>
    <message>
        <source>Ingen fryst utgåva</source>
        <translation>No frozen edition</translation>
    </message>
    <message>
        <source>Utgåva %1 (%2)</source>
        <translation>Edition %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Öppna</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Länka till…</source>
        <translation>&amp;Link to…</translation>
    </message>
    <message>
        <source>&amp;Ändra…</source>
        <translation>&amp;Change…</translation>
    </message>
    <message>
        <source>&amp;Ta bort beroendet</source>
        <translation>&amp;Remove the dependency</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Ny plan</source>
        <translation>New plan</translation>
    </message>
    <message>
        <source>Kopiera plan</source>
        <translation>Copy plan</translation>
    </message>
    <message>
        <source>Ta bort plan</source>
        <translation>Delete plan</translation>
    </message>
    <message>
        <source>Registrera beslut</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>Besvara checklista</source>
        <translation>Answer checklist</translation>
    </message>
    <message>
        <source>%1 och %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <source>ändrat %1 för %2</source>
        <translation>changed %1 of %2</translation>
    </message>
    <message>
        <source>ändrad %1 för %2</source>
        <translation>changed %1 of %2</translation>
    </message>
    <message>
        <source>ändrade %1 för %2</source>
        <translation>changed %1 of %2</translation>
    </message>
    <message>
        <source>att %1 lades till</source>
        <translation>adding %1</translation>
    </message>
    <message>
        <source>att %1 togs bort</source>
        <translation>deleting %1</translation>
    </message>
    <message>
        <source>att %1 återställdes</source>
        <translation>restoring %1</translation>
    </message>
    <message>
        <source>att %1 flyttades</source>
        <translation>moving %1</translation>
    </message>
    <message>
        <source>Lägg till beroende</source>
        <translation>Add dependency</translation>
    </message>
    <message>
        <source>Ändra beroende</source>
        <translation>Change dependency</translation>
    </message>
    <message>
        <source>Ta bort beroende</source>
        <translation>Remove dependency</translation>
    </message>
    <message>
        <source>Flytta efterföljare automatiskt</source>
        <translation>Move successors automatically</translation>
    </message>
    <message>
        <source>Flytta efterföljare</source>
        <translation>Move successors</translation>
    </message>
    <message>
        <source>Erbjud flytt av efterföljare</source>
        <translation>Offer to move successors</translation>
    </message>
    <message>
        <source>Jämför med %1</source>
        <translation>Compare with %1</translation>
    </message>
    <message>
        <source>ändrade stängda dagar</source>
        <translation>changed closed days</translation>
    </message>
    <message>
        <source>ändrade rapporteringsintervallet</source>
        <translation>changed the reporting interval</translation>
    </message>
</context>
</TS>
