"""Addresses that come from config and data: web addresses, links, email addresses, embed origins.

Each one is parsed, never just pattern-matched, and checked against an allow-list of schemes.
Characters that could end an HTML attribute or a URL early (quotes, spaces, angle brackets,
backslashes, control characters) are refused outright, even though the output is escaped too:
an address that needs them is a mistake, and a browser's URL parser forgives more than ours.
Each check returns the problem in plain words, or None when the address is fine.
"""

from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.headerregistry import Address
from urllib.parse import urlsplit

# Quotes and angle brackets end attributes and tags; spaces and backslashes change how browsers
# split a URL; control characters are stripped by browsers, so "java\tscript:" still runs.
FORBIDDEN = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
# Where a link written in a data file's Markdown may lead: the web, an email, a phone, a text
# message, or a page of this site (no scheme at all).
LINK_SCHEMES = ("http", "https", "mailto", "tel", "sms")
DEFAULT_PORTS = {"https": 443, "http": 80}


def _forbidden(value: str) -> str | None:
    found = FORBIDDEN.search(value)
    if found:
        return f"it contains {found.group()!r}; addresses may not contain quotes, spaces, angle brackets or backslashes"
    return None


def url_problem(value: str, schemes: tuple[str, ...] = ("https",)) -> str | None:
    """Why `value` is not an absolute web address with one of `schemes` and a host, or None."""
    problem = _forbidden(value)
    if problem:
        return problem
    parts = urlsplit(value)
    if parts.scheme.lower() not in schemes or value[: len(parts.scheme) + 3].lower() != parts.scheme.lower() + "://":
        return f"expected an address starting with {' or '.join(s + '://' for s in schemes)}"
    try:
        host, port = parts.hostname, parts.port  # .port raises on a port that is not a number
    except ValueError:
        return "the address has a port that is not a number"
    if not host or not HOST.match(host):
        return "the address has no valid host name"
    if parts.username is not None or parts.password is not None or port == 0:
        return "the address may not hold a user name, password or port 0"
    return None


def link_problem(href: str) -> str | None:
    """Why a link written in Markdown may not be used, or None: http(s), mailto, tel, sms, or relative."""
    problem = _forbidden(href)
    if problem:
        return problem
    scheme = SCHEME.match(href)
    if scheme:
        name = scheme.group(1).lower()
        if name not in LINK_SCHEMES:
            return f"links may only use {', '.join(s + ':' for s in LINK_SCHEMES)} or point to a page of this site"
        return url_problem(href, ("http", "https")) if name in ("http", "https") else None
    if href.startswith("//"):  # "//host/path" leaves the site without saying so
        return "a link to another site must start with https://"
    return None


def email_problem(value: str) -> str | None:
    """Why `value` is not one plain email address (name@example.org), or None."""
    problem = _forbidden(value)
    if problem:
        return problem
    try:
        address = Address(addr_spec=value)
    except (HeaderParseError, ValueError, IndexError):
        return "expected one email address such as name@example.org"
    if address.addr_spec != value or "." not in address.domain or not HOST.match(address.domain.lower()):
        return "expected one email address such as name@example.org"
    return None


def normalise_origin(value: str) -> str:
    """`https://host[:port]` with the host in lower case and the default port dropped.

    Browsers report origins that way (`event.origin`, `location.ancestorOrigins`), so an origin
    written any other way would never match. Raises ValueError with the reason for anything that is
    not a plain https origin (a path, a query, a wildcard, a second value...).
    """
    problem = _forbidden(value) or url_problem(value, ("https",))
    if problem:
        raise ValueError(problem)
    parts = urlsplit(value)
    if parts.path not in ("", "/") or parts.query or parts.fragment or value.endswith(("?", "#")):
        raise ValueError("expected an origin only, such as https://www.example.com (no path, query or #)")
    port = parts.port
    host = parts.hostname
    return f"https://{host}" if port in (None, DEFAULT_PORTS["https"]) else f"https://{host}:{port}"


def origin_problem(value: str) -> str | None:
    try:
        normalise_origin(value)
    except ValueError as exc:
        return str(exc)
    return None


def is_email(value: str) -> bool:
    """Whether a contact address is meant as an email address (else it is a web page)."""
    return "@" in value and "://" not in value


def contact_href(value: str) -> str:
    """The link for a contact address: mailto: for an email address, else the page itself."""
    return f"mailto:{value}" if is_email(value) else value


def contact_problem(value: str) -> str | None:
    """Why `value` is neither an email address nor a web page, or None."""
    if is_email(value):
        return email_problem(value)
    if url_problem(value, ("http", "https")) is None:
        return None
    return "expected an email address (name@example.org) or a web page (https://...)"
