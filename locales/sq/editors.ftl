## Messages to the site's editors, in Albanian. Not shown to readers.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/editors.ftl, which is the reference.
## Draft translation: needs review by a native speaker.

# Draft translation: needs review by a native speaker.
image-alt-missing = kjo figurë nuk thotë çfarë tregon
# Draft translation: needs review by a native speaker.
image-alt-missing-help = shkruani një përshkrim të shkurtër midis kllapave katrore, p.sh. ![Një rrugë pas bombardimit](street.jpg): ai u lexohet lexuesve që nuk mund ta shohin figurën
