"""Which city or country a phone number belongs to: :mod:`planner.people.phones` (kept
there, below the address books, which read a card's numbers with it)."""

from planner.people.phones import AREA_CODES, COUNTRY_CODES, international, numbers_in, phone_city

__all__ = ["AREA_CODES", "COUNTRY_CODES", "international", "numbers_in", "phone_city"]
