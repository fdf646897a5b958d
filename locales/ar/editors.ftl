## Messages to the site's editors, in Arabic. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = هذه الصورة بلا وصف لما تُظهره
# Draft translation: needs review by a native speaker.
image-alt-missing-help = اكتب وصفًا قصيرًا بين القوسين المعقوفين، مثل ![شارع بعد القصف](street.jpg): يُقرأ هذا الوصف للقرّاء الذين لا يستطيعون رؤية الصورة
