## Messages to the site's editors, in Spanish. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = esta imagen no dice lo que muestra
# Draft translation: needs review by a native speaker.
image-alt-missing-help = escriba una breve descripción entre los corchetes, por ejemplo ![Una calle después del bombardeo](street.jpg): se lee a los lectores que no pueden ver la imagen
