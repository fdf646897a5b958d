## Interface strings of the site, in Albanian.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Albanian categories one and other; the
## variant marked with * is the default. Readers are addressed with "ju".

## Site

site-title = Dëshmi
footer-note = Kushdo që flet në këtë faqe njihet vetëm me një pseudonim.
footer-privacy = Kjo faqe nuk vendos cookies dhe nuk ngarkon asgjë nga faqe të tjera interneti.

## Navigation

skip-to-content = Kalo te përmbajtja
nav-main-label = Kryesore
nav-home = Kreu
nav-stories = Rrëfime
nav-themes = Tema
nav-statements = Mesazhe
nav-about = Rreth nesh
nav-languages-label = Gjuha
# Draft translation: needs review by a native speaker.
nav-menu = Menyja

## Page titles

stories-title = Rrëfime
themes-title = Tema
statements-title = Mesazhe

## Notices

notice-fallback = Kjo faqe nuk është përkthyer ende. Ajo shfaqet në gjuhën e saj origjinale, { $language }.
notice-stale = Origjinali i kësaj faqeje ka ndryshuar që kur u përkthye. Ky përkthim mund të jetë i vjetëruar.
draft-banner = Draft: kjo faqe nuk është publikuar. Vetëm ju e shihni, në parapamje.
notice-transcript-language = Nuk ka ende transkript në këtë gjuhë. Transkripti shfaqet në { $language }.
notice-example = Ky është një rrëfim shembull i trilluar, i shkruar për të treguar faqen. Nuk është dëshmi e vërtetë.
label-example = Shembull i trilluar
label-untranslated = Ende i papërkthyer

## Content warnings

warning-heading = Paralajmërim për përmbajtjen
warning-intro = Kjo dëshmi përmban:
warning-violence = përshkrime dhune
warning-death = përshkrime vdekjeje dhe vrasjesh
warning-sexual-violence = përshkrime dhune seksuale
warning-child-abuse = përshkrime abuzimi me fëmijë
warning-self-harm = përmendje të vetëlëndimit ose vetëvrasjes
warning-disturbing-images = pamje shqetësuese
warning-advice = Mund ta ndaloni përkohësisht ose plotësisht në çdo kohë. Transkripti më poshtë ju lejon të lexoni në vend që të shikoni.
warning-continue = E kam lexuar paralajmërimin: shfaq videon

## Story page

story-pseudonym = Pseudonimi
story-origin = Nga
story-joined = U bashkua
story-left = U largua
story-interviewed = Intervistuar
story-duration = Kohëzgjatja
story-intro-heading = Rreth kësaj dëshmie
video-unsupported = Shfletuesi juaj nuk mund ta luajë këtë video.
video-download = Shkarko videon
video-error = Videoja nuk u ngarkua dot. Transkripti më poshtë përmban gjithçka që thuhet.
video-youtube-link = Shikoni videon në YouTube
video-youtube-leaves = Kjo lidhje ju çon jashtë kësaj faqeje.
video-youtube-note = Videoja ndodhet në YouTube, një faqe interneti më vete. Asgjë nuk ngarkohet nga YouTube derisa ta zgjidhni ju.
video-youtube-load = Ngarko videon nga YouTube
video-youtube-load-note = Shfletuesi juaj do të lidhet atëherë me YouTube.
segments-heading = Pjesët e kësaj dëshmie
segments-help = Zgjidhni një pjesë për të shkuar në atë pikë të videos.
statement-heading = Një mesazh për këdo që mendon të bashkohet
transcript-heading = Transkripti
transcript-help = Zgjidhni një kohë për të shkuar në atë pikë të videos.
story-themes-heading = Temat në këtë dëshmi
related-heading = Rrëfime të ngjashme
segment-themes-label = Tema
card-duration = Video, { $duration }

## Counts

story-count =
    { $count ->
        [one] një rrëfim
       *[other] { $count } rrëfime
    }
segment-count =
    { $count ->
        [one] një pjesë
       *[other] { $count } pjesë
    }

## Lists of stories

stories-intro = Çdo rrëfim është tregimi i një personi, i regjistruar në video, me titra dhe një transkript të plotë.
filter-heading = Shfletoni
filter-by-theme = Sipas temës
filter-by-country = Sipas vendit të origjinës
stories-all = Të gjitha rrëfimet
stories-list-heading =
    { $count ->
        [one] Një rrëfim
       *[other] { $count } rrëfime
    }
stories-from-intro = Rrëfime të njerëzve që erdhën nga { $country }.

## Pages of a list (a long list of stories is cut into pages)

pager-label = Faqet e kësaj liste
pager-previous = ← E mëparshmja
pager-next = Tjetra →
pager-page = Faqja { $number }
pager-position = Faqja { $number } nga { $count }

## Themes

themes-intro = Dëshmitë janë renditur sipas temave. Çdo temë mbledh rrëfimet dhe pjesët e videove që flasin për të.
theme-stories-heading = Rrëfime për këtë temë
theme-segments-heading = Pjesë për këtë temë
themes-all = Të gjitha temat

## Statements

statements-intro = Çfarë u thonë ata që u larguan atyre që mendojnë të bashkohen.

## Home page

home-stories-heading = Rrëfime
home-themes-heading = Tema
home-all-stories = Shihni të gjitha rrëfimet
home-all-themes = Shihni të gjitha temat
home-statements-link = Lexoni çfarë u thonë atyre që mendojnë të bashkohen

## Language chooser (the site's first page)

root-choose = Zgjidhni një gjuhë
# Draft translation: needs review by a native speaker.
root-read-in = Lexo në shqip

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = Faqja nuk u gjet
not-found-text = Nuk ka faqe në këtë adresë. Mund të jetë zhvendosur ose hequr.

## Search

nav-search = Kërko
search-title = Kërko
search-label = Kërkoni në rrëfime, në mesazhet e tyre dhe në atë që thuhet në video
search-needs-js = Kërkimi kërkon JavaScript, i cili është i çaktivizuar në këtë shfletues.
search-all-stories = Shihni të gjitha rrëfimet
search-searching = Duke kërkuar…
search-none = Asnjë rrëfim nuk përputhet me kërkimin tuaj.
search-failed = Kërkimi nuk u ngarkua dot. Ju lutemi provoni përsëri më vonë.
search-moment = Në video, në
