"""The atlas artwork, generated from code: NeedleMap's own drawing of the muscles.

Nothing here is traced or copied: every shape is a list of control points written in this
package, turned into smooth curves by ``kit.py``. Run ``python -m needlemap.anatomy.artwork``
to regenerate ``resources/atlas/views/*.svg`` after any change (the tests fail while a
committed SVG differs from what the code draws).

How to add or fix a muscle
==========================
1. The muscle must be in ``resources/anatomy/muscles.toml``; its ``views`` list says which views
   must draw it. Find the view module: ``views/anterior/{upper,lower}.py``,
   ``views/posterior/{upper,lower}.py``, ``views/lateral.py`` (the right lateral view; the left
   lateral view is its mirror image), ``views/head_neck.py``, ``views/hands_palmar.py``,
   ``views/hands_dorsal.py``, ``views/feet_plantar.py``, ``views/feet_dorsal.py``.
2. Draw ONE side only, the view's template side; the builder mirrors it:
   anterior: x < 320 is the patient's RIGHT. posterior: x < 320 is the patient's LEFT.
   lateral: the patient's right side, facing the viewer's right (front of the body at larger
   x). Insets: see each module's docstring.
3. A muscle is a ``MuscleArt(muscle_id, Patch(points, corners), ...)``. ``points`` go once
   round the outline starting at corner a0; ``corners`` are the indices of a0, b0, b1, a1:
       a0 --origin edge--> b0 --border b--> b1 --insertion edge--> a1 --border a--> a0
   Each edge is a smooth spline through its points; the outline may turn sharply only at the
   four corners. Inside, the Coons patch gives coordinates: u runs along the fibres from the
   origin (u = 0) to the insertion (u = 1); v runs across, from border a (v = 0) to border b
   (v = 1). Fibre lines are drawn at constant v, so the fibre direction comes from the edges.
   Convention for which border is "a": for muscles whose fibres run roughly vertically, border
   a is the one nearer the body's midline (medial); for fibres running roughly horizontally or
   obliquely out to a limb, border a is the upper (cranial) one. Trigger points in
   ``resources/atlas/trigger_points.toml`` use this convention for their [u, v].
   - a pointed insertion still needs a short insertion edge (2–5 units), not a single point;
   - ``tendons=[(u0, u1)]`` draws that stretch as tendon or aponeurosis (lighter, no fibres),
     e.g. [(0.85, 1.0)] for a distal tendon, [(0.0, 0.1)] for an origin aponeurosis, several
     thin bands for the rectus abdominis' tendinous intersections;
   - ``fibres`` is the number of fibre lines (3 for a thin muscle, 6–8 for a broad one);
   - ``layer`` overrides the catalogue's layer in this view, where the muscle is exposed
     differently here (the drawing order is deep, intermediate, superficial).
4. Shapes of one layer must not overlap (3% of the smaller one at most): define a border two
   muscles share once, as a module constant, and use it in both (reversed in one). Gaps are
   fine: they read as fascia. Shapes must stay inside the body outline (2 units of slack).
5. Landmarks (``LineArt``) are the light bony references drawn under the muscles (clavicle,
   patella, malleoli, iliac crest, spine of the scapula). Referral zones (``ZoneArt``) are
   smooth blobs for the named regions of ``zones.py`` that show in the view.
6. Trigger points take their [u, v] from the TOML; where that lands badly in one view, set
   ``TRIGGER_POINT_UV[(muscle_id, trp_id)] = (u, v)`` in the view module.
7. Regenerate and look:
       python -m needlemap.anatomy.artwork VIEW
       needlemap atlas --render /tmp/atlas --view VIEW      # PNG: numbered muscles, TrPs, zones
       python -c "from needlemap.anatomy.atlas import load_atlas; \\
           from needlemap.anatomy.atlas_checks import check_view; \\
           print(check_view(load_atlas(), 'VIEW'))"          # must print []
   Judge the render as a physiotherapist would: could you name every muscle at a glance?
"""
