"""The PyInstaller recipe carries every file the app reads at run time (fast; no PyInstaller needed)."""

from __future__ import annotations

import ast
import sys
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "app" / "resources"
sys.path.insert(0, str(PACKAGING))

import bundle_data  # noqa: E402
import build_info  # noqa: E402


def bundled() -> set[str]:
    """Paths inside the bundle (relative to its data folder, e.g. app/resources/plan.schema.json)."""
    return {f"{dest}/{Path(src).name}" for src, dest in bundle_data.datas(ROOT)}


def rel(path: Path) -> str:
    return PurePosixPath(*path.relative_to(ROOT).parts).as_posix()


def test_every_runtime_file_under_resources_is_bundled_where_resource_path_finds_it() -> None:
    files = [p for p in RESOURCES.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    # Everything but build sources (Linguist .ts, generator scripts like make_reference_docx.py).
    runtime = [p for p in files if p.suffix not in (".ts", ".py", ".pyc") and not p.name.startswith(".")]
    assert runtime, "app/resources/ is empty?"
    missing = sorted(rel(p) for p in runtime if rel(p) not in bundled())
    assert missing == []


def test_the_files_the_app_is_known_to_read_are_bundled() -> None:
    inside = bundled()
    examples = sorted(RESOURCES.glob("examples/*.json"))
    assert examples, "no example plans in app/resources/examples"
    templates = sorted(RESOURCES.glob("templates/*.toml"))
    models = sorted(RESOURCES.glob("steering_models/*.toml"))
    assert len(templates) > 4 and models, "the templates and steering models are data in app/resources/"
    for path in [*examples, *templates, *models, RESOURCES / "plan.schema.json", RESOURCES / "uppdrag.svg"]:
        assert rel(path) in inside
    for docx in RESOURCES.rglob("*.docx"):  # the Word reference document(s)
        assert rel(docx) in inside
    for ts in RESOURCES.glob("translations/*.ts"):
        qm = ts.with_suffix(".qm")
        assert rel(ts) not in inside, "Linguist sources are not run-time files"
        if qm.exists():  # built by `make translations` (python -m ui.i18n_build) before `make package`
            assert rel(qm) in inside


def _resource_path_calls() -> list[tuple[str, tuple[str, ...]]]:
    """Every resource_path("a", "b", ...) in app/ and ui/: the leading literal parts of its path."""
    found = []
    for folder in ("app", "ui", "db"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "resource_path":
                    parts = []
                    for arg in node.args:
                        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                            break
                        parts.append(arg.value)
                    if parts:
                        found.append((rel(path), tuple(parts)))
    return found


def test_every_resource_the_code_names_is_bundled() -> None:
    inside = bundled()
    calls = _resource_path_calls()
    assert calls, "no resource_path(...) calls found: has app.resources moved?"
    problems = []
    for where, parts in calls:
        target = RESOURCES.joinpath(*parts)
        prefix = "/".join(("app", "resources", *parts))
        if target.is_file():
            ok = prefix in inside
        elif target.is_dir():
            # a folder the code globs: whatever run-time files it holds must be bundled
            ok = all(rel(p) in inside for p in bundle_data.runtime_resources(ROOT) if p.is_relative_to(target))
        else:
            ok = target.suffix == ".qm"  # a build product, checked above when built
        if not ok:
            problems.append(f"{where}: app/resources/{'/'.join(parts)}")
    assert problems == []


def test_every_resource_file_named_in_the_code_is_bundled() -> None:
    """Also files found without resource_path, e.g. Path(__file__).parent / "reference.docx"."""
    inside = bundled()
    problems = []
    for folder in ("app", "ui", "db"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and 0 < len(node.value) < 200:
                    name = node.value.removeprefix("app/resources/").removeprefix("resources/")
                    target = RESOURCES / name
                    relative = not PurePosixPath(name).is_absolute() and ":" not in name and "\n" not in name
                    if relative and name.strip() == name and target.is_file():
                        if f"app/resources/{PurePosixPath(name).as_posix()}" not in inside:
                            problems.append(f"{rel(path)}: {name}")
    assert problems == []


def test_package_data_names_every_kind_of_run_time_file() -> None:
    """pyproject's package-data ships the same kinds of files as the bundle (the templates' TOML too)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["*"]
    suffixes = {p.suffix for p in bundle_data.runtime_resources(ROOT)}
    assert ".toml" in suffixes
    assert sorted(s for s in suffixes if f"*{s}" not in patterns) == []


def test_bundle_data_leaves_out_sources_only() -> None:
    names = {Path(src).name for src, _ in bundle_data.datas(ROOT)}
    assert not any(n.endswith((".ts", ".py", ".pyc")) for n in names)


def _spec_tree() -> ast.Module:
    return ast.parse((PACKAGING / "uppdrag.spec").read_text(encoding="utf-8"))


def _list_literal(name: str) -> list[str]:
    for node in ast.walk(_spec_tree()):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return [c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    raise AssertionError(f"{name} not found in uppdrag.spec")


def test_spec_uses_the_checked_data_list_and_prunes_only_qt() -> None:
    text = (PACKAGING / "uppdrag.spec").read_text(encoding="utf-8")
    assert "bundle_data.datas(ROOT)" in text
    assert "bundle_data.prune_qt(a.datas)" in text
    # pruning never touches the app's own files
    entries = [(f"{dest}/{Path(src).name}", src, "DATA") for src, dest in bundle_data.datas(ROOT)]
    assert bundle_data.prune_qt(entries) == entries


def test_spec_keeps_svg_and_print_support_and_the_lazy_imports() -> None:
    hidden = set(_list_literal("hiddenimports"))
    excludes = set(_list_literal("excludes"))
    for module in ("PySide6.QtSvg", "PySide6.QtPrintSupport", "holidays.countries.sweden", "peewee",
                   "platformdirs", "docx", "openpyxl", "jsonschema", "jsonschema_specifications", "fastjsonschema"):
        assert module in hidden, module
    assert not hidden & excludes
    for module in ("PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtPrintSupport", "PySide6.QtWidgets"):
        assert module not in excludes
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.Qt3DCore",
            "PySide6.QtMultimedia"} <= excludes


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/qjpeg.dll", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False),
        ("PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/translations/qtbase_sv.qm", False),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtdeclarative_sv.qm", True),
        ("PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("app/resources/translations/uppdrag_en.qm", False),
    ],
)
def test_prune_qt(dest: str, dropped: bool) -> None:
    assert bundle_data.prune_qt([(dest, "/src", "BINARY")]) == ([] if dropped else [(dest, "/src", "BINARY")])


def test_one_version_everywhere() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert build_info.version() == version
    from app.version import __version__

    assert __version__ == version
    assert build_info.version_tuple("1.2.0rc1") == (1, 2, 0, 0)
    assert build_info.version_tuple(version)[:2] == tuple(int(x) for x in version.split(".")[:2])


def test_windows_version_resource_is_well_formed() -> None:
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct")
    seen: dict[str, str] = {}

    def make(name: str):
        def build(*args, **kwargs):
            if name == "StringStruct":
                seen[args[0]] = args[1]
            return (name, args, kwargs)

        return build

    text = build_info.windows_version_info(build_info.version())
    eval(compile(text, "version_info.txt", "eval"), {n: make(n) for n in names})  # noqa: S307 - our own output
    assert seen["ProductVersion"] == build_info.version()
    assert seen["OriginalFilename"] == "uppdrag.exe"


def test_mac_document_type_is_declared() -> None:
    plist = bundle_data.mac_info_plist("9.9.9")
    assert plist["CFBundleShortVersionString"] == "9.9.9"
    (doc,) = plist["CFBundleDocumentTypes"]
    assert doc["LSItemContentTypes"] == ["se.uppdrag.database"]
    (uti,) = plist["UTExportedTypeDeclarations"]
    assert uti["UTTypeIdentifier"] == "se.uppdrag.database"
    assert uti["UTTypeTagSpecification"]["public.filename-extension"] == ["uppdrag"]


def test_linux_desktop_entry_and_mime_type() -> None:
    desktop = ConfigParser(interpolation=None, strict=True)
    desktop.optionxform = str  # keys are case-sensitive
    desktop.read(PACKAGING / "linux" / "uppdrag.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["MimeType"] == "application/x-uppdrag;"
    assert entry["Exec"].startswith("uppdrag ") and "%f" in entry["Exec"]
    assert entry["Icon"] == "uppdrag"

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(PACKAGING / "linux" / "uppdrag-mime.xml").getroot()
    mime = root.find("m:mime-type", ns)
    assert mime.get("type") == "application/x-uppdrag"
    glob = mime.find("m:glob", ns)
    magic = mime.find("m:magic", ns)
    match = magic.find("m:match", ns)
    assert glob.get("pattern") == "*.uppdrag"
    assert (match.get("offset"), match.get("value")) == ("0", "SQLite format 3")
    assert int(magic.get("priority")) < int(glob.get("weight"))


def test_windows_installer_is_per_user_with_the_file_type() -> None:
    iss = (PACKAGING / "windows" / "uppdrag.iss").read_text(encoding="utf-8")
    assert iss.isascii()
    for line in ("PrivilegesRequired=lowest", "ChangesAssociations=yes", "DefaultDirName={autopf}\\{#AppName}"):
        assert line in iss
    assert 'Root: HKCU; Subkey: "Software\\Classes\\.uppdrag"' in iss
    assert '"""{app}\\{#AppExe}"" ""%1"""' in iss
    assert '#define AppExe "uppdrag.exe"' in iss
    assert "HKLM" not in iss
