## Messages to the site's editors, in Uzbek (Latin script). Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = bu rasm nimani koʻrsatishini aytmaydi
# Draft translation: needs review by a native speaker.
image-alt-missing-help = kvadrat qavslar orasiga qisqa tavsif yozing, masalan ![Bombardimondan keyingi koʻcha](street.jpg): u rasmni koʻra olmaydigan oʻquvchilarga oʻqib beriladi
