"""How often to meet whom in person, and how it stands with each person.

A rhythm (:class:`planner.config.rhythm.Rhythm`) is given for a person (their e-mail), an
organisation (an e-mail domain and its subdomains) or a tag (an address-book group or a
``tags`` entry of ``[[people]]``), in the config (``rhythm =`` in ``[[people]]``) or with
``planner people rhythm``, which keeps it in the state database and wins over the config for
the same person, organisation or tag. The most specific one counts:

1. the person's own;
2. their organisation's (the longest matching domain);
3. their tags' (the shortest of several);
4. a key account's (``[relations] key_accounts``): every ``visit_due_days`` days;
5. ``[keep_in_touch] default_rhythm`` for everyone else ("" = none).

``never`` at any level ends the search: that person has no rhythm.

:func:`standing` says how it stands: the last meeting in person (video and phone count as
contact, not as meeting), the last contact of any kind, when the next meeting in person is due
and by how many days it is overdue. Someone never met in person is due one rhythm after the
first contact (a call on 15 Sep, every 90 days: due on 14 Dec; the rhythm counts from the first
contact as from a meeting), or today when there was no contact at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from planner.config.rhythm import Rhythm, RhythmError, parse_rhythm
from planner.errors import UsageError
from planner.i18n import _
from planner.people.addresses import address_key, domain_of, is_email

if TYPE_CHECKING:
    from planner.config import Config
    from planner.people.person import Person
    from planner.store import Store

SCHEMA = "rhythms"
VERSION = 1
DDL = """
DROP TABLE IF EXISTS rhythms;
CREATE TABLE rhythms (target TEXT PRIMARY KEY, rhythm TEXT NOT NULL, set_at TEXT NOT NULL)
"""
PERSON, ORGANISATION, TAG = "person", "organisation", "tag"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rhythm and where it comes from: ``kind`` (person, organisation, tag, key account,
    default), ``target`` (the address, domain or tag) and ``origin`` (a config table, the
    command, a config key), for the user to see why."""

    rhythm: Rhythm
    kind: str
    target: str
    origin: str

    @property
    def label(self) -> str:
        return self.rhythm.label()


def target_of(text: str) -> tuple[str, str]:
    """``(kind, key)`` of what ``planner people rhythm`` is given: an e-mail address (a
    person), ``#name`` or ``tag:name`` (a tag), or a domain (an organisation)."""
    text = text.strip()
    if text.startswith("#") or text.lower().startswith("tag:"):
        tag = text[1:] if text.startswith("#") else text[4:]
        if tag.strip():
            return TAG, tag.strip().casefold()
    elif "@" in text.strip("@"):  # "@acme.example" is a domain
        if not is_email(text.removeprefix("mailto:")):
            raise UsageError(
                _("'{text}' is not an e-mail address", text=text),
                hint=_("give an e-mail address, a domain (acme.example) or a tag (#investors)"),
            )
        return PERSON, address_key(text)
    elif "." in text and " " not in text:
        return ORGANISATION, domain_of("x@" + text.lstrip("@"))
    raise UsageError(
        _("'{text}' names no person, organisation or tag", text=text),
        hint=_("give an e-mail address, a domain (acme.example) or a tag (#investors)"),
    )


def _key(kind: str, key: str) -> str:
    return f"{kind}:{key}"


class Rhythms:
    """Every rhythm of the config and of the command, and the rule for a person."""

    def __init__(self, config: Config, commanded: Mapping[str, str] | None = None) -> None:
        self.rules: dict[str, Rule] = {}
        for number, table in enumerate(config.people, start=1):
            if table.get("rhythm"):
                kind, key = _table_target(table)
                origin = f"[[people]] #{number}"
                self.rules[_key(kind, key)] = Rule(parse_rhythm(table["rhythm"]), kind, key, origin)
        for target, text in (commanded or {}).items():
            kind, _sep, key = target.partition(":")
            try:
                rhythm = parse_rhythm(text)
            except RhythmError:
                continue  # a bad stored value never breaks a later command
            self.rules[target] = Rule(rhythm, kind, key, _("planner people rhythm"))
        self.key_accounts = [a.strip().lower() for a in config["relations"]["key_accounts"]]
        self.visit_days = int(config["relations"]["visit_due_days"])
        default = str(config["keep_in_touch"]["default_rhythm"]).strip()
        self.default = parse_rhythm(default) if default else None

    def of(self, person: Person) -> Rule | None:
        """The rule for ``person`` (see the module doc); None when they have no rhythm."""
        rule = self._find(person)
        return None if rule is None or rule.rhythm.never else rule

    def _find(self, person: Person) -> Rule | None:
        for address in person.addresses:
            if found := self.rules.get(_key(PERSON, address_key(address))):
                return found
        for address in person.addresses:
            if found := self._organisation(domain_of(address)):
                return found
        tagged = [
            rule
            for tag in person.tags
            if (rule := self.rules.get(_key(TAG, tag.strip().casefold()))) is not None
        ]
        if tagged:
            never = [r for r in tagged if r.rhythm.never]
            return never[0] if never else min(tagged, key=lambda r: r.rhythm.days)
        for address in person.addresses:
            if account := self._key_account(address):
                rhythm = Rhythm(self.visit_days, "d")
                origin = "[relations] visit_due_days"
                return Rule(rhythm, "key account", account, origin)
        if self.default is not None:
            return Rule(self.default, "default", "", "[keep_in_touch] default_rhythm")
        return None

    def _organisation(self, domain: str) -> Rule | None:
        parts = domain.split(".")
        for start in range(len(parts) - 1):  # the longest matching domain first
            if found := self.rules.get(_key(ORGANISATION, ".".join(parts[start:]))):
                return found
        return None

    def _key_account(self, address: str) -> str:
        key = address_key(address)
        domain = domain_of(key)
        for account in self.key_accounts:
            if account == key or (
                "@" not in account
                and account
                and (domain == account or domain.endswith("." + account))
            ):
                return account
        return ""


def _table_target(table: Mapping[str, str]) -> tuple[str, str]:
    if table.get("email"):
        return PERSON, address_key(table["email"])
    if table.get("domain"):
        return ORGANISATION, domain_of("x@" + table["domain"].lstrip("@"))
    return TAG, table["tag"].strip().casefold()


# -- rhythms set with the command ---------------------------------------------------------------


def commanded(store: Store) -> dict[str, str]:
    """The rhythms set with ``planner people rhythm``: ``kind:key`` → rhythm code."""
    store.ensure(SCHEMA, VERSION, DDL)
    rows = store.conn.execute("SELECT target, rhythm FROM rhythms")
    return {str(target): str(rhythm) for target, rhythm in rows}


def set_rhythm(store: Store, target: str, rhythm: Rhythm | None, now: datetime) -> bool:
    """Keep ``rhythm`` for ``target`` (see :func:`target_of`); None forgets it. Whether
    anything changed (False: there was nothing to forget)."""
    kind, key = target_of(target)
    store.ensure(SCHEMA, VERSION, DDL)
    with store.conn as conn:
        if rhythm is None:
            gone = conn.execute("DELETE FROM rhythms WHERE target = ?", (_key(kind, key),))
            return gone.rowcount > 0
        conn.execute(
            "INSERT OR REPLACE INTO rhythms VALUES (?, ?, ?)",
            (_key(kind, key), rhythm.code, now.astimezone(UTC).isoformat()),
        )
    return True


def known_target(target: str, people: Iterable[Person], counterparts: Iterable[str]) -> bool:
    """Whether anyone known answers to ``target``: among ``people`` (the config, the address
    books) or the addresses of ``counterparts`` (the contact ledger's)."""
    kind, key = target_of(target)
    everyone = list(people)
    addresses = {address_key(a) for p in everyone for a in p.addresses} | {
        address_key(a) for a in counterparts
    }
    if kind == PERSON:
        return key in addresses
    if kind == ORGANISATION:
        return any(domain_of(a) == key for a in addresses)
    return any(p.has_tag(key) for p in everyone)


# -- how it stands ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Standing:
    """How it stands with one person (dates in the user's zone)."""

    rule: Rule | None
    last_in_person: date | None
    last_contact: date | None
    first_contact: date | None
    due: date | None  # when the next meeting in person is due; None without a rhythm
    overdue_days: int | None  # today - due: > 0 overdue, <= 0 not yet; None without rhythm

    @property
    def overdue(self) -> bool:
        return self.overdue_days is not None and self.overdue_days > 0

    def rank(self) -> tuple[int, int, float]:
        """Sorts the most overdue first, then the soonest due, then those without a rhythm,
        least recently met first."""
        if self.overdue_days is None:
            since = self.last_in_person or self.last_contact
            return (1, 0, float(since.toordinal()) if since else 0.0)
        return (0, -self.overdue_days, 0.0)


def standing(
    rule: Rule | None,
    today: date,
    *,
    last_in_person: date | None,
    last_contact: date | None,
    first_contact: date | None,
) -> Standing:
    """How it stands (see the module doc); ``last_contact`` counts meetings of any mode."""
    due: date | None = None
    if rule is not None:
        if last_in_person is not None:
            due = rule.rhythm.due(last_in_person)
        elif first_contact is not None:  # never met in person: one rhythm after the first call
            due = rule.rhythm.due(first_contact)
        else:  # never in contact: now
            due = today
    overdue = (today - due).days if due is not None else None
    return Standing(rule, last_in_person, last_contact, first_contact, due, overdue)


def latest(*days: date | None) -> date | None:
    found = [d for d in days if d is not None]
    return max(found) if found else None


def earliest(days: Iterable[date | None]) -> date | None:
    found = [d for d in days if d is not None]
    return min(found) if found else None
