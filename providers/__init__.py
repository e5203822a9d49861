"""Calendar providers: the only code that talks to files, HTTP APIs and CalDAV servers."""
