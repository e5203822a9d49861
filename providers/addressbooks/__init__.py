"""Address books as sources of people: vCard files and folders, CardDAV, Google contacts
(People API) and Outlook contacts (Microsoft Graph), behind :class:`AddressBookProvider`
(:mod:`providers.addressbooks.base`). Read only: planner never writes to an address book."""
