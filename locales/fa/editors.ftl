## Messages to the site's editors, in Persian. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = این تصویر نمی‌گوید چه چیزی را نشان می‌دهد
# Draft translation: needs review by a native speaker.
image-alt-missing-help = توضیح کوتاهی میان دو قلاب بنویسید، مثلاً ![خیابانی پس از بمباران](street.jpg): این توضیح برای خوانندگانی که نمی‌توانند تصویر را ببینند خوانده می‌شود
