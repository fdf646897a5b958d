## Messages to the site's editors, in Russian. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = у этого изображения нет описания того, что на нём показано
# Draft translation: needs review by a native speaker.
image-alt-missing-help = напишите краткое описание в квадратных скобках, например ![Улица после бомбардировки](street.jpg): его зачитывают читателям, которые не видят изображение
