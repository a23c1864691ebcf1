"""Addresses that come from config and data: web addresses, links, email addresses, embed origins.

Each one is read as a browser will read it (`as_browser_reads`: HTML character references
decoded, then what the WHATWG URL parser strips), parsed, never just pattern-matched, and checked
against an allow-list of schemes, by one function (`link_problem`). Characters that could end an
HTML attribute or a URL early (quotes, spaces, angle brackets, backslashes, control characters)
are refused outright, even though the output is escaped too: an address that needs them is a
mistake, and a browser's URL parser forgives more than ours. So are the characters that change
how text shows without showing themselves. Each check returns the problem in plain words, or
None when the address is fine.
"""

from __future__ import annotations

import re
from html.entities import html5
from urllib.parse import urlsplit

from .chars import hidden_character

# Quotes and angle brackets end attributes and tags; spaces and backslashes change how browsers
# split a URL; control characters are stripped by browsers, so "java\tscript:" still runs.
FORBIDDEN = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
# Where a link written in a data file's Markdown may lead: the web, an email, a phone, a text
# message, or a page of this site (no scheme at all).
LINK_SCHEMES = ("http", "https", "mailto", "tel", "sms")
WEB_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"https": 443, "http": 80}
LOCAL_PART = re.compile(r"^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*$")
# HTML character references as a browser's tokenizer finds them in an attribute value.
REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# What the WHATWG URL parser removes before it reads a URL: leading and trailing C0 controls and
# spaces, then every ASCII tab and newline wherever it is.
C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def _decode_reference(match: re.Match) -> str:
    ref, text, end = match.group(1), match.string, match.end()
    if ref.startswith("#"):
        digits = ref[1:].rstrip(";")
        code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    if ref.endswith(";") and ref in html5:
        return html5[ref]
    # A name without its semicolon: only the legacy ones, and (in an attribute) not when a letter,
    # a digit or "=" follows, as browsers read it.
    name = ref.rstrip(";")
    for size in range(len(name), 1, -1):
        if name[:size] in html5:
            following = name[size:size + 1] or text[end:end + 1]
            if following.isalnum() or following == "=":
                return match.group(0)
            return html5[name[:size]] + ref[size:]
    return match.group(0)


def decode_references(value: str) -> str:
    """`value` with its HTML character references decoded, as a browser's parser reads an attribute."""
    return REFERENCE.sub(_decode_reference, value) if "&" in value else value


def as_browser_reads(href: str, decoded: bool = False) -> str:
    """The URL a browser follows for `href` written in an HTML attribute (`decoded`: the HTML
    parser has already decoded its character references, as in a parsed page)."""
    text = href if decoded else decode_references(href)
    return TAB_OR_NEWLINE.sub("", text.strip(C0_OR_SPACE))


def scheme_of(href: str, decoded: bool = False) -> str | None:
    """The scheme a browser sees in `href`, in lower case, or None for a relative link."""
    found = SCHEME.match(as_browser_reads(href, decoded))
    return found.group(1).lower() if found else None


def _forbidden(value: str) -> str | None:
    found = FORBIDDEN.search(value)
    if found:
        return f"it contains {found.group()!r}; addresses may not contain quotes, spaces, angle brackets or backslashes"
    hidden = hidden_character(value)
    if hidden:
        return f"it contains {hidden}, an invisible character; write the address without it"
    return None


def link_problem(href: str, schemes: tuple[str, ...] = LINK_SCHEMES, relative: bool = True) -> str | None:
    """Why a link may not be used, or None. The one check for every address: read as a browser
    reads it, with one of `schemes` (http and https need a host), or, when `relative`, a link
    to a page of this site."""
    decoded = decode_references(href)
    problem = _forbidden(href) or _forbidden(decoded)
    read = as_browser_reads(decoded, decoded=True)
    scheme = scheme_of(read, decoded=True)
    if scheme not in (*schemes, None):
        return _scheme_problem(schemes, relative)
    if problem:
        return problem
    if decoded != href:
        return "it contains an HTML character reference (&...;); write the address as it is"
    if scheme is None:
        if not relative:
            return _scheme_problem(schemes, relative)
        if read.startswith("//"):  # "//host/path" leaves the site without saying so
            return "a link to another site must start with https://"
        return None
    return _web_address_problem(read, scheme) if scheme in WEB_SCHEMES else None


def _scheme_problem(schemes: tuple[str, ...], relative: bool) -> str:
    if relative:
        return f"links may only use {', '.join(s + ':' for s in schemes)} or point to a page of this site"
    return f"expected an address starting with {' or '.join(s + '://' for s in schemes)}"


def _web_address_problem(value: str, scheme: str) -> str | None:
    if value[: len(scheme) + 3].lower() != scheme + "://":
        return f"expected an address starting with {scheme}://"
    parts = urlsplit(value)
    try:
        host, port = parts.hostname, parts.port  # .port raises on a port that is not a number
    except ValueError:
        return "the address has a port that is not a number"
    if not host or not HOST.match(host):
        return "the address has no valid host name"
    if parts.username is not None or parts.password is not None or port == 0:
        return "the address may not hold a user name, password or port 0"
    return None


def url_problem(value: str, schemes: tuple[str, ...] = ("https",)) -> str | None:
    """Why `value` is not an absolute web address with one of `schemes` and a host, or None."""
    return link_problem(value, schemes, relative=False)


def email_problem(value: str) -> str | None:
    """Why `value` is not one plain email address (name@example.org), or None.

    The part before @ keeps to letters, digits and `. _ + -`: a mail program reads `%0A`, `?` or
    `&` in a mailto: link as more headers, so `a%0Abcc%3Aspy@…` would show one address and copy
    in another.
    """
    from email.errors import HeaderParseError  # imported here: email's parser is slow to import,
    from email.headerregistry import Address  # and most builds check no address

    problem = _forbidden(value)
    if problem:
        return problem
    try:
        address = Address(addr_spec=value)
    except (HeaderParseError, ValueError, IndexError):
        return "expected one email address such as name@example.org"
    if address.addr_spec != value or "." not in address.domain or not HOST.match(address.domain.lower()):
        return "expected one email address such as name@example.org"
    if not LOCAL_PART.match(address.username):
        return "expected one email address such as name@example.org (before the @ only letters, digits and . _ + -)"
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


LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def local_origin(value: str) -> str:
    """`http://localhost:PORT` (or 127.0.0.1, [::1]) as browsers report it: the page on the
    owner's own machine that tries the embed, under the development server only. Raises
    ValueError for anything else."""
    parts = urlsplit(value.strip())
    netloc = parts.netloc.lower()
    host = netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 or netloc.startswith("[") else netloc
    try:
        port = parts.port
    except ValueError:
        port = None
    if (parts.scheme not in ("http", "https") or host not in LOCAL_HOSTS or parts.path not in ("", "/")
            or parts.query or parts.fragment or parts.username or parts.password):
        raise ValueError(f"{value!r}: expected a page on this machine, such as http://localhost:5500 (no path)")
    default = DEFAULT_PORTS.get(parts.scheme)
    return f"{parts.scheme}://{host}" + ("" if port in (None, default) else f":{port}")


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


# Where a forge opens a new issue, by host: the repository's address plus this path.
NEW_ISSUE_PATHS = {"github.com": "/issues/new", "codeberg.org": "/issues/new", "gitlab.com": "/-/issues/new"}


def new_issue_url(repo_url: str | None) -> str | None:
    """Where a reader reports an error in the repository `repo_url` (MkDocs' setting), for the
    forges whose address for it we know; None otherwise (a guess would lead nowhere)."""
    if not repo_url:
        return None
    parts = urlsplit(repo_url.strip())
    path = parts.path.rstrip("/").removesuffix(".git")
    if parts.scheme != "https" or parts.hostname not in NEW_ISSUE_PATHS or path.count("/") < 2:
        return None
    return f"https://{parts.hostname}{path}{NEW_ISSUE_PATHS[parts.hostname]}"
