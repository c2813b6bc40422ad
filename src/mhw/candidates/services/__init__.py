from mhw.candidates.services.records import (
    EDITABLE_FIELDS,
    open_candidate_record,
    register_candidate,
    update_candidate,
)

__all__ = ["EDITABLE_FIELDS", "open_candidate_record", "register_candidate", "update_candidate"]
