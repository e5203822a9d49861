"""The contacts report (``planner contacts``): every counterpart the ledger remembers, with
meetings per mode, first and last meeting, last one in person and key-account visits due."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from planner.judge.directory import domain_of
from planner.model import Mode

if TYPE_CHECKING:
    from planner.config import Config
    from planner.judge.homes import HomeCity
    from planner.judge.relations import Ledger, Summary


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One counterpart as ``planner contacts`` lists it (dates in the user's zone)."""

    email: str
    name: str
    organisation: str | None
    meetings: int
    in_person_meetings: int
    virtual_meetings: int
    hybrid_meetings: int
    phone_meetings: int
    unknown_meetings: int
    first_meeting: date | None
    last_meeting: date | None
    last_in_person: date | None
    key_account: str | None = None
    due: bool = False
    city: str | None = None  # inferred home city (planner.judge.homes)
    city_evidence: tuple[str, ...] = ()
    domain: str | None = None  # the organisation's domain (``organisation``: its name, if known)
    #: the person's other addresses the ledger knows (one row per person, their meetings once)
    other_emails: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """JSON-ready: dates as ISO text."""
        data: dict[str, object] = {}
        for name in self.__slots__:  # type: ignore[attr-defined]
            value = getattr(self, name)
            if isinstance(value, tuple):
                value = list(value)
            data[name] = value.isoformat() if isinstance(value, date) else value
        return data


def key_account_of(email: str, accounts: Iterable[str]) -> str | None:
    """The configured key account ``email`` belongs to (an e-mail or a (parent) domain)."""
    email = email.lower()
    domain = domain_of(email)
    for account in accounts:
        entry = account.strip().lower()
        if entry == email or (
            "@" not in entry and entry and (domain == entry or domain.endswith("." + entry))
        ):
            return account
    return None


def visit_due(last_in_person: date | None, today: date, due_days: int) -> bool:
    """Whether a key account last met in person on ``last_in_person`` is due for a visit."""
    return last_in_person is None or (today - last_in_person).days > due_days


def local_date(moment: datetime | None, config: Config) -> date | None:
    """The day of ``moment`` in the user's time zone (None stays None)."""
    return moment.astimezone(config.tz).date() if moment else None


def contacts(
    ledger: Ledger,
    *,
    never_met: bool = False,
    due: bool = False,
    config: Config,
    today: date,
    homes: Callable[[str], HomeCity | None] | None = None,
) -> list[ContactRow]:
    """Rows for ``planner contacts``: most meetings first.

    ``homes`` (e.g. :meth:`planner.judge.homes.HomeFinder.home_of`) fills in the city.
    ``never_met`` keeps people never met in person; ``due`` keeps people of key accounts that
    are due for a visit (``relations.visit_due_days``). Both together keep the intersection.
    """
    accounts = config["relations"]["key_accounts"]
    due_days = config["relations"]["visit_due_days"]
    account_due: dict[str, bool] = {}
    rows = []
    remembered = ledger.persons()
    known = set(remembered)
    done: set[str] = set()
    for email in remembered:
        if email in done:
            continue
        person = ledger.directory.people.get(email)
        # one row per person: their addresses the ledger remembers, the address book's first
        addresses = [a for a in (person.addresses if person else ()) if a in known] or [email]
        if email not in addresses:
            addresses.append(email)
        done.update(addresses)
        email = addresses[0]
        summary = ledger.person_summary(addresses)
        account = key_account_of(email, accounts)
        if account is not None and account not in account_due:
            last = ledger.account_summary(account).last_in_person
            account_due[account] = visit_due(local_date(last, config), today, due_days)
        row = _row(ledger, email, summary, config, account, account_due.get(account, False))
        if (never_met and row.in_person_meetings) or (due and not row.due):
            continue
        home = homes(email) if homes is not None else None
        if home is not None:  # the city every view shows: none where only a country is known
            from planner.judge.homes import shown_city

            row = replace(row, city=shown_city(home) or None, city_evidence=home.evidence)
        rows.append(replace(row, other_emails=tuple(addresses[1:])))
    rows.sort(key=lambda r: (-r.meetings, r.email))
    return rows


def _row(
    ledger: Ledger, email: str, summary: Summary, config: Config, account: str | None, due: bool
) -> ContactRow:
    domain = ledger.directory.organisation(email)
    named = ledger.directory.people.organisation_name(domain) if domain else ""
    return ContactRow(
        email=email,
        name=ledger.name_of(email),
        organisation=named or domain,
        domain=domain,
        meetings=summary.meetings,
        in_person_meetings=summary.in_person,
        virtual_meetings=summary.count(Mode.VIRTUAL),
        hybrid_meetings=summary.count(Mode.HYBRID),
        phone_meetings=summary.count(Mode.PHONE),
        unknown_meetings=summary.count(Mode.UNKNOWN),
        first_meeting=local_date(summary.first, config),
        last_meeting=local_date(summary.last, config),
        last_in_person=local_date(summary.last_in_person, config),
        key_account=account,
        due=due,
    )
