## Interface strings of the site, in English (the source language).
## Status: reviewed (the reference: every other language is translated from it)
##
## Translators: copy this file to locales/<your language>/main.ftl and translate the text
## after each "=". Keep the keys (the part before "=") and the variables ({ $count },
## { $language }, ...) unchanged. Plural forms use the categories of your language
## (Arabic has zero, one, two, few, many, other); the form marked with * is the default.
## Keep the tone plain and sober: these pages are testimonies of people who left ISIS.
## In your copy, make the Status line above "## Status: draft (not yet reviewed by a native
## speaker)"; a native speaker who has checked the whole file changes it to "## Status: reviewed".

## Site

# The name of the site, in the header of every page and in browser tabs.
site-title = Testimony
# A line in the footer of every page.
footer-note = Everyone who speaks on this site is identified only by a pseudonym.
# A second line in the footer.
footer-privacy = This site sets no cookies and loads nothing from other websites.

## Navigation

# A link at the very top of each page, visible when reached with the keyboard.
skip-to-content = Skip to content
# Name of the main menu, read by screen readers.
nav-main-label = Main
# Links of the main menu.
nav-home = Home
nav-stories = Stories
nav-themes = Themes
nav-statements = Statements
nav-about = About
# Name of the list of languages in the header, read by screen readers.
nav-languages-label = Language
# The button that opens the main menu on narrow screens (phones).
nav-menu = Menu

## Page titles

# Title of the page listing every story.
stories-title = Stories
# Title of the page listing every theme.
themes-title = Themes
# Title of the page gathering the narrators' statements.
statements-title = Statements

## Notices

# Shown at the top of a page that has not been translated into the reader's language.
# $language is the name of the language the text is shown in, e.g. "English".
notice-fallback = This page has not been translated yet. It is shown in its original language, { $language }.
# Shown at the top of a translated page whose original has been changed since.
notice-stale = The original of this page has changed since it was translated. This translation may be out of date.
# Shown at the top of a draft page, only in the editors' preview (`testimony serve --drafts`).
draft-banner = Draft: this page is not published. Only you can see it, in the preview.
# Shown above a transcript that is not in the reader's language.
# $language is the name of the transcript's language.
notice-transcript-language = There is no transcript in this language yet. The transcript is shown in { $language }.
# Shown at the top of the demonstration stories that come with the site.
notice-example = This is a fictional example story, written to demonstrate the site. It is not a real testimony.
# A short label on the card of such a story, in lists.
label-example = Fictional example
# A short label on the card of a story that has not been translated yet.
label-untranslated = Not yet translated

## Content warnings

# Heading of the box listing what a testimony contains, shown before the video.
warning-heading = Content warning
# Introduces the list of warnings.
warning-intro = This testimony contains:
# One line per warning.
warning-violence = descriptions of violence
warning-death = descriptions of death and killing
warning-sexual-violence = descriptions of sexual violence
warning-child-abuse = descriptions of the abuse of children
warning-self-harm = mentions of self-harm or suicide
warning-disturbing-images = disturbing images
# Follows the list of warnings.
warning-advice = You can pause or stop at any time. The transcript below lets you read instead of watching.
# The control under the warnings that shows the video (closed until the reader chooses it).
warning-continue = I have read the warning: show the video

## Story page

# Labels of the facts about a narrator, shown under the story's title.
story-pseudonym = Pseudonym
story-origin = From
story-joined = Joined
story-left = Left
story-interviewed = Interviewed
story-duration = Length
# Heading of the editors' introduction to a story.
story-intro-heading = About this testimony
# Shown inside the video player by browsers that cannot play video.
video-unsupported = Your browser cannot play this video.
# Link to download the video file.
video-download = Download the video
# Shown when the video file could not be loaded.
video-error = The video could not be loaded. The transcript below contains everything that is said.
# For a video hosted on YouTube: a link to it, a note that the link leaves the site, and
# why nothing of it is shown until the reader asks.
video-youtube-link = Watch the video on YouTube
video-youtube-leaves = This link leaves this site.
video-youtube-note = The video is hosted on YouTube, a separate website. Nothing is loaded from YouTube until you choose to.
# With JavaScript: a button that shows YouTube's player in the page, and what that does.
video-youtube-load = Load the video from YouTube
video-youtube-load-note = Your browser will then connect to YouTube.
# Heading of the list of time-coded parts of a video.
segments-heading = Parts of this testimony
# Help under that heading.
segments-help = Choose a part to go to that point in the video.
# Heading of the narrator's statement: what they say to anyone thinking of joining.
statement-heading = A message to anyone thinking of joining
# Heading of the full text of what is said in the video.
transcript-heading = Transcript
# Help under that heading.
transcript-help = Choose a time to go to that point in the video.
# Heading of the list of themes a story speaks to.
story-themes-heading = Themes in this testimony
# Heading of a list of other stories on the same themes.
related-heading = Related stories
# Name of the list of theme links beside a part of a video, read by screen readers.
segment-themes-label = Themes
# The length of a story's video, in lists. $duration is like "12:34".
card-duration = Video, { $duration }

## Counts

# How many stories, e.g. on the list of themes.
story-count =
    { $count ->
        [one] one story
       *[other] { $count } stories
    }
# How many time-coded parts of videos, e.g. on the list of themes.
segment-count =
    { $count ->
        [one] one passage
       *[other] { $count } passages
    }

## Lists of stories

# Introduction of the page listing every story.
stories-intro = Each story is one person's account, recorded on video, with captions and a full transcript.
# Heading of the links that narrow the list down.
filter-heading = Browse
filter-by-theme = By theme
filter-by-country = By country of origin
# Link back to the full list from the list of one country's stories.
stories-all = All stories
# Heading of a list of stories, with how many there are.
stories-list-heading =
    { $count ->
        [one] One story
       *[other] { $count } stories
    }
# Introduction of the list of stories from one country. $country is its name.
stories-from-intro = Stories of people who came from { $country }.

## Pages of a list (a long list of stories is cut into pages)

# Name of the navigation between the pages of a list, for screen readers.
pager-label = Pages of this list
# Link to the page before; the arrow points back in the reading direction.
pager-previous = ← Previous
# Link to the page after.
pager-next = Next →
# A numbered link to one page, for screen readers.
pager-page = Page { $number }
# Which page this is, in the page's title and above the pager.
pager-position = Page { $number } of { $count }

## Themes

# Introduction of the page listing every theme.
themes-intro = The testimonies are organised by theme. Each theme gathers the stories and the passages of video that speak to it.
# On a theme's page: the heading of its stories.
theme-stories-heading = Stories on this theme
# On a theme's page: the heading of the passages of video on it.
theme-segments-heading = Passages on this theme
# Link back to the list of themes.
themes-all = All themes

## Statements

# Introduction of the page gathering the statements.
statements-intro = What people who left say to anyone thinking of joining.

## Home page

home-stories-heading = Stories
home-themes-heading = Themes
home-all-stories = See all stories
home-all-themes = See all themes
home-statements-link = Read what they say to those thinking of joining

## Language chooser (the site's first page)

root-choose = Choose a language
# Below each language's name on the site's first page, in that language: an invitation to
# read the site in it. Write your language's name as your language says it: "Lire en français".
root-read-in = Read in English

## Page not found (404.html: hosts show it for an address that does not exist)

# Title of the page shown for an address that does not exist.
not-found-title = Page not found
# Below the title; links to the home page and the stories follow (or, at the site's root, the list of languages).
not-found-text = There is no page at this address. It may have been moved or removed.

## Search

# A link of the main menu, to the search page.
nav-search = Search
# Title of the search page.
search-title = Search
# The label of the search box.
search-label = Search the stories, their statements and what is said in the videos
# Shown instead of the search box when the browser runs no JavaScript; a link to the list of stories follows.
search-needs-js = Search needs JavaScript, which is turned off in this browser.
# The link after search-needs-js.
search-all-stories = See all the stories
# Shown while the index is loading or searching.
search-searching = Searching…
# Shown when nothing matches what was typed.
search-none = No story matches your search.
# Shown when the search could not be loaded (a broken connection).
search-failed = The search could not be loaded. Please try again later.
# Before the time of a moment of a video that a result points to, e.g. "In the video at 1:10".
search-moment = In the video at
