"""Which red-flag warnings a patient is given: the ones that apply to what was treated.

Needling over the chest wall (muscles tagged lung/pleura) earns the breathlessness warning;
needling near the spine earns the neurological one; infection and the general advice apply to
everyone. The wording is the clinic's (settings); the choice is made here.
"""

from __future__ import annotations

from collections.abc import Sequence

from needlemap.anatomy import Atlas
from needlemap.domain.clinic_settings import ClinicSettings
from needlemap.domain.point import NeedledPoint


def red_flags(atlas: Atlas, points: Sequence[NeedledPoint], settings: ClinicSettings) -> list[str]:
    risks = set()
    for point in points:
        muscle = atlas.catalogue.find(point.muscle_id)
        if muscle is not None:
            risks.update(muscle.risk)
    chosen = []
    if "lung_pleura" in risks:
        chosen.append(settings.red_flag_chest)
    if "spinal_canal" in risks:
        chosen.append(settings.red_flag_spine)
    chosen += [settings.red_flag_infection, settings.red_flag_general]
    return [text for text in chosen if text.strip()]
