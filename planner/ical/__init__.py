"""The iCalendar conversion: iCalendar text to :mod:`planner.model` events and back.

It sits just above the core and below the providers, which use it to turn what a file, a URL,
CalDAV or an API gives them into events; it imports only the core (model, errors, store, i18n).

- ``reader``: one calendar's text to events, tolerant of what real exports do (the reading flow);
- ``reading``: what a read is asked and gives, and a calendar of plain VEVENTs (``plain``) read
  without icalendar, as a changed VEVENT is read again (``incremental``);
- ``parsing``: splitting a file into components, decoding, the file's own time zones;
- ``fields``: one VEVENT's fields (times, people, busy status, vendor properties);
- ``recurrence``: expanding series within a window, with a cost screen and a cap;
- ``zones``, ``tzids``: time zone names of every vendor to IANA zones;
- ``salvage``: reading what a broken component still holds;
- ``index``: the event index, which keeps converted events between runs;
- ``parallel``: the conversion of a large file on several cores;
- ``wallclock``: wall-clock arithmetic that follows RFC 5545 across DST gaps and folds;
- ``writing``: events to iCalendar (holds, invitations, feeds, mirrors).
"""
