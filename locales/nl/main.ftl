## Interface strings of the site, in Dutch.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Dutch categories one and other; the
## variant marked with * is the default. Readers are addressed with "u".

## Site

site-title = Getuigenissen
footer-note = Iedereen die op deze site spreekt, is alleen met een schuilnaam te herkennen.
footer-privacy = Deze site plaatst geen cookies en laadt niets van andere websites.

## Navigation

skip-to-content = Naar de inhoud
nav-main-label = Hoofdmenu
nav-home = Home
nav-stories = Verhalen
nav-themes = Thema's
nav-statements = Boodschappen
nav-about = Over
nav-languages-label = Taal
# Draft translation: needs review by a native speaker.
nav-menu = Menu

## Page titles

stories-title = Verhalen
themes-title = Thema's
statements-title = Boodschappen

## Notices

notice-fallback = Deze pagina is nog niet vertaald. Ze wordt getoond in de oorspronkelijke taal, { $language }.
notice-stale = Het origineel van deze pagina is gewijzigd sinds de vertaling. Deze vertaling is mogelijk verouderd.
draft-banner = Concept: deze pagina is niet gepubliceerd. Alleen u ziet haar, in de voorvertoning.
notice-transcript-language = Er is nog geen transcriptie in deze taal. De transcriptie wordt getoond in het { $language }.
notice-example = Dit is een verzonnen voorbeeldverhaal, geschreven om de site te laten zien. Het is geen echte getuigenis.
label-example = Verzonnen voorbeeld
label-untranslated = Nog niet vertaald

## Content warnings

warning-heading = Waarschuwing over de inhoud
warning-intro = Deze getuigenis bevat:
warning-violence = beschrijvingen van geweld
warning-death = beschrijvingen van dood en doden
warning-sexual-violence = beschrijvingen van seksueel geweld
warning-child-abuse = beschrijvingen van kindermishandeling
warning-self-harm = vermeldingen van zelfbeschadiging of zelfdoding
warning-disturbing-images = schokkende beelden
warning-advice = U kunt op elk moment pauzeren of stoppen. Met de transcriptie hieronder kunt u lezen in plaats van kijken.
warning-continue = Ik heb de waarschuwing gelezen: toon de video

## Story page

story-pseudonym = Schuilnaam
story-origin = Afkomstig uit
story-joined = Aangesloten
story-left = Vertrokken
story-interviewed = Geïnterviewd
story-duration = Duur
story-intro-heading = Over deze getuigenis
video-unsupported = Uw browser kan deze video niet afspelen.
video-download = De video downloaden
video-error = De video kon niet worden geladen. De transcriptie hieronder bevat alles wat er gezegd wordt.
video-youtube-link = Bekijk de video op YouTube
video-youtube-leaves = Deze link verlaat deze site.
video-youtube-note = De video staat op YouTube, een andere website. Er wordt niets van YouTube geladen tot u daarvoor kiest.
video-youtube-load = De video van YouTube laden
video-youtube-load-note = Uw browser maakt dan verbinding met YouTube.
segments-heading = Delen van deze getuigenis
segments-help = Kies een deel om naar dat punt in de video te gaan.
statement-heading = Een boodschap aan iedereen die overweegt zich aan te sluiten
transcript-heading = Transcriptie
transcript-help = Kies een tijdstip om naar dat punt in de video te gaan.
story-themes-heading = Thema's in deze getuigenis
related-heading = Verwante verhalen
segment-themes-label = Thema's
card-duration = Video, { $duration }

## Counts

story-count =
    { $count ->
        [one] één verhaal
       *[other] { $count } verhalen
    }
segment-count =
    { $count ->
        [one] één fragment
       *[other] { $count } fragmenten
    }

## Lists of stories

stories-intro = Elk verhaal is het relaas van één persoon, op video opgenomen, met ondertitels en een volledige transcriptie.
filter-heading = Bladeren
filter-by-theme = Op thema
filter-by-country = Op land van herkomst
stories-all = Alle verhalen
stories-list-heading =
    { $count ->
        [one] Eén verhaal
       *[other] { $count } verhalen
    }
stories-from-intro = Verhalen van mensen die uit { $country } kwamen.

## Pages of a list (a long list of stories is cut into pages)

pager-label = Pagina's van deze lijst
pager-previous = ← Vorige
pager-next = Volgende →
pager-page = Pagina { $number }
pager-position = Pagina { $number } van { $count }

## Themes

themes-intro = De getuigenissen zijn per thema geordend. Elk thema brengt de verhalen en videofragmenten samen die erover gaan.
theme-stories-heading = Verhalen over dit thema
theme-segments-heading = Fragmenten over dit thema
themes-all = Alle thema's

## Statements

statements-intro = Wat mensen die vertrokken zijn zeggen tegen iedereen die overweegt zich aan te sluiten.

## Home page

home-stories-heading = Verhalen
home-themes-heading = Thema's
home-all-stories = Alle verhalen bekijken
home-all-themes = Alle thema's bekijken
home-statements-link = Lees wat zij zeggen tegen wie overweegt zich aan te sluiten

## Language chooser (the site's first page)

root-choose = Kies een taal
# Draft translation: needs review by a native speaker.
root-read-in = Lees in het Nederlands

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = Pagina niet gevonden
not-found-text = Er is geen pagina op dit adres. Ze is misschien verplaatst of verwijderd.

## Search

nav-search = Zoeken
search-title = Zoeken
search-label = Zoek in de verhalen, hun boodschappen en wat er in de video's gezegd wordt
search-needs-js = Zoeken heeft JavaScript nodig, en dat staat uit in deze browser.
search-all-stories = Alle verhalen bekijken
search-searching = Bezig met zoeken…
search-none = Geen enkel verhaal past bij uw zoekopdracht.
search-failed = De zoekfunctie kon niet worden geladen. Probeer het later opnieuw.
search-moment = In de video op
