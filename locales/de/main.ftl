## Interface strings of the site, in German.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the German categories one and other; the
## variant marked with * is the default. Readers are addressed with "Sie".
## DRAFT: the strings under "Pages of a list" (pager-*) are a first German draft,
## not yet reviewed by a native speaker; review them before publishing.
## Drafts awaiting review by a native speaker (each marked below): warning-continue,
## video-youtube-leaves, video-youtube-note, video-youtube-load, video-youtube-load-note.

## Site

site-title = Zeugnisse
footer-note = Alle, die auf dieser Website sprechen, treten nur unter einem Pseudonym auf.
footer-privacy = Diese Website setzt keine Cookies und lädt nichts von anderen Websites.

## Navigation

skip-to-content = Zum Inhalt springen
nav-main-label = Hauptmenü
nav-home = Startseite
nav-stories = Berichte
nav-themes = Themen
nav-statements = Botschaften
nav-about = Über das Projekt
nav-languages-label = Sprache
# Draft translation: needs review by a native speaker.
nav-menu = Menü

## Page titles

stories-title = Berichte
themes-title = Themen
statements-title = Botschaften

## Notices

# $language is the name of the language the page is shown in, e.g. "English".
notice-fallback = Diese Seite wurde noch nicht übersetzt. Sie wird in ihrer Originalsprache angezeigt: { $language }.
notice-stale = Das Original dieser Seite wurde seit der Übersetzung geändert. Diese Übersetzung ist möglicherweise nicht mehr aktuell.
# Draft translation: needs review by a native speaker. Shown only in the editors' preview.
draft-banner = Entwurf: Diese Seite ist nicht veröffentlicht. Nur Sie sehen sie, in der Vorschau.
# $language is the name of the transcript's language.
notice-transcript-language = In dieser Sprache gibt es noch kein Transkript. Das Transkript wird in einer anderen Sprache angezeigt: { $language }.
notice-example = Dieser Bericht ist ein erfundenes Beispiel, das zeigt, wie die Website funktioniert. Er gibt nicht die Erfahrungen eines realen Menschen wieder.
label-example = Erfundenes Beispiel
label-untranslated = Noch nicht übersetzt

## Content warnings

warning-heading = Inhaltswarnung
warning-intro = Dieser Bericht enthält:
warning-violence = Beschreibungen von Gewalt
warning-death = Beschreibungen von Tod und Tötungen
warning-sexual-violence = Beschreibungen sexueller Gewalt
warning-child-abuse = Beschreibungen von Kindesmisshandlung
warning-self-harm = Erwähnungen von Selbstverletzung oder Suizid
warning-disturbing-images = Verstörende Bilder
warning-advice = Sie können jederzeit pausieren oder aufhören. Mit dem Transkript weiter unten können Sie lesen, statt zuzusehen.
# Draft translation: needs review by a native speaker.
warning-continue = Ich habe den Hinweis gelesen: Video anzeigen

## Story page

story-pseudonym = Pseudonym
story-origin = Herkunft
story-joined = Beitritt
story-left = Ausstieg
story-interviewed = Interview
story-duration = Dauer
story-intro-heading = Über diesen Bericht
video-unsupported = Ihr Browser kann dieses Video nicht abspielen.
video-download = Video herunterladen
video-error = Das Video konnte nicht geladen werden. Das Transkript weiter unten enthält alles, was darin gesagt wird.
video-youtube-link = Video auf YouTube ansehen
# Draft translation: needs review by a native speaker.
video-youtube-leaves = Dieser Link führt aus dieser Website hinaus.
# Draft translation: needs review by a native speaker.
video-youtube-note = Das Video liegt auf YouTube, einer eigenständigen Website. Von YouTube wird nichts geladen, bevor Sie es wählen.
# Draft translation: needs review by a native speaker.
video-youtube-load = Video von YouTube laden
# Draft translation: needs review by a native speaker.
video-youtube-load-note = Ihr Browser verbindet sich dann mit YouTube.
segments-heading = Abschnitte dieses Berichts
segments-help = Wählen Sie einen Abschnitt, um im Video an diese Stelle zu springen.
statement-heading = Eine Botschaft an alle, die überlegen, sich anzuschließen
transcript-heading = Transkript
transcript-help = Wählen Sie eine Zeitangabe, um im Video an diese Stelle zu springen.
story-themes-heading = Themen dieses Berichts
related-heading = Ähnliche Berichte
segment-themes-label = Themen
# $duration is like "12:34".
card-duration = Video, { $duration }

## Counts

story-count =
    { $count ->
        [one] ein Bericht
       *[other] { $count } Berichte
    }
segment-count =
    { $count ->
        [one] ein Ausschnitt
       *[other] { $count } Ausschnitte
    }

## Lists of stories

stories-intro = Jeder Bericht gibt die Erfahrungen eines einzelnen Menschen wieder – auf Video, mit Untertiteln und vollständigem Transkript.
filter-heading = Berichte finden
filter-by-theme = Nach Thema
filter-by-country = Nach Herkunftsland
stories-all = Alle Berichte
stories-list-heading =
    { $count ->
        [one] Ein Bericht
       *[other] { $count } Berichte
    }
# $country is the name of the country. The colon avoids the article some names need
# ("aus dem Irak", "aus der Türkei").
stories-from-intro = Berichte von Menschen aus diesem Land: { $country }.

## Pages of a list

pager-label = Seiten dieser Liste
pager-previous = ← Zurück
pager-next = Weiter →
pager-page = Seite { $number }
pager-position = Seite { $number } von { $count }

## Themes

themes-intro = Die Berichte sind nach Themen geordnet. Zu jedem Thema finden Sie die Berichte und die Videoausschnitte, in denen es zur Sprache kommt.
theme-stories-heading = Berichte zu diesem Thema
theme-segments-heading = Ausschnitte zu diesem Thema
themes-all = Alle Themen

## Statements

statements-intro = Was Menschen, die ausgestiegen sind, allen sagen, die überlegen, sich anzuschließen.

## Home page

home-stories-heading = Berichte
home-themes-heading = Themen
home-all-stories = Alle Berichte ansehen
home-all-themes = Alle Themen ansehen
home-statements-link = Lesen, was sie allen sagen, die überlegen, sich anzuschließen

## Language chooser (the site's first page)

root-choose = Sprache wählen
# Draft translation: needs review by a native speaker.
root-read-in = Auf Deutsch lesen

## Page not found (404.html)

# Draft translation: needs review by a native speaker.
not-found-title = Seite nicht gefunden
# Draft translation: needs review by a native speaker.
not-found-text = Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben oder entfernt.

## Search

# Draft translation: needs review by a native speaker.
nav-search = Suche
search-title = Suche
search-label = In den Berichten, ihren Botschaften und dem in den Videos Gesagten suchen
search-needs-js = Die Suche braucht JavaScript, das in diesem Browser ausgeschaltet ist.
search-all-stories = Alle Berichte ansehen
search-searching = Suche läuft…
search-none = Kein Bericht passt zu Ihrer Suche.
search-failed = Die Suche konnte nicht geladen werden. Bitte versuchen Sie es später noch einmal.
search-moment = Im Video bei
