"""The flows: the use cases a command asks for, composed from the rooms below.

Each flow reads the configured calendars (:mod:`planner.calendar`), judges (:mod:`planner.judge`),
finds time and place (:mod:`planner.meet`) and writes invitations (:mod:`planner.invite`); the
rooms do not import each other where that can be avoided and meet here instead.

- ``session``: calendars read over the look-back, classified, the contact ledger up to date;
  ``planner contacts`` as a library function;
- ``propose``: ``planner propose``: slots and venues for a counterpart or a meeting;
- ``weekly`` and ``plan``: the week's judgement (``planner week``), its data types;
- ``meeting_place``: whom to meet where when the counterpart lives elsewhere;
- ``invitations``: ``planner invite``, from a proposal or from options;
- ``followup`` and ``followup_steps``: answers and counters, and the next step per invitation.

:mod:`planner.api` above is the library's public face; ``cli`` and ``render`` sit above that.
Nothing here parses arguments or prints.
"""
