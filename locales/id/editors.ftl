## Messages to the site's editors, in Indonesian. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = gambar ini tidak menyebutkan apa yang ditampilkannya
# Draft translation: needs review by a native speaker.
image-alt-missing-help = tulis deskripsi singkat di antara tanda kurung siku, misalnya ![Sebuah jalan setelah pengeboman](street.jpg): deskripsi ini dibacakan untuk pembaca yang tidak dapat melihat gambar
