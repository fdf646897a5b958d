## Messages to the site's editors, in Urdu. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = یہ تصویر نہیں بتاتی کہ اس میں کیا دکھایا گیا ہے
# Draft translation: needs review by a native speaker.
image-alt-missing-help = چوکور قوسین کے درمیان ایک مختصر وضاحت لکھیں، مثلاً ![بمباری کے بعد ایک گلی](street.jpg): یہ وضاحت ان قارئین کو پڑھ کر سنائی جاتی ہے جو تصویر نہیں دیکھ سکتے
