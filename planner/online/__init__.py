"""Online services at run time: geocoding (Nominatim), venues (Overpass), free/busy look-ups and
URL calendars are optional, and being offline is a normal state (DESIGN.md, "Offline").

:mod:`planner.online.failure` tells a network failure apart: no connection at all (offline, or the
server is down) from a server that answers but is busy or slow, and from one that answers with an
error. :mod:`planner.online.outages` remembers, for the run, which services failed: the first
failure of a service is said once ("offline since …"), the service is not asked again in this
run, and the outage is kept in the state database for ``planner status`` until the service works
again.
"""
