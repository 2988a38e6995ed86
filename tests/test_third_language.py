"""Adding a language needs only content, a catalogue and one row in the language table."""

from __future__ import annotations

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from conftest import SITEURL, copy_project, run_build
from portal.content.translations import file_hash

FRENCH_ROW = ('\nPORTAL_LANGUAGES = PORTAL_LANGUAGES + [{"code": "fr", "prefix": "fr", '
              '"html_lang": "fr", "hreflang": "fr", "locale": "fr", '
              '"native_name": "Français", "content_dir": "fr"}]\n')


def test_a_throwaway_third_language_builds_with_links_fallbacks_and_catalogue(tmp_path):
    project = copy_project(tmp_path / "project")
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(FRENCH_ROW)
    source_hash = file_hash(project / "content/en/pages/about.md")
    french = project / "content/fr/pages/about.md"
    french.parent.mkdir(parents=True)
    french.write_text("Title: À propos\nSummary: Le programme.\nTranslated-From: en\n"
                      f"Source-Hash: {source_hash}\n\nLe bénévolat à Taipei.\n", encoding="utf-8")
    catalogue = Catalog(locale="fr")
    catalogue.add("Home", "Accueil")
    catalogue.add("Skip to main content", "Aller au contenu principal")
    po = project / "theme/translations/fr/LC_MESSAGES/messages.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as handle:
        write_po(handle, catalogue)

    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out"

    about = (out / "fr/about/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in about
    assert "<h1>À propos</h1>" in about
    assert "Aller au contenu principal" in about and ">Accueil<" in about
    assert f'hreflang="fr" href="{SITEURL}/fr/about/"' in about
    english = (out / "about/index.html").read_text(encoding="utf-8")
    assert f'hreflang="fr" href="{SITEURL}/fr/about/"' in english
    assert 'href="/fr/about/" lang="fr" hreflang="fr"' in english

    contact = (out / "fr/contact/index.html").read_text(encoding="utf-8")
    assert '<article class="document" lang="en">' in contact, "untranslated: shown in English"
    assert 'rel="alternate" hreflang="fr"' not in (out / "contact/index.html").read_text("utf-8")
    assert (out / "fr/index.html").exists() and (out / "fr/news/index.html").exists()
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITEURL}/fr/about/</loc>" in sitemap
    assert f"<loc>{SITEURL}/fr/contact/</loc>" not in sitemap
