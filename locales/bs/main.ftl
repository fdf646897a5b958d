## Interface strings of the site, in Bosnian (Latin script).
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Bosnian categories one (1, 21, 31…),
## few (2–4, 22–24…) and other (0, 5–20…); 1 itself has its own variant [1]. The variant
## marked with * is the default. Readers are addressed with "vi".

## Site

site-title = Svjedočenja
footer-note = Svako ko govori na ovoj stranici predstavljen je samo pseudonimom.
footer-privacy = Ova stranica ne postavlja kolačiće i ne učitava ništa s drugih web-stranica.

## Navigation

skip-to-content = Preskoči na sadržaj
nav-main-label = Glavni meni
nav-home = Početna
nav-stories = Priče
nav-themes = Teme
nav-statements = Poruke
nav-about = O projektu
nav-languages-label = Jezik
# Draft translation: needs review by a native speaker.
nav-menu = Meni

## Page titles

stories-title = Priče
themes-title = Teme
statements-title = Poruke

## Notices

notice-fallback = Ova stranica još nije prevedena. Prikazana je na izvornom jeziku: { $language }.
notice-stale = Izvornik ove stranice promijenjen je nakon prevođenja. Ovaj prijevod možda nije ažuran.
draft-banner = Nacrt: ova stranica nije objavljena. Vidite je samo vi, u pregledu.
notice-transcript-language = Na ovom jeziku još nema transkripta. Transkript je prikazan na jeziku: { $language }.
notice-example = Ovo je izmišljena primjer-priča, napisana da pokaže kako stranica radi. Nije stvarno svjedočenje.
label-example = Izmišljeni primjer
label-untranslated = Još nije prevedeno

## Content warnings

warning-heading = Upozorenje o sadržaju
warning-intro = Ovo svjedočenje sadrži:
warning-violence = opise nasilja
warning-death = opise smrti i ubijanja
warning-sexual-violence = opise seksualnog nasilja
warning-child-abuse = opise zlostavljanja djece
warning-self-harm = spominjanje samopovređivanja ili samoubistva
warning-disturbing-images = uznemirujuće slike
warning-advice = Možete pauzirati ili prekinuti u bilo kojem trenutku. Transkript ispod omogućava vam da čitate umjesto da gledate.
warning-continue = Pročitao/la sam upozorenje: prikaži video

## Story page

story-pseudonym = Pseudonim
story-origin = Porijeklom iz
story-joined = Pridružio/la se
story-left = Napustio/la
story-interviewed = Intervju
story-duration = Trajanje
story-intro-heading = O ovom svjedočenju
video-unsupported = Vaš preglednik ne može reproducirati ovaj video.
video-download = Preuzmi video
video-error = Video se nije mogao učitati. Transkript ispod sadrži sve što je rečeno.
video-youtube-link = Pogledajte video na YouTubeu
video-youtube-leaves = Ovaj link vodi izvan ove stranice.
video-youtube-note = Video se nalazi na YouTubeu, zasebnoj web-stranici. Ništa se ne učitava s YouTubea dok to sami ne odaberete.
video-youtube-load = Učitaj video s YouTubea
video-youtube-load-note = Vaš preglednik će se tada povezati s YouTubeom.
segments-heading = Dijelovi ovog svjedočenja
segments-help = Odaberite dio da biste otišli na to mjesto u videu.
statement-heading = Poruka svakome ko razmišlja o pridruživanju
transcript-heading = Transkript
transcript-help = Odaberite vrijeme da biste otišli na to mjesto u videu.
story-themes-heading = Teme u ovom svjedočenju
related-heading = Srodne priče
segment-themes-label = Teme
card-duration = Video, { $duration }

## Counts

story-count =
    { $count ->
        [1] jedna priča
        [one] { $count } priča
        [few] { $count } priče
       *[other] { $count } priča
    }
segment-count =
    { $count ->
        [1] jedan odlomak
        [one] { $count } odlomak
        [few] { $count } odlomka
       *[other] { $count } odlomaka
    }

## Lists of stories

stories-intro = Svaka priča je iskaz jedne osobe, snimljen na videu, s titlovima i potpunim transkriptom.
filter-heading = Pregledaj
filter-by-theme = Po temi
filter-by-country = Po zemlji porijekla
stories-all = Sve priče
stories-list-heading =
    { $count ->
        [1] Jedna priča
        [one] { $count } priča
        [few] { $count } priče
       *[other] { $count } priča
    }
stories-from-intro = Priče ljudi koji su došli iz zemlje: { $country }.

## Pages of a list (a long list of stories is cut into pages)

pager-label = Stranice ovog spiska
pager-previous = ← Prethodna
pager-next = Sljedeća →
pager-page = Stranica { $number }
pager-position = Stranica { $number } od { $count }

## Themes

themes-intro = Svjedočenja su razvrstana po temama. Svaka tema okuplja priče i dijelove videa koji govore o njoj.
theme-stories-heading = Priče o ovoj temi
theme-segments-heading = Odlomci o ovoj temi
themes-all = Sve teme

## Statements

statements-intro = Šta ljudi koji su otišli poručuju svakome ko razmišlja o pridruživanju.

## Home page

home-stories-heading = Priče
home-themes-heading = Teme
home-all-stories = Pogledajte sve priče
home-all-themes = Pogledajte sve teme
home-statements-link = Pročitajte šta poručuju onima koji razmišljaju o pridruživanju

## Language chooser (the site's first page)

root-choose = Odaberite jezik
# Draft translation: needs review by a native speaker.
root-read-in = Čitajte na bosanskom

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = Stranica nije pronađena
not-found-text = Na ovoj adresi nema stranice. Možda je premještena ili uklonjena.

## Search

nav-search = Pretraga
search-title = Pretraga
search-label = Pretražite priče, njihove poruke i ono što se govori u videima
search-needs-js = Pretraga zahtijeva JavaScript, koji je isključen u ovom pregledniku.
search-all-stories = Pogledajte sve priče
search-searching = Pretraživanje…
search-none = Nijedna priča ne odgovara vašoj pretrazi.
search-failed = Pretraga se nije mogla učitati. Pokušajte ponovo kasnije.
search-moment = U videu na
