"""PDF export: the Word document, converted by LibreOffice in the background.

    export_pdf(plan, Path("uppdrag.pdf"))  →  ExportResult(path, warnings)

The .docx is written to a temporary folder and converted with ``soffice --headless
--convert-to pdf`` under a private, throw-away LibreOffice profile, so that several
conversions (or a LibreOffice the user has open) never clash. The PDF is PDF/A-2b,
the archival form registries accept; a LibreOffice too old for that option gives a
plain PDF instead.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from app.i18n import tr

from app.export.docx_export import write_docx
from app.export.result import ExportError, ExportResult, save_beside

__all__ = ["LibreOfficeMissing", "PdfExportError", "docx_as_pdf", "export_pdf", "libreoffice_path"]

TIMEOUT = 180  # seconds; a first start of LibreOffice on a slow laptop can take a while
_PDF_A = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
_KNOWN_PATHS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/snap/bin/libreoffice",
)


class PdfExportError(ExportError):
    """The conversion to PDF failed; ``str(err)`` says why in Swedish."""


class LibreOfficeMissing(PdfExportError):
    """LibreOffice (soffice) is not installed or not found."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or tr(
            "PDF kan inte skapas eftersom LibreOffice inte är installerat. Installera LibreOffice "
            "(gratis, libreoffice.org) och försök igen, eller exportera till Word och spara som PDF där."))


def libreoffice_path() -> str | None:
    """The LibreOffice program to convert with, or None. UPPDRAG_SOFFICE overrides the search."""
    override = os.environ.get("UPPDRAG_SOFFICE")
    if override:
        return override if Path(override).is_file() else shutil.which(override)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _KNOWN_PATHS:
        if Path(candidate).is_file():
            return candidate
    return None


def export_pdf(plan: dict[str, Any], out: Path, *, reference: Path | None = None, toc: bool = False,
               risk_scale: int = 4, timeout: float = TIMEOUT, draft_mark: bool = True) -> ExportResult:
    """Write ``plan`` as a PDF to ``out`` (same options as export_docx).

    Raises LibreOfficeMissing when LibreOffice is not installed, PdfExportError when
    the conversion fails or takes longer than ``timeout`` seconds."""
    return docx_as_pdf(lambda source: write_docx(plan, source, reference=reference, toc=toc, risk_scale=risk_scale,
                                                 toc_field=False, draft_mark=draft_mark), out, timeout=timeout)


def docx_as_pdf(write: Callable[[Path], ExportResult], out: Path, *, timeout: float = TIMEOUT) -> ExportResult:
    """Any Word export as a PDF: `write` makes the .docx at the path it is given (in a temporary folder),
    LibreOffice converts it, and the PDF replaces ``out`` only when whole; the warnings are the export's."""
    exe = libreoffice_path()
    if exe is None:
        raise LibreOfficeMissing()
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="uppdrag-pdf-") as folder:
        work = Path(folder)
        source = work / "dokument.docx"
        result = write(source)
        pdf = _convert(exe, source, work, timeout)
        with open(pdf, "rb") as made:
            save_beside(out, lambda fh: shutil.copyfileobj(made, fh), error=PdfExportError)
    return ExportResult(out, result.warnings)


def _convert(exe: str, source: Path, work: Path, timeout: float) -> Path:
    pdf = source.with_suffix(".pdf")
    errors = ""
    for target in (_PDF_A, "pdf"):  # the PDF/A option needs LibreOffice 7.4 or newer
        errors = _run(exe, target, source, work, timeout)
        if pdf.exists() and pdf.stat().st_size > 0:
            return pdf
    detail = " ".join(errors.split())[-300:]
    raise PdfExportError(tr("LibreOffice kunde inte göra om dokumentet till PDF.")
                         + (" " + tr("LibreOffice svarade: {detail}", detail=detail) if detail else ""))


def _run(exe: str, target: str, source: Path, work: Path, timeout: float) -> str:
    """One conversion under a private profile; returns what LibreOffice printed."""
    profile = work / f"profil-{secrets.token_hex(4)}"
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--nologo",
           "--nodefault", "--norestore", "--nolockcheck", "--convert-to", target, "--outdir", str(work),
           str(source)]
    env = dict(os.environ)
    env.setdefault("HOME", str(work))
    kwargs: dict[str, Any] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE,
                              "stderr": subprocess.STDOUT, "env": env, "cwd": str(work)}
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | getattr(subprocess, "CREATE_NO_WINDOW", 0)
    else:
        kwargs["start_new_session"] = True  # its own process group, so a timeout stops all of it
    try:
        proc = subprocess.Popen(cmd, **kwargs)
    except OSError as err:
        raise LibreOfficeMissing(tr("LibreOffice ({program}) kunde inte startas: {error}. "
                                    "Installera om LibreOffice och försök igen.", program=exe,
                                    error=err.strerror or err)) from None
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise PdfExportError(tr("LibreOffice blev inte klart med PDF:en inom {seconds} sekunder och stoppades. "
                                "Försök igen; stäng gärna andra program först.", seconds=f"{timeout:g}")) from None
    return output.decode("utf-8", "replace") if output else ""


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and the processes it started (soffice → oosplash → soffice.bin)."""
    try:
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, ProcessLookupError):
        proc.kill()
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:  # something outside the group still holds the pipe
        if proc.stdout is not None:
            proc.stdout.close()
        proc.wait(timeout=10)


