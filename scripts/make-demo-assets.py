#!/usr/bin/env python3
"""Regenerate the media of the demo school in ``src/pilms/demo/assets/``.

The generated files are committed, so the app never needs these tools at run time. Run this only
when a picture or the narration should change:

    apt-get install -y espeak-ng ffmpeg fonts-dejavu-core   # Debian / Raspberry Pi OS
    pip install pillow
    python scripts/make-demo-assets.py            # every asset
    python scripts/make-demo-assets.py --images   # only the PNG files
    python scripts/make-demo-assets.py --audio    # only the MP3 narration

Every picture is drawn at twice its size and scaled down (smooth edges), then reduced to a small
palette so that each PNG stays well under 60 KB. The output is deterministic for a given Pillow,
espeak-ng and ffmpeg.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "src" / "pilms" / "demo" / "assets"

SS = 2  # supersampling factor
Point = tuple[float, float]
Color = str | tuple[int, int, int]

# Palette -----------------------------------------------------------------------------------------
INK = "#1f2937"
MUTED = "#475569"
WHITE = "#ffffff"
SKY = "#dff1fd"
SEA = "#2f7fd8"
SEA_DARK = "#1d5fae"
GRASS = "#7cbf5a"
GRASS_DARK = "#4f9a3a"
SOIL = "#b08157"
ROCK = "#8a7765"
SUN = "#fbbf24"
CLOUD_EDGE = "#9fb3c8"
RAIN = "#2563eb"
ARROW = "#c2410c"
RED = "#dc2626"

# Fonts -------------------------------------------------------------------------------------------
_FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
_font_cache: dict[tuple[int, bool], ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}
_warned = False


def font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (Debian's fonts-dejavu-core) at ``size`` final pixels, else Pillow's own."""
    global _warned
    px = round(size * SS)
    key = (px, bold)
    if key not in _font_cache:
        try:
            # Pillow looks the name up in the system's font folders.
            _font_cache[key] = ImageFont.truetype(_FONT_FILES[bold], px)
        except OSError:
            if not _warned:
                print(
                    "warning: DejaVu fonts not found, using Pillow's default font", file=sys.stderr
                )
                _warned = True
            _font_cache[key] = ImageFont.load_default(px)
    return _font_cache[key]


# Drawing helpers (coordinates in final pixels) ---------------------------------------------------
class Canvas:
    def __init__(self, width: int, height: int, background: Color = WHITE) -> None:
        self.width = width
        self.height = height
        self.image = Image.new("RGB", (width * SS, height * SS), background)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def _p(points: Sequence[Point]) -> list[tuple[float, float]]:
        return [(x * SS, y * SS) for x, y in points]

    @staticmethod
    def _box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return (x0 * SS, y0 * SS, x1 * SS, y1 * SS)

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        fill: Color | None = None,
        outline: Color | None = None,
        width: float = 0,
        radius: float = 0,
    ) -> None:
        self.draw.rounded_rectangle(
            self._box(x0, y0, x1, y1),
            radius=radius * SS,
            fill=fill,
            outline=outline,
            width=round(width * SS),
        )

    def ellipse(
        self,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        fill: Color | None = None,
        outline: Color | None = None,
        width: float = 0,
    ) -> None:
        self.draw.ellipse(
            self._box(cx - rx, cy - ry, cx + rx, cy + ry),
            fill=fill,
            outline=outline,
            width=round(width * SS),
        )

    def polygon(
        self,
        points: Sequence[Point],
        fill: Color | None = None,
        outline: Color | None = None,
        width: float = 0,
    ) -> None:
        self.draw.polygon(self._p(points), fill=fill, outline=outline, width=round(width * SS))

    def line(self, points: Sequence[Point], fill: Color = INK, width: float = 2) -> None:
        self.draw.line(self._p(points), fill=fill, width=round(width * SS), joint="curve")
        r = width / 2
        for x, y in (points[0], points[-1]):  # round caps
            self.ellipse(x, y, r, r, fill=fill)

    def dashed(
        self,
        a: Point,
        b: Point,
        fill: Color = INK,
        width: float = 2,
        dash: float = 8,
        gap: float = 6,
    ) -> None:
        length = math.dist(a, b)
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        pos = 0.0
        while pos < length:
            end = min(pos + dash, length)
            self.draw.line(
                self._p([(a[0] + ux * pos, a[1] + uy * pos), (a[0] + ux * end, a[1] + uy * end)]),
                fill=fill,
                width=round(width * SS),
            )
            pos = end + gap

    def pieslice(
        self,
        cx: float,
        cy: float,
        r: float,
        start: float,
        end: float,
        fill: Color,
        outline: Color = INK,
        width: float = 2,
    ) -> None:
        self.draw.pieslice(
            self._box(cx - r, cy - r, cx + r, cy + r),
            start,
            end,
            fill=fill,
            outline=outline,
            width=round(width * SS),
        )

    def arrow(
        self,
        points: Sequence[Point],
        fill: Color = ARROW,
        width: float = 4,
        head: float = 14,
    ) -> None:
        """A polyline ending in a filled arrow head at its last point."""
        (x0, y0), (x1, y1) = points[-2], points[-1]
        angle = math.atan2(y1 - y0, x1 - x0)
        back = (x1 - head * 0.8 * math.cos(angle), y1 - head * 0.8 * math.sin(angle))
        self.line([*points[:-1], back], fill=fill, width=width)
        left = (
            x1 - head * math.cos(angle) + head * 0.6 * math.sin(angle),
            y1 - head * math.sin(angle) - head * 0.6 * math.cos(angle),
        )
        right = (
            x1 - head * math.cos(angle) - head * 0.6 * math.sin(angle),
            y1 - head * math.sin(angle) + head * 0.6 * math.cos(angle),
        )
        self.polygon([(x1, y1), left, right], fill=fill)

    def text(
        self,
        xy: Point,
        text: str,
        size: float = 18,
        fill: Color = INK,
        bold: bool = False,
        anchor: str = "mm",
        align: str = "center",
        spacing: float = 4,
    ) -> None:
        self.draw.multiline_text(
            (xy[0] * SS, xy[1] * SS),
            text,
            font=font(size, bold),
            fill=fill,
            anchor=anchor,
            align=align,
            spacing=round(spacing * SS),
        )

    def text_size(self, text: str, size: float = 18, bold: bool = False) -> tuple[float, float]:
        x0, y0, x1, y1 = self.draw.multiline_textbbox(
            (0, 0), text, font=font(size, bold), spacing=round(4 * SS)
        )
        return (x1 - x0) / SS, (y1 - y0) / SS

    def label(
        self,
        xy: Point,
        text: str,
        size: float = 18,
        fill: Color = INK,
        bold: bool = True,
        background: Color = WHITE,
        border: Color = INK,
        pad: float = 8,
        number: str = "",
        badge: Color = ARROW,
    ) -> None:
        """Text in a rounded box centred on ``xy``, optionally with a round number badge."""
        w, h = self.text_size(text, size, bold)
        extra = (size + 12) if number else 0
        x0 = xy[0] - (w + extra) / 2 - pad
        x1 = xy[0] + (w + extra) / 2 + pad
        y0, y1 = xy[1] - h / 2 - pad, xy[1] + h / 2 + pad
        self.rect(x0, y0, x1, y1, fill=background, outline=border, width=2, radius=10)
        if number:
            r = size * 0.72
            bx = x0 + pad + r
            self.ellipse(bx, xy[1], r, r, fill=badge)
            self.text((bx, xy[1]), number, size=size * 0.85, fill=WHITE, bold=True)
        self.text((xy[0] + extra / 2, xy[1]), text, size=size, fill=fill, bold=bold)

    def fraction(
        self,
        xy: Point,
        num: str,
        den: str,
        size: float = 22,
        fill: Color = INK,
        bold: bool = True,
    ) -> None:
        """A stacked fraction (numerator over a bar over denominator) centred on ``xy``."""
        w = max(self.text_size(num, size, bold)[0], self.text_size(den, size, bold)[0]) + 6
        x, y = xy
        self.text((x, y - size * 0.62), num, size=size, fill=fill, bold=bold)
        self.rect(x - w / 2, y - 1.2, x + w / 2, y + 1.2, fill=fill)
        self.text((x, y + size * 0.68), den, size=size, fill=fill, bold=bold)

    def cloud(
        self,
        cx: float,
        cy: float,
        scale: float = 1.0,
        fill: Color = WHITE,
        edge: Color = CLOUD_EDGE,
    ) -> None:
        """A puffy cumulus-style cloud, about 190 x 110 px at scale 1."""
        self.clouds([(cx, cy, scale)], fill, edge)

    def clouds(
        self,
        where: Sequence[tuple[float, float, float]],
        fill: Color = WHITE,
        edge: Color = CLOUD_EDGE,
    ) -> None:
        """Several clouds (centre x, centre y, scale) merged into one outlined shape."""
        puffs = [
            (-55, 10, 32),
            (-20, -12, 40),
            (25, -20, 45),
            (62, 5, 32),
            (0, 18, 34),
            (40, 20, 28),
            (-40, 24, 24),
        ]
        for stroke, colour in ((3.0, edge), (0.0, fill)):
            for cx, cy, scale in where:
                for dx, dy, r in puffs:
                    rr = r * scale + stroke
                    self.ellipse(cx + dx * scale, cy + dy * scale, rr, rr, fill=colour)

    def save(self, name: str, colors: int = 96) -> Path:
        small = self.image.resize((self.width, self.height), Image.Resampling.LANCZOS)
        quantised = small.quantize(
            colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        path = ASSETS / name
        quantised.save(path, format="PNG", optimize=True)
        return path


def bezier(a: Point, c: Point, b: Point, steps: int = 24) -> list[Point]:
    """Points along a quadratic Bézier curve from ``a`` to ``b`` pulled towards ``c``."""
    pts = []
    for i in range(steps + 1):
        t = i / steps
        pts.append(
            (
                (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t * t * b[0],
                (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t * t * b[1],
            )
        )
    return pts


def wavy(x: float, y0: float, y1: float, amplitude: float = 6, waves: float = 2.5) -> list[Point]:
    """A vertical wavy line from (x, y0) to (x, y1)."""
    steps = 40
    return [
        (x + amplitude * math.sin(2 * math.pi * waves * i / steps), y0 + (y1 - y0) * i / steps)
        for i in range(steps + 1)
    ]


def sun(c: Canvas, cx: float, cy: float, r: float) -> None:
    for i in range(12):
        a = i * math.pi / 6
        c.line(
            [
                (cx + (r + 8) * math.cos(a), cy + (r + 8) * math.sin(a)),
                (cx + (r + 22) * math.cos(a), cy + (r + 22) * math.sin(a)),
            ],
            fill="#f59e0b",
            width=5,
        )
    c.ellipse(cx, cy, r, r, fill=SUN, outline="#f59e0b", width=3)


def raindrops(c: Canvas, x0: float, x1: float, y0: float, y1: float, step: float = 22) -> None:
    row = 0
    y = y0
    while y < y1:
        x = x0 + (step / 2 if row % 2 else 0)
        while x < x1:
            c.line([(x, y), (x - 5, y + 14)], fill=RAIN, width=3)
            x += step
        y += 26
        row += 1


# Science -----------------------------------------------------------------------------------------
def water_cycle() -> Path:
    c = Canvas(880, 600, SKY)
    # Title band
    c.rect(0, 0, 880, 50, fill=SEA_DARK)
    c.text((440, 25), "The Water Cycle", size=26, fill=WHITE, bold=True)

    ground = 430
    # Soil with groundwater layer
    c.rect(0, ground, 880, 600, fill=SOIL)
    c.rect(330, 540, 880, 585, fill="#7fb2e5")
    c.text((720, 562), "Groundwater", size=17, bold=True, fill=INK)
    c.arrow([(600, 562), (420, 562)], fill=SEA_DARK, width=4, head=14)
    # Land: hills and a mountain
    c.polygon(
        [
            (330, ground + 12),
            (420, ground - 30),
            (520, ground - 40),
            (600, ground - 20),
            (880, ground - 60),
            (880, ground + 20),
            (330, ground + 20),
        ],
        fill=GRASS,
    )
    c.polygon([(610, ground - 20), (760, 215), (880, 300), (880, ground - 40)], fill=ROCK)
    c.polygon([(728, 255), (760, 215), (800, 243), (780, 252), (762, 243), (745, 258)], fill=WHITE)
    c.polygon(
        [(330, ground + 20), (880, ground + 20), (880, ground + 40), (330, ground + 40)],
        fill=GRASS_DARK,
    )
    # Arrows showing infiltration (water soaking into the ground)
    for x in (470, 540):
        c.arrow([(x, ground + 50), (x, 528)], fill=SEA_DARK, width=3, head=11)
    c.text((505, ground + 72), "soaks in", size=14, fill=WHITE, bold=True)
    # Ocean
    c.polygon([(0, ground - 10), (350, ground - 10), (390, 600), (0, 600)], fill=SEA)
    for y in (ground + 10, ground + 40):
        for x0 in range(20, 300, 70):
            c.line(bezier((x0, y), (x0 + 15, y - 8), (x0 + 30, y)), fill="#a5cdf5", width=3)
    # River running down from the mountain to the sea
    river = bezier((700, ground - 40), (520, ground - 5), (345, ground + 5), steps=30)
    c.line(river, fill=SEA, width=12)
    # Tree
    c.rect(452, ground - 75, 464, ground - 28, fill="#7c4a21")
    c.ellipse(458, ground - 95, 34, 32, fill=GRASS_DARK)
    c.ellipse(440, ground - 82, 20, 18, fill=GRASS_DARK)
    c.ellipse(476, ground - 82, 20, 18, fill=GRASS_DARK)

    sun(c, 75, 115, 36)
    # Clouds
    c.cloud(300, 150, 0.95)
    c.cloud(620, 150, 1.05, fill="#e2e8f0", edge="#7b8ea6")
    raindrops(c, 560, 690, 215, 350)
    # Wind moves the clouds
    c.arrow([(395, 130), (505, 130)], fill=MUTED, width=3, head=12)
    c.text((450, 112), "wind", size=15, fill=MUTED, bold=True)

    # Evaporation: wavy arrows from the sea up towards the cloud
    for x in (190, 240, 290):
        c.arrow(wavy(x, ground - 25, 228), fill=ARROW, width=4, head=15)
    # Transpiration: from the tree
    c.arrow(wavy(458, ground - 135, 250, amplitude=5, waves=1.5), fill=GRASS_DARK, width=3, head=12)
    # Run-off along the river
    c.arrow(
        bezier((610, ground - 8), (520, ground + 8), (410, ground + 12), steps=12),
        fill=SEA_DARK,
        width=3,
        head=12,
    )

    c.label((300, 80), "Condensation", number="2", size=18)
    c.label((785, 110), "Precipitation", number="3", size=18)
    c.label((110, 300), "Evaporation", number="1", size=18)
    c.label((150, 520), "Collection", number="4", size=18)
    c.label((458, 225), "Transpiration", size=14, border=GRASS_DARK)
    c.label((552, 390), "Run-off", size=14, border=SEA_DARK)
    return c.save("water-cycle.png")


def cloud_types() -> Path:
    c = Canvas(880, 560, WHITE)
    top, bottom = 60, 500  # y of 12 km and 0 km
    left, right = 110, 860

    def y_of(km: float) -> float:
        return bottom - (bottom - top) * km / 12

    # Height bands
    bands = [(0, 2, "#eef7ff", "LOW"), (2, 6, "#e2f0fd", "MIDDLE"), (6, 12, "#d3e7fb", "HIGH")]
    for lo, hi, colour, name in bands:
        c.rect(left, y_of(hi), right, y_of(lo), fill=colour)
        c.text((left + 10, y_of(hi) + 16), name, size=14, bold=True, fill=MUTED, anchor="lm")
    for km in (2, 6):
        c.dashed((left, y_of(km)), (right, y_of(km)), fill="#94a3b8", width=1.5)
    c.text((440, 28), "Kinds of clouds and how high they form", size=24, bold=True)
    # Axis
    c.line([(left, top - 10), (left, bottom)], fill=INK, width=2)
    for km in range(0, 13, 2):
        c.line([(left - 8, y_of(km)), (left, y_of(km))], fill=INK, width=2)
        c.text((left - 14, y_of(km)), f"{km} km", size=15, anchor="rm")
    # Ground
    c.rect(left, bottom, right, 520, fill=GRASS)
    c.rect(0, 520, 880, 560, fill=WHITE)

    # Cirrus: thin wispy streaks high up
    for i, (x, y) in enumerate([(200, y_of(10.2)), (245, y_of(9.3)), (190, y_of(8.6))]):
        c.line(
            bezier((x - 40, y + 6), (x + 5, y - 10 - i * 2), (x + 55, y - 18)),
            fill="#9fb3c8",
            width=4,
        )
        c.line(bezier((x - 20, y + 10), (x + 10, y + 2), (x + 40, y - 6)), fill="#b6c6d8", width=3)
    # Altocumulus: rows of small puffs in the middle layer
    for row, yk in enumerate((4.6, 3.8)):
        for i in range(5):
            c.cloud(330 + i * 26 + row * 13, y_of(yk), 0.16)
    # Stratus: a flat grey sheet low down
    c.rect(455, y_of(1.2), 575, y_of(0.6), fill="#cbd5e1", outline="#94a3b8", width=2, radius=14)
    # Cumulus: puffy fair-weather cloud
    c.cloud(650, y_of(1.25), 0.45)
    # Cumulonimbus: a tall tower of cloud with a flat "anvil" top, rain and lightning below
    x = 775
    c.polygon(
        [
            (x - 34, y_of(8.2)),
            (x - 82, y_of(11.0)),
            (x - 70, y_of(11.5)),
            (x + 70, y_of(11.5)),
            (x + 82, y_of(11.0)),
            (x + 34, y_of(8.2)),
        ],
        fill="#e2e8f0",
        outline="#64748b",
        width=2,
    )
    c.clouds(
        [
            (x, y_of(km), scale)
            for km, scale in ((7.9, 0.42), (6.7, 0.48), (5.4, 0.52), (4.1, 0.56), (2.8, 0.6))
        ],
        fill="#e2e8f0",
        edge="#64748b",
    )
    c.cloud(x, y_of(1.5), 0.6, fill="#94a3b8", edge="#64748b")
    for dx in (-36, -22, -8, 32):
        c.line([(x + dx, y_of(0.75)), (x + dx - 6, y_of(0.2))], fill=RAIN, width=3)
    c.polygon(
        [
            (x + 16, y_of(0.95)),
            (x - 2, y_of(0.4)),
            (x + 12, y_of(0.45)),
            (x + 2, y_of(-0.1)),
            (x + 26, y_of(0.6)),
            (x + 12, y_of(0.55)),
            (x + 24, y_of(0.95)),
        ],
        fill=SUN,
        outline="#b45309",
        width=1,
    )

    # Name tags
    c.label((215, y_of(7.3)), "Cirrus", size=16, border="#94a3b8")
    c.label((382, y_of(2.9)), "Altocumulus", size=16, border="#94a3b8")
    c.label((515, y_of(1.7)), "Stratus", size=16, border="#94a3b8")
    c.label((650, y_of(2.6)), "Cumulus", size=16, border="#94a3b8")
    c.label((x, y_of(5.3)), "Cumulo-\nnimbus", size=15, border="#94a3b8")
    c.text(
        (440, 540),
        "Heights are typical for the tropics; they vary from day to day.",
        size=15,
        fill=MUTED,
    )
    return c.save("cloud-types.png")


def cover_science() -> Path:
    c = Canvas(960, 540, "#bfe3fb")
    c.rect(0, 380, 960, 540, fill=SEA)
    for y in (410, 450):
        for x0 in range(30, 930, 90):
            c.line(bezier((x0, y), (x0 + 20, y - 10), (x0 + 40, y)), fill="#a5cdf5", width=4)
    sun(c, 150, 140, 62)
    c.cloud(520, 150, 1.3)
    c.cloud(770, 190, 1.1, fill="#e2e8f0", edge="#7b8ea6")
    raindrops(c, 700, 840, 255, 370, step=24)
    for x in (300, 360, 420):
        c.arrow(wavy(x, 370, 250), fill=ARROW, width=5, head=18)
    c.rect(0, 440, 960, 540, fill="#0b3b6e")
    c.text((480, 474), "The Water Cycle and Weather", size=40, bold=True, fill=WHITE)
    c.text((480, 515), "SCIENCE", size=20, bold=True, fill="#bfe3fb")
    return c.save("cover-science.png")


# Mathematics -------------------------------------------------------------------------------------
FRACTION_COLOURS = ["#f97316", "#22c55e", "#3b82f6", "#a855f7", "#eab308", "#ec4899"]


def fraction_pies() -> Path:
    c = Canvas(880, 360, WHITE)
    c.text((440, 30), "Parts of a whole", size=24, bold=True)
    items = [
        (1, 2, "one half"),
        (1, 3, "one third"),
        (3, 4, "three fourths"),
        (5, 8, "five eighths"),
    ]
    for i, (num, den, words) in enumerate(items):
        cx, cy, r = 110 + i * 220, 150, 80
        colour = FRACTION_COLOURS[i]
        for k in range(den):
            start = -90 + k * 360 / den
            c.pieslice(
                cx,
                cy,
                r,
                start,
                start + 360 / den,
                fill=colour if k < num else "#f1f5f9",
                outline=INK,
                width=2.5,
            )
        c.fraction((cx, 272), str(num), str(den), size=26)
        c.text((cx, 330), words, size=18, fill=MUTED)
    return c.save("fraction-pies.png")


def fraction_wall() -> Path:
    c = Canvas(880, 500, WHITE)
    c.text((440, 28), "Fraction wall", size=24, bold=True)
    left, right, top, row_h = 130, 850, 60, 58
    rows = [
        (1, "1 whole"),
        (2, "halves"),
        (3, "thirds"),
        (4, "fourths"),
        (6, "sixths"),
        (8, "eighths"),
    ]
    tints = ["#fde68a", "#fdba74", "#86efac", "#93c5fd", "#c4b5fd", "#f9a8d4"]
    for r, (den, name) in enumerate(rows):
        y0 = top + r * row_h
        c.text((left - 12, y0 + row_h / 2), name, size=17, bold=True, fill=MUTED, anchor="rm")
        w = (right - left) / den
        for k in range(den):
            x0 = left + k * w
            c.rect(x0, y0, x0 + w, y0 + row_h, fill=tints[r], outline=INK, width=2)
            if den == 1:
                c.text((x0 + w / 2, y0 + row_h / 2), "1", size=24, bold=True)
            else:
                c.fraction((x0 + w / 2, y0 + row_h / 2), "1", str(den), size=17)
    mid = (left + right) / 2
    bottom = top + len(rows) * row_h
    # The half-way line, left out in the thirds row (whose middle piece it would cut through)
    c.dashed((mid, top + row_h), (mid, top + 2 * row_h), fill=RED, width=3, dash=10, gap=6)
    c.dashed((mid, top + 3 * row_h), (mid, bottom + 14), fill=RED, width=3, dash=10, gap=6)
    c.text(
        (mid, bottom + 42),
        "The red line shows equal lengths:  1/2  =  2/4  =  3/6  =  4/8",
        size=19,
        bold=True,
        fill=RED,
    )
    return c.save("fraction-wall.png")


def decimal_number_line() -> Path:
    c = Canvas(880, 300, WHITE)
    c.text((440, 26), "Fractions and decimals on a number line", size=22, bold=True)
    x0, x1, y = 60, 820, 160
    c.arrow([(x0 - 20, y), (x1 + 40, y)], fill=INK, width=3, head=14)
    for i in range(11):
        x = x0 + (x1 - x0) * i / 10
        big = i in (0, 5, 10)
        c.line(
            [(x, y - (14 if big else 9)), (x, y + (14 if big else 9))],
            fill=INK,
            width=3 if big else 2,
        )
        dec = "0" if i == 0 else "1" if i == 10 else f"0.{i}"
        c.text((x, y - 34), dec, size=18, bold=big)
        if i in (0, 10):
            c.text((x, y + 36), dec, size=18, bold=True)
        else:
            c.fraction((x, y + 46), str(i), "10", size=16, bold=False)
    for value, num, den in ((0.25, "1", "4"), (0.5, "1", "2"), (0.75, "3", "4")):
        x = x0 + (x1 - x0) * value
        c.ellipse(x, y, 8, 8, fill=RED)
        if value == 0.5:  # keep clear of the "0.5" label underneath
            c.line([(x, y - 60), (x, y - 48)], fill=RED, width=2)
            c.line([(x, y - 21), (x, y - 10)], fill=RED, width=2)
        else:
            c.line([(x, y - 60), (x, y - 10)], fill=RED, width=2)
        c.label((x, y - 74), f"{num}/{den} = {value:g}", size=16, fill=RED, border=RED)
    c.text(
        (440, 270),
        "Top: decimals.   Bottom: the same numbers as tenths.   Red: key fractions.",
        size=15,
        fill=MUTED,
    )
    return c.save("decimal-number-line.png")


def hundred_grid() -> Path:
    c = Canvas(880, 420, WHITE)
    c.text((440, 28), "Tenths and hundredths", size=24, bold=True)
    # Left: 0.4 as a strip of ten
    gx, gy, cell = 70, 70, 26
    for i in range(10):
        c.rect(
            gx + i * cell,
            gy,
            gx + (i + 1) * cell,
            gy + 10 * cell,
            fill="#93c5fd" if i < 4 else WHITE,
            outline=INK,
            width=1.5,
        )
    c.text((gx + 5 * cell, gy + 10 * cell + 30), "4 tenths shaded", size=18, fill=MUTED)
    c.text((gx + 5 * cell, gy + 10 * cell + 62), "0.4 = 4/10", size=24, bold=True)
    # Right: 0.35 on a hundred grid
    hx = 540
    for row in range(10):
        for col in range(10):
            shaded = col < 3 or (col == 3 and row < 5)
            c.rect(
                hx + col * cell,
                gy + row * cell,
                hx + (col + 1) * cell,
                gy + (row + 1) * cell,
                fill="#fdba74" if shaded else WHITE,
                outline=INK,
                width=1.5,
            )
    c.text((hx + 5 * cell, gy + 10 * cell + 30), "35 hundredths shaded", size=18, fill=MUTED)
    c.text((hx + 5 * cell, gy + 10 * cell + 62), "0.35 = 35/100", size=24, bold=True)
    c.text((425, 200), "Each small\nsquare is\n1/100 = 0.01", size=17, fill=MUTED)
    c.arrow([(488, 200), (532, 200)], fill=MUTED, width=3, head=12)
    return c.save("hundred-grid.png")


def cover_math() -> Path:
    c = Canvas(960, 540, "#fff4e0")
    # Pie showing three fourths
    cx, cy, r = 230, 215, 135
    for k in range(4):
        c.pieslice(
            cx,
            cy,
            r,
            -90 + k * 90,
            k * 90,
            fill="#f97316" if k < 3 else WHITE,
            outline=INK,
            width=4,
        )
    # Fraction bar showing 1/2 and 0.5
    bx, by, bw, bh = 450, 110, 420, 70
    c.rect(bx, by, bx + bw / 2, by + bh, fill="#3b82f6", outline=INK, width=3)
    c.rect(bx + bw / 2, by, bx + bw, by + bh, fill=WHITE, outline=INK, width=3)
    c.text((bx + bw / 4, by + bh / 2), "1/2", size=34, bold=True, fill=WHITE)
    c.text((660, 250), "3/4 = 0.75", size=58, bold=True, fill="#c2410c")
    c.text((660, 330), "1/2 = 0.5", size=40, bold=True, fill="#1d4ed8")
    c.rect(0, 420, 960, 540, fill="#7c2d12")
    c.text((480, 460), "Fractions and Decimals", size=42, bold=True, fill=WHITE)
    c.text((480, 507), "MATHEMATICS", size=20, bold=True, fill="#fed7aa")
    return c.save("cover-math.png")


# English -----------------------------------------------------------------------------------------
def hamburger() -> Path:
    c = Canvas(880, 580, WHITE)
    c.text((440, 30), "The paragraph hamburger", size=26, bold=True)
    x0, x1 = 60, 520
    mid = (x0 + x1) / 2
    bun, bun_edge = "#e8a24a", "#a86418"
    # Top bun: a dome with sesame seeds
    c.rect(x0, 148, x1, 172, fill=bun, outline=bun_edge, width=3, radius=10)
    c.draw.chord(c._box(x0, 70, x1, 250), 180, 360, fill=bun, outline=bun_edge, width=3 * SS)
    c.rect(x0 + 3, 152, x1 - 3, 163, fill=bun)
    for sx, sy in ((170, 100), (240, 92), (330, 92), (400, 102), (120, 132), (460, 132)):
        c.ellipse(sx, sy, 7, 4, fill="#fff7e0")
    c.text((mid, 135), "Topic sentence", size=26, bold=True, fill="#3b1d06")
    # Fillings
    layers = [
        ("#5cb85c", "#2f7a2f", "Supporting detail 1", WHITE),
        ("#e04b3a", "#9b2418", "Supporting detail 2", WHITE),
        ("#7a4a2a", "#4a2a12", "Supporting detail 3", WHITE),
    ]
    y = 182
    for fill, edge, text, ink in layers:
        c.rect(x0 - 10, y, x1 + 10, y + 62, fill=fill, outline=edge, width=3, radius=22)
        c.text((mid, y + 31), text, size=22, bold=True, fill=ink)
        y += 74
    # Bottom bun
    c.rect(x0, y, x1, y + 74, fill=bun, outline=bun_edge, width=3, radius=30)
    c.text((mid, y + 37), "Concluding sentence", size=24, bold=True, fill="#3b1d06")

    notes = [
        (140, "States the main idea", "of the whole paragraph."),
        (292, "Explain and prove the idea", "with facts, examples and\nreasons."),
        (439, "Wraps up the paragraph", "and restates the main idea\nin new words."),
    ]
    nx = 562
    for ny, head, body in notes:
        c.text((nx, ny), head, size=18, bold=True, anchor="lm")
        c.text((nx, ny + 16), body, size=16, fill=MUTED, anchor="la", align="left")
    # Connectors
    c.arrow([(nx - 8, 140), (x1 - 4, 140)], fill=MUTED, width=2.5, head=11)
    c.line([(x1 + 22, 182), (x1 + 32, 182), (x1 + 32, 402), (x1 + 22, 402)], fill=MUTED, width=2.5)
    c.arrow([(nx - 8, 292), (x1 + 34, 292)], fill=MUTED, width=2.5, head=11)
    c.arrow([(nx - 8, 439), (x1 + 2, 439)], fill=MUTED, width=2.5, head=11)
    c.text(
        (440, 550),
        "Transition words (First, Also, Finally) are the sauce that holds it together.",
        size=16,
        fill=MUTED,
    )
    return c.save("paragraph-hamburger.png")


def topic_sentence() -> Path:
    c = Canvas(880, 300, WHITE)
    c.text((440, 30), "Topic + controlling idea = topic sentence", size=24, bold=True)
    topic, idea = "Jeepneys", "are a colorful symbol of Filipino creativity."
    size = 26
    tw, _ = c.text_size(topic, size, True)
    iw, _ = c.text_size(idea, size, False)
    gap = 14
    x = (880 - tw - iw - gap) / 2
    y = 130
    c.rect(
        x - 10, y - 30, x + tw + 10, y + 30, fill="#dbeafe", outline="#1d4ed8", width=3, radius=10
    )
    c.text((x, y), topic, size=size, bold=True, anchor="lm", fill="#1d4ed8")
    ix = x + tw + gap + 12
    c.rect(
        ix - 10, y - 30, ix + iw + 10, y + 30, fill="#ffedd5", outline="#c2410c", width=3, radius=10
    )
    c.text((ix, y), idea, size=size, anchor="lm", fill="#9a3412")
    c.arrow([(x + tw / 2, 225), (x + tw / 2, y + 36)], fill="#1d4ed8", width=3, head=12)
    c.text((x + tw / 2, 245), "TOPIC", size=18, bold=True, fill="#1d4ed8")
    c.text((x + tw / 2, 270), "what it is about", size=15, fill=MUTED)
    c.arrow([(ix + iw / 2, 225), (ix + iw / 2, y + 36)], fill="#c2410c", width=3, head=12)
    c.text((ix + iw / 2, 245), "CONTROLLING IDEA", size=18, bold=True, fill="#c2410c")
    c.text((ix + iw / 2, 270), "what you will say about it", size=15, fill=MUTED)
    return c.save("topic-sentence.png")


def cover_english() -> Path:
    c = Canvas(960, 540, "#ecfdf5")
    # A sheet of lined paper with a paragraph sketched on it
    c.rect(140, 50, 550, 420, fill="#c7d2d0")
    c.rect(130, 40, 540, 410, fill=WHITE, outline="#94a3b8", width=2)
    c.line([(175, 40), (175, 410)], fill="#f87171", width=2)
    for i in range(9):
        c.line([(140, 90 + i * 36), (530, 90 + i * 36)], fill="#bfdbfe", width=2)
    strokes = [
        (215, 505, "#1d4ed8", 5),
        (190, 500, INK, 3),
        (190, 490, INK, 3),
        (190, 505, INK, 3),
        (190, 470, INK, 3),
        (190, 495, INK, 3),
        (190, 400, "#047857", 5),
    ]
    for i, (a, b, colour, w) in enumerate(strokes):
        c.line([(a, 80 + i * 36), (b, 80 + i * 36)], fill=colour, width=w)
    # A pencil
    px, py, angle = 640, 330, math.radians(-35)
    length, half = 300, 18

    def at(d: float, s: float) -> Point:
        return (
            px + d * math.cos(angle) - s * math.sin(angle),
            py + d * math.sin(angle) + s * math.cos(angle),
        )

    c.polygon([at(0, 0), at(40, -half), at(40, half)], fill="#f5d0a9")
    c.polygon([at(0, 0), at(12, -half * 0.3), at(12, half * 0.3)], fill=INK)
    c.polygon(
        [at(40, -half), at(length, -half), at(length, half), at(40, half)],
        fill="#facc15",
        outline="#a16207",
        width=2,
    )
    c.polygon(
        [at(length, -half), at(length + 20, -half), at(length + 20, half), at(length, half)],
        fill="#9ca3af",
    )
    c.polygon(
        [
            at(length + 20, -half),
            at(length + 50, -half),
            at(length + 50, half),
            at(length + 20, half),
        ],
        fill="#f472b6",
    )
    c.rect(0, 440, 960, 540, fill="#065f46")
    c.text((480, 474), "Writing a Good Paragraph", size=42, bold=True, fill=WHITE)
    c.text((480, 515), "ENGLISH", size=20, bold=True, fill="#a7f3d0")
    return c.save("cover-english.png")


IMAGES: tuple[Callable[[], Path], ...] = (
    water_cycle,
    cloud_types,
    cover_science,
    fraction_pies,
    fraction_wall,
    decimal_number_line,
    hundred_grid,
    cover_math,
    hamburger,
    topic_sentence,
    cover_english,
)

# Audio -------------------------------------------------------------------------------------------
# Read aloud from the lesson "The Water Cycle" (the section "Follow a drop of water"); keep this
# text the same as that section of src/pilms/demo/content.py.
NARRATION = (
    "Let us follow one drop of water. The sun warms the sea, and the water evaporates. It turns "
    "into an invisible gas called water vapor, and rises into the air. High in the sky the air "
    "is cooler, so the vapor condenses into tiny droplets that form clouds. When the droplets "
    "join together and grow too heavy, they fall as rain. The rain collects in rivers, lakes and "
    "the ground, and flows back to the sea. Then the journey begins again."
)
NARRATION_FILE = "water-cycle-narration.mp3"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        sys.exit(f"{name} is needed for the audio: apt-get install -y espeak-ng ffmpeg")
    return path


def narration() -> Path:
    espeak, ffmpeg = _tool("espeak-ng"), _tool("ffmpeg")
    out = ASSETS / NARRATION_FILE
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "narration.wav"
        # A clear, slightly slow voice for young listeners.
        subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [espeak, "-v", "en-us", "-s", "150", "-p", "45", "-g", "4", "-w", str(wav), NARRATION],
            check=True,
        )
        subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [
                ffmpeg,
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
                "-i",
                str(wav),
                # Half a second of silence either side, then even out the loudness.
                "-af",
                "adelay=500,apad=pad_dur=0.5,loudnorm=I=-18:TP=-2:LRA=11",
                "-ac",
                "1",
                "-ar",
                "22050",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "40k",
                "-map_metadata",
                "-1",
                "-fflags",
                "+bitexact",
                "-flags:a",
                "+bitexact",
                "-id3v2_version",
                "3",
                "-metadata",
                "title=The Water Cycle (narration)",
                "-metadata",
                "artist=Pi-LMS demo",
                str(out),
            ],
            check=True,
        )
    return out


def _check_narration_matches_lesson() -> None:
    """Warn if the narrated words no longer appear in the lesson text."""
    content = (ROOT / "src" / "pilms" / "demo" / "content.py").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", content)
    text = re.sub(r'"\s*\n\s*"', "", text)  # join implicitly concatenated string literals
    words = " ".join(text.split())
    if " ".join(NARRATION.split()) not in words:
        print(
            "warning: the narration text is not found word for word in "
            "content.py; update NARRATION or the lesson",
            file=sys.stderr,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--images", action="store_true", help="only the PNG images")
    parser.add_argument("--audio", action="store_true", help="only the MP3 narration")
    args = parser.parse_args()
    both = not args.images and not args.audio
    ASSETS.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    if args.images or both:
        made += [make() for make in IMAGES]
    if args.audio or both:
        _check_narration_matches_lesson()
        made.append(narration())
    for path in made:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main()
