## Messages to the site's editors, in Turkish. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = bu resim neyi gösterdiğini söylemiyor
# Draft translation: needs review by a native speaker.
image-alt-missing-help = köşeli parantezlerin arasına kısa bir açıklama yazın, örneğin ![Bombardımandan sonra bir sokak](street.jpg): resmi göremeyen okuyuculara bu açıklama okunur
