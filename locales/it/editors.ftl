## Messages to the site's editors, in Italian. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = questa immagine non dice che cosa mostra
# Draft translation: needs review by a native speaker.
image-alt-missing-help = scrivete una breve descrizione tra le parentesi quadre, per esempio ![Una strada dopo il bombardamento](street.jpg): viene letta ai lettori che non possono vedere l’immagine
