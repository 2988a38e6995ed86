"""Make the project's own media for the seed items of the memory archive: a chart of Taipei's
2020 figures, two simple illustrations and a sample newsletter PDF.

Every file made here is labelled in its item.yml as made by the portal project; none of them is
a historical photograph or document. Run it again only to change them:

    .venv/bin/python scripts/make_archive_media.py
"""

from __future__ import annotations

import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT / "memory_archive"
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
LATIN = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TC_INDEX = 3  # Noto Sans CJK TC inside the collection

INK = (27, 27, 27)
BRAND = (0, 90, 112)
PAPER = (255, 255, 255)
SOFT = (232, 241, 248)
WARM = (163, 82, 0)


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Noto Sans CJK TC when installed (it has Latin letters too), else DejaVu Sans."""
    try:
        return ImageFont.truetype(CJK_BOLD if bold else CJK, size, index=TC_INDEX)
    except OSError:
        return ImageFont.truetype(LATIN, size)


def save(image: Image.Image, path: Path) -> None:
    """A small PNG: few colours, so a palette keeps the file well under 100 kB."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image.convert("P", palette=Image.Palette.ADAPTIVE, colors=32).save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} kB")


def figures_2020() -> None:
    """Four tiles with Taipei's 2020 figures, as reported in the city's 2021 work plan."""
    image = Image.new("RGB", (1200, 760), PAPER)
    draw = ImageDraw.Draw(image)
    draw.text((60, 40), "Volunteering in Taipei, 2020", font=font(44, True), fill=BRAND)
    draw.text((60, 100), "2020年臺北市志願服務概況（民國109年）", font=font(34), fill=BRAND)
    tiles = [
        ("1,193", "volunteer teams", "志工隊"),
        ("76,230", "volunteers", "志工人數"),
        ("31,873,120", "service person-times", "服務人次"),
        ("4,338,305", "service hours", "服務時數"),
    ]
    for index, (number, english, chinese) in enumerate(tiles):
        x = 60 + (index % 2) * 550
        y = 180 + (index // 2) * 250
        draw.rounded_rectangle((x, y, x + 520, y + 220), radius=18, fill=SOFT,
                               outline=BRAND, width=4)
        draw.text((x + 30, y + 25), number, font=font(64, True), fill=INK)
        draw.text((x + 30, y + 115), english, font=font(32), fill=INK)
        draw.text((x + 30, y + 160), chinese, font=font(32), fill=INK)
    draw.text((60, 700), "Source: Taipei City Government, 2021 Volunteer Service Work Plan. "
                         "Chart made by the portal project.", font=font(22), fill=INK)
    save(image, ARCHIVE / "taipei-figures-2020" / "media" / "figures-2020.png")


def volunteer_day() -> None:
    """A calendar page for 5 December and three simple figures: an illustration, not a photo."""
    image = Image.new("RGB", (1000, 700), SOFT)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((80, 90, 440, 520), radius=24, fill=PAPER, outline=BRAND, width=6)
    draw.rectangle((80, 90, 440, 200), fill=BRAND)
    draw.text((170, 110), "DEC 12月", font=font(54, True), fill=PAPER)
    draw.text((205, 250), "5", font=font(200, True), fill=INK)
    for index, colour in enumerate((BRAND, WARM, INK)):
        cx = 560 + index * 140
        draw.ellipse((cx - 40, 250, cx + 40, 330), fill=colour)
        draw.rounded_rectangle((cx - 55, 345, cx + 55, 520), radius=40, fill=colour)
    draw.line((615, 420, 645, 420), fill=INK, width=12)
    draw.line((755, 420, 785, 420), fill=INK, width=12)
    draw.text((80, 570), "International Volunteer Day", font=font(46, True), fill=INK)
    draw.text((80, 630), "國際志工日 · Illustration made by the portal project", font=font(30),
              fill=INK)
    save(image, ARCHIVE / "international-volunteer-day-illustration" / "media"
         / "volunteer-day-5-december.png")


def record_book() -> None:
    """A booklet drawn with plain shapes; it does not copy the real record book's cover."""
    image = Image.new("RGB", (900, 700), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((250, 60, 650, 600), radius=16, fill=BRAND)
    draw.rectangle((250, 60, 285, 600), fill=(0, 70, 88))
    draw.rounded_rectangle((320, 140, 610, 300), radius=10, fill=PAPER)
    draw.text((345, 160), "志願服務紀錄冊", font=font(38, True), fill=INK)
    draw.text((345, 225), "Volunteer service", font=font(28), fill=INK)
    draw.text((345, 258), "record book", font=font(28), fill=INK)
    for row in range(5):
        draw.line((330, 360 + row * 40, 600, 360 + row * 40), fill=PAPER, width=3)
    draw.text((120, 630), "A drawing made by the portal project, not the real cover",
              font=font(28), fill=INK)
    save(image, ARCHIVE / "volunteer-service-record-book" / "media" / "record-book-drawing.png")


PDF_LINES = [
    ("F2", 20, "Taipei Volunteers archive newsletter - sample issue"),
    ("F1", 11, "Made by the portal project to show how newsletters appear in the archive."),
    ("F1", 11, "It is not a real issue of any city publication."),
    ("F1", 11, ""),
    ("F2", 14, "Volunteering in Taipei in 2020"),
    ("F1", 11, "Taipei had 1,193 volunteer teams and 76,230 volunteers in 2020."),
    ("F1", 11, "They served 4,338,305 hours, about 56.91 hours per volunteer in the year."),
    ("F1", 11, "Source: Taipei City Government, 2021 Volunteer Service Work Plan."),
    ("F1", 11, ""),
    ("F2", 14, "International Volunteer Day"),
    ("F1", 11, "UN resolution 40/212 (1985) asks governments to mark 5 December"),
    ("F1", 11, "as International Volunteer Day. The city's 2021 plan celebrates it."),
]


def newsletter_pdf() -> None:
    """A one-page PDF with real text (so it can be read aloud and searched), written by hand
    because it needs no library: fonts are the standard PDF Helvetica faces."""
    content = ["BT"]
    y = 780
    for font_name, size, line in PDF_LINES:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content.append(f"/{font_name} {size} Tf 1 0 0 1 56 {y} Tm ({escaped}) Tj")
        y -= size + 12
    content.append("ET")
    stream = zlib.compress("\n".join(content).encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (en) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n"
        + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Title (Taipei Volunteers archive newsletter: sample issue) "
        b"/Author (Taipei Volunteers portal project) >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    path = ARCHIVE / "newsletter-sample-issue" / "media" / "newsletter-sample.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))
    print(f"{path.relative_to(ROOT)}: {len(out)} bytes")


if __name__ == "__main__":
    figures_2020()
    volunteer_day()
    record_book()
    newsletter_pdf()
