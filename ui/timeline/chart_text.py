"""The chart's text: its fonts, the items' labels and the header of years, months, weeks and days.

Texts are laid out once and kept between frames (`QStaticText`), and the header is kept as a picture
until the zoom, the horizontal position, the width or the day changes: a vertical scroll leaves it as
it was.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QStaticText, QTransform

from ui.timeline import paint
from ui.timeline.geometry import TimelineGeometry
from ui.timeline.scale import Tick, TimeScale

Label = tuple[float, float, str, str]  # x, baseline y, code, title


class ChartText:
    """The fonts of one widget font, and what is drawn with them."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.small = QFont(self.font)
        if self.font.pointSizeF() > 0:
            self.small.setPointSizeF(max(6.0, self.font.pointSizeF() * 0.85))
        else:  # a font given in pixels
            self.small.setPixelSize(max(8, round(self.font.pixelSize() * 0.85)))
        self.metrics = QFontMetrics(self.font)
        self.bold_metrics = QFontMetrics(self.bold)
        self.small_metrics = QFontMetrics(self.small)
        self.labels: list[Label] = []  # the rows' labels of the frame being painted
        self.label_base = 0  # a label's baseline below its row's top
        self._static_text: dict[tuple[str, int], QStaticText] = {}  # (text, id of the font) -> laid out
        self._header_widths: dict[str, int] = {}
        self._code_widths: dict[str, int] = {}
        self._ticks_cache: tuple[Any, tuple[list[Tick], list[Tick]]] = (None, ([], []))
        self._header_pixmap: QPixmap | None = None
        self._header_key: tuple[Any, ...] | None = None

    def place_labels(self, row_h: int) -> None:
        """Labels centred on rows `row_h` px tall."""
        self.label_base = (row_h + self.metrics.ascent() - self.metrics.descent()) // 2 + 1

    def ticks(self, first: date, last: date, scale: TimeScale) -> tuple[list[Tick], list[Tick]]:
        """The header's ticks for first..last at this zoom: the calendar's grid and the header share them."""
        key = (first, last, scale.px_per_day)
        if self._ticks_cache[0] != key:
            self._ticks_cache = (key, scale.header_ticks(first, last))
        return self._ticks_cache[1]

    def static(self, text: str, font: QFont) -> QStaticText:
        """A laid-out text, kept between frames (drawStaticText skips the per-frame text layout)."""
        cache = self._static_text
        key = (text, id(font))  # one of this object's own fonts
        st = cache.get(key)
        if st is None:
            if len(cache) > 20000:
                cache.clear()
            st = cache[key] = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(QTransform(), font)
        return st

    def _header_advance(self, text: str) -> int:
        """Width of a header label: a few hundred distinct texts (months, weeks, days, years)."""
        width = self._header_widths.get(text)
        if width is None:
            width = self._header_widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def paint_labels(self, p: QPainter) -> None:
        """Codes (bold) then titles of the rows painted this frame: one font and pen switch each."""
        labels = self.labels
        if not labels:
            return
        static = self.static
        bold_ascent = self.bold_metrics.ascent()
        bold, small = self.bold, self.small
        widths = self._code_widths  # codes repeat across frames; measuring one lays it out
        if len(widths) > 20000:
            widths.clear()
        titles = []
        p.setFont(self.bold)
        p.setPen(paint.INK)
        for x, base, code, title in labels:
            if code:
                p.drawStaticText(QPointF(x, base - bold_ascent), static(code, bold))
                width = widths.get(code)
                if width is None:
                    width = widths[code] = self.bold_metrics.horizontalAdvance(code)
                x += width + 5
            titles.append((x, base, title))
        p.setFont(self.small)
        p.setPen(paint.LABEL)
        ascent = self.small_metrics.ascent()
        for x, base, title in titles:
            p.drawStaticText(QPointF(x, base - ascent), static(title, small))

    # --- the header ------------------------------------------------------------------------

    def paint_kept_header(self, p: QPainter, w: int, margin: int, geometry: TimelineGeometry) -> None:
        """The header from a picture kept until the zoom, the horizontal position, the width or the
        day changes: a vertical scroll leaves it as it was."""
        scale, header_h = geometry.scale, geometry.header_h
        key = (margin, w, scale.origin, scale.px_per_day, date.today())
        pm = self._header_pixmap
        if key != self._header_key or pm is None:
            if pm is None or pm.width() != margin + w:
                pm = self._header_pixmap = QPixmap(margin + w, header_h)
            hp = QPainter(pm)
            try:
                hp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                hp.translate(margin, 0)
                self.paint_header(hp, w, geometry)
            finally:
                hp.end()
            self._header_key = key
        p.drawPixmap(0, 0, pm, margin, 0, w, header_h)

    def paint_header(self, p: QPainter, w: int, geometry: TimelineGeometry) -> None:
        """Two lines of ticks (years or months over months, weeks or days), today's mark under them."""
        scale, header_h = geometry.scale, geometry.header_h
        half = header_h // 2
        p.save()
        p.setClipRect(QRectF(0, 0, w, header_h))  # the ends of its tick lines stay out of the first row
        p.fillRect(QRectF(0, 0, w, header_h), QColor("#FAFAFA"))
        upper, lower = self.ticks(scale.date_for_x(0), scale.date_for_x(w), scale)
        for ticks, top, font, bold in ((upper, 0, self.bold, True), (lower, half if upper else 0, self.font, False)):
            p.setFont(font)
            self._paint_ticks(p, ticks, top, half if upper else header_h, font, bold, scale)
        today_x = scale.x_for_ordinal(date.today().toordinal() + 0.5)
        if 0 <= today_x <= w:
            p.setPen(QPen(paint.TODAY, 2))
            p.drawLine(QPointF(today_x, header_h - 6), QPointF(today_x, header_h))
        p.setPen(QPen(QColor("#999999"), 1))
        p.drawLine(QPointF(0, header_h - 0.5), QPointF(w, header_h - 0.5))
        if upper:
            p.setPen(QPen(QColor("#DDDDDD"), 1))
            p.drawLine(QPointF(0, half - 0.5), QPointF(w, half - 0.5))
        p.restore()

    def _paint_ticks(self, p: QPainter, ticks: list[Tick], top: int, height: int, font: QFont, bold: bool,
                     scale: TimeScale) -> None:
        """One line of the header: a tick line at each unit's start, its label where it fits."""
        advance = self._header_advance
        tick_pen = QPen(QColor("#BBBBBB"), 1)
        ascent = (self.bold_metrics if bold else self.metrics).ascent()
        for t in ticks:
            x0 = scale.x_for_date(t.start)
            x1 = scale.x_for_date(t.end)
            p.setPen(tick_pen)
            p.drawLine(QPointF(round(x0) + 0.5, top), QPointF(round(x0) + 0.5, top + height))
            text = t.label
            text_w = advance(text) + 6
            if x1 - x0 < text_w and text.isalpha():  # "Mars", "Juni": try "Mar", "Jun"
                text = text[:3]
                text_w = advance(text) + 6
            if x1 - x0 < text_w:
                continue
            # keep the label of a long unit in view while its start is scrolled off
            tx = min(max(x0 + 3, 3.0), x1 - text_w + 3)
            p.setPen(paint.INK)
            p.drawStaticText(QPointF(tx, top + height - 7 - ascent), self.static(text, font))
