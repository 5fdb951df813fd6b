"""Qt-free anatomy: the muscle catalogue, the atlas views and (later) their geometry."""

from needlemap.anatomy.atlas import Atlas, load_atlas
from needlemap.anatomy.catalogue import Catalogue, Muscle

__all__ = ["Atlas", "Catalogue", "Muscle", "load_atlas"]
