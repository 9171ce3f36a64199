"""Editors merge two records of one person, one meeting or one journey.

Each merge runs in one transaction with the rows it changes locked. Every
history entry it writes names the editor. Nothing is left pointing at the record
merged away: an official stays as a redirect (`merged_into`) with nothing
attached to it; an engagement or a trip is deleted once everything it held has
moved to the record kept. Corrections on the record kept (its `edited_fields`)
are never overwritten; blanks are filled from the other record.

One module per kind of record: `officials`, `engagements`, `trips`; `common` holds what
every merge does (locking, saving with the editor, moving citations).
"""

from .common import MergeError, references
from .engagements import engagement_merge_refusal, engagements_merge
from .officials import official_live, official_merge_refusal, officials_merge
from .trips import stops_to_fold, trip_merge_refusal, trips_merge

__all__ = [
    "MergeError",
    "engagement_merge_refusal",
    "engagements_merge",
    "official_live",
    "official_merge_refusal",
    "officials_merge",
    "references",
    "stops_to_fold",
    "trip_merge_refusal",
    "trips_merge",
]
