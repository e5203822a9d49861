"""Invitations out: RFC 5545/5546 iTIP messages (``itip``) with their zones and text, iMIP
e-mail (``mail``) and the log of what was sent (``sentlog``).

Imports the core only (and providers' abstract base class for writing holds); never ``judge``,
``meet`` or the composition layer, which hands in what an invitation needs.
"""
