"""The atlas artwork keeps its rules: every muscle drawn where the catalogue says, anchors and
trigger points inside their muscles, the patient's side where the convention puts it, no
overlaps within a layer, nothing outside the body, and the SVG files as the code draws them."""

from __future__ import annotations

import pytest

from needlemap.anatomy import atlas_checks, load_atlas
from needlemap.anatomy.artwork.registry import generate_all, views_dir
from needlemap.anatomy.view_geometry import (
    compile_view,
    compiled_path,
    load_view_geometry,
    parse_view_svg,
)

ATLAS = load_atlas()
VIEW_IDS = [view.id for view in ATLAS.views]


def test_committed_svg_files_are_what_the_code_draws() -> None:
    stale = [
        view_id
        for view_id, text in generate_all().items()
        if (views_dir() / f"{view_id}.svg").read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run: python -m needlemap.anatomy.artwork"


@pytest.mark.parametrize("view_id", VIEW_IDS)
def test_the_compiled_geometry_is_the_svg_parsed(view_id: str) -> None:
    """The app loads the compiled form; it must be exactly what the SVG says, made from it."""
    svg = views_dir() / f"{view_id}.svg"
    assert compiled_path(svg).read_text(encoding="utf-8") == compile_view(svg, view_id)
    assert load_view_geometry(svg, view_id) == parse_view_svg(svg, view_id)


def test_an_svg_edited_by_hand_is_not_shadowed_by_its_compiled_form(tmp_path) -> None:
    svg = views_dir() / "feet_dorsal.svg"
    copy = tmp_path / "feet_dorsal.svg"
    copy.write_text(svg.read_text(encoding="utf-8"), encoding="utf-8")
    compiled_path(copy).write_text(compile_view(copy, "feet_dorsal"), encoding="utf-8")
    edited = copy.read_text(encoding="utf-8").replace('data-side="left"', 'data-side="right"', 1)
    copy.write_text(edited, encoding="utf-8")
    assert load_view_geometry(copy, "feet_dorsal") == parse_view_svg(copy, "feet_dorsal")
    assert load_view_geometry(copy, "feet_dorsal") != load_view_geometry(svg, "feet_dorsal")


def test_every_catalogue_muscle_is_drawn_in_its_views_on_each_side() -> None:
    assert atlas_checks.check_coverage(ATLAS) == []


@pytest.mark.parametrize("view_id", VIEW_IDS)
def test_anchors_hit_their_own_muscle_and_side(view_id: str) -> None:
    assert atlas_checks.check_anchors(ATLAS.geometry(view_id)) == []


@pytest.mark.parametrize("view_id", VIEW_IDS)
def test_left_and_right_follow_the_patients_side(view_id: str) -> None:
    view = ATLAS.view(view_id)
    geometry = ATLAS.geometry(view_id)
    assert atlas_checks.check_sides(geometry, view) == []
    assert {label.side for label in geometry.labels} == (
        {view.shows} if view.shows else {"left", "right"}
    )
    for shape in geometry.muscles:
        assert view.side_at(shape.anchor[0]) == shape.side


@pytest.mark.parametrize("view_id", VIEW_IDS)
def test_shapes_of_one_layer_do_not_overlap(view_id: str) -> None:
    assert atlas_checks.check_overlaps(ATLAS.geometry(view_id)) == []


@pytest.mark.parametrize("view_id", VIEW_IDS)
def test_every_shape_lies_inside_the_body(view_id: str) -> None:
    assert atlas_checks.check_inside_body(ATLAS.geometry(view_id)) == []


@pytest.mark.parametrize("view_id", VIEW_IDS)
def test_trigger_points_lie_inside_their_muscle(view_id: str) -> None:
    assert atlas_checks.check_trigger_points(ATLAS, ATLAS.geometry(view_id)) == []


def test_reference_trigger_points_cover_every_drawn_muscle() -> None:
    assert len(ATLAS.trigger_points) >= 200
    placed = {
        (mark.muscle_id, mark.trp_id)
        for view in ATLAS.views
        for mark in ATLAS.geometry(view.id).trigger_points
    }
    for muscle in ATLAS.catalogue:
        trps = ATLAS.trigger_points_of(muscle.id)
        assert trps, f"{muscle.id} has no reference trigger point"
        if muscle.views:
            assert all((muscle.id, t.id) in placed for t in trps), muscle.id
    assert len(placed) >= 200


def test_referral_zones_are_drawn() -> None:
    drawn = {
        (zone.muscle_id, zone.trp_id)
        for view in ATLAS.views
        for zone in ATLAS.geometry(view.id).referral_zones
    }
    with_zones = [t for t in ATLAS.trigger_points if t.zones]
    missing = [t.key for t in with_zones if (t.muscle_id, t.id) not in drawn]
    assert len(drawn) >= 200
    assert missing == []


def test_depth_aware_hit_testing_lists_superficial_first() -> None:
    """Over the supraspinatus fossa the upper trapezius lies over the supraspinatus."""
    found_stack = False
    for view in ATLAS.views:
        geometry = ATLAS.geometry(view.id)
        for shape in geometry.muscles:
            hits = geometry.muscles_at(*shape.anchor)
            ranks = [{"superficial": 0, "intermediate": 1, "deep": 2}[h.layer] for h in hits]
            assert ranks == sorted(ranks)
            found_stack = found_stack or len({h.layer for h in hits}) > 1
    assert found_stack
    hits = ATLAS.muscles_at(
        "posterior", *ATLAS.geometry("posterior").shape("supraspinatus", "left").anchor
    )
    assert [h.muscle_id for h in hits][-1] == "supraspinatus"
    assert hits[0].layer != "deep"


def test_default_positions_are_on_their_muscle() -> None:
    for muscle in ATLAS.catalogue:
        for side in muscle.sides:
            position = ATLAS.default_position(muscle.id, side)
            if not muscle.views:
                assert position is None
                continue
            assert position is not None, (muscle.id, side)
            assert ATLAS.lies_on(position.view, position.x, position.y, muscle.id, side)


def test_the_current_version_and_frames_are_recorded() -> None:
    frames = ATLAS.frames[ATLAS.version]
    assert frames == {view.id: (view.width, view.height) for view in ATLAS.views}


def test_points_from_an_older_frame_draw_where_they_were() -> None:
    from needlemap.anatomy.atlas import Atlas

    older = dict(ATLAS.frames)
    older["2020.1.0"] = {"anterior": (320.0, 780.0)}  # an imagined older, half-size frame
    atlas = Atlas(
        ATLAS.version, ATLAS.views, ATLAS.catalogue, ATLAS.trigger_points, ATLAS._views_dir, older
    )
    assert atlas.place("anterior", 100, 200, "2020.1.0") == (200, 400)
    assert atlas.place("anterior", 100, 200, ATLAS.version) == (100, 200)
    assert atlas.place("posterior", 100, 200, "2020.1.0") == (100, 200)
