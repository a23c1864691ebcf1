"""The security headers: one strict policy in every page's `<meta>`, and a `_headers` file whose
rules never set one header twice for a path, on Netlify's reading of it or on Cloudflare's.

The mini sites here are written by hand, with `trusted` saying which scripts "the templates wrote";
the real build's templates are read by `TemplateScripts`.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys

import jinja2
import pytest

from harness.server import parse_headers_file, pattern_matches
from harness.sitebuild import OWN_SITE, ROOT
from microsite.headers import (
    COMMON_HEADERS,
    MAX_RULES,
    SVG_POLICY,
    PageProblem,
    TemplateScripts,
    UntrustedScript,
    base_url_for,
    build_headers,
    cloudflare_regex,
    content_security_policy,
    csp_hash,
    inline_scripts,
    main,
    netlify_regex,
    page_urls,
    parse_rules,
    policy_first,
    repeated_header,
    template_inline_scripts,
    with_meta_policy,
    write_headers,
)
from microsite.scan import head_part


@pytest.fixture(autouse=True)
def own_site(monkeypatch):
    """The commands here read our mkdocs.yml as the session's site was built: without any practice's
    folder (whatever a practice has put in practice/)."""
    for key, value in OWN_SITE.items():
        monkeypatch.setenv(key, value)


PAGE = """<!doctype html><html><head><meta charset=utf-8><title>a <script>not a script</script></title>
<script>var a = 1;</script>
<script type="module">import "./x.js";</script>
<script src="x.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
<script type="application/ld+json">{"@type": "WebSite"}</script>
<meta content="<script>neither</script>" name="description">
</head><body><SCRIPT type='text/javascript'>b()</SCRIPT></body></html>"""
WRITTEN = {"var a = 1;", 'import "./x.js";', "b()", "deeper()"}  # what our mini "templates" wrote
ORIGIN = "https://practice.example"


def trusted(rel):
    return WRITTEN


def headers_for(rules, path: str) -> dict[str, list[str]]:
    """Every header a host would send for `path`, with every value of a repeated name."""
    sent: dict[str, list[str]] = {}
    for pattern, headers in rules:
        if pattern_matches(pattern, path):
            for name, value in headers:
                sent.setdefault(name, []).append(value)
    return sent


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part}


def meta_policy(page_html: str) -> str:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page_html)
    assert len(found) == 1, found
    return found[0]


def test_inline_scripts_finds_only_javascript_without_src_read_as_a_browser_does():
    # Not the "scripts" inside <title> or an attribute: a browser reads those as text.
    assert inline_scripts(PAGE) == ["var a = 1;", 'import "./x.js";', "b()"]


def test_a_template_is_read_for_scripts_as_a_page_is_whatever_the_case():
    assert list(template_inline_scripts(PAGE)) == inline_scripts(PAGE)
    assert template_inline_scripts("<p>{{ x }}</p><Script>c()</Script>") == ("c()",)
    assert template_inline_scripts("<p title='<scrip'>{{ x }}</p>") == ()


def test_csp_hash_is_base64_sha256_of_the_exact_text():
    expected = base64.b64encode(hashlib.sha256(b"var a = 1;").digest()).decode()
    assert csp_hash("var a = 1;") == f"'sha256-{expected}'"
    assert csp_hash("var a = 1; ") != csp_hash("var a = 1;")


def test_page_urls_cover_directory_and_file_forms():
    assert page_urls("index.html") == ["/", "/index.html"]
    assert page_urls("faq/index.html") == ["/faq/", "/faq/index.html"]
    assert page_urls("404.html") == ["/404.html"]


def test_base_url_is_the_way_back_to_the_root_as_mkdocs_gives_it():
    assert [base_url_for(rel, "https://x.example/learn/") for rel in ("index.html", "faq/index.html", "a/b/index.html", "404.html")] == [
        ".", "..", "../..", "/learn/"]


def test_template_scripts_are_read_from_the_first_folder_that_has_the_template(tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    for folder, body in ((ours, "ours()"), (theirs, "theirs()")):
        (folder / "partials").mkdir(parents=True)
        (folder / "partials" / "x.html").write_text(f"<script>{body}</script><script src=a.js></script>")
    (theirs / "base.html").write_text('<script>new URL("{{ config.scope | d(base_url) }}")</script>')
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(ours), str(theirs)]))
    scripts = TemplateScripts(env)
    assert scripts.for_page({}, "..") == {"ours()", 'new URL("..")'}


def test_policy_without_origins_refuses_framing():
    policy = directives(content_security_policy(["'sha256-x'"], []))
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'", "'sha256-x'"]


def test_the_meta_policy_is_the_same_less_what_a_meta_tag_cannot_carry():
    header = directives(content_security_policy(["'sha256-x'"], [ORIGIN]))
    meta = directives(content_security_policy(["'sha256-x'"], None))
    assert "frame-ancestors" not in meta and "report-uri" not in meta and "sandbox" not in meta
    assert {k: v for k, v in header.items() if k != "frame-ancestors"} == meta


def test_the_meta_tag_goes_right_after_the_charset_before_any_script_and_only_once():
    page = "<!doctype html><html><head><meta charset=utf-8><script>a()</script></head><body></body></html>"
    with_tag = with_meta_policy(page, "default-src 'self'")
    assert with_tag.index("Content-Security-Policy") < with_tag.index("<script>") and policy_first(with_tag)
    assert with_meta_policy(with_tag, "default-src 'self'") == with_tag
    bare = with_meta_policy("<p>no head<script>a()</script>", "default-src 'self'")
    assert policy_first(bare), bare
    # Guards policy_first: a script before the policy is seen.
    assert not policy_first("<html><head><script>a()</script>" + with_tag.split("</script>", 1)[0] + "</head></html>")


def test_the_policy_check_reads_the_head_alone_and_says_no_where_its_end_is_unclear():
    tag = with_meta_policy("<head><meta charset=utf-8></head>", "default-src 'self'").split("</head>")[0][len("<head>"):]
    long_body = "<body>" + "<nav><a href=../x/>x</a></nav>" * 2000 + "<script>a()</script></body></html>"
    assert head_part("<!doctype html><html><head>" + tag + "</head>" + long_body) == "<!doctype html><html><head>" + tag
    assert head_part("<html><head>" + tag + long_body).endswith(tag)  # no </head>: up to <body
    assert head_part("<p>no head") == "<p>no head"
    assert policy_first("<!doctype html><html><head>" + tag + "</head>" + long_body)
    # "</head>" inside the title is text, not the head's end: cut there, the policy that comes
    # after a script is not found at all, so the check still says no (as it does on the whole page).
    tricky = "<html><head><meta charset=utf-8><title>a </head> b</title><script>a()</script>" + tag[len("<meta charset=utf-8>"):] + "</head></html>"
    assert "Content-Security-Policy" in tricky and not policy_first(tricky)


def _mini_site(tmp_path, embed_origins_attr=None):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "index.html").write_text(PAGE)
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / "index.html").write_text("<meta charset=utf-8><script>deeper()</script>")
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "bundle.0123abcd.min.js").write_text("")
    (tmp_path / "assets" / "javascripts" / "plain.js").write_text("")
    (tmp_path / "assets" / "javascripts" / "short.abc.min.js").write_text("")  # too short for a hash
    (tmp_path / "assets" / "stylesheets").mkdir()
    (tmp_path / "assets" / "stylesheets" / "site.27e02d.min.css").write_text("")  # the minify plugin's 6 hex
    (tmp_path / "assets" / "stylesheets" / "site.css").write_text("")
    (tmp_path / "assets" / "images").mkdir()
    (tmp_path / "assets" / "images" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')
    if embed_origins_attr is not None:
        (tmp_path / "embed").mkdir()
        (tmp_path / "embed" / "index.html").write_text(
            f"<meta charset=utf-8><script src='e.js' data-embed-origins='{embed_origins_attr}'></script>")
    return tmp_path


def _write(site, origins=None):
    (site / "_headers").write_text(build_headers(site, origins, trusted))
    return site / "_headers"


def test_mini_site_rules(tmp_path):
    site = _mini_site(tmp_path, '["https://Practice.example:443"]')
    rules = parse_headers_file(_write(site, [ORIGIN]))
    home = headers_for(rules, "/")
    assert home["X-Frame-Options"] == ["DENY"] and "Content-Security-Policy" not in home  # its policy is in the page
    for name, value in COMMON_HEADERS.items():
        assert home[name] == [value]
    assert home["Strict-Transport-Security"] == ["max-age=31536000"]
    embed = headers_for(rules, "/embed/")
    policy = directives(embed["Content-Security-Policy"][0])
    # Written the way browsers report origins: lower case, no default port.
    assert policy["frame-ancestors"] == [ORIGIN]
    for script in WRITTEN:
        assert csp_hash(script) in policy["script-src"]
    assert len(policy["script-src"]) == 5  # 'self' + four hashes, none for data scripts
    assert headers_for(rules, "/assets/images/logo.svg")["Content-Security-Policy"] == [SVG_POLICY]
    assert headers_for(rules, "/assets/javascripts/bundle.0123abcd.min.js")["Cache-Control"] == [
        "public, max-age=31536000, immutable"]
    assert "Cache-Control" not in headers_for(rules, "/assets/javascripts/plain.js")
    assert "Cache-Control" not in headers_for(rules, "/assets/javascripts/short.abc.min.js")


def test_the_svg_policy_runs_nothing():
    policy = directives(SVG_POLICY)
    assert policy["default-src"] == ["'none'"] and "script-src" not in policy and "sandbox" in policy
    assert policy["frame-ancestors"] == ["'none'"]


def test_write_headers_puts_the_policy_in_every_page_before_any_script(tmp_path):
    site = _mini_site(tmp_path, f'["{ORIGIN}"]')
    write_headers(site, [ORIGIN], trusted)
    for page in ("index.html", "faq/index.html", "embed/index.html"):
        html = (site / page).read_text()
        policy = directives(meta_policy(html))
        assert policy_first(html), page
        assert set(policy["script-src"]) == {"'self'"} | {csp_hash(s) for s in WRITTEN}, page  # site-wide
    # A second run (the command on a built site) leaves each page as it is.
    before = (site / "faq" / "index.html").read_text()
    write_headers(site, [ORIGIN], trusted)
    assert (site / "faq" / "index.html").read_text() == before


def test_a_script_no_template_wrote_fails_naming_the_page(tmp_path):
    site = _mini_site(tmp_path)
    (site / "faq" / "index.html").write_text("<script>deeper()</script><p><script>alert(1)</script></p>")
    with pytest.raises(UntrustedScript) as caught:
        build_headers(site, None, trusted)
    assert caught.value.source == "faq/index.html" and "alert(1)" in str(caught.value)


def test_markup_in_a_title_or_an_attribute_declares_no_embed_origins(tmp_path):
    site = _mini_site(tmp_path)
    (site / "faq" / "index.html").write_text(
        "<title><b data-embed-origins='[\"https://evil.example\"]'></title><script>deeper()</script>")
    faq = headers_for(parse_headers_file(_write(site)), "/faq/")
    assert faq["X-Frame-Options"] == ["DENY"] and "Content-Security-Policy" not in faq


def test_embed_origins_written_into_a_page_cannot_loosen_framing(tmp_path):
    # The origins come from the config: a page that declares others (or declares any, without
    # being built from the embed's template) stops the build.
    site = _mini_site(tmp_path, '["https://evil.example"]')
    with pytest.raises(PageProblem, match="not the configured ones"):
        build_headers(site, [ORIGIN], trusted)
    site = _mini_site(tmp_path / "again", f'["{ORIGIN}"]')
    with pytest.raises(PageProblem, match="not an embed page"):
        build_headers(site, [ORIGIN], trusted, embed_pages={"other/index.html"})
    assert "frame-ancestors https://practice.example" in build_headers(site, [ORIGIN], trusted, embed_pages={"embed/index.html"})


def test_minified_css_with_a_six_hex_fingerprint_is_cached_for_a_year(tmp_path):
    site = _mini_site(tmp_path)
    rules = parse_headers_file(_write(site))
    assert headers_for(rules, "/assets/stylesheets/site.27e02d.min.css")["Cache-Control"] == [
        "public, max-age=31536000, immutable"]
    assert "Cache-Control" not in headers_for(rules, "/assets/stylesheets/site.css")


def test_the_rules_do_not_grow_with_pages_or_languages(tmp_path):
    small = _mini_site(tmp_path / "small", f'["{ORIGIN}"]')
    large = _mini_site(tmp_path / "large", f'["{ORIGIN}"]')
    for language in ("", "fr/", "de/"):
        for n in range(120):
            page = large / f"{language}page-{n}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text("<meta charset=utf-8><script>deeper()</script>")
    counts = [len(parse_rules(build_headers(site, [ORIGIN], trusted))) for site in (small, large)]
    assert counts[0] == counts[1] < MAX_RULES, counts


@pytest.mark.parametrize("name", [
    # Written as it is, this would add a rule `/*` that takes the policy off every page on Cloudflare.
    "a\n/*\n  ! Content-Security-Policy\n#.0123abcd.min.js",
    "a:b.0123abcd.min.js", "a*b.0123abcd.min.js", "é.0123abcd.min.js",
])
def test_a_file_name_cannot_add_a_rule_to_headers(tmp_path, name):
    site = _mini_site(tmp_path)
    path = site / "assets" / "javascripts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    with pytest.raises(PageProblem, match="cannot be written in _headers"):
        build_headers(site, None, trusted)


def test_the_hosts_read_patterns_as_their_own_code_does():
    # Netlify (its headers parser): any case, an optional trailing slash, `*` across slashes.
    assert netlify_regex("/*").match("/a/b.svg") and netlify_regex("/*.svg").match("/a/B.SVG")
    assert netlify_regex("/embed/").match("/embed") and netlify_regex("/embed/").match("/EMBED/")
    assert netlify_regex("/self-assessment/*").match("/self-assessment-embed/")  # a trap the layout avoids
    assert not netlify_regex("/*.svg").match("/a/b.png")
    # Cloudflare (its rules engine): exact case and slash, one splat.
    assert cloudflare_regex("/*.svg").match("/a/b.svg") and not cloudflare_regex("/*.svg").match("/a/b.SVG")
    assert not cloudflare_regex("/embed/").match("/embed") and cloudflare_regex("/:page/").match("/faq/")


def test_a_header_set_twice_for_one_path_is_found_on_each_host():
    layout = parse_rules("/*\n  X-Frame-Options: DENY\n\n/embed/\n  Content-Security-Policy: a\n")
    assert repeated_header(layout, ["/", "/embed/", "/embed"]) is None
    # Netlify alone: its trailing slash is optional, so `/embed` also gets `/embed/`'s rule.
    netlify_only = parse_rules("/embed\n  Content-Security-Policy: a\n\n/embed/\n  Content-Security-Policy: b\n")
    assert "on Netlify" in repeated_header(netlify_only, ["/embed/"])
    both = parse_rules("/*\n  Content-Security-Policy: a\n\n/*.svg\n  ! Content-Security-Policy\n"
                       "  Content-Security-Policy: b\n")
    assert "Content-Security-Policy".lower() in repeated_header(both, ["/x.svg"])


def _built_copy(tmp_path, site_dir):
    import shutil

    shutil.copytree(site_dir, tmp_path / "site")
    (tmp_path / "site" / "_headers").unlink()
    return tmp_path / "site"


def test_command_line_rebuilds_the_same_file_for_a_built_site(tmp_path, site_dir):
    site = _built_copy(tmp_path, site_dir)
    assert main([str(site), "--config", str(ROOT / "mkdocs.yml")]) == 0
    assert (site / "_headers").read_text() == (site_dir / "_headers").read_text()
    assert (site / "faq" / "index.html").read_text() == (site_dir / "faq" / "index.html").read_text()


def test_command_line_refuses_origins_the_embed_was_not_built_with(tmp_path, site_dir, capsys):
    site = _built_copy(tmp_path, site_dir)
    with pytest.raises(SystemExit) as caught:
        main([str(site), "--config", str(ROOT / "mkdocs.yml"), "--embed-origin", "https://Practice.EXAMPLE:443"])
    assert caught.value.code == 1 and "not the configured ones" in capsys.readouterr().err
    assert not (site / "_headers").exists()


@pytest.mark.parametrize("origin", ["*", "http://x.example; script-src *", "https://x.example/path", "http://x.example",
                                    "https://x.example'", "https://*.example"])
def test_command_line_refuses_anything_but_a_plain_https_origin(tmp_path, capsys, origin):
    with pytest.raises(SystemExit) as caught:
        main([str(tmp_path), "--embed-origin", origin])
    assert caught.value.code == 2
    assert f"--embed-origin: {origin!r}" in capsys.readouterr().err


def test_command_line_refuses_a_folder_without_a_site(tmp_path):
    with pytest.raises(SystemExit):
        main([str(tmp_path)])


def test_command_line_refuses_a_page_with_a_script_no_template_wrote(tmp_path, site_dir):
    site = _built_copy(tmp_path, site_dir)
    faq = site / "faq" / "index.html"
    faq.write_text(faq.read_text("utf-8").replace("</article>", "<script>alert(1)</script></article>"), "utf-8")
    result = subprocess.run([sys.executable, "-m", "microsite.headers", str(site), "--config", str(ROOT / "mkdocs.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "faq/index.html" in result.stderr and "no template wrote" in result.stderr
    assert not (site / "_headers").exists()


# --- the real build -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rules(site_dir):
    return parse_headers_file(site_dir / "_headers")


def _page_paths(site_dir, pages):
    return [url for page in pages for url in page_urls(page.relative_to(site_dir).as_posix())]


def test_every_page_has_one_complete_policy(site_dir, pages, rules):
    for page in pages:
        html = page.read_text("utf-8")
        assert policy_first(html), page
        policy = directives(meta_policy(html))
        assert policy["default-src"] == ["'self'"], page
        assert policy["object-src"] == ["'none'"], page
        assert policy["base-uri"] == ["'self'"], page
        assert policy["form-action"] == ["'self'"], page
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], page
        for path in page_urls(page.relative_to(site_dir).as_posix()):
            sent = headers_for(rules, path)
            # Exactly one value per header: hosts merge repeated headers differently.
            assert all(len(values) == 1 for values in sent.values()), (path, sent)
            assert sent["Referrer-Policy"] == ["no-referrer"]
            assert sent["X-Content-Type-Options"] == ["nosniff"]
            assert sent["Cross-Origin-Opener-Policy"] == ["same-origin"]
            for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
                assert f"{feature}=()" in sent["Permissions-Policy"][0]


def test_no_header_is_set_twice_for_any_address_on_either_host(site_dir):
    from microsite.headers import served_paths

    rules = parse_rules((site_dir / "_headers").read_text("utf-8"))
    assert repeated_header(rules, served_paths(site_dir)) is None
    assert len(rules) < MAX_RULES


def test_policy_hashes_every_inline_script_of_the_built_site(site_dir, pages):
    scripts = {script for page in pages for script in inline_scripts(page.read_text("utf-8"))}
    assert scripts, "Material emits inline scripts; finding none means the scanner is broken"
    for page in pages:
        allowed = directives(meta_policy(page.read_text("utf-8")))["script-src"]
        # Site-wide: instant navigation keeps the first page's policy, at every depth.
        assert {csp_hash(s) for s in scripts} <= set(allowed), page


def test_only_embed_pages_may_be_framed(site_dir, pages, rules):
    embeds = [p for p in pages if "data-embed-origins" in p.read_text("utf-8")]
    assert embeds
    for path in _page_paths(site_dir, [p for p in pages if p not in embeds]):
        sent = headers_for(rules, path)
        assert sent["X-Frame-Options"] == ["DENY"] and "Content-Security-Policy" not in sent, path
    for path in _page_paths(site_dir, embeds):
        # The default config lists no embed origins, so even the embed page refuses framing.
        assert directives(headers_for(rules, path)["Content-Security-Policy"][0])["frame-ancestors"] == ["'none'"]


def test_svg_files_are_served_with_a_policy_that_runs_nothing(site_dir, rules):
    svgs = list(site_dir.rglob("*.svg"))
    assert svgs
    for svg in svgs:
        assert headers_for(rules, "/" + svg.relative_to(site_dir).as_posix())["Content-Security-Policy"] == [SVG_POLICY]


def test_fingerprinted_assets_are_cached_for_a_year(site_dir, rules):
    assets = [p for p in site_dir.rglob("*.min.*") if re.search(r"\.[0-9a-f]{6,}\.min\.(js|css)$", p.name)]
    assert len(assets) >= 3  # Material's bundle, search worker and stylesheets
    for asset in assets:
        path = "/" + asset.relative_to(site_dir).as_posix()
        assert headers_for(rules, path)["Cache-Control"] == ["public, max-age=31536000, immutable"], path
    assert "Cache-Control" not in headers_for(rules, "/")


def test_runs_as_a_module_for_other_generators(tmp_path, site_dir):
    site = _built_copy(tmp_path, site_dir)
    result = subprocess.run([sys.executable, "-m", "microsite.headers", str(site), "--config", str(ROOT / "mkdocs.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (site / "_headers").read_text() == (site_dir / "_headers").read_text()


# Material's own inline scripts, as its templates hold them (sha256 of the template text, first 16
# hex digits). The policy trusts these when they appear on a page; when Material changes one, this
# test fails, so that someone reads the new script before the site trusts it.
MATERIAL_SCRIPTS = {
    ("partials/integrations/analytics/google.html", "f4284800028def9a"),
    ("partials/integrations/analytics.html", "d772c5844f2a155a"),
    ("partials/integrations/analytics.html", "22974d36f15260db"),
    ("partials/javascripts/announce.html", "e441dbdde5a0501b"),
    ("partials/javascripts/base.html", "cbd97fa31ed6cc39"),
    ("partials/javascripts/consent.html", "3907d77c1c78f265"),
    ("partials/javascripts/content.html", "d74bb3b582599bb3"),
    ("partials/javascripts/content.html", "ffcc0f7735fdab43"),
    ("partials/javascripts/outdated.html", "89ea7f58a216ee23"),
    ("partials/javascripts/palette.html", "0eb10c249dbdb0be"),
    ("redirect.html", "971a7594497921b0"),
}
# The one script Material writes next to the page's content: it opens the content tab a link
# points to. Known exactly: the built site's policy trusts this text and nothing like it.
MATERIAL_TABBED_SCRIPT = (
    'var target=document.getElementById(location.hash.slice(1));'
    'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
)


def test_material_inline_scripts_are_the_reviewed_ones():
    from pathlib import Path

    import material

    templates = Path(material.__file__).parent / "templates"
    found = {
        (path.relative_to(templates).as_posix(), hashlib.sha256(script.encode()).hexdigest()[:16])
        for path in templates.rglob("*.html") if ".icons" not in path.parts
        for script in inline_scripts(path.read_text("utf-8"))
    }
    assert found == MATERIAL_SCRIPTS


def test_the_tabbed_content_script_is_trusted_exactly(site_dir):
    home = directives(meta_policy((site_dir / "index.html").read_text("utf-8")))["script-src"]
    assert csp_hash(MATERIAL_TABBED_SCRIPT) in home
    assert MATERIAL_TABBED_SCRIPT in inline_scripts((site_dir / "faq" / "index.html").read_text("utf-8"))


def test_the_policy_lists_only_scripts_the_pages_hold(site_dir, pages):
    scripts = {script for page in pages for script in inline_scripts(page.read_text("utf-8"))}
    home = directives(meta_policy((site_dir / "index.html").read_text("utf-8")))["script-src"]
    assert set(home) == {"'self'"} | {csp_hash(s) for s in scripts}
