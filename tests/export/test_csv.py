"""CSV export and import of the activity list and the risk register, through the command line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.export.fixtures import stored_rows
from app.cli import main
from app.dates import VagueDate
from app.plans import create_plan
from app.workspace import Workspace


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "c.uppdrag"
    ws = Workspace.create(path)
    plan_id = create_plan(ws, "plan", "Nära vård", diarienummer="RS 2025/117").ids[0]
    for item in ws.list("timeline", plan_id):
        ws.delete("timeline", item["id"])
    ws.add("timeline", plan_id, kind="activity", code="1.", title="Kartläggning", start=VagueDate.quarter(2025, 3),
           end=VagueDate.day(2025, 11, 18), progress=40, description="Två rader;\n\"citat\"")
    ws.add("timeline", plan_id, kind="milestone", code="MS1", title="=HYPERLINK(\"http://x\";\"klicka\")",
           start=VagueDate.month(2025, 9), responsible="-Anna", comment="@SUMMA(A1)")
    ws.add("risk", plan_id, title="Brist på personal", cause="+Pensionsavgångar", probability=3, impact=4,
           owner="Bo", due=VagueDate.month(2025, 9))
    ws.close()
    return path, plan_id


def _table(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))


def test_activities_written_the_way_swedish_excel_writes_csv(filled, tmp_path: Path) -> None:
    path, plan_id = filled
    out = tmp_path / "akt.csv"
    assert main(["export", str(path), str(plan_id), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = _table(out)
    assert rows[0] == ["Id", "Typ", "Kod", "Benämning", "Beskrivning", "Start", "Slut", "Ansvarig", "Status",
                       "Färdigt (%)", "Kommentar"]
    first, second = rows[1], rows[2]
    assert first[1:4] == ["Aktivitet", "1.", "Kartläggning"] and first[4] == "Två rader;\n\"citat\""
    assert first[5:7] == ["Q3 2025", "2025-11-18"] and first[9] == "40"
    # User text a spreadsheet would run as a formula is written as text (CSV injection).
    assert second[3] == "'=HYPERLINK(\"http://x\";\"klicka\")"
    assert second[7] == "'-Anna" and second[10] == "'@SUMMA(A1)"
    assert second[5] == "september 2025"


def test_round_trip_updates_by_id_adds_new_rows_and_restores_formula_text(filled, tmp_path: Path, capsys) -> None:
    path, plan_id = filled
    out = tmp_path / "akt.csv"
    assert main(["export", str(path), str(plan_id), "-o", str(out)]) == 0
    rows = _table(out)
    rows[1][3] = "Kartläggning av behov"
    rows[1][9] = "75"
    rows.append(["", "", "2.", "Workshoppar", "", "okt 2025 – dec 2025", "", "Cecilia", "Pågår", "10", ""])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    out.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    capsys.readouterr()
    assert main(["import", str(path), str(out), "--plan", str(plan_id)]) == 0
    assert "1 nya och 1 ändrade aktiviteter lästes in (1 oförändrade)." in capsys.readouterr().out
    items = {i["title"]: i for i in stored_rows(path, plan_id)}
    assert items["Kartläggning av behov"]["progress"] == 75
    assert items["Kartläggning av behov"]["start"] == VagueDate.quarter(2025, 3)
    new = items["Workshoppar"]
    assert (new["kind"], new["status"], new["responsible"]) == ("activity", "ongoing", "Cecilia")
    assert (new["start"], new["end"]) == (VagueDate.month(2025, 10), VagueDate.month(2025, 12))
    formula = items["=HYPERLINK(\"http://x\";\"klicka\")"]  # the apostrophe taken off again
    assert formula["responsible"] == "-Anna" and formula["comment"] == "@SUMMA(A1)"
    assert len(items) == 3
    # The same file again changes nothing: the new row without Id is found by its name.
    assert main(["import", str(path), str(out), "--plan", str(plan_id)]) == 0
    assert "0 nya och 0 ändrade aktiviteter lästes in (3 oförändrade)" in capsys.readouterr().out
    assert len(stored_rows(path, plan_id)) == 3


def test_comma_separated_utf8_with_bad_rows_reported_by_line(filled, tmp_path: Path, capsys) -> None:
    path, plan_id = filled
    src = tmp_path / "lista.csv"
    src.write_text("Aktivitet,Startdatum,Slutdatum,Färdigt,Status\n"
                   "Intervjuer,hösten 2025,2025-12-01,\"12,0\",Planerad\n"
                   "Trasigt datum,32/13 2025,,0,\n"
                   "\"Flera\nrader\",v. 47 2025,,\"12,5\",\n"
                   "Fel ordning,2026-01-10,2025-01-10,,\n"
                   ",,,,\n"
                   "Okänd status,2025,,,Vilande\n", encoding="utf-8")
    assert main(["import", str(path), str(src), "--plan", str(plan_id)]) == 0
    out = capsys.readouterr().out
    assert "1 nya och 0 ändrade aktiviteter lästes in" in out
    assert "4 rader kunde inte läsas" in out
    assert "rad 3: Start" in out and "rad 4: Färdigt (%) ”12,5” är inget heltal." in out
    assert "rad 6: " in out and "rad 8: Status ”Vilande”" in out
    new = next(i for i in stored_rows(path, plan_id) if i["title"] == "Intervjuer")
    assert new["start"] == VagueDate(VagueDate.month(2025, 9).start, "season") and new["progress"] == 12


def test_risks_export_and_import_on_the_files_scale(filled, tmp_path: Path, capsys) -> None:
    path, plan_id = filled
    out = tmp_path / "risker.csv"
    assert main(["export", str(path), str(plan_id), "-o", str(out), "--lista", "risker"]) == 0
    rows = _table(out)
    assert rows[0][:8] == ["Id", "Risk", "Orsak", "Följd", "Sannolikhet", "Konsekvens", "Riskvärde",
                           "Risknivå"]
    assert rows[1][1:8] == ["Brist på personal", "'+Pensionsavgångar", "", "3", "4", "12", "Hög"]
    rows[1][4] = "2"
    rows.append(["", "Ny risk", "", "", "5", "1", "", "", "", "", "", "", ""])  # 5 on a 1–4 scale
    rows.append(["", "IT-stöd saknas", "", "", "1", "2", "", "", "Eva", "", "Q1 2026", "Hanteras", "Ökande"])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    out.write_text(buffer.getvalue(), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(path), str(out), "--plan", str(plan_id)]) == 0
    text = capsys.readouterr().out
    assert "1 nya och 1 ändrade risker" in text and "rad 3: Sannolikheten" in text
    risks = {r["title"]: r for r in stored_rows(path, plan_id, "risk")}
    assert risks["Brist på personal"]["probability"] == 2 and risks["Brist på personal"]["cause"] == "+Pensionsavgångar"
    assert (risks["IT-stöd saknas"]["status"], risks["IT-stöd saknas"]["trend"]) == ("handled", "up")
    assert risks["IT-stöd saknas"]["due"] == VagueDate.quarter(2026, 1)


def test_a_risk_list_written_before_with_konsekvens_poang_reads_as_it_was_meant(filled, tmp_path: Path,
                                                                                   capsys) -> None:
    path, plan_id = filled
    old = tmp_path / "gamla.csv"
    old.write_text("Risk;Orsak;Konsekvens;Sannolikhet;Konsekvens (poäng);Riskvärde\n"
                   "Leverantören går i konkurs;Svag ekonomi;Systemet stannar;2;3;6\n", encoding="utf-8")
    assert main(["import", str(path), str(old), "--plan", str(plan_id)]) == 0
    assert "1 nya och 0 ändrade risker" in capsys.readouterr().out
    risk = next(r for r in stored_rows(path, plan_id, "risk") if r["title"] == "Leverantören går i konkurs")
    assert (risk["consequence"], risk["probability"], risk["impact"]) == ("Systemet stannar", 2, 3)


def _history_rows(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM row_version").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("name, content, message", [
    ("miljon.csv", None, "fler än 100 000 rader"),
    ("binar.csv", b"\x00\x01\x02PK\x03\x04" * 100, "ingen textfil"),
    ("tom.csv", b"", "är tom"),
    ("okand.csv", "Fält A;Fält B\n1;2\n".encode(), "inga kolumnnamn som Uppdrag känner igen"),
    ("inga.csv", "Benämning;Start\n;\n;hösten 2025\n".encode(), "Inga aktiviteter kunde läsas"),
    ("lang.csv", ("Benämning\n\"" + "x" * 200_000 + "\"\n").encode(), "kan inte läsas som CSV"),
])
def test_bad_files_are_refused_and_nothing_is_written(filled, tmp_path: Path, capsys, name, content,
                                                      message) -> None:
    path, plan_id = filled
    src = tmp_path / name
    if content is None:  # a million rows, the first thousand of them good
        with src.open("w", encoding="utf-8") as fh:
            fh.write("Benämning;Start\n")
            fh.writelines(f"Rad {n};2025-01-01\n" for n in range(1_000_000))
    else:
        src.write_bytes(content)
    before = (stored_rows(path, plan_id), _history_rows(path))
    assert main(["import", str(path), str(src), "--plan", str(plan_id)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert (stored_rows(path, plan_id), _history_rows(path)) == before


def test_huge_file_refused_before_it_is_read(filled, tmp_path: Path, capsys) -> None:
    path, plan_id = filled
    src = tmp_path / "stor.csv"
    with src.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper
    assert main(["import", str(path), str(src), "--plan", str(plan_id)]) == 1
    assert "för stor (100 MB)" in capsys.readouterr().err


def test_other_encodings_are_read_and_said(filled, tmp_path: Path, capsys) -> None:
    path, plan_id = filled
    old_excel = tmp_path / "gammal.csv"
    old_excel.write_bytes("Benämning;Start\nÅtgärdsplan för äldreomsorg;maj 2026\n".encode("cp1252"))
    assert main(["import", str(path), str(old_excel), "--plan", str(plan_id)]) == 0
    assert "lästes som Windows-1252" in capsys.readouterr().out
    unicode_text = tmp_path / "unicode.csv"
    unicode_text.write_bytes("Benämning\tSlut\r\nÖversyn\t2026-06-30\r\n".encode("utf-16"))
    assert main(["import", str(path), str(unicode_text), "--plan", str(plan_id)]) == 0
    titles = {i["title"]: i for i in stored_rows(path, plan_id)}
    assert titles["Åtgärdsplan för äldreomsorg"]["start"] == VagueDate.month(2026, 5)
    assert titles["Översyn"]["end"] == VagueDate.day(2026, 6, 30)


def test_usage_a_table_needs_a_plan(filled, tmp_path: Path, capsys) -> None:
    path, _plan_id = filled
    src = tmp_path / "a.csv"
    src.write_text("Benämning\nX\n", encoding="utf-8")
    assert main(["import", str(path), str(src)]) == 2
    assert "--plan PLAN" in capsys.readouterr().err


def test_unchanged_list_read_back_keeps_links_and_writes_nothing(filled, tmp_path: Path, capsys) -> None:
    from app.people import add_person

    path, plan_id = filled
    ws = Workspace.open(path)
    person = add_person(ws, "Maja Ek").ids[0]
    ws.add("timeline", plan_id, kind="activity", title="Upphandling", start=VagueDate.month(2026, 2),
           responsible="Inköp", responsible_person=person)  # its own text beside the linked person
    ws.close()
    out = tmp_path / "akt.csv"
    assert main(["export", str(path), str(plan_id), "-o", str(out)]) == 0
    assert _table(out)[3][7] == "Inköp"
    before = (stored_rows(path, plan_id), _history_rows(path))
    capsys.readouterr()
    assert main(["import", str(path), str(out), "--plan", str(plan_id)]) == 0
    assert "0 nya och 0 ändrade aktiviteter lästes in (3 oförändrade)" in capsys.readouterr().out
    assert (stored_rows(path, plan_id), _history_rows(path)) == before
    linked = next(i for i in before[0] if i["title"] == "Upphandling")
    assert linked["responsible_person"] == person


def test_ids_of_another_plans_rows_are_not_taken_over(filled, tmp_path: Path, capsys) -> None:
    path, plan_id = filled
    ws = Workspace.open(path)
    other = create_plan(ws, "plan", "Annan plan").ids[0]
    ws.close()
    out = tmp_path / "akt.csv"
    assert main(["export", str(path), str(plan_id), "-o", str(out)]) == 0
    ids = {row[0] for row in _table(out)[1:]}
    capsys.readouterr()
    assert main(["import", str(path), str(out), "--plan", str(other)]) == 0
    assert "2 nya och 0 ändrade aktiviteter lästes in" in capsys.readouterr().out
    copied = [i for i in stored_rows(path, other) if i["title"] in ("Kartläggning", "=HYPERLINK(\"http://x\";\"klicka\")")]
    assert len(copied) == 2 and not ids & {i["uuid"] for i in copied}
    assert len(stored_rows(path, plan_id)) == 2
