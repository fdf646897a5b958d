## Messages to the site's editors, in French. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = cette image ne dit pas ce qu’elle montre
# Draft translation: needs review by a native speaker.
image-alt-missing-help = écrivez une courte description entre les crochets, par exemple ![Une rue après le bombardement](street.jpg) : elle est lue aux lecteurs qui ne peuvent pas voir l’image
