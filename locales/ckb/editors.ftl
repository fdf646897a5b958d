## Messages to the site's editors, in Central Kurdish (Sorani). Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = ئەم وێنەیە ناڵێت چی پیشان دەدات
# Draft translation: needs review by a native speaker.
image-alt-missing-help = وەسفێکی کورت لە نێوان کەوانە چوارگۆشەکاندا بنووسە، بۆ نموونە ![شەقامێک دوای بۆمبارانەکە](street.jpg): بۆ ئەو خوێنەرانە دەخوێندرێتەوە کە ناتوانن وێنەکە ببینن
