"""How the chart's pieces are drawn, checked on pictures: what shows, and what is left unstroked."""

from __future__ import annotations

import random

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPicture

from ui.timeline import paint

TOP, BOTTOM = 44, 800  # the rows' band of a viewport 800 px tall under a 44 px header


def _arrows(seed: int) -> list[tuple[float, float, float, float]]:
    """Arrows with ends in the band, far above it or far below it, going either way round."""
    rnd = random.Random(seed)

    def y() -> float:
        return rnd.uniform(-40_000, 40_000) if rnd.random() < 0.5 else rnd.uniform(TOP - 15, BOTTOM + 15)

    out = []
    for _ in range(12):
        sx = rnd.uniform(-60, 1300)
        out.append((sx, y(), sx + rnd.uniform(-300, 300), y()))
    return out


def _image(arrows: list[tuple[float, float, float, float]], **shown: tuple[float, float]) -> QImage:
    image = QImage(1280, BOTTOM, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setClipRect(QRectF(0, TOP, 1280, BOTTOM - TOP))
    paint.draw_arrows(p, arrows, **shown)
    p.end()
    return image


def test_arrows_cut_to_the_shown_band_look_the_same(qapp) -> None:
    for seed in range(40):
        arrows = _arrows(seed)
        assert _image(arrows, shown=(TOP, BOTTOM)) == _image(arrows), f"arrows of seed {seed}"


def test_arrows_to_far_rows_are_stroked_only_near_the_band(qapp) -> None:
    arrows = [(100.0, 300.0, 400.0, 60_000.0), (500.0, -30_000.0, 200.0, 500.0), (50.0, 90_000.0, 900.0, -90_000.0)]
    picture = QPicture()
    p = QPainter(picture)
    paint.draw_arrows(p, arrows, (TOP, BOTTOM))
    p.end()
    bounds = picture.boundingRect()
    assert bounds.top() >= TOP - paint.ARROW_MARGIN - 2 and bounds.bottom() <= BOTTOM + paint.ARROW_MARGIN + 2
