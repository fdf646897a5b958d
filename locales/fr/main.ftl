## Interface strings of the site, in French.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the French categories one and other; French
## "one" covers 0, 1 and fractions below 2, so 0 and 1 have their own variants [0] and [1].
## The variant marked with * is the default.
## Typography: no-break space (U+00A0) before ":", narrow no-break space (U+202F) before
## ";", "?" and "!".
## DRAFT: the strings under "Pages of a list" (pager-*) are a first French draft,
## not yet reviewed by a native speaker; review them before publishing.
## Drafts awaiting review by a native speaker (each marked below): warning-continue,
## video-youtube-leaves, video-youtube-note, video-youtube-load, video-youtube-load-note.

## Site

# Same as the title of content/_index.fr.md.
site-title = Témoignage
footer-note = Les personnes qui s’expriment sur ce site ne sont identifiées que par un pseudonyme.
footer-privacy = Ce site ne dépose aucun cookie et ne charge rien depuis d’autres sites.

## Navigation

skip-to-content = Aller au contenu
nav-main-label = Menu principal
nav-home = Accueil
nav-stories = Histoires
nav-themes = Thèmes
nav-statements = Messages
nav-about = À propos
nav-languages-label = Langue
# Draft translation: needs review by a native speaker.
nav-menu = Menu

## Page titles

stories-title = Histoires
themes-title = Thèmes
statements-title = Messages

## Notices

# $language is the name of the language the page is shown in, e.g. "English".
notice-fallback = Cette page n’a pas encore été traduite. Elle est affichée dans sa langue d’origine : { $language }.
notice-stale = L’original de cette page a été modifié depuis sa traduction. Cette traduction n’est peut-être plus à jour.
# Draft translation: needs review by a native speaker. Shown only in the editors' preview.
draft-banner = Brouillon : cette page n’est pas publiée. Vous seul la voyez, dans l’aperçu.
# $language is the name of the transcript's language.
notice-transcript-language = Il n’y a pas encore de transcription dans cette langue. La transcription est affichée dans une autre langue : { $language }.
notice-example = Cette histoire est un exemple fictif, rédigé pour montrer le fonctionnement du site. Ce n’est pas un vrai témoignage.
label-example = Exemple fictif
label-untranslated = Pas encore traduite

## Content warnings

warning-heading = Avertissement
warning-intro = Ce témoignage contient :
warning-violence = des descriptions de violence
warning-death = des descriptions de morts et de meurtres
warning-sexual-violence = des descriptions de violences sexuelles
warning-child-abuse = des descriptions de maltraitances envers des enfants
warning-self-harm = des mentions d’automutilation ou de suicide
warning-disturbing-images = des images choquantes
warning-advice = Vous pouvez mettre la vidéo en pause ou l’arrêter à tout moment. La transcription ci-dessous vous permet de lire le témoignage plutôt que de le regarder.
# Draft translation: needs review by a native speaker.
warning-continue = J’ai lu l’avertissement : afficher la vidéo

## Story page

story-pseudonym = Pseudonyme
story-origin = Origine
story-joined = Entrée dans le groupe
story-left = Sortie du groupe
story-interviewed = Entretien
story-duration = Durée
story-intro-heading = À propos de ce témoignage
video-unsupported = Votre navigateur ne peut pas lire cette vidéo.
video-download = Télécharger la vidéo
video-error = La vidéo n’a pas pu être chargée. La transcription ci-dessous contient tout ce qui y est dit.
video-youtube-link = Regarder la vidéo sur YouTube
# Draft translation: needs review by a native speaker.
video-youtube-leaves = Ce lien quitte ce site.
# Draft translation: needs review by a native speaker.
video-youtube-note = La vidéo est hébergée sur YouTube, un site distinct. Rien n’est chargé depuis YouTube tant que vous ne l’avez pas choisi.
# Draft translation: needs review by a native speaker.
video-youtube-load = Charger la vidéo depuis YouTube
# Draft translation: needs review by a native speaker.
video-youtube-load-note = Votre navigateur se connectera alors à YouTube.
segments-heading = Les parties de ce témoignage
segments-help = Choisissez une partie pour aller à ce moment de la vidéo.
statement-heading = Un message à celles et ceux qui pensent rejoindre le groupe
transcript-heading = Transcription
transcript-help = Choisissez un minutage pour aller à ce moment de la vidéo.
story-themes-heading = Les thèmes de ce témoignage
related-heading = Histoires sur les mêmes thèmes
segment-themes-label = Thèmes
# $duration is like "12:34".
card-duration = Vidéo, { $duration }

## Counts

story-count =
    { $count ->
        [0] aucune histoire
        [1] une histoire
        [one] { $count } histoire
       *[other] { $count } histoires
    }
segment-count =
    { $count ->
        [0] aucun passage
        [1] un passage
        [one] { $count } passage
       *[other] { $count } passages
    }

## Lists of stories

stories-intro = Chaque histoire est le récit d’une seule personne, filmé, avec des sous-titres et une transcription complète.
filter-heading = Parcourir
filter-by-theme = Par thème
filter-by-country = Par pays d’origine
stories-all = Toutes les histoires
stories-list-heading =
    { $count ->
        [0] Aucune histoire
        [1] Une histoire
        [one] { $count } histoire
       *[other] { $count } histoires
    }
# $country is the name of the country. A colon avoids "de"/"du"/"d’" before its name.
stories-from-intro = Les histoires de personnes originaires de ce pays : { $country }.

## Pages of a list

pager-label = Pages de cette liste
pager-previous = ← Précédente
pager-next = Suivante →
pager-page = Page { $number }
pager-position = Page { $number } sur { $count }

## Themes

themes-intro = Les témoignages sont classés par thème. Chaque thème réunit les histoires et les passages vidéo qui s’y rapportent.
theme-stories-heading = Histoires sur ce thème
theme-segments-heading = Passages sur ce thème
themes-all = Tous les thèmes

## Statements

statements-intro = Ce que disent celles et ceux qui ont quitté le groupe à toute personne tentée de le rejoindre.

## Home page

home-stories-heading = Histoires
home-themes-heading = Thèmes
home-all-stories = Voir toutes les histoires
home-all-themes = Voir tous les thèmes
home-statements-link = Lire ce qu’ils disent à celles et ceux qui pensent rejoindre le groupe

## Language chooser (the site's first page)

root-choose = Choisissez une langue
# Draft translation: needs review by a native speaker.
root-read-in = Lire en français

## Page not found (404.html)

# Draft translation: needs review by a native speaker.
not-found-title = Page introuvable
# Draft translation: needs review by a native speaker.
not-found-text = Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée ou supprimée.

## Search

# Draft translation: needs review by a native speaker.
nav-search = Recherche
search-title = Recherche
search-label = Chercher dans les histoires, leurs messages et ce qui est dit dans les vidéos
search-needs-js = La recherche a besoin de JavaScript, désactivé dans ce navigateur.
search-all-stories = Voir toutes les histoires
search-searching = Recherche en cours…
search-none = Aucune histoire ne correspond à votre recherche.
search-failed = La recherche n’a pas pu être chargée. Réessayez plus tard.
search-moment = Dans la vidéo à
