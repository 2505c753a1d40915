"""What goes into the bundle besides code: the run-time files under app/resources/, and which Qt parts stay out.

Used by packaging/uppdrag.spec; tests/packaging/test_spec_data.py checks that every file the app
reads at run time is in `datas()`.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path, PurePosixPath

# Files under app/resources/ that are sources for the build (or its package's code), not read as data.
SOURCE_PATTERNS = ("*.ts", "*.pro", "*.md", "*.py", "*.pyc", ".*", "Thumbs.db")


def runtime_resources(root: Path) -> list[Path]:
    """Every file under app/resources/ that the app (or its About dialog, window icon) may read."""
    base = root / "app" / "resources"
    found = []
    for path in sorted(base.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(base)
        if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            continue
        if any(fnmatch.fnmatch(path.name, pattern) for pattern in SOURCE_PATTERNS):
            continue
        found.append(path)
    return found


def datas(root: Path) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for PyInstaller: app/resources/X/Y -> app/resources/X,
    where importlib.resources finds them beside the frozen package."""
    out = []
    for path in runtime_resources(root):
        rel = path.relative_to(root).parent
        out.append((str(path), PurePosixPath(*rel.parts).as_posix()))
    return out


# --- Qt: what a widgets app on the desktop does not need ----------------------------------------
# Plugin folders dropped whole: QML tooling, Designer, SQL drivers (we use Python's sqlite3),
# networking, embedded-device input and EGL-device integrations, Wayland compositor side,
# Lottie vector images.
_DROP_PLUGIN_DIRS = {
    "qmltooling",
    "designer",
    "sqldrivers",
    "tls",
    "networkinformation",
    "generic",
    "egldeviceintegrations",
    "wayland-graphics-integration-server",
    "vectorimageformats",
    "position",
    "multimedia",
    "webview",
    "sceneparsers",
    "renderers",
    "geometryloaders",
    "texttospeech",
}
# Single plugins: embedded platforms and image formats nobody opens in Uppdrag.
# Kept: xcb, wayland, offscreen, minimal, cocoa, windows platforms; svg, png (built in), jpeg, gif,
# ico, icns images; the svg icon engine; print support.
_DROP_PLUGINS = (
    "*qeglfs*",
    "*qlinuxfb*",
    "*qvnc*",
    "*qvkkhrdisplay*",
    "*qminimalegl*",
    "*qtvirtualkeyboardplugin*",
    "*qpdf.*",
    "*qtga*",
    "*qtiff*",
    "*qwbmp*",
    "*qwebp*",
    "*qdirect2d*",
)
# Qt's own translations: Swedish and English only (standard buttons and dialogs).
_KEEP_QT_TRANSLATIONS = ("qt_sv.qm", "qt_en.qm", "qtbase_sv.qm", "qtbase_en.qm")


def _drop(dest: str) -> bool:
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "PySide6" not in parts:
        return False
    if "translations" in parts and parts[-1].endswith(".qm"):
        return parts[-1] not in _KEEP_QT_TRANSLATIONS
    if "plugins" in parts:
        after = parts[parts.index("plugins") + 1 :]
        if after and after[0] in _DROP_PLUGIN_DIRS:
            return True
        return any(fnmatch.fnmatch(parts[-1], pattern) for pattern in _DROP_PLUGINS)
    return False


def prune_qt(entries):
    return [entry for entry in entries if not _drop(entry[0])]


# --- macOS ---------------------------------------------------------------------------------------
def mac_info_plist(version: str) -> dict:
    """Info.plist additions: the `.uppdrag` document type as an exported UTI owned by the app."""
    from build_info import APP_NAME, DESCRIPTION_SV, DOC_UTI

    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleDevelopmentRegion": "sv",
        "CFBundleLocalizations": ["sv", "en"],
        "NSHumanReadableCopyright": DESCRIPTION_SV,
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "LSMinimumSystemVersion": "11.0",
        "LSApplicationCategoryType": "public.app-category.productivity",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Uppdrag-databas",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [DOC_UTI],
                "CFBundleTypeIconFile": "uppdrag.icns",
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": DOC_UTI,
                "UTTypeDescription": "Uppdrag-databas",
                "UTTypeConformsTo": ["public.data", "public.database"],
                "UTTypeIconFile": "uppdrag.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": ["uppdrag"],
                    "public.mime-type": ["application/x-uppdrag"],
                },
            }
        ],
    }
