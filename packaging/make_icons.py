"""Turn the one drawn icon (app/resources/uppdrag.svg) into what each system wants.

    python packaging/make_icons.py [OUT]        # default OUT: build/icons

Qt's SVG renderer draws PNGs of 16-1024 px (png/uppdrag-N.png and a hicolor/NxN/apps tree for
Linux); Pillow writes uppdrag.ico (Windows: exe, installer, file type) and uppdrag.icns (macOS:
app and document icon). Everything goes to build/, nothing generated is committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "app" / "resources" / "uppdrag.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_pngs(svg: Path, folder: Path) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} är ingen giltig SVG-fil")
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = folder / f"uppdrag-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"make_icons: kunde inte skriva {path}")
        out[size] = path
    return out


def write_ico(pngs: dict[int, Path], target: Path) -> None:
    from PIL import Image

    images = [Image.open(pngs[s]).convert("RGBA") for s in ICO_SIZES]
    largest = images[-1]
    # Each size is the renderer's own drawing, not a downscaled 256 px image.
    largest.save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])


def write_icns(pngs: dict[int, Path], target: Path) -> None:
    from PIL import Image

    images = [Image.open(pngs[s]).convert("RGBA") for s in ICNS_SIZES]
    images[-1].save(target, format="ICNS", append_images=images[:-1])


def write_hicolor(pngs: dict[int, Path], folder: Path, svg: Path) -> None:
    """The freedesktop icon theme layout: hicolor/NxN/apps/uppdrag.png and the mime type's icon."""
    import shutil

    for size in HICOLOR_SIZES:
        for context, name in (("apps", "uppdrag.png"), ("mimetypes", "application-x-uppdrag.png")):
            target = folder / f"{size}x{size}" / context / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pngs[size], target)
    for context, name in (("apps", "uppdrag.svg"), ("mimetypes", "application-x-uppdrag.svg")):
        target = folder / "scalable" / context / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(svg, target)


def make_icons(out: Path = ROOT / "build" / "icons", svg: Path = SVG) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(svg, out / "png")
    write_ico(pngs, out / "uppdrag.ico")
    write_icns(pngs, out / "uppdrag.icns")
    write_hicolor(pngs, out / "hicolor", svg)
    return {"ico": out / "uppdrag.ico", "icns": out / "uppdrag.icns", "png": out / "png", "hicolor": out / "hicolor"}


if __name__ == "__main__":
    result = make_icons(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons")
    for key, path in result.items():
        print(f"{key}: {path}")
