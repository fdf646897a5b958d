## Messages to the site's editors, in Dutch. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = deze afbeelding zegt niet wat ze laat zien
# Draft translation: needs review by a native speaker.
image-alt-missing-help = schrijf een korte beschrijving tussen de vierkante haken, bijvoorbeeld ![Een straat na het bombardement](street.jpg): die wordt voorgelezen aan lezers die de afbeelding niet kunnen zien
