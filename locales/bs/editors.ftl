## Messages to the site's editors, in Bosnian. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = ova slika ne kaže šta prikazuje
# Draft translation: needs review by a native speaker.
image-alt-missing-help = napišite kratak opis između uglastih zagrada, npr. ![Ulica nakon bombardovanja](street.jpg): čita se čitaocima koji ne mogu vidjeti sliku
