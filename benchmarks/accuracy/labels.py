"""The label values of the spec modules of the later parts (``tasks_*``, ``holds_*``,
``signatures_*``), in short names: meeting or not, mode, purpose and class of error (see
README.md in this folder). ``heldout.py`` and ``dev.py`` keep their own, as committed."""

Y, N = True, False
IP, VI, PH, UN, TR = "in_person", "virtual", "phone", "unknown", "travel"
FC, DC, IN, PE, NW, VS = (
    "first_contact",
    "deal_closing",
    "internal",
    "personal",
    "networking",
    "visit",
)
TASK, TRAVEL, GATHER, ORD = "task-title", "travel-shape", "no-attendee-gathering", "ordinary"
HOLD, OWN, SIG = "hold-with-people", "own-time", "signature-number"
