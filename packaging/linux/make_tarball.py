"""Pack the Linux bundle: dist/uppdrag-VERSION-linux-x86_64.tar.gz with install.sh.

    python packaging/linux/make_tarball.py [dist/uppdrag]

Layout inside: uppdrag-VERSION/{uppdrag/ (the PyInstaller folder), icons/hicolor/, install.sh,
uppdrag.desktop, uppdrag-mime.xml}.
"""

from __future__ import annotations

import platform
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))

import build_info  # noqa: E402
from make_icons import make_icons  # noqa: E402


def _arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def make_tarball(bundle: Path, dist: Path) -> Path:
    if not (bundle / "uppdrag").is_file():
        raise SystemExit(f"make_tarball: {bundle}/uppdrag saknas; bygg först (make package)")
    version = build_info.version()
    icons = ROOT / "build" / "icons"
    if not (icons / "hicolor").is_dir():
        make_icons(icons)
    top = f"uppdrag-{version}"
    target = dist / f"uppdrag-{version}-linux-{_arch()}.tar.gz"

    def executable(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{top}/uppdrag", filter=executable)
        tar.add(icons / "hicolor", arcname=f"{top}/icons/hicolor", filter=executable)
        for name in ("install.sh", "uppdrag.desktop", "uppdrag-mime.xml"):
            tar.add(HERE / name, arcname=f"{top}/{name}", filter=executable)
    return target


if __name__ == "__main__":
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "uppdrag"
    print(make_tarball(bundle, bundle.parent))
