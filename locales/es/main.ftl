## Interface strings of the site, in Spanish.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Spanish categories one and other (CLDR's
## "many", for round millions, falls back to other); the variant marked with * is the default.
## Readers are addressed with "usted".

## Site

site-title = Testimonios
footer-note = Todas las personas que hablan en este sitio aparecen solo con un seudónimo.
footer-privacy = Este sitio no usa cookies ni carga nada de otros sitios web.

## Navigation

skip-to-content = Ir al contenido
nav-main-label = Principal
nav-home = Inicio
nav-stories = Historias
nav-themes = Temas
nav-statements = Mensajes
nav-about = Acerca de
nav-languages-label = Idioma
# Draft translation: needs review by a native speaker.
nav-menu = Menú

## Page titles

stories-title = Historias
themes-title = Temas
statements-title = Mensajes

## Notices

notice-fallback = Esta página aún no está traducida. Se muestra en su idioma original, { $language }.
notice-stale = El original de esta página ha cambiado desde que se tradujo. Esta traducción puede estar desactualizada.
draft-banner = Borrador: esta página no está publicada. Solo usted la ve, en la vista previa.
notice-transcript-language = Todavía no hay transcripción en este idioma. La transcripción se muestra en { $language }.
notice-example = Esta es una historia de ejemplo ficticia, escrita para mostrar el sitio. No es un testimonio real.
label-example = Ejemplo ficticio
label-untranslated = Aún sin traducir

## Content warnings

warning-heading = Advertencia sobre el contenido
warning-intro = Este testimonio contiene:
warning-violence = descripciones de violencia
warning-death = descripciones de muerte y asesinatos
warning-sexual-violence = descripciones de violencia sexual
warning-child-abuse = descripciones de abuso de menores
warning-self-harm = menciones de autolesiones o suicidio
warning-disturbing-images = imágenes perturbadoras
warning-advice = Puede pausar o detener el video en cualquier momento. La transcripción de abajo le permite leer en lugar de mirar.
warning-continue = He leído la advertencia: mostrar el video

## Story page

story-pseudonym = Seudónimo
story-origin = Procedencia
story-joined = Se unió
story-left = Se fue
story-interviewed = Entrevista
story-duration = Duración
story-intro-heading = Sobre este testimonio
video-unsupported = Su navegador no puede reproducir este video.
video-download = Descargar el video
video-error = No se pudo cargar el video. La transcripción de abajo contiene todo lo que se dice.
video-youtube-link = Ver el video en YouTube
video-youtube-leaves = Este enlace sale de este sitio.
video-youtube-note = El video está alojado en YouTube, un sitio web independiente. No se carga nada de YouTube hasta que usted lo decida.
video-youtube-load = Cargar el video desde YouTube
video-youtube-load-note = Su navegador se conectará entonces a YouTube.
segments-heading = Partes de este testimonio
segments-help = Elija una parte para ir a ese punto del video.
statement-heading = Un mensaje para quien piense en unirse
transcript-heading = Transcripción
transcript-help = Elija un momento para ir a ese punto del video.
story-themes-heading = Temas de este testimonio
related-heading = Historias relacionadas
segment-themes-label = Temas
card-duration = Video, { $duration }

## Counts

story-count =
    { $count ->
        [one] una historia
       *[other] { $count } historias
    }
segment-count =
    { $count ->
        [one] un fragmento
       *[other] { $count } fragmentos
    }

## Lists of stories

stories-intro = Cada historia es el relato de una persona, grabado en video, con subtítulos y una transcripción completa.
filter-heading = Explorar
filter-by-theme = Por tema
filter-by-country = Por país de origen
stories-all = Todas las historias
stories-list-heading =
    { $count ->
        [one] Una historia
       *[other] { $count } historias
    }
stories-from-intro = Historias de personas que llegaron desde { $country }.

## Pages of a list (a long list of stories is cut into pages)

pager-label = Páginas de esta lista
pager-previous = ← Anterior
pager-next = Siguiente →
pager-page = Página { $number }
pager-position = Página { $number } de { $count }

## Themes

themes-intro = Los testimonios están organizados por temas. Cada tema reúne las historias y los fragmentos de video que tratan de él.
theme-stories-heading = Historias sobre este tema
theme-segments-heading = Fragmentos sobre este tema
themes-all = Todos los temas

## Statements

statements-intro = Lo que dicen quienes se fueron a cualquiera que piense en unirse.

## Home page

home-stories-heading = Historias
home-themes-heading = Temas
home-all-stories = Ver todas las historias
home-all-themes = Ver todos los temas
home-statements-link = Leer lo que dicen a quienes piensan en unirse

## Language chooser (the site's first page)

root-choose = Elija un idioma
# Draft translation: needs review by a native speaker.
root-read-in = Leer en español

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = Página no encontrada
not-found-text = No hay ninguna página en esta dirección. Puede haberse movido o eliminado.

## Search

nav-search = Buscar
search-title = Buscar
search-label = Buscar en las historias, sus mensajes y lo que se dice en los videos
search-needs-js = La búsqueda necesita JavaScript, que está desactivado en este navegador.
search-all-stories = Ver todas las historias
search-searching = Buscando…
search-none = Ninguna historia coincide con su búsqueda.
search-failed = No se pudo cargar la búsqueda. Inténtelo de nuevo más tarde.
search-moment = En el video, en
