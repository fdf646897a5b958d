## Messages to the site's editors, in English (the source language). Not shown to readers.
## Status: reviewed (the reference: every other language is translated from it)
## Most problems a build reports are in English; these few, about the text of a page, are
## worded in the language of that page, for the editors who write it. A language without
## them gets the default language's.

# An image in a page's text, ![description](photo.jpg), with nothing between the brackets.
image-alt-missing = this picture does not say what it shows
# The help that follows it.
image-alt-missing-help = write a short description between the brackets, e.g. ![A street after the bombing](street.jpg): it is read to readers who cannot see the picture
