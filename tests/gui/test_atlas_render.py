"""``needlemap atlas --render``: one PNG per view for whoever maintains the atlas."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from needlemap.__main__ import main
from needlemap.anatomy import load_atlas


def test_render_writes_a_drawn_png_per_view(qapp, tmp_path: Path, capsys) -> None:
    out = tmp_path / "renders"
    assert main(["atlas", "--render", str(out), "--view", "posterior", "--view", "head_neck"]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == ["head_neck.png", "posterior.png"]
    assert capsys.readouterr().out.split() == [
        str(out / n) for n in ("posterior.png", "head_neck.png")
    ]
    atlas = load_atlas()
    image = QImage(str(out / "posterior.png"))
    view = atlas.view("posterior")
    assert image.height() >= view.height  # full size or larger, with a legend beside it
    # inside a muscle the picture is muscle-coloured, not white paper or skin
    shape = atlas.geometry("posterior").shape("gluteus_maximus", "left")
    assert shape is not None
    scale = image.height() / view.height
    x0, y0, x1, y1 = shape.outline.bbox
    inside = [
        QColor(image.pixel(round(x * scale), round(y * scale)))
        for x in range(int(x0), int(x1), 4)
        for y in range(int(y0), int(y1), 4)
        if shape.outline.contains(x, y)
    ]
    reddish = [c for c in inside if c.red() > c.green() + 30]
    assert len(reddish) > 0.6 * len(inside)
    colours = {
        image.pixel(i, j) for i in range(0, image.width(), 23) for j in range(0, image.height(), 23)
    }
    assert len(colours) > 50


def test_render_refuses_an_unknown_view(qapp, tmp_path: Path, capsys) -> None:
    assert main(["atlas", "--render", str(tmp_path), "--view", "sideways"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "sideways" in err[0]
