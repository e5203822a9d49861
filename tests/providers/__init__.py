"""Tests of the providers through their real client libraries, against local fakes or Radicale.

``contract.py`` is the suite every provider passes; ``radicale_server.py`` starts Radicale.
"""
