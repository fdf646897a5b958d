## Messages to the site's editors, in German. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = dieses Bild sagt nicht, was es zeigt
# Draft translation: needs review by a native speaker.
image-alt-missing-help = schreiben Sie eine kurze Beschreibung zwischen die eckigen Klammern, z. B. ![Eine Straße nach dem Bombenangriff](street.jpg): Sie wird Lesern vorgelesen, die das Bild nicht sehen können
