## Interface strings of the site, in Italian.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Italian categories one and other (CLDR's
## "many", for round millions, falls back to other); the variant marked with * is the default.

## Site

site-title = Testimonianze
footer-note = Chi parla su questo sito è identificato solo con uno pseudonimo.
footer-privacy = Questo sito non usa cookie e non carica nulla da altri siti web.

## Navigation

skip-to-content = Vai al contenuto
nav-main-label = Principale
nav-home = Home
nav-stories = Storie
nav-themes = Temi
nav-statements = Messaggi
nav-about = Chi siamo
nav-languages-label = Lingua
# Draft translation: needs review by a native speaker.
nav-menu = Menu

## Page titles

stories-title = Storie
themes-title = Temi
statements-title = Messaggi

## Notices

notice-fallback = Questa pagina non è ancora stata tradotta. È mostrata nella sua lingua originale, { $language }.
notice-stale = L'originale di questa pagina è cambiato dopo la traduzione. Questa traduzione potrebbe non essere aggiornata.
draft-banner = Bozza: questa pagina non è pubblicata. La vede solo lei, nell'anteprima.
notice-transcript-language = Non c'è ancora una trascrizione in questa lingua. La trascrizione è mostrata in { $language }.
notice-example = Questa è una storia di esempio inventata, scritta per mostrare il sito. Non è una testimonianza reale.
label-example = Esempio inventato
label-untranslated = Non ancora tradotta

## Content warnings

warning-heading = Avviso sui contenuti
warning-intro = Questa testimonianza contiene:
warning-violence = descrizioni di violenza
warning-death = descrizioni di morte e uccisioni
warning-sexual-violence = descrizioni di violenza sessuale
warning-child-abuse = descrizioni di abusi su minori
warning-self-harm = riferimenti ad autolesionismo o suicidio
warning-disturbing-images = immagini disturbanti
warning-advice = Può mettere in pausa o interrompere in qualsiasi momento. La trascrizione qui sotto permette di leggere invece di guardare.
warning-continue = Ho letto l'avviso: mostra il video

## Story page

story-pseudonym = Pseudonimo
story-origin = Provenienza
story-joined = Entrato
story-left = Uscito
story-interviewed = Intervista
story-duration = Durata
story-intro-heading = Su questa testimonianza
video-unsupported = Il suo browser non può riprodurre questo video.
video-download = Scarica il video
video-error = Non è stato possibile caricare il video. La trascrizione qui sotto contiene tutto ciò che viene detto.
video-youtube-link = Guarda il video su YouTube
video-youtube-leaves = Questo link porta fuori da questo sito.
video-youtube-note = Il video è ospitato su YouTube, un sito separato. Nulla viene caricato da YouTube finché non lo sceglie lei.
video-youtube-load = Carica il video da YouTube
video-youtube-load-note = Il suo browser si collegherà quindi a YouTube.
segments-heading = Parti di questa testimonianza
segments-help = Scelga una parte per andare a quel punto del video.
statement-heading = Un messaggio per chi pensa di unirsi
transcript-heading = Trascrizione
transcript-help = Scelga un momento per andare a quel punto del video.
story-themes-heading = Temi di questa testimonianza
related-heading = Storie correlate
segment-themes-label = Temi
card-duration = Video, { $duration }

## Counts

story-count =
    { $count ->
        [one] una storia
       *[other] { $count } storie
    }
segment-count =
    { $count ->
        [one] un passaggio
       *[other] { $count } passaggi
    }

## Lists of stories

stories-intro = Ogni storia è il racconto di una persona, registrato in video, con sottotitoli e una trascrizione completa.
filter-heading = Sfoglia
filter-by-theme = Per tema
filter-by-country = Per paese di origine
stories-all = Tutte le storie
stories-list-heading =
    { $count ->
        [one] Una storia
       *[other] { $count } storie
    }
stories-from-intro = Storie di persone provenienti da { $country }.

## Pages of a list (a long list of stories is cut into pages)

pager-label = Pagine di questo elenco
pager-previous = ← Precedente
pager-next = Successiva →
pager-page = Pagina { $number }
pager-position = Pagina { $number } di { $count }

## Themes

themes-intro = Le testimonianze sono organizzate per tema. Ogni tema riunisce le storie e i passaggi video che lo trattano.
theme-stories-heading = Storie su questo tema
theme-segments-heading = Passaggi su questo tema
themes-all = Tutti i temi

## Statements

statements-intro = Che cosa dice chi se n'è andato a chiunque pensi di unirsi.

## Home page

home-stories-heading = Storie
home-themes-heading = Temi
home-all-stories = Vedi tutte le storie
home-all-themes = Vedi tutti i temi
home-statements-link = Leggi che cosa dicono a chi pensa di unirsi

## Language chooser (the site's first page)

root-choose = Scegli una lingua
# Draft translation: needs review by a native speaker.
root-read-in = Leggi in italiano

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = Pagina non trovata
not-found-text = Non c'è nessuna pagina a questo indirizzo. Potrebbe essere stata spostata o rimossa.

## Search

nav-search = Cerca
search-title = Cerca
search-label = Cerca nelle storie, nei loro messaggi e in ciò che si dice nei video
search-needs-js = La ricerca richiede JavaScript, che è disattivato in questo browser.
search-all-stories = Vedi tutte le storie
search-searching = Ricerca in corso…
search-none = Nessuna storia corrisponde alla ricerca.
search-failed = Non è stato possibile caricare la ricerca. Riprovi più tardi.
search-moment = Nel video, a
