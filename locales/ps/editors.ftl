## Messages to the site's editors, in Pashto. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = دا انځور نه وايي چې څه ښيي
# Draft translation: needs review by a native speaker.
image-alt-missing-help = د مربع قوسونو ترمنځ یو لنډ تشریح ولیکئ، د بېلګې په توګه ![د بمبارۍ وروسته یوه کوڅه](street.jpg): دا هغو لوستونکو ته لوستل کېږي چې انځور نشي لیدلی
