"""The codes that let a counterpart answer an offer, and only that counterpart, only once.

All are signed with one secret of this install (``offer.key`` in the data directory, 32
random bytes, mode 0600, made on first use) and bound to the offer's :meth:`digest
<planner.flows.offers.Offer.digest>` (whom it is for, its options, that it is still open): a
pick changes the digest, so a used or outdated code fails by itself, without a table of
tokens (as Django's password-reset links do).

- the **link** of the served page (``planner serve``): itsdangerous' timed serializer over the
  offer's identifier and digest; it also expires with the offer;
- the **mail code** of an accept link (``mailto:``) in the static offer:
  ``PLANNER-OFFER:k7m2qa:2:<16 characters>``, an HMAC over the offer, the option (0 = none
  fits) and the counterpart's address, short enough for a subject line. A mail carrying it
  counts only when it comes from that address (:mod:`planner.flows.offer_answers`);
- the **form code** of a served page (against cross-site requests): an HMAC of the link.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.flows.offers import Offer
    from planner.invite.offer_mail import Code

KEY_FILE = "offer.key"
LINK_SALT = "planner.offer.link"
MAX_AGE = 61 * 24 * 3600  # the longest an offer lives ([offer] valid_days ≤ 60), in seconds


def offer_key(directory: Path) -> bytes:
    """The install's offer secret, made on first use (mode 0600; a file others could read is
    replaced: :func:`planner.paths.secret_key`)."""
    from planner.paths import secret_key

    return secret_key(directory / KEY_FILE)


def _mac(key: bytes, *parts: str) -> bytes:
    return hmac.new(key, "\0".join(parts).encode("utf-8"), hashlib.sha256).digest()


# -- mail codes -----------------------------------------------------------------------------
def mail_code(key: bytes, offer: Offer, number: int) -> str:
    """The code an accept mail for option ``number`` carries (0: none of them fits)."""
    from planner.invite.offer_mail import Code

    return Code(offer.id, number, _mail_signature(key, offer, number)).text()


def _mail_signature(key: bytes, offer: Offer, number: int) -> str:
    from planner.people.addresses import address_key

    mac = _mac(key, "mail", offer.id, str(number), address_key(offer.counterpart), offer.digest())
    return base64.b32encode(mac).decode("ascii")[:16]


def mail_code_valid(key: bytes, offer: Offer, code: Code) -> bool:
    """Whether ``code`` (as found in a mail) is this install's code for ``offer`` as it is."""
    expected = _mail_signature(key, offer, code.number)
    return offer.id == code.offer and hmac.compare_digest(expected, code.signature)


# -- links of the served page -----------------------------------------------------------------
def _serializer(key: bytes, clock: Any = None) -> Any:
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    if clock is None:
        return URLSafeTimedSerializer(key, salt=LINK_SALT)

    class Signer(TimestampSigner):
        def get_timestamp(self) -> int:  # itsdangerous' hook for "now"
            return int(clock())

    return URLSafeTimedSerializer(key, salt=LINK_SALT, signer=Signer)


def link_token(key: bytes, offer: Offer, clock: Any = None) -> str:
    """The token of the counterpart's link to the served page."""
    return str(_serializer(key, clock).dumps({"o": offer.id, "d": offer.digest()[:32]}))


@dataclass(frozen=True)
class LinkCheck:
    """What a link token says: the offer it names (None when forged), and ``problem``:
    "" (good), "forged", "expired", "used" (answered, withdrawn or replaced) or
    "outdated" (the offer changed since the link was made)."""

    offer: Offer | None
    problem: str = ""


def check_link(key: bytes, token: str, find: Any, now: datetime, clock: Any = None) -> LinkCheck:
    """Check ``token`` against the offer ``find(id)`` returns as it is now."""
    from itsdangerous import BadSignature, SignatureExpired

    from planner.flows.offers import LIVE

    try:
        payload = _serializer(key, clock).loads(token, max_age=MAX_AGE)
    except SignatureExpired:
        return LinkCheck(None, "expired")
    except BadSignature:
        return LinkCheck(None, "forged")
    if not isinstance(payload, dict) or not isinstance(payload.get("o"), str):
        return LinkCheck(None, "forged")
    offer = find(payload["o"])
    if offer is None:
        return LinkCheck(None, "forged")
    if offer.status not in LIVE:
        return LinkCheck(offer, "used")
    if not hmac.compare_digest(str(payload.get("d", "")), offer.digest()[:32]):
        return LinkCheck(offer, "outdated")
    if not offer.pickable(now):
        return LinkCheck(offer, "expired")
    return LinkCheck(offer)


def form_code(key: bytes, token: str) -> str:
    """The code a served page's forms carry: only a page this server gave has it."""
    return base64.urlsafe_b64encode(_mac(key, "form", token)).decode("ascii").rstrip("=")


def form_code_valid(key: bytes, token: str, given: str) -> bool:
    return hmac.compare_digest(form_code(key, token), given or "")
